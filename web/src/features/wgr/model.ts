import type { AppRouter } from '@regie/api';
import type { inferInput, inferOutput, TRPCOptionsProxy } from '@trpc/tanstack-react-query';
import { type AppLocale, formatAmount, isIsoDate, parseMoneyToCents } from '../../lib/format';

type Api = TRPCOptionsProxy<AppRouter>;

/** The Wgr P&C calendar of one GR and budget year (SPEC §5.6), as `wgr.get` answers it. */
export type WgrView = inferOutput<Api['wgr']['get']>;
export type WgrMember = WgrView['members'][number];
export type WgrStepView = WgrView['steps'][number];
export type PlanInput = inferInput<Api['wgr']['plan']>;
export type RecordOpinionInput = inferInput<Api['wgr']['recordOpinion']>;

export const OUTCOMES = ['agrees', 'agrees_with_remarks', 'objects', 'no_opinion'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** The budget year a calendar is usually worked on: next year (Dutch time). */
export function defaultYear(now = new Date()): number {
  return (
    Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric' }).format(now)) +
    1
  );
}

/** The budget years offered: last year's cycle up to the one after next. */
export function yearOptions(now = new Date()): number[] {
  const next = defaultYear(now);
  return [next - 2, next - 1, next, next + 1];
}

export interface PlanForm {
  budgetAdoption: string;
  accountsAdoption: string;
  draftBudget: string;
}
export type PlanField = keyof PlanForm;
export type PlanError =
  | 'budgetAdoption'
  | 'budgetAdoptionYear'
  | 'accountsAdoption'
  | 'accountsAdoptionYear'
  | 'draftBudget';

export function planFormFrom(view: Pick<WgrView, 'plan'>, locale: AppLocale): PlanForm {
  return {
    budgetAdoption: view.plan.budgetAdoption ?? '',
    accountsAdoption: view.plan.accountsAdoption ?? '',
    draftBudget:
      view.plan.draftBudgetCents === undefined ? '' : formatAmount(view.plan.draftBudgetCents, locale),
  };
}

/** Checks the plan form as the server will, and builds the input; empty fields take the statutory defaults. */
export function planInput(
  form: PlanForm,
  target: { agreementId: string; year: number; expectedVersion: number },
  locale: AppLocale,
): { ok: true; input: PlanInput } | { ok: false; errors: Partial<Record<PlanField, PlanError>> } {
  const errors: Partial<Record<PlanField, PlanError>> = {};
  const year = (d: string) => Number(d.slice(0, 4));
  const budgetAdoption = form.budgetAdoption.trim();
  const accountsAdoption = form.accountsAdoption.trim();
  if (budgetAdoption && !isIsoDate(budgetAdoption)) errors.budgetAdoption = 'budgetAdoption';
  else if (budgetAdoption && (year(budgetAdoption) < target.year - 1 || year(budgetAdoption) > target.year))
    errors.budgetAdoption = 'budgetAdoptionYear';
  if (accountsAdoption && !isIsoDate(accountsAdoption)) errors.accountsAdoption = 'accountsAdoption';
  else if (
    accountsAdoption &&
    (year(accountsAdoption) < target.year + 1 || year(accountsAdoption) > target.year + 2)
  )
    errors.accountsAdoption = 'accountsAdoptionYear';
  const money = parseMoneyToCents(form.draftBudget, locale);
  if (!money.ok) errors.draftBudget = 'draftBudget';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const cents = money.ok ? money.cents : null;
  return {
    ok: true,
    input: {
      ...target,
      ...(budgetAdoption ? { budgetAdoption } : {}),
      ...(accountsAdoption ? { accountsAdoption } : {}),
      ...(cents !== null ? { draftBudgetCents: cents } : {}),
    },
  };
}

export interface OpinionForm {
  member: string;
  draftReceived: string;
  opinionSubmitted: string;
  outcome: '' | Outcome;
  summary: string;
  answered: string;
}
export type OpinionField = Exclude<keyof OpinionForm, 'member'>;
/** Each is a message key under `wgr.errors`. */
export type OpinionError =
  | 'date'
  | 'dateRange'
  | 'draftReceivedNeeded'
  | 'opinionBeforeDraft'
  | 'outcomeNeeded'
  | 'opinionDateNeeded'
  | 'summaryWithoutOpinion'
  | 'summaryTooLong'
  | 'answerWithoutOpinion'
  | 'answerBeforeOpinion'
  | 'answerToNoOpinion';

export function opinionFormFrom(member: string, opinion: WgrMember['opinion']): OpinionForm {
  return {
    member,
    draftReceived: opinion?.draftReceived ?? '',
    opinionSubmitted: opinion?.opinionSubmitted ?? '',
    outcome: opinion?.outcome ?? '',
    summary: opinion?.summary ?? '',
    answered: opinion?.answered ?? '',
  };
}

/** The rules of `wgrOpinionSchema` and `checkOpinionDates` (packages/core), said per field before sending. */
export function opinionInput(
  form: OpinionForm,
  target: { agreementId: string; year: number; expectedVersion: number },
):
  | { ok: true; input: RecordOpinionInput }
  | { ok: false; errors: Partial<Record<OpinionField, OpinionError>> } {
  const errors: Partial<Record<OpinionField, OpinionError>> = {};
  const v = {
    draftReceived: form.draftReceived.trim(),
    opinionSubmitted: form.opinionSubmitted.trim(),
    answered: form.answered.trim(),
    summary: form.summary.trim(),
  };
  for (const field of ['draftReceived', 'opinionSubmitted', 'answered'] as const) {
    const value = v[field];
    if (!value) continue;
    if (!isIsoDate(value)) errors[field] = 'date';
    else if (Number(value.slice(0, 4)) < target.year - 2 || Number(value.slice(0, 4)) > target.year)
      errors[field] = 'dateRange';
  }
  if (v.opinionSubmitted && !form.outcome) errors.outcome = 'outcomeNeeded';
  if (!v.opinionSubmitted && form.outcome) errors.opinionSubmitted ??= 'opinionDateNeeded';
  if (v.opinionSubmitted && !v.draftReceived) errors.draftReceived ??= 'draftReceivedNeeded';
  if (
    v.opinionSubmitted &&
    v.draftReceived &&
    !errors.opinionSubmitted &&
    !errors.draftReceived &&
    v.opinionSubmitted < v.draftReceived
  )
    errors.opinionSubmitted = 'opinionBeforeDraft';
  if (v.summary && !form.outcome) errors.summary = 'summaryWithoutOpinion';
  else if (v.summary.length > 2000) errors.summary = 'summaryTooLong';
  if (v.answered && !errors.answered) {
    if (!v.opinionSubmitted) errors.answered = 'answerWithoutOpinion';
    else if (form.outcome === 'no_opinion') errors.answered = 'answerToNoOpinion';
    else if (v.answered < v.opinionSubmitted) errors.answered = 'answerBeforeOpinion';
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    input: {
      ...target,
      member: form.member,
      opinion: {
        ...(v.draftReceived ? { draftReceived: v.draftReceived } : {}),
        ...(v.opinionSubmitted ? { opinionSubmitted: v.opinionSubmitted } : {}),
        ...(form.outcome ? { outcome: form.outcome } : {}),
        ...(v.summary ? { summary: v.summary } : {}),
        ...(v.answered ? { answered: v.answered } : {}),
      },
    },
  };
}
