import type { AppRouter } from '@regie/api';
import type { inferInput, inferOutput, TRPCOptionsProxy } from '@trpc/tanstack-react-query';
import { isIsoDate } from '../../lib/format';

type Api = TRPCOptionsProxy<AppRouter>;

/** The dialogue log (SPEC §4.7), as `dialogue.list` answers it. */
export type Meeting = inferOutput<Api['dialogue']['list']>[number];
export type MeetingInput = inferInput<Api['dialogue']['record']>;
export type ScoreInput = inferInput<Api['dialogue']['score']>;
export type Side = 'municipality' | 'provider';

/** Roles that may record a meeting and give a score (as the dialogue router declares), on either side. */
export const DIALOGUE_ROLES: readonly string[] = [
  'contractmanager',
  'inkoper',
  'provider_signer',
  'provider_reporter',
];

export function canTalk(me: { roles: readonly string[] } | undefined): boolean {
  return me?.roles.some((role) => DIALOGUE_ROLES.includes(role)) ?? false;
}

export interface MeetingValues {
  date: string;
  kind: 'meeting' | 'evaluation';
  participants: string;
  notes: string;
  actions: string;
  score: string;
}

export type MeetingField = 'date' | 'participants' | 'actions' | 'score';

/**
 * The form's text into the API's input: participants one per line, actions one per line as
 * `what; who` or `what; who; YYYY-MM-DD`, the score optional (1–5). Errors name the field.
 */
export function validateMeeting(
  agreementId: string,
  v: MeetingValues,
): { ok: true; input: MeetingInput } | { ok: false; errors: MeetingField[] } {
  const errors: MeetingField[] = [];
  if (!isIsoDate(v.date)) errors.push('date');
  const participants = v.participants
    .split('\n')
    .map((p) => p.trim())
    .filter(Boolean);
  if (participants.length === 0) errors.push('participants');
  const actions: { text: string; owner: string; due?: string }[] = [];
  for (const line of v.actions.split('\n').map((l) => l.trim())) {
    if (!line) continue;
    const [text, owner, due] = line.split(';').map((part) => part.trim());
    if (!text || !owner || (due !== undefined && due !== '' && !isIsoDate(due))) {
      errors.push('actions');
      break;
    }
    actions.push(due ? { text, owner, due } : { text, owner });
  }
  const score = v.score === '' ? undefined : Number(v.score);
  if (score !== undefined && !(Number.isInteger(score) && score >= 1 && score <= 5)) errors.push('score');
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    input: {
      agreementId,
      date: v.date,
      kind: v.kind,
      participants,
      ...(v.notes.trim() ? { notes: v.notes.trim() } : {}),
      ...(actions.length > 0 ? { actions } : {}),
      ...(score !== undefined ? { score } : {}),
    },
  };
}
