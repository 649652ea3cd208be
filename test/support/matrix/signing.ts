import type { RouterCalls } from './types.ts';

/** The matrices' calls for the `signing` router's procedures (test/support/matrix.ts). */
export const signing = {
  'signing.status': (t) => [{ type: 'query', input: { agreementId: t.id } }],
  'signing.documents': (t) => [{ type: 'query', input: { agreementId: t.id } }],
  // The caller's own space only: nothing foreign can be named.
  'signing.inbox': () => [{ type: 'query', input: undefined }],
  'signing.sign': (t) => [
    { type: 'mutation', input: { agreementId: t.id, documentHash: 'a'.repeat(64), consent: true } },
  ],
} satisfies RouterCalls<'signing'>;
