import type { AppRouter } from '@regie/api';
import type { inferOutput, TRPCOptionsProxy } from '@trpc/tanstack-react-query';
import { type AppLocale, formatAmount, parseMoneyToCents, readDecimal } from '../../lib/format';

type Api = TRPCOptionsProxy<AppRouter>;

/** What `incentive.periods` answers. */
export type IncentivePeriods = inferOutput<Api['incentive']['periods']>;
export type IncentiveRow = IncentivePeriods['rows'][number];
export type IncentiveRuleValue = IncentivePeriods['rules'][number];

/** Who may settle a period (the API's `incentive.settle`). */
export const SETTLE_ROLES: readonly string[] = ['contractmanager'];

/** One rule as the editor holds it: text as typed. */
export interface RuleFormValues {
  kpiId: string;
  kind: 'bonus' | 'malus';
  basis: 'percentOfRealised' | 'fixed';
  /** A percentage (`2,5`) or an amount in euros (`1.500,00`), by basis. */
  value: string;
  cap: string;
  threshold: string;
}

const percentText = (basisPoints: number, locale: AppLocale) =>
  (basisPoints / 100).toLocaleString(locale, { maximumFractionDigits: 2 });

/** The stored rules as editor rows. */
export function ruleFormValues(rules: readonly IncentiveRuleValue[], locale: AppLocale): RuleFormValues[] {
  return rules.map((r) => ({
    kpiId: r.kpiId,
    kind: r.kind,
    basis: r.basis,
    value: r.basis === 'fixed' ? formatAmount(r.value, locale) : percentText(r.value, locale),
    cap: formatAmount(r.yearlyCapCents, locale),
    threshold:
      r.threshold === undefined ? '' : String(r.threshold).replace('.', locale === 'nl-NL' ? ',' : '.'),
  }));
}

/** Field errors by path (`incentives.0.value`) → the i18n key of the message. */
export type RuleErrors = Record<string, string>;

/**
 * The editor rows as the API's rules: a percentage as basis points (2,5 → 250), amounts as cents. Rows that do
 * not read give a field error each; the API checks the rest (a KPI of the agreement, each KPI and kind once).
 */
export function readRules(
  rows: readonly RuleFormValues[],
  locale: AppLocale,
): { rules: IncentiveRuleValue[]; errors: RuleErrors } {
  const errors: RuleErrors = {};
  const rules: IncentiveRuleValue[] = [];
  rows.forEach((row, i) => {
    let value: number | null = null;
    if (row.basis === 'percentOfRealised') {
      const read = readDecimal(row.value);
      if (typeof read === 'number' && read > 0 && read <= 100) value = Math.round(read * 100);
    } else {
      const read = parseMoneyToCents(row.value, locale);
      if (read.ok && read.cents !== null && read.cents > 0) value = read.cents;
    }
    if (value === null || value < 1) errors[`incentives.${i}.value`] = 'incentives.invalidValue';
    const cap = parseMoneyToCents(row.cap, locale);
    const capCents = cap.ok && cap.cents !== null && cap.cents > 0 ? cap.cents : null;
    if (capCents === null) errors[`incentives.${i}.cap`] = 'incentives.invalidCap';
    const threshold = readDecimal(row.threshold);
    if (typeof threshold === 'string') errors[`incentives.${i}.threshold`] = 'incentives.invalidThreshold';
    if (value !== null && value >= 1 && capCents !== null && typeof threshold !== 'string')
      rules.push({
        kpiId: row.kpiId,
        kind: row.kind,
        basis: row.basis,
        value,
        yearlyCapCents: capCents,
        ...(threshold !== undefined ? { threshold } : {}),
      });
  });
  return { rules, errors };
}

/** The periods in order, each with its rows, for the table and its settle buttons. */
export function byPeriod(rows: readonly IncentiveRow[]): { period: string; rows: IncentiveRow[] }[] {
  const out: { period: string; rows: IncentiveRow[] }[] = [];
  for (const row of rows) {
    const last = out.at(-1);
    if (last?.period === row.period) last.rows.push(row);
    else out.push({ period: row.period, rows: [row] });
  }
  return out;
}
