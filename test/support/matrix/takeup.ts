import type { RouterCalls } from './types.ts';

/** The matrices' calls for the `takeup` router's procedures (test/support/matrix.ts). */
export const takeup = {
  // Take-up of a region's service agreement: the foreign caller reads it, and writes a member's row (its own
  // space's and the target's owner's) at a fresh and a seeded version.
  'takeup.list': (t) => [{ type: 'query', input: { agreementId: t.id } }],
  'takeup.configure': (t) =>
    [0, 1].map((expectedVersion) => ({
      type: 'mutation' as const,
      input: { agreementId: t.id, shareWithMembers: true, expectedVersion },
    })),
  'takeup.createChild': (t) => [
    { type: 'mutation', input: { agreementId: t.id, reference: `C-${t.id}`.slice(0, 50) } },
  ],
  'takeup.set': (t) =>
    [0, 1].flatMap((expectedVersion) =>
      ['GM0233', t.space].map((member) => ({
        type: 'mutation' as const,
        input: {
          agreementId: t.id,
          member,
          expectedVersion,
          startDate: '2026-01-01',
          modules: [{ serviceId: 'svc-ict-basis', quantity: 1 }],
        },
      })),
    ),
} satisfies RouterCalls<'takeup'>;
