import type { AppRouter } from '@regie/api';
import {
  ACTION_SIDES,
  type ActionSide,
  COLLAB_QUESTIONS,
  type CollabAnswers,
  type CollabQuestion,
} from '@regie/core/browser';
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

export type TrendData = inferOutput<Api['dialogue']['trend']>;
export type ActionDoneInput = inferInput<Api['dialogue']['actionDone']>;

/** The four collaboration questions as the form holds them: '' (not answered) or '1'–'5'. */
export type AnswerValues = Record<CollabQuestion, string>;
export const noAnswers = (): AnswerValues => ({
  openness: '',
  agreements: '',
  information: '',
  understanding: '',
});

/**
 * The form's answers into the API's: all four 1–5, or (where `optional`) all four left empty; anything else is
 * an error on the group.
 */
export function readAnswers(
  v: AnswerValues,
  optional: boolean,
): { ok: true; answers?: CollabAnswers } | { ok: false } {
  const given = COLLAB_QUESTIONS.filter((q) => v[q] !== '');
  if (given.length === 0) return optional ? { ok: true } : { ok: false };
  const numbers = COLLAB_QUESTIONS.map((q) => Number(v[q]));
  if (
    given.length < COLLAB_QUESTIONS.length ||
    numbers.some((n) => !(Number.isInteger(n) && n >= 1 && n <= 5))
  )
    return { ok: false };
  return {
    ok: true,
    answers: Object.fromEntries(COLLAB_QUESTIONS.map((q, i) => [q, numbers[i]])) as CollabAnswers,
  };
}

export interface MeetingValues {
  date: string;
  kind: 'meeting' | 'evaluation';
  participants: string;
  notes: string;
  actions: string;
  answers: AnswerValues;
}

export type MeetingField = 'date' | 'participants' | 'actions' | 'answers';

/** The owner's side of an action line, in either language: `gemeente`/`municipality`, `aanbieder`/`provider`. */
const SIDE_WORDS: Record<string, ActionSide> = {
  gemeente: 'municipality',
  municipality: 'municipality',
  aanbieder: 'provider',
  provider: 'provider',
};

/**
 * The form's text into the API's input: participants one per line, actions one per line as `what; who`,
 * optionally `; YYYY-MM-DD` and `; gemeente` or `; aanbieder` (the owner's side; default the recording side),
 * the four collaboration answers all or none. Errors name the field.
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
  const actions: { text: string; owner: string; due?: string; side?: ActionSide }[] = [];
  for (const line of v.actions.split('\n').map((l) => l.trim())) {
    if (!line) continue;
    const [text, owner, ...rest] = line.split(';').map((part) => part.trim());
    const due = rest.find((part) => isIsoDate(part));
    const sideWord = rest.find((part) => part !== due && part !== '');
    const side = sideWord === undefined ? undefined : SIDE_WORDS[sideWord.toLowerCase()];
    const unread = rest.filter((part) => part !== '' && part !== due && part !== sideWord);
    if (!text || !owner || (sideWord !== undefined && !side) || unread.length > 0 || rest.length > 2) {
      errors.push('actions');
      break;
    }
    actions.push({ text, owner, ...(due ? { due } : {}), ...(side ? { side } : {}) });
  }
  const answers = readAnswers(v.answers, true);
  if (!answers.ok) errors.push('answers');
  if (errors.length > 0 || !answers.ok) return { ok: false, errors };
  return {
    ok: true,
    input: {
      agreementId,
      date: v.date,
      kind: v.kind,
      participants,
      ...(v.notes.trim() ? { notes: v.notes.trim() } : {}),
      ...(actions.length > 0 ? { actions } : {}),
      ...(answers.answers ? { answers: answers.answers } : {}),
    },
  };
}

export { ACTION_SIDES, COLLAB_QUESTIONS };
