import type { RouterCalls } from './types.ts';

/** The matrices' calls for the `report` router's procedures (test/support/matrix.ts). */
export const report = {
  'report.submit': (t) => [
    {
      type: 'mutation',
      input: { agreementId: t.id, dutyId: 'jh-kwartaal', period: '2026-Q3', summary: 'overgenomen' },
    },
  ],
  'report.list': (t) => [{ type: 'query', input: { agreementId: t.id } }],
  'report.series': (t) => [{ type: 'query', input: { agreementId: t.id } }],
  'report.due': (t) => [
    { type: 'query', input: { space: t.space } },
    { type: 'query', input: { agreementId: t.id } },
  ],
} satisfies RouterCalls<'report'>;
