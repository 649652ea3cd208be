import * as z from 'zod/mini';
import { addDays } from './calendar.ts';
import { type DeliveryData, dataSpecSchema, deliveryDataSchema } from './deliveries.ts';
import { onBehalfOfSchema, type PartyLabel, providerParties } from './parties.ts';
import { EVENT_DUTIES } from './relation.ts';
import { idSchema, text } from './schema.ts';

/**
 * Information duties (meldplichten, SPEC §4.3): what the contractor must report and when. Periodic reports
 * fall due a number of days after each period ends; event duties (a calamity, 80% of a ceiling, …) must be
 * reported within a number of working days of the event.
 */
export const REPORT_FREQUENCIES = ['monthly', 'quarterly', 'half_yearly', 'yearly'] as const;
export type ReportFrequency = (typeof REPORT_FREQUENCIES)[number];

export const dutyInputSchema = z
  .strictObject({
    id: z.optional(idSchema()),
    kind: z.enum(['periodic', 'event']),
    title: text(120, 1),
    frequency: z.optional(z.enum(REPORT_FREQUENCIES)),
    /** periodic: days after the period ends that the report is due. */
    dueDays: z.optional(z.int().check(z.gte(0), z.lte(180))),
    event: z.optional(z.enum(EVENT_DUTIES)),
    /** event: working days after the event within which it must be reported. */
    responseDays: z.optional(z.int().check(z.gte(1), z.lte(60))),
    /** periodic: the figures each report delivers (fields with a unit and type; deliveries.ts). */
    dataSpec: z.optional(dataSpecSchema),
  })
  .check(
    z.refine((d) => d.kind !== 'periodic' || (d.frequency !== undefined && d.dueDays !== undefined), {
      message: 'A periodic duty needs a frequency and the days after the period in which the report is due',
      params: { reason: 'duty.periodicNeedsFrequency' },
      path: ['frequency'],
    }),
    z.refine((d) => d.kind !== 'event' || (d.event !== undefined && d.responseDays !== undefined), {
      message: 'An event duty needs the event and a response time',
      params: { reason: 'duty.eventNeedsEvent' },
      path: ['event'],
    }),
    z.refine((d) => d.kind === 'periodic' || d.dataSpec === undefined, {
      message: 'Only a periodic duty carries a data specification',
      params: { reason: 'delivery.specOnlyPeriodic' },
      path: ['dataSpec'],
    }),
  );
export type DutyInput = z.infer<typeof dutyInputSchema>;
export type Duty = DutyInput & { id: string };

export interface Period {
  /** `2026-03` (month), `2026-Q1`, `2026-H1`, `2026`. */
  key: string;
  start: string;
  end: string;
}

const MONTHS: Record<ReportFrequency, number> = { monthly: 1, quarterly: 3, half_yearly: 6, yearly: 12 };

function periodAt(frequency: ReportFrequency, year: number, index: number): Period {
  const size = MONTHS[frequency];
  const startMonth = index * size + 1;
  const endMonth = startMonth + size - 1;
  const start = `${year}-${String(startMonth).padStart(2, '0')}-01`;
  const end = addDays(
    endMonth === 12 ? `${year + 1}-01-01` : `${year}-${String(endMonth + 1).padStart(2, '0')}-01`,
    -1,
  );
  const key =
    frequency === 'monthly'
      ? `${year}-${String(startMonth).padStart(2, '0')}`
      : frequency === 'quarterly'
        ? `${year}-Q${index + 1}`
        : frequency === 'half_yearly'
          ? `${year}-H${index + 1}`
          : String(year);
  return { key, start, end };
}

/** The reporting period that contains a date. */
export function periodContaining(frequency: ReportFrequency, date: string): Period {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return periodAt(frequency, year, Math.floor((month - 1) / MONTHS[frequency]));
}

/** The period after this one. */
export function nextPeriod(frequency: ReportFrequency, period: Period): Period {
  return periodContaining(frequency, addDays(period.end, 1));
}

export function reportDueDate(period: Period, dueDays: number): string {
  return addDays(period.end, dueDays);
}

/** Parses a period key back into its period, or null when it is not one of this frequency. */
export function parsePeriod(frequency: ReportFrequency, key: string): Period | null {
  const year = Number(key.slice(0, 4));
  if (!/^\d{4}/.test(key)) return null;
  const candidates = Array.from({ length: 12 / MONTHS[frequency] }, (_, i) => periodAt(frequency, year, i));
  return candidates.find((p) => p.key === key) ?? null;
}

/** Where a periodic duty stands: the next report it expects. */
export interface DueState {
  dutyId: string;
  dutyTitle: string;
  frequency: ReportFrequency;
  dueDays: number;
  period: string;
  periodEnd: string;
  dueDate: string;
  /**
   * The provider party that owes this report (its space) and its name: every provider party with a portal has
   * its own due per duty. Absent only where no party has a portal (a joint body), which keeps one due per duty.
   */
  party?: string;
  partyName?: string;
}

/** Statuses in which reports are expected (the agreement runs). */
export const REPORTING_STATUSES: readonly string[] = ['active', 'granted', 'settlement_requested'];

/**
 * The first period a new duty expects a report for: the period the agreement starts in, but never before
 * the last completed period — so activating (or adding a duty to) a long-running agreement asks for the
 * report on the period just ended, not for its whole past.
 */
export function firstExpected(frequency: ReportFrequency, startDate: string, today: string): Period {
  const current = periodContaining(frequency, today);
  const previous = periodContaining(frequency, addDays(current.start, -1));
  const start = periodContaining(frequency, startDate);
  return start.start > previous.start ? start : previous;
}

/**
 * The reports a running agreement expects next: one per periodic duty and provider party (one per duty where
 * no party has a portal). A due keeps the period it has reached while its duty's frequency stays the same; a
 * new (or re-timed) one, or one of a party that joined, starts at `firstExpected`.
 */
export function desiredDues(
  agreement: {
    status: string;
    startDate: string;
    endDate: string;
    duties: readonly Duty[];
    parties: readonly { providerSpace: string | null; name: string }[];
  },
  current: readonly DueState[],
  today: string,
): DueState[] {
  if (!REPORTING_STATUSES.includes(agreement.status)) return [];
  const parties = providerParties(agreement);
  const owing: (PartyLabel | null)[] = parties.length > 0 ? parties : [null];
  const out: DueState[] = [];
  for (const duty of agreement.duties) {
    if (duty.kind !== 'periodic' || !duty.frequency || duty.dueDays === undefined) continue;
    for (const who of owing) {
      const existing = current.find(
        (d) => d.dutyId === duty.id && d.party === who?.party && d.frequency === duty.frequency,
      );
      const period = existing
        ? parsePeriod(duty.frequency, existing.period)!
        : firstExpected(duty.frequency, agreement.startDate, today);
      if (period.start > agreement.endDate) continue;
      out.push({
        dutyId: duty.id,
        dutyTitle: duty.title,
        frequency: duty.frequency,
        dueDays: duty.dueDays,
        period: period.key,
        periodEnd: period.end,
        dueDate: reportDueDate(period, duty.dueDays),
        ...(who ? { party: who.party, partyName: who.partyName } : {}),
      });
    }
  }
  return out;
}

/** After a report for the expected period: the next period, or nothing once the agreement has ended. */
export function advanceDue(due: DueState, agreementEnd: string): DueState | null {
  const next = nextPeriod(due.frequency, parsePeriod(due.frequency, due.period)!);
  if (next.start > agreementEnd) return null;
  return { ...due, period: next.key, periodEnd: next.end, dueDate: reportDueDate(next, due.dueDays) };
}

export const reportSubmitSchema = z.strictObject({
  agreementId: idSchema(),
  dutyId: idSchema(),
  /** The period reported on, as the due list names it (`2026-Q4`). */
  period: z.string().check(z.regex(/^\d{4}(-(0[1-9]|1[0-2]|Q[1-4]|H[12]))?$/, 'Invalid period')),
  summary: text(5000, 1),
  /** For a contract manager reporting on behalf of a provider party; required with more than one. */
  party: onBehalfOfSchema(),
  figures: z.optional(
    z.array(z.strictObject({ label: text(80, 1), value: text(40, 1) })).check(z.maxLength(20)),
  ),
  /**
   * The figures of a duty with a data specification, field key → number (an amount in cents), checked against it
   * (`validateDelivery`); refused for a duty without one.
   */
  data: z.optional(deliveryDataSchema),
});
export type ReportSubmitInput = z.infer<typeof reportSubmitSchema>;

export interface Report {
  agreementId: string;
  dutyId: string;
  dutyTitle: string;
  period: string;
  dueDate: string;
  summary: string;
  figures: { label: string; value: string }[];
  /** The figures delivered under the duty's data specification (absent where it has none). */
  data?: DeliveryData;
  submittedAt: string;
  submittedBy: string;
  /** The person's name next to the key, when it was recorded (older items have none: readers show the key). */
  submittedByName?: string;
  /** Who delivered it: the provider itself, or the municipality recording it. */
  side: 'provider' | 'municipality';
  organisation: string;
  /** Submitted after its due date. */
  late: boolean;
  /** The provider party the report is of (its space) and its name; absent where no party has a portal. */
  party?: string;
  partyName?: string;
}
