import { checkOpinionDates, wgrPlanSchema, wgrRecordOpinionSchema } from '@regie/core/browser';
import {
  byPath,
  type FormIssue,
  formSchema,
  issuePath,
  issueReason,
  ruleIssues,
  type SchemaIssue,
} from '../../lib/form-schema';
import { type AppLocale, formatAmount, parseMoneyToCents } from '../../lib/format';
import type { WgrMember, WgrView } from './model';

/**
 * The two Wgr calendar forms (SPEC §5.6) read into the API's inputs and checked with the API's own schemas
 * (`wgrPlanSchema`, `wgrRecordOpinionSchema`, and core's `checkOpinionDates`). Issues are keys under `wgr.errors`.
 */

const E = 'wgr.errors';
type Target = { agreementId: string; year: number; expectedVersion: number };

export const wgrTarget = (view: Pick<WgrView, 'agreementId' | 'year' | 'version'>): Target => ({
  agreementId: view.agreementId,
  year: view.year,
  expectedVersion: view.version,
});

/** A custom rule of core says which rule it is (`wgr.opinionBeforeDraft`): its text is `wgr.errors.<that>`. */
const byReason = (issue: SchemaIssue) => {
  const reason = issueReason(issue);
  return reason?.startsWith('wgr.') ? `${E}.${reason.slice(4)}` : undefined;
};

// ---- plan ----

export interface PlanValues {
  budgetAdoption: string;
  accountsAdoption: string;
  draftBudget: string;
}
export const PLAN_FIELDS: (keyof PlanValues)[] = ['budgetAdoption', 'accountsAdoption', 'draftBudget'];

export function planDefaults(view: Pick<WgrView, 'plan'>, locale: AppLocale): PlanValues {
  return {
    budgetAdoption: view.plan.budgetAdoption ?? '',
    accountsAdoption: view.plan.accountsAdoption ?? '',
    draftBudget:
      view.plan.draftBudgetCents === undefined ? '' : formatAmount(view.plan.draftBudgetCents, locale),
  };
}

/** The board's plan; empty fields take the statutory defaults. */
export const planSchema = (target: Target, locale: AppLocale) => {
  const explain = byPath(
    {
      budgetAdoption: ['budgetAdoption', `${E}.budgetAdoption`],
      accountsAdoption: ['accountsAdoption', `${E}.accountsAdoption`],
      draftBudgetCents: ['draftBudget', `${E}.draftBudget`],
    },
    `${E}.rejected`,
  );
  return formSchema({
    schema: wgrPlanSchema,
    read: (v: PlanValues) => {
      const issues: FormIssue[] = [];
      const money = parseMoneyToCents(v.draftBudget, locale);
      if (!money.ok) issues.push({ field: 'draftBudget', key: `${E}.draftBudget` });
      const budgetAdoption = v.budgetAdoption.trim();
      const accountsAdoption = v.accountsAdoption.trim();
      const input = {
        ...target,
        ...(budgetAdoption ? { budgetAdoption } : {}),
        ...(accountsAdoption ? { accountsAdoption } : {}),
        ...(money.ok && money.cents !== null ? { draftBudgetCents: money.cents } : {}),
      };
      return { input, issues };
    },
    explain: (issue) => {
      const found = explain(issue);
      return { ...found, key: byReason(issue) ?? found.key };
    },
  });
};

// ---- opinion ----

export interface OpinionValues {
  member: string;
  draftReceived: string;
  opinionSubmitted: string;
  outcome: string;
  summary: string;
  answered: string;
}
export type OpinionField = Exclude<keyof OpinionValues, 'member'>;
export const OPINION_FIELDS: OpinionField[] = [
  'draftReceived',
  'opinionSubmitted',
  'outcome',
  'summary',
  'answered',
];

export function opinionDefaults(member: string, opinion: WgrMember['opinion']): OpinionValues {
  return {
    member,
    draftReceived: opinion?.draftReceived ?? '',
    opinionSubmitted: opinion?.opinionSubmitted ?? '',
    outcome: opinion?.outcome ?? '',
    summary: opinion?.summary ?? '',
    answered: opinion?.answered ?? '',
  };
}

/** Where each rule of an opinion is said: `opinionDateNeeded` belongs at the date, not the outcome. */
const AT: Record<string, OpinionField> = { [`${E}.opinionDateNeeded`]: 'opinionSubmitted' };

function explainOpinion(issue: SchemaIssue): FormIssue {
  const path = issuePath(issue);
  const field = path.startsWith('opinion.') ? path.slice('opinion.'.length) : '';
  if (!OPINION_FIELDS.includes(field as OpinionField)) return { field: 'root', key: `${E}.rejected` };
  const key =
    byReason(issue) ??
    (issue.code === 'domain'
      ? `${E}.dateRange`
      : field === 'summary'
        ? `${E}.summaryTooLong`
        : field === 'outcome'
          ? `${E}.outcomeNeeded`
          : `${E}.date`);
  return { field: AT[key] ?? field, key };
}

/** One council's opinion, each field recorded as it happens: only what is filled in is sent. */
export const opinionSchema = (target: Target) =>
  formSchema({
    schema: wgrRecordOpinionSchema,
    read: (v: OpinionValues) => {
      const value = (s: string) => (s.trim() ? s.trim() : undefined);
      const opinion = {
        draftReceived: value(v.draftReceived),
        opinionSubmitted: value(v.opinionSubmitted),
        outcome: value(v.outcome),
        summary: value(v.summary),
        answered: value(v.answered),
      };
      const filled = Object.fromEntries(Object.entries(opinion).filter(([, x]) => x !== undefined));
      return { input: { ...target, member: v.member, opinion: filled } };
    },
    explain: explainOpinion,
    check: (input) => ruleIssues(() => checkOpinionDates(input.year, input.opinion), explainOpinion),
  });
