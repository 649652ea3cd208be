import type { RouterCalls } from './types.ts';

/** The matrices' calls for the `notification` router's procedures (test/support/matrix.ts). */
export const notification = {
  // Event notifications: filing under the seeded event duty's id, and acting on one that is not the caller's.
  'notification.file': (t) => [
    { type: 'mutation', input: { agreementId: t.id, dutyId: 'jh-calamiteit', description: 'Indringer' } },
  ],
  'notification.list': (t) => [{ type: 'query', input: { agreementId: t.id } }],
  'notification.respond': (t) => [
    {
      type: 'mutation',
      input: { agreementId: t.id, notificationId: 'n-0000', expectedVersion: 1, kind: 'answer', text: 'x' },
    },
  ],
  'notification.escalate': (t) => [
    { type: 'mutation', input: { agreementId: t.id, notificationId: 'n-0000', expectedVersion: 1 } },
  ],
} satisfies RouterCalls<'notification'>;
