import type { RouterCalls } from './types.ts';

/** The matrices' calls for the `dialogue` router's procedures (test/support/matrix.ts). */
export const dialogue = {
  'dialogue.record': (t) => [
    {
      type: 'mutation',
      input: { agreementId: t.id, date: '2026-11-01', kind: 'meeting', participants: ['x'] },
    },
  ],
  'dialogue.score': (t) => [
    { type: 'mutation', input: { agreementId: t.id, meetingId: 'm-0000', score: 1, expectedVersion: 1 } },
    {
      type: 'mutation',
      input: {
        agreementId: t.id,
        meetingId: 'm-0000',
        answers: { openness: 1, agreements: 1, information: 1, understanding: 1 },
        expectedVersion: 1,
      },
    },
  ],
  'dialogue.list': (t) => [{ type: 'query', input: { agreementId: t.id } }],
  'dialogue.trend': (t) => [{ type: 'query', input: { agreementId: t.id } }],
  'dialogue.actionDone': (t) => [
    {
      type: 'mutation',
      input: { agreementId: t.id, meetingId: 'm-0000', actionIndex: 0, expectedVersion: 1 },
    },
  ],
} satisfies RouterCalls<'dialogue'>;
