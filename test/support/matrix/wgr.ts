import type { RouterCalls } from './types.ts';

/** The matrices' calls for the `wgr` router's procedures (test/support/matrix.ts). */
export const wgr = {
  'wgr.get': (t) => [{ type: 'query', input: { agreementId: t.id, year: 2027 } }],
  'wgr.plan': (t) => [
    { type: 'mutation', input: { agreementId: t.id, year: 2027, expectedVersion: 0 } },
    {
      type: 'mutation',
      input: { agreementId: t.id, year: 2027, expectedVersion: 1, budgetAdoption: '2026-07-08' },
    },
  ],
  'wgr.recordOpinion': (t) => [
    {
      type: 'mutation',
      input: {
        agreementId: t.id,
        year: 2027,
        member: t.space,
        expectedVersion: 1,
        opinion: { draftReceived: '2026-04-08', opinionSubmitted: '2026-06-18', outcome: 'objects' },
      },
    },
  ],
} satisfies RouterCalls<'wgr'>;
