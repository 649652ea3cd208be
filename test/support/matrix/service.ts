import type { RouterCalls } from './types.ts';

/** The matrices' calls for the `service` router's procedures (test/support/matrix.ts). */
export const service = {
  'service.report': (t) => [
    {
      type: 'mutation',
      input: {
        agreementId: t.id,
        period: '2026-12',
        values: [{ serviceId: 'svc-dvo-portaal', levelId: 'sl-dvo-portaal-beschikbaarheid', value: 99.9 }],
      },
    },
  ],
  'service.levels': (t) => [{ type: 'query', input: { agreementId: t.id } }],
  'service.correct': (t) =>
    [1, 2].map((expectedVersion) => ({
      type: 'mutation' as const,
      input: {
        agreementId: t.id,
        period: '2026-10',
        serviceId: 'svc-dvo-portaal',
        levelId: 'sl-dvo-portaal-beschikbaarheid',
        value: 99.9,
        expectedVersion,
      },
    })),
  'service.configure': (t) =>
    [0, 1].map((expectedVersion) => ({
      type: 'mutation' as const,
      input: { agreementId: t.id, expectedVersion, missedCount: 1 },
    })),
} satisfies RouterCalls<'service'>;
