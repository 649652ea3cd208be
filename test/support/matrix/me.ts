import type { RouterCalls } from './types.ts';

/** The matrices' calls for the `me` router's procedures (test/support/matrix.ts). */
export const me = {
  'me.get': () => [{ type: 'query', input: undefined }],
} satisfies RouterCalls<'me'>;
