import type { AppRouter } from '@regie/api';
import type { inferInput, inferOutput, TRPCOptionsProxy } from '@trpc/tanstack-react-query';
import type { TFunction } from 'i18next';
import type { Agreement } from '../agreements/model';
import { type AppLocale, formatMonth } from '../format';

type Api = TRPCOptionsProxy<AppRouter>;

/** Information duties and reports (SPEC §4.3), as `report.due`, `report.list` and `report.submit` answer. */
export type DueRow = inferOutput<Api['report']['due']>[number];
export type Report = inferOutput<Api['report']['list']>[number];
export type SubmitReportInput = inferInput<Api['report']['submit']>;
export type Duty = Agreement['duties'][number];

/** Roles that may deliver a report (as `report.submit` declares): a provider's reporter, or the contract manager. */
export const REPORT_ROLES: readonly string[] = ['provider_reporter', 'contractmanager'];

export function canReport(me: { roles: readonly string[] } | undefined): boolean {
  return me?.roles.some((role) => REPORT_ROLES.includes(role)) ?? false;
}

/** Overdue first, then the soonest due date; the order within a day stays as the API gave it. */
export function sortDue<T extends { overdue: boolean; dueDate: string }>(rows: readonly T[]): T[] {
  return [...rows].sort(
    (a, b) =>
      Number(b.overdue) - Number(a.overdue) || (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0),
  );
}

/** A reporting period in words: `2026-Q3` → `3e kwartaal 2026`, `2026-07` → `juli 2026`, `2026-H1`, `2026`. */
export function periodLabel(t: TFunction, locale: AppLocale, period: string): string {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) return t('reports.periods.quarter', { year: quarter[1], n: quarter[2] });
  const half = /^(\d{4})-H([12])$/.exec(period);
  if (half) return t('reports.periods.half', { year: half[1], n: half[2] });
  if (/^\d{4}-\d{2}$/.test(period)) return formatMonth(period, locale);
  return period;
}

/**
 * The report path for a due item: `/agreements/:id/report/:dutyId/:period`, with `?party=` for the provider party
 * a contract manager reports for on an agreement where every party has its own due.
 */
export function reportPath(agreementId: string, dutyId: string, period: string, party?: string): string {
  const path = `/agreements/${encodeURIComponent(agreementId)}/report/${encodeURIComponent(dutyId)}/${encodeURIComponent(period)}`;
  return party ? `${path}?party=${encodeURIComponent(party)}` : path;
}

/** A provider party as the API names it (`PV` + KvK number). */
export const PARTY_PATTERN = /^PV\d{8}$/;

/** Ids and periods as the API accepts them, so a hand-edited address cannot make a request fail. */
export const PERIOD_PATTERN = /^\d{4}(-(0[1-9]|1[0-2]|Q[1-4]|H[12]))?$/;

/** What is expected next of one periodic duty: for a provider from its party view, else from `report.due`. */
export interface NextDue {
  dutyId: string;
  dutyTitle: string;
  period: string;
  dueDate: string;
  overdue: boolean;
  /** The provider party that owes it, and its name (the municipality's lists). */
  party?: string;
  partyName?: string;
}

/** Today as `YYYY-MM-DD`, the way the API decides `overdue` (so both lists agree on what is late). */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** The party view's `due` list with overdue marked (the API marks it in `report.due`, not in the view). */
export function partyDue(due: readonly Omit<NextDue, 'overdue'>[], today: string): NextDue[] {
  return due.map((d) => ({ ...d, overdue: d.dueDate < today }));
}
