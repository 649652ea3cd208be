import type { RouterCalls } from './types.ts';

/** The matrices' calls for the `inbox` router's procedures (test/support/matrix.ts). */
export const inbox = {
  'inbox.list': () => [{ type: 'query', input: undefined }],
  // Read marks are the caller's own; a signal of a foreign space is refused like a missing one.
  'inbox.markRead': (t) => [
    { type: 'mutation', input: { ids: [{ space: t.space, signalId: `${t.id}.notice.2026-09-30.30` }] } },
  ],
} satisfies RouterCalls<'inbox'>;
