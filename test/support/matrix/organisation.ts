import type { RouterCalls } from './types.ts';

/** The matrices' calls for the `organisation` router's procedures (test/support/matrix.ts). */
export const organisation = {
  'organisation.find': (t) => [{ type: 'query', input: { space: t.space } }],
  'organisation.create': (t) => [
    {
      type: 'mutation',
      input: { space: t.space, kind: 'provider', name: 'Indringer B.V.', kvkNumber: '12345678' },
    },
  ],
} satisfies RouterCalls<'organisation'>;
