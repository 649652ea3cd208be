import type { RouterCalls } from './types.ts';

/** The matrices' calls for the `incentive` router's procedures (test/support/matrix.ts). */
export const incentive = {
  'incentive.periods': (t) => [{ type: 'query', input: { agreementId: t.id } }],
  // A settled period of the seeded arrangement (2025-Q1 on ERM-2025-JH01) and one not settled yet, at a stale
  // and a plausible version.
  'incentive.settle': (t) =>
    ['2025-Q2', '2025-H1'].flatMap((period) =>
      [1, 9].map((expectedVersion) => ({
        type: 'mutation' as const,
        input: { agreementId: t.id, expectedVersion, period },
      })),
    ),
} satisfies RouterCalls<'incentive'>;
