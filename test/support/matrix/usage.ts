import type { RouterCalls } from './types.ts';

/** The matrices' calls for the `usage` router's procedures (test/support/matrix.ts). */
export const usage = {
  'usage.list': (t) => [{ type: 'query', input: { agreementId: t.id, year: 2026 } }],
  'usage.statement': (t) =>
    ['GM0233', t.space].map((member) => ({
      type: 'query' as const,
      input: { agreementId: t.id, member, year: 2026 },
    })),
  'usage.set': (t) =>
    [0, 1].flatMap((expectedVersion) =>
      ['GM0233', t.space].map((member) => ({
        type: 'mutation' as const,
        input: {
          agreementId: t.id,
          member,
          period: '2026-01',
          expectedVersion,
          quantities: [{ serviceId: 'svc-ict-basis', quantity: 1 }],
        },
      })),
    ),
} satisfies RouterCalls<'usage'>;
