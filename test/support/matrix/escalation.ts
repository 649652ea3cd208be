import type { RouterCalls } from './types.ts';

/** The matrices' calls for the `escalation` router's procedures (test/support/matrix.ts). */
export const escalation = {
  'escalation.open': (t) => [
    { type: 'mutation', input: { agreementId: t.id, subject: 'Indringer', description: 'x' } },
  ],
  'escalation.escalate': (t) => [
    { type: 'mutation', input: { agreementId: t.id, escalationId: 'e-0000', expectedVersion: 1, note: 'x' } },
  ],
  'escalation.respond': (t) => [
    { type: 'mutation', input: { agreementId: t.id, escalationId: 'e-0000', expectedVersion: 1, note: 'x' } },
  ],
  'escalation.resolve': (t) => [
    { type: 'mutation', input: { agreementId: t.id, escalationId: 'e-0000', expectedVersion: 1, note: 'x' } },
  ],
  'escalation.list': (t) => [{ type: 'query', input: { agreementId: t.id } }],
  'escalation.openInSpace': (t) => [{ type: 'query', input: { space: t.space } }],
} satisfies RouterCalls<'escalation'>;
