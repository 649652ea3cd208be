import type { AppRouter } from '@regie/api';
import type { inferOutput, TRPCOptionsProxy } from '@trpc/tanstack-react-query';
import type { TFunction } from 'i18next';
import { roleLabel } from '../../lib/agreements/labels';

type Api = TRPCOptionsProxy<AppRouter>;

/** One row of the upcoming list, as the API returns it. */
export type DatedRow = inferOutput<Api['deadline']['upcoming']>['items'][number];
export type Signal = inferOutput<Api['inbox']['list']>['items'][number];

export const PERIODS = [30, 90, 365] as const;
export type Period = (typeof PERIODS)[number];

const WGR_STEPS = new Set([
  'kaderbrief',
  'draftBudgetToCouncils',
  'councilOpinions',
  'budgetAdoption',
  'budgetToProvince',
  'provisionalAccountsToCouncils',
  'accountsAdoption',
  'accountsToProvince',
]);

const AWB_RULES = new Set(['decision', 'settlement_application']);

/**
 * What a deadline is, in the user's language: a Wgr step by name (with its budget year), a report by its
 * duty, otherwise the kind of deadline.
 */
export function deadlineTitle(t: TFunction, d: Pick<DatedRow, 'kind' | 'label' | 'params'>): string {
  const kind = t(`deadlines.kinds.${d.kind}`);
  if (d.kind === 'wgr') {
    const step = d.label.split('.')[1] ?? '';
    if (WGR_STEPS.has(step)) {
      const name = t(`wgr.steps.${step as 'kaderbrief'}`);
      return d.params.year ? `${name} ${d.params.year}` : name;
    }
  }
  if (d.kind === 'awb') {
    const rule = d.label.split('.')[1] ?? '';
    if (AWB_RULES.has(rule)) return t(`deadlines.awb.${rule as 'decision'}`);
  }
  // Each provider party owes its own report: the row names whose it is.
  if (d.kind === 'report_due' && d.params.duty)
    return d.params.party ? `${kind}: ${d.params.duty} (${d.params.party})` : `${kind}: ${d.params.duty}`;
  // An agreed action of a dialogue meeting: the municipality's own, or the provider's ("actie aanbieder").
  if (d.kind === 'action' && d.params.text) {
    const what = d.label === 'provider_action' ? t('deadlines.providerAction') : kind;
    return `${what}: ${d.params.text} (${d.params.owner})`;
  }
  if (d.kind === 'notification' && d.params.duty)
    return d.params.party ? `${kind}: ${d.params.duty} (${d.params.party})` : `${kind}: ${d.params.duty}`;
  if (d.kind === 'escalation' && d.params.subject) return `${kind} (${d.params.level}): ${d.params.subject}`;
  if (d.kind === 'budget_threshold' && d.params.threshold) {
    if (d.params.product) {
      const key = d.label.endsWith('.volume') ? 'deadlines.budget.lineVolume' : 'deadlines.budget.line';
      return t(key, { threshold: d.params.threshold, product: d.params.product });
    }
    return d.params.year
      ? t('deadlines.budget.year', { threshold: d.params.threshold, year: d.params.year })
      : t('deadlines.budget.overall', { threshold: d.params.threshold });
  }
  return kind;
}

/** The roles a deadline is for, as the user reads them ("contractmanager, inkoper"). */
export function roleList(t: TFunction, roles: readonly string[]): string {
  return roles.map((r) => roleLabel(t, r)).join(', ');
}
