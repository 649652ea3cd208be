import type { Agreement } from './agreement.ts';
import type { Role } from './roles.ts';
import { addMonths, noticeDate } from './terms.ts';

/**
 * The deadline engine's agreement rules (SPEC §5.3). Pure: given an agreement, the dates that matter and
 * the roles that must act on them. Signals go to roles (everyone with the role in the owning space), never
 * to one named person.
 */
export type DeadlineKind = 'notice' | 'renewal_decision' | 'end';

export interface Deadline {
  kind: DeadlineKind;
  date: string;
  agreementId: string;
  space: string;
  roles: Role[];
}

/** Statuses in which an agreement still runs and its dates still call for action. */
const RUNNING = new Set(['active', 'granted', 'settlement_requested']);

/** Months before the notice date that the renewal decision is due, so there is time to decide and act. */
export const RENEWAL_DECISION_LEAD_MONTHS = 1;

export function agreementDeadlines(a: Agreement): Deadline[] {
  if (!RUNNING.has(a.status)) return [];
  const base = { agreementId: a.id, space: a.space };
  const steering: Role[] = ['contractmanager', 'inkoper'];
  const out: Deadline[] = [{ ...base, kind: 'end', date: a.endDate, roles: steering }];
  const notice = noticeDate(a.endDate, a.noticePeriodMonths);
  if (notice) out.push({ ...base, kind: 'notice', date: notice, roles: steering });
  if (a.renewal && a.renewal.used < a.renewal.options) {
    // Decide on renewal before notice must be given (or two months before the end without a notice period).
    const decision = notice ? addMonths(notice, -RENEWAL_DECISION_LEAD_MONTHS) : addMonths(a.endDate, -2);
    out.push({ ...base, kind: 'renewal_decision', date: decision, roles: steering });
  }
  return out.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
}
