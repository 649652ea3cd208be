import type { RouterCalls } from './types.ts';

/** The matrices' calls for the `subsidy` router's procedures (test/support/matrix.ts). */
export const subsidy = {
  // Subsidies (Awb): a foreign subsidy, a foreign space's regulations, a regulation id from another space.
  'subsidy.regulations': (t) => [{ type: 'query', input: { space: t.space } }],
  'subsidy.regulation': (t) =>
    [t.id, ...(t.space === 'GM0233' ? ['erm-regl-welzijn-2026'] : [])].map((id) => ({
      type: 'query' as const,
      input: { id },
    })),
  'subsidy.verifyRegulation': (t) =>
    [t.id, ...(t.space === 'GM0233' ? ['erm-regl-welzijn-2026'] : [])].map((id) => ({
      type: 'query' as const,
      input: { id },
    })),
  'subsidy.createRegulation': (t) => [
    {
      type: 'mutation',
      input: { space: t.space, name: 'Indringer', legalBasis: 'x', budgetYear: 2026, ceilingCents: 1 },
    },
  ],
  // Ermelo's seeded regulation is foreign to everyone whose targets include Ermelo's agreements.
  'subsidy.updateRegulation': (t) =>
    [t.id, ...(t.space === 'GM0233' ? ['erm-regl-welzijn-2026'] : [])].flatMap((id) =>
      [1, 2].map((v) => ({
        type: 'mutation' as const,
        input: { id, expectedVersion: v, data: { ceilingCents: 1_000_000_000 } },
      })),
    ),
  'subsidy.get': (t) => [{ type: 'query', input: { agreementId: t.id } }],
  'subsidy.phaseOut': (t) => [{ type: 'query', input: { agreementId: t.id, amountCents: 1 } }],
  'subsidy.recordApplication': (t) =>
    [1, 3].map((v) => ({
      type: 'mutation' as const,
      input: {
        agreementId: t.id,
        expectedVersion: v,
        regulationId: 'erm-regl-welzijn-2026',
        applicationDate: '2026-09-01',
        requestedCents: 1,
      },
    })),
  'subsidy.grant': (t) =>
    [1, 2, 3].map((v) => ({
      type: 'mutation' as const,
      input: { agreementId: t.id, expectedVersion: v, amountCents: 1 },
    })),
  'subsidy.settle': (t) =>
    [3, 4].map((v) => ({
      type: 'mutation' as const,
      input: { agreementId: t.id, expectedVersion: v, amountCents: 1, exOfficio: true },
    })),
  'subsidy.advance': (t) =>
    [2, 3, 4, 5].map((v) => ({
      type: 'mutation' as const,
      input: { agreementId: t.id, expectedVersion: v, date: '2026-05-01', amountCents: 1 },
    })),
} satisfies RouterCalls<'subsidy'>;
