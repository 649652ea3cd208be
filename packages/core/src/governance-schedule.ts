import { addWorkingDays, extendToWorkingDay } from './calendar.ts';
import { isRunningStatus } from './deadlines.ts';
import { type DutyInput, firstExpected, nextPeriod, type ReportFrequency, reportDueDate } from './duties.ts';
import { EVENT_DUTIES, type Governance, type MEETING_CADENCES } from './relation.ts';
import { addMonths } from './terms.ts';

/**
 * The concrete schedule a relation's governance asks for (issue 14): the information duties it generates and how they
 * meet the agreement's existing ones, their due dates, and the meetings from the cadence. Pure; see governance.ts.
 */
type EventDuty = (typeof EVENT_DUTIES)[number];

export const FREQUENCY_RANK: Record<ReportFrequency, number> = {
  monthly: 0,
  quarterly: 1,
  half_yearly: 2,
  yearly: 3,
};

/** Days after a period's end that the generated report is due: shorter for frequent reports. */
export const REPORT_DUE_DAYS: Record<ReportFrequency, number> = {
  monthly: 15,
  quarterly: 30,
  half_yearly: 45,
  yearly: 90,
};

/** Working days within which an event must be reported: a calamity at once, slower news within two weeks. */
export const EVENT_RESPONSE_DAYS: Record<EventDuty, number> = {
  calamity: 1,
  ceiling_80: 5,
  financial_trouble: 5,
  ownership_change: 10,
  waiting_time: 10,
  staff_quality: 10,
  complaints: 10,
  other: 10,
};

/** Titles of generated duties: stored data in the agreement's language (Dutch), like the seed's own duties. */
const REPORT_TITLES: Record<ReportFrequency, string> = {
  monthly: 'Maandrapportage',
  quarterly: 'Kwartaalrapportage',
  half_yearly: 'Halfjaarrapportage',
  yearly: 'Jaarrapportage',
};
const EVENT_TITLES: Record<EventDuty, string> = {
  calamity: 'Melding calamiteit',
  ceiling_80: '80% van het plafond bereikt',
  financial_trouble: 'Melding financiële problemen',
  ownership_change: 'Melding wijziging eigendom',
  waiting_time: 'Melding wachttijd boven de norm',
  staff_quality: 'Melding kwaliteit personeel',
  complaints: 'Melding klachten',
  other: 'Overige melding',
};

const isEventDuty = (value: string): value is EventDuty =>
  (EVENT_DUTIES as readonly string[]).includes(value);

/** The duties a governance asks for: one periodic report at its frequency, one event duty per chosen event. */
export function generatedDuties(governance: Governance): DutyInput[] {
  const events = [...new Set(governance.informationDuties.filter(isEventDuty))].sort(
    (a, b) => EVENT_DUTIES.indexOf(a) - EVENT_DUTIES.indexOf(b),
  );
  const frequency = governance.reportingFrequency;
  return [
    { kind: 'periodic', title: REPORT_TITLES[frequency], frequency, dueDays: REPORT_DUE_DAYS[frequency] },
    ...events.map(
      (event): DutyInput => ({
        kind: 'event',
        title: EVENT_TITLES[event],
        event,
        responseDays: EVENT_RESPONSE_DAYS[event],
      }),
    ),
  ];
}

/** The last day to report an event that happened on `date`: `responseDays` working days later (Atw). */
export function eventResponseDeadline(date: string, responseDays: number): string {
  return addWorkingDays(date, responseDays);
}

export interface DutyDiff {
  /** Existing duties that stay; some of them cover a generated duty. */
  kept: DutyInput[];
  /** Generated duties no existing one covers. */
  added: DutyInput[];
  /** Existing duties the governance does not ask for: reporting more often than chosen, events not chosen. */
  removed: DutyInput[];
  /** Existing event duties that stay but get the generated (shorter) response time. */
  changed: { before: DutyInput; after: DutyInput }[];
  /** The duty list after applying: kept, changed and added, in that order. */
  result: DutyInput[];
  /** Chosen information duties that are no standard event (free text): not generated, listed for the user. */
  unmatched: string[];
}

/**
 * Compares existing duties with the generated ones. A periodic duty at the chosen frequency covers the generated
 * report; one more frequent is removed (the relation asks less detail — DOMAIN §(h)); a less frequent one (an annual
 * report beside quarterly ones) stays. An event duty covers the generated one for its event, tightened to the
 * generated response time when it is slower; an event duty outside the chosen set is removed.
 */
export function dutyDiff(governance: Governance, existing: readonly DutyInput[]): DutyDiff {
  const generated = generatedDuties(governance);
  const frequency = governance.reportingFrequency;
  const chosenEvents = new Set(generated.flatMap((d) => (d.event ? [d.event] : [])));
  const kept: DutyInput[] = [];
  const removed: DutyInput[] = [];
  const changed: DutyDiff['changed'] = [];
  const covered = new Set<string>();
  for (const duty of existing) {
    if (duty.kind === 'periodic' && duty.frequency) {
      const rank = FREQUENCY_RANK[duty.frequency] - FREQUENCY_RANK[frequency];
      if (rank < 0) removed.push(duty);
      else {
        kept.push(duty);
        if (rank === 0) covered.add('periodic');
      }
    } else if (duty.kind === 'event' && duty.event) {
      if (!chosenEvents.has(duty.event) || covered.has(duty.event)) {
        removed.push(duty);
        continue;
      }
      covered.add(duty.event);
      const target = EVENT_RESPONSE_DAYS[duty.event];
      if (duty.responseDays !== undefined && duty.responseDays > target) {
        changed.push({ before: duty, after: { ...duty, responseDays: target } });
      } else kept.push(duty);
    } else kept.push(duty);
  }
  const added = generated.filter((d) => !covered.has(d.kind === 'periodic' ? 'periodic' : d.event!));
  const unmatched = [...new Set(governance.informationDuties.filter((d) => !isEventDuty(d)))];
  return {
    kept,
    added,
    removed,
    changed,
    result: [...kept, ...changed.map((c) => c.after), ...added],
    unmatched,
  };
}

/** The due dates of a periodic duty within a year from today, from the first period the deadline engine expects. */
export function reportDueDates(
  duty: Pick<DutyInput, 'frequency' | 'dueDays'>,
  terms: { startDate: string; endDate: string },
  today: string,
): string[] {
  if (!duty.frequency || duty.dueDays === undefined) return [];
  const horizon = addMonths(today, 12);
  const out: string[] = [];
  for (
    let period = firstExpected(duty.frequency, terms.startDate, today);
    period.start <= terms.endDate;
    period = nextPeriod(duty.frequency, period)
  ) {
    const due = reportDueDate(period, duty.dueDays);
    if (due > horizon) break;
    if (due >= today) out.push(due);
  }
  return out;
}

const CADENCE_MONTHS: Record<(typeof MEETING_CADENCES)[number], number> = {
  monthly: 1,
  bimonthly: 2,
  quarterly: 3,
  half_yearly: 6,
};

/**
 * The meetings of the next 12 months from the cadence: every interval after today, on the next working day when
 * that falls on a weekend or feestdag, and none after the agreement ends.
 */
export function meetingSchedule(
  cadence: (typeof MEETING_CADENCES)[number],
  today: string,
  endDate: string,
): { key: string; date: string }[] {
  const step = CADENCE_MONTHS[cadence];
  const out: { key: string; date: string }[] = [];
  for (let k = step; k <= 12; k += step) {
    const date = extendToWorkingDay(addMonths(today, k));
    if (date > endDate) break;
    out.push({ key: `meeting-${date}`, date });
  }
  return out;
}

/**
 * The planned meetings an agreement no longer has (their deadline keys): not yet held, and either after its
 * (possibly moved) end date, or still to come once the agreement stopped running (ended, terminated, …). A meeting
 * that passed unheld while the agreement ran stays: it was missed, and the record says so.
 */
export function meetingsToDrop(
  meetings: readonly { key: string; date: string; held?: boolean }[],
  agreement: { status: string; endDate: string },
  today: string,
): string[] {
  const running = isRunningStatus(agreement.status);
  return meetings
    .filter((m) => !m.held && (m.date > agreement.endDate || (!running && m.date >= today)))
    .map((m) => m.key);
}
