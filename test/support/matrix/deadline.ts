import type { RouterCalls } from './types.ts';

/** The matrices' calls for the `deadline` router's procedures (test/support/matrix.ts). */
export const deadline = {
  'deadline.upcoming': (t) => [
    { type: 'query', input: { space: t.space } },
    { type: 'query', input: { space: t.space, from: '2020-01-01', days: 400 } },
  ],
} satisfies RouterCalls<'deadline'>;
