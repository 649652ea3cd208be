import type { RouterCalls } from './types.ts';

/** The matrices' calls for the `ical` router's procedures (test/support/matrix.ts). */
export const ical = {
  // The feed is the caller's own: nothing foreign can be named.
  'ical.status': () => [{ type: 'query', input: undefined }],
  'ical.create': () => [],
  'ical.revoke': () => [],
} satisfies RouterCalls<'ical'>;
