import type { AppRouter } from '@regie/api';
import { CHANGE_REASON_MAX, type ConfirmationState, DECISION_REF_MAX } from '@regie/core/browser';
import type { inferOutput, TRPCOptionsProxy } from '@trpc/tanstack-react-query';

type Api = TRPCOptionsProxy<AppRouter>;

/** What a provider party sees of the relation (`steering.partyView`). */
export type RelationPartyView = inferOutput<Api['steering']['partyView']>;
/** The municipality's overview of the parties' answers (`steering.get`'s `confirmation`). */
export type ConfirmationOverview = inferOutput<Api['steering']['get']>['confirmation'];
export type PartyConfirmation = ConfirmationOverview['parties'][number];
export type RelationAnswer = ConfirmationOverview['answers'][number];

/** Who answers for a provider party (as `steering.confirm` and `steering.askChange` declare). */
export const ANSWER_ROLES: readonly string[] = ['provider_signer', 'provider_admin'];
/** Who records a board's confirmation for a party without users (as `steering.recordConfirmation` declares). */
export const RECORD_ROLES: readonly string[] = ['inkoper', 'contractmanager', 'coordinator'];

export const mayAnswer = (me: { roles: readonly string[] } | undefined) =>
  me?.roles.some((r) => ANSWER_ROLES.includes(r)) ?? false;
export const mayRecord = (me: { roles: readonly string[] } | undefined) =>
  me?.roles.some((r) => RECORD_ROLES.includes(r)) ?? false;

/** The badge's look: only a change asked calls for attention; the text says the state. */
export function stateBadgeClass(state: ConfirmationState): string {
  return state === 'change_asked' ? 'regie-badge regie-badge--warning' : 'regie-badge';
}

/** The i18n key of a form's error for a change reason, or none. */
export function reasonError(reason: string): 'reasonRequired' | 'reasonTooLong' | undefined {
  if (reason.trim() === '') return 'reasonRequired';
  if (reason.trim().length > CHANGE_REASON_MAX) return 'reasonTooLong';
  return undefined;
}

export function decisionRefError(ref: string): 'decisionRefRequired' | 'decisionRefTooLong' | undefined {
  if (ref.trim() === '') return 'decisionRefRequired';
  if (ref.trim().length > DECISION_REF_MAX) return 'decisionRefTooLong';
  return undefined;
}
