import type { AppRouter } from '@regie/api';
import type { inferInput, inferOutput, TRPCOptionsProxy } from '@trpc/tanstack-react-query';

type Api = TRPCOptionsProxy<AppRouter>;

/** The escalation ladder (SPEC §4.6), as `escalation.list` answers it. */
export type Escalation = inferOutput<Api['escalation']['list']>[number];
export type EscalationStep = Escalation['steps'][number];
export type OpenInput = inferInput<Api['escalation']['open']>;
export type StepInput = inferInput<Api['escalation']['escalate']>;

/** Roles that may open, escalate and resolve (as the escalation router declares), on either side. */
export const ESCALATION_ROLES: readonly string[] = [
  'contractmanager',
  'inkoper',
  'provider_signer',
  'provider_reporter',
];

export function canEscalate(me: { roles: readonly string[] } | undefined): boolean {
  return me?.roles.some((role) => ESCALATION_ROLES.includes(role)) ?? false;
}

/** The level above the current one, or null at the top of the ladder. */
export function nextLevel(e: Pick<Escalation, 'level' | 'ladder'>): string | null {
  return e.ladder[e.level + 1]?.level ?? null;
}

/** Today as a calendar date in Dutch time (`YYYY-MM-DD`). */
export function today(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(now);
}

/** An open escalation whose current level let its deadline pass. */
export function isOverdue(e: Pick<Escalation, 'status' | 'deadline'>, on = today()): boolean {
  return e.status === 'open' && e.deadline !== null && e.deadline < on;
}
