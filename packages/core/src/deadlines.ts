import * as z from 'zod/mini';
import type { Agreement } from './agreement.ts';
import { addDays } from './calendar.ts';
import type { Role } from './roles.ts';
import { isoDate } from './schema.ts';
import { SPACE_PATTERN } from './spaces.ts';
import { addMonths, noticeDate } from './terms.ts';

/**
 * The deadline engine (SPEC §5.3). Pure: given an agreement (or a subsidy, a GR calendar, a due report),
 * the dates that matter and the roles that must act on them. Signals go to roles (everyone with the role in
 * the owning space), never to one named person. Stored deadlines sit on the owning space's deadline index
 * by date (packages/db/src/deadlines.ts); the scheduled job turns the ones coming into view into signals.
 *
 * Kinds:
 * - notice: the last day to give notice (end date minus the notice period, terms.ts `noticeDate`)
 * - renewal_decision: decide on an option to renew, one month before the notice date
 * - end: the agreement ends
 * - report_due: a periodic report is due (duties.ts `reportDueDate`); overdue the day after
 * - awb: a subsidy term of the Awb (4:13 decision, 4:60 book-year application, settlement)
 * - wgr: a statutory date of a GR's planning & control calendar (wgr.ts)
 * - escalation: the working-day deadline of an open escalation's current step (escalation.ts)
 * - action: an agreed action of a dialogue meeting with a due date (collaboration.ts): the municipality's own, or
 *   a provider's shown to the municipality as "actie aanbieder"; it goes when the action is marked done
 * - notification: the response deadline of a provider's event notification not yet answered (notifications.ts)
 * - meeting: a steering meeting from the relation's cadence (governance-apply.ts); missed when its date passed and
 *   no dialogue record follows within a few days
 * - budget_threshold: not a deadline but a dated signal — the spend crossed a threshold of a ceiling (budget.ts);
 *   it reaches the inbox through the same job, never the upcoming list
 */
export const DEADLINE_KINDS = [
  'notice',
  'renewal_decision',
  'end',
  'report_due',
  'awb',
  'wgr',
  'escalation',
  'budget_threshold',
  'action',
  'notification',
  'meeting',
] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export interface Deadline {
  kind: DeadlineKind;
  /** Unique within the agreement: which deadline of that kind (e.g. `notice`, `wgr-2027-budgetAdoption`). */
  key: string;
  date: string;
  agreementId: string;
  space: string;
  roles: Role[];
  /** A message key of the web app's `deadlines.labels` (with `params`), so every language can say it. */
  label: string;
  params?: Record<string, string>;
}

/** Statuses in which an agreement still runs and its dates still call for action. */
const RUNNING = new Set(['active', 'granted', 'settlement_requested']);

/** Whether an agreement in this status runs: its own dates, reports and meetings are expected. */
export function isRunningStatus(status: string): boolean {
  return RUNNING.has(status);
}

/** Months before the notice date that the renewal decision is due, so there is time to decide and act. */
export const RENEWAL_DECISION_LEAD_MONTHS = 1;

/** The roles that steer an agreement's own dates. */
export const STEERING_ROLES: Role[] = ['contractmanager', 'inkoper'];

export function agreementDeadlines(a: Agreement): Deadline[] {
  if (!RUNNING.has(a.status)) return [];
  const base = { agreementId: a.id, space: a.space, roles: STEERING_ROLES };
  const out: Deadline[] = [{ ...base, kind: 'end', key: 'end', date: a.endDate, label: 'end' }];
  const notice = noticeDate(a.endDate, a.noticePeriodMonths);
  if (notice) out.push({ ...base, kind: 'notice', key: 'notice', date: notice, label: 'notice' });
  if (a.renewal && a.renewal.used < a.renewal.options) {
    // Decide on renewal before notice must be given (or two months before the end without a notice period).
    const decision = notice ? addMonths(notice, -RENEWAL_DECISION_LEAD_MONTHS) : addMonths(a.endDate, -2);
    out.push({
      ...base,
      kind: 'renewal_decision',
      key: 'renewal',
      date: decision,
      label: 'renewal_decision',
    });
  }
  return out.sort(byDate);
}

export function byDate(x: { date: string }, y: { date: string }): number {
  return x.date < y.date ? -1 : x.date > y.date ? 1 : 0;
}

/**
 * When a deadline raises a signal: 30 and 7 days ahead, and on the day itself. Each window is a separate
 * signal, so a notice date reaches the inbox a month ahead, a week ahead and on the day. A report that is
 * due raises one on its due date and one the day after, when it is overdue (lead -1).
 */
export const SIGNAL_LEADS = [30, 7, 0] as const;
export const REPORT_SIGNAL_LEADS = [0, -1] as const;
export type SignalLead = 30 | 7 | 0 | -1;

/** Who hears of a report that is due or overdue in the owning space. */
export const REPORT_ROLES: Role[] = ['contractmanager'];

/** Who hears that an escalation step's deadline has come (the owner's side; SPEC §4.6). */
export const ESCALATION_DEADLINE_ROLES: Role[] = ['contractmanager', 'inkoper'];

/**
 * The deadline dates whose signals fall due in the run that covers the days after `lastRun` up to and
 * including `today`: for each lead, the dates in (lastRun + lead, today + lead]. A job that ran yesterday
 * reads one day per lead; a job that missed days catches up; a second run on the same day reads nothing.
 * Cost follows what is due, not the register.
 */
export function signalRanges(
  lastRun: string,
  today: string,
  leads: readonly SignalLead[] = SIGNAL_LEADS,
): { lead: SignalLead; from: string; through: string }[] {
  if (lastRun >= today) return [];
  return leads.map((lead) => ({ lead, from: addDays(lastRun, lead + 1), through: addDays(today, lead) }));
}

/** The id of one signal of one deadline: stable, so writing it twice is writing it once. */
export function signalKey(d: { agreementId: string; key: string; date: string }, lead: SignalLead): string {
  return `${d.agreementId}.${d.key}.${d.date}.${lead}`;
}

/** How far back a job catches up after missed runs; older dates are not signalled any more. */
export const MAX_CATCH_UP_DAYS = 14;

/** The day a job run starts from: the last run, but never more than MAX_CATCH_UP_DAYS back. */
export function catchUpFrom(lastRun: string | null, today: string): string {
  const floor = addDays(today, -MAX_CATCH_UP_DAYS);
  if (!lastRun) return addDays(today, -1);
  return lastRun < floor ? floor : lastRun;
}

/** How far ahead the upcoming list may look (a year and a month covers every yearly cycle). */
export const MAX_UPCOMING_DAYS = 400;

export const deadlineUpcomingSchema = z.optional(
  z.strictObject({
    /** One of the caller's spaces; all of them when left out. */
    space: z.optional(z.string().check(z.regex(SPACE_PATTERN, 'Invalid space'))),
    /** First day (default today). */
    from: z.optional(isoDate()),
    /** Days ahead from `from` (default 90). */
    days: z.optional(z.int().check(z.gte(1), z.lte(MAX_UPCOMING_DAYS))),
    limit: z.optional(z.int().check(z.gte(1), z.lte(100))),
    cursor: z.optional(z.string().check(z.maxLength(2048))),
  }),
);
export type DeadlineUpcomingInput = z.infer<typeof deadlineUpcomingSchema>;

export const signalRefSchema = z.strictObject({
  space: z.string().check(z.regex(SPACE_PATTERN, 'Invalid space')),
  signalId: z
    .string()
    .check(z.regex(/^[0-9a-z-]{1,40}\.[0-9A-Za-z-]{1,80}\.\d{4}-\d{2}-\d{2}\.-?\d{1,2}$/, 'Invalid signal')),
});
export const inboxMarkReadSchema = z.strictObject({
  ids: z.array(signalRefSchema).check(z.minLength(1), z.maxLength(50)),
});
