import type { RouterCalls } from './types.ts';

/** The matrices' calls for the `budget` router's procedures (test/support/matrix.ts). */
export const budget = {
  'budget.record': (t) => [
    { type: 'mutation', input: { agreementId: t.id, realisation: { period: '2026-10', amountCents: 100 } } },
  ],
  'budget.get': (t) => [{ type: 'query', input: { agreementId: t.id } }],
  'budget.correct': (t) =>
    [1, 2].map((v) => ({
      type: 'mutation' as const,
      input: { agreementId: t.id, realisationId: 'r-1', expectedVersion: v, realisation: null, reason: 'x' },
    })),
  'budget.reported': (t) => [{ type: 'query', input: { agreementId: t.id } }],
  'budget.statement': (t) => [{ type: 'query', input: { agreementId: t.id, year: 2026 } }],
  'budget.signals': (t) => [{ type: 'query', input: { space: t.space } }],
} satisfies RouterCalls<'budget'>;
