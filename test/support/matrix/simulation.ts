import type { RouterCalls } from './types.ts';

/** The matrices' calls for the `simulation` router's procedures (test/support/matrix.ts). */
export const simulation = {
  // Names no space: always the caller's reach, so nothing foreign can be aimed at; the result must hold none.
  'simulation.agreement': (t) => [{ type: 'query', input: { id: t.id } }],
  // Reads nothing stored: the answer holds only what was sent (a real line, computed, and no line at all).
  'simulation.terms': () => [
    {
      type: 'query',
      input: { terms: { startDate: '2026-01-01', endDate: '2026-12-31', productLines: [] } },
    },
    {
      type: 'query',
      input: {
        terms: {
          startDate: '2026-01-01',
          endDate: '2026-12-31',
          valueCeilingCents: 1_000_000,
          productLines: [{ category: '45', productCode: '45A12', variant: 'output', tariffCents: 10_000 }],
          relationType: 'customer',
        },
        scenarios: [0, 25],
        expectedVolumes: [{ lineId: 'line-1', volume: 10 }],
      },
    },
  ],
} satisfies RouterCalls<'simulation'>;
