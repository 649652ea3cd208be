import type { RouterCalls } from './types.ts';

/** The matrices' calls for the `kpi` router's procedures (test/support/matrix.ts). */
export const kpi = {
  'kpi.record': (t) => [
    ...[0, 1].map((expectedVersion) => ({
      type: 'mutation' as const,
      input: { agreementId: t.id, kpiId: 'kpi-wachttijd', period: '2026-Q2', value: 1, expectedVersion },
    })),
  ],
  'kpi.comment': (t) => [
    { type: 'mutation', input: { agreementId: t.id, kpiId: 'kpi-wachttijd', period: '2026-Q2', text: 'x' } },
  ],
  'kpi.results': (t) => [{ type: 'query', input: { agreementId: t.id } }],
} satisfies RouterCalls<'kpi'>;
