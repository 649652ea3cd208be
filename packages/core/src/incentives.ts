import * as z from 'zod/mini';
import {
  type DueState,
  nextPeriod,
  type Period,
  parsePeriod,
  type ReportFrequency,
  reportDueDate,
} from './duties.ts';
import { DomainError } from './errors.ts';
import { cents, idSchema } from './schema.ts';

/**
 * Result-linked payment (prestatiebekostiging, issue 15 point 2): an agreement may set, per KPI, a bonus and/or a
 * malus per reporting period — a percentage of what was realised in that period, or a fixed amount — bounded by
 * a cap per calendar year. The amounts follow from the recorded KPI results; nothing here reads or writes.
 *
 * The formula, per rule (KPI and kind), provider party and elapsed period of the KPI's frequency:
 * - the period's result is on target when it meets the rule's threshold (the KPI's target unless the rule sets
 *   its own) in the KPI's direction;
 * - base: `percentOfRealised` → realised amount of the period × value / 10,000 (value in basis points; rounded
 *   to whole cents, half a cent up; the realised amount is the party's own: the counted realisations booked for
 *   it); `fixed` → value (cents);
 * - a bonus is paid when the result is on target; a malus is charged when it is not;
 * - a missing result never earns a bonus; it costs the malus only when the duty to report that period was missed
 *   (a periodic duty of the KPI's frequency whose report for the period is still outstanding after its due date);
 * - the yearly cap bounds the sum of one rule's amounts per party and calendar year, in period order: a period
 *   gets at most what is left of the cap (a settled period counts with its settled amount).
 * A bonus is positive (the municipality pays more), a malus negative.
 */
export const INCENTIVE_KINDS = ['bonus', 'malus'] as const;
export type IncentiveKind = (typeof INCENTIVE_KINDS)[number];
export const INCENTIVE_BASES = ['percentOfRealised', 'fixed'] as const;
export type IncentiveBasis = (typeof INCENTIVE_BASES)[number];

export const incentiveRuleSchema = z
  .strictObject({
    kpiId: idSchema(),
    kind: z.enum(INCENTIVE_KINDS),
    basis: z.enum(INCENTIVE_BASES),
    /** `percentOfRealised`: basis points (250 = 2.5%, at most 10,000); `fixed`: cents. */
    value: z.int().check(z.gte(1), z.lte(1_000_000_000_000)),
    /** The rule's own threshold instead of the KPI's target (same unit and direction). */
    threshold: z.optional(z.number().check(z.gte(-1e12), z.lte(1e12))),
    /** The most this rule pays (bonus) or charges (malus) per provider party in one calendar year. */
    yearlyCapCents: cents().check(z.gte(1)),
  })
  .check(
    z.refine((r) => r.basis !== 'percentOfRealised' || r.value <= 10_000, {
      message: 'A percentage is at most 100% (10,000 basis points)',
      params: { reason: 'incentive.percentTooHigh' },
      path: ['value'],
    }),
  );
export type IncentiveRule = z.infer<typeof incentiveRuleSchema>;

export const incentivesSchema = () => z.array(incentiveRuleSchema).check(z.maxLength(40));

/** The rules every stored arrangement keeps: each names a KPI of the agreement, each KPI and kind once. */
export function assertIncentives(rules: readonly IncentiveRule[], kpis: readonly { id: string }[]): void {
  rules.forEach((rule, i) => {
    if (!kpis.some((k) => k.id === rule.kpiId))
      throw new DomainError('BAD_REQUEST', 'incentive.unknownKpi', {
        field: `incentives.${i}.kpiId`,
        message: 'An incentive names a KPI this agreement does not have',
      });
    if (rules.findIndex((o) => o.kpiId === rule.kpiId && o.kind === rule.kind) < i)
      throw new DomainError('BAD_REQUEST', 'incentive.duplicate', {
        field: `incentives.${i}.kind`,
        message: 'Each KPI has at most one bonus and one malus',
      });
  });
}

/** Why a row has the amount it has (the web shows it in words). */
export const INCENTIVE_REASONS = [
  'met',
  'notMet',
  'missingResult',
  'reportMissed',
  'reportNotMissed',
] as const;
export type IncentiveReason = (typeof INCENTIVE_REASONS)[number];

export type IncentiveState = 'bonus' | 'malus' | 'none' | 'missing_result_no_bonus' | 'missing_report_malus';

export interface IncentiveRow {
  kpiId: string;
  kind: IncentiveKind;
  basis: IncentiveBasis;
  /** The KPI period (`2026-Q2`, `2026-03`, `2026-H1`, `2026`). */
  period: string;
  /** The provider party (absent where no party has a portal). */
  party?: string;
  partyName?: string;
  /** The recorded result, or null when none was recorded. */
  value: number | null;
  threshold: number;
  /** Realised in the period (counted realisations of the party, cents). */
  realisedCents: number;
  /** The amount before the cap (unsigned cents). */
  rawCents: number;
  /** The amount after the cap: positive for a bonus, negative for a malus, 0 for none. */
  amountCents: number;
  /** The cap cut the amount (to `amountCents`). */
  capped: boolean;
  state: IncentiveState;
  reason: IncentiveReason;
  /** The settled amount, once this period was settled. */
  settledCents?: number;
}

/** A KPI period's reporting state for one party (see `reportStatus`). */
export type ReportState = 'missed' | 'notMissed';

export interface IncentiveInput {
  rules: readonly IncentiveRule[];
  kpis: readonly { id: string; target: number; direction: 'higher' | 'lower'; frequency: ReportFrequency }[];
  startDate: string;
  endDate: string;
  /** Today (YYYY-MM-DD): only periods that have ended before it count. */
  today: string;
  /** The provider parties with a portal; empty where none has one (one row per period without a party). */
  parties: readonly { party: string; partyName: string }[];
  results: readonly { kpiId: string; period: string; value: number; party?: string }[];
  realisations: readonly { period: string; amountCents: number; party?: string; reversedAt?: string }[];
  /** Keys `kpiId|period|party` of the KPI periods whose duty to report was missed (`missedReports`). */
  missed: ReadonlySet<string>;
  /** Settled amounts by `rowKey` (signed cents). */
  settled?: ReadonlyMap<string, number>;
}

const MAX_PERIODS = 120;

/** The periods of a frequency from the start date through the end date that have ended before `today`. */
export function elapsedPeriods(
  frequency: ReportFrequency,
  startDate: string,
  endDate: string,
  today: string,
): Period[] {
  const out: Period[] = [];
  let p = parsePeriod(frequency, periodKeyContaining(frequency, startDate))!;
  while (p.end < today && p.start <= endDate && out.length < MAX_PERIODS) {
    out.push(p);
    p = nextPeriod(frequency, p);
  }
  return out;
}

function periodKeyContaining(frequency: ReportFrequency, date: string): string {
  const year = date.slice(0, 4);
  const month = Number(date.slice(5, 7));
  if (frequency === 'monthly') return date.slice(0, 7);
  if (frequency === 'quarterly') return `${year}-Q${Math.ceil(month / 3)}`;
  if (frequency === 'half_yearly') return `${year}-H${month <= 6 ? 1 : 2}`;
  return year;
}

/** The key of one row: rule (KPI and kind), period and party. */
export const rowKey = (r: { kpiId: string; kind: IncentiveKind; period: string; party?: string }) =>
  `${r.kpiId}|${r.kind}|${r.period}|${r.party ?? ''}`;
/** The key of one KPI period of one party in the `missed` set. */
export const missedKey = (kpiId: string, period: string, party?: string) =>
  `${kpiId}|${period}|${party ?? ''}`;

/**
 * Which KPI periods' duty to report was missed: per KPI, the periodic duty of the same frequency; per party its
 * due (the next report it owes under that duty — every earlier period was delivered or never asked for). A period
 * is missed when the due still points at it or before it and the period's report due date has passed. A KPI
 * without a periodic duty of its frequency is under no reporting duty: a missing result then never costs a malus.
 */
export function missedReports(input: {
  kpis: readonly { id: string; frequency: ReportFrequency }[];
  duties: readonly { id: string; kind: string; frequency?: ReportFrequency; dueDays?: number }[];
  dues: readonly Pick<DueState, 'dutyId' | 'period' | 'party'>[];
  periods: readonly { kpiId: string; period: string; party?: string }[];
  today: string;
}): Set<string> {
  const out = new Set<string>();
  for (const at of input.periods) {
    const kpi = input.kpis.find((k) => k.id === at.kpiId);
    if (!kpi) continue;
    const duty = input.duties.find(
      (d) => d.kind === 'periodic' && d.frequency === kpi.frequency && d.dueDays !== undefined,
    );
    if (!duty) continue;
    const due = input.dues.find((d) => d.dutyId === duty.id && d.party === at.party);
    const period = parsePeriod(kpi.frequency, at.period);
    const owed = due ? parsePeriod(kpi.frequency, due.period) : null;
    if (!period || !owed) continue;
    if (owed.start <= period.start && reportDueDate(period, duty.dueDays!) < input.today)
      out.add(missedKey(at.kpiId, at.period, at.party));
  }
  return out;
}

/** Whether a value meets a threshold in a direction. */
const meets = (direction: 'higher' | 'lower', threshold: number, value: number) =>
  direction === 'higher' ? value >= threshold : value <= threshold;

/**
 * Realised cents of one party in the months of one period: the counted realisations booked for that party (it
 * reported them, or the municipality recorded them naming it). Where no party has a portal, all of them.
 */
function realisedIn(input: IncentiveInput, period: Period, party?: string): number {
  const from = period.start.slice(0, 7);
  const to = period.end.slice(0, 7);
  let sum = 0;
  for (const r of input.realisations) {
    if (r.reversedAt || r.period < from || r.period > to) continue;
    // A party's realised amount is what is booked for it: reported by it, or recorded naming it.
    if (party !== undefined && r.party !== party) continue;
    sum += r.amountCents;
  }
  return sum;
}

/** Whole cents of `cents × basisPoints / 10,000`, half a cent rounded up. */
export function percentOf(realisedCents: number, basisPoints: number): number {
  return Math.round((realisedCents * basisPoints) / 10_000);
}

/**
 * Every rule's row per elapsed period of its KPI and per party, in period order, with the yearly cap applied
 * cumulatively per rule, party and calendar year.
 */
export function computeIncentives(input: IncentiveInput): IncentiveRow[] {
  const rows: IncentiveRow[] = [];
  const owing: ({ party: string; partyName: string } | null)[] =
    input.parties.length > 0 ? [...input.parties] : [null];
  for (const rule of input.rules) {
    const kpi = input.kpis.find((k) => k.id === rule.kpiId);
    if (!kpi) continue;
    const threshold = rule.threshold ?? kpi.target;
    const periods = elapsedPeriods(kpi.frequency, input.startDate, input.endDate, input.today);
    for (const who of owing) {
      const party = who?.party;
      const used = new Map<string, number>();
      for (const period of periods) {
        const result = input.results.find(
          (r) => r.kpiId === kpi.id && r.period === period.key && r.party === party,
        );
        const realisedCents = realisedIn(input, period, party);
        const base = rule.basis === 'fixed' ? rule.value : percentOf(realisedCents, rule.value);
        let state: IncentiveState;
        let reason: IncentiveReason;
        let rawCents = 0;
        if (result) {
          const met = meets(kpi.direction, threshold, result.value);
          reason = met ? 'met' : 'notMet';
          if (rule.kind === 'bonus' ? met : !met) {
            state = rule.kind;
            rawCents = base;
          } else state = 'none';
        } else if (rule.kind === 'bonus') {
          state = 'missing_result_no_bonus';
          reason = 'missingResult';
        } else if (input.missed.has(missedKey(kpi.id, period.key, party))) {
          state = 'missing_report_malus';
          reason = 'reportMissed';
          rawCents = base;
        } else {
          state = 'none';
          reason = 'reportNotMissed';
        }
        const year = period.key.slice(0, 4);
        const left = Math.max(0, rule.yearlyCapCents - (used.get(year) ?? 0));
        const amount = Math.min(rawCents, left);
        const key = rowKey({ kpiId: kpi.id, kind: rule.kind, period: period.key, party });
        const settledCents = input.settled?.get(key);
        used.set(
          year,
          (used.get(year) ?? 0) + (settledCents !== undefined ? Math.abs(settledCents) : amount),
        );
        rows.push({
          kpiId: kpi.id,
          kind: rule.kind,
          basis: rule.basis,
          period: period.key,
          ...(who ? { party: who.party, partyName: who.partyName } : {}),
          value: result ? result.value : null,
          threshold,
          realisedCents,
          rawCents,
          amountCents: rule.kind === 'malus' && amount !== 0 ? -amount : amount,
          capped: amount < rawCents,
          state,
          reason,
          ...(settledCents !== undefined ? { settledCents } : {}),
        });
      }
    }
  }
  return rows.sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
}

/** A settled period: the rows as they were settled, with their sum. */
export interface IncentiveSettlement {
  agreementId: string;
  period: string;
  party?: string;
  partyName?: string;
  rows: { kpiId: string; kind: IncentiveKind; amountCents: number; state: IncentiveState }[];
  totalCents: number;
  settledAt: string;
  settledBy: string;
  settledByName?: string;
}

/** The last month (YYYY-MM) of a KPI period: where a settled amount counts in the burn-down. */
export function lastMonthOf(period: string): string {
  const year = period.slice(0, 4);
  if (/^\d{4}-\d{2}$/.test(period)) return period;
  const q = /Q([1-4])$/.exec(period);
  if (q) return `${year}-${String(Number(q[1]) * 3).padStart(2, '0')}`;
  const h = /H([12])$/.exec(period);
  if (h) return `${year}-${h[1] === '1' ? '06' : '12'}`;
  return `${year}-12`;
}

/**
 * The burn-down's months with the settled incentives beside the spend: per month the settled amount (bonus +,
 * malus −) and the cumulative spend including them. Settled incentives never change the realisations or their
 * ceiling signals; they are a separate series.
 */
export function withSettledIncentives<
  T extends { year: number; spentCents: number; months: { period: string; cumulativeCents: number }[] },
>(
  burnDown: T,
  settlements: readonly { period: string; totalCents: number }[],
): Omit<T, 'months'> & {
  incentiveCents: number;
  spentWithIncentivesCents: number;
  months: (T['months'][number] & { incentiveCents: number; cumulativeWithIncentivesCents: number })[];
} {
  const perMonth = new Map<string, number>();
  for (const s of settlements) {
    const month = lastMonthOf(s.period);
    if (!month.startsWith(`${burnDown.year}-`)) continue;
    perMonth.set(month, (perMonth.get(month) ?? 0) + s.totalCents);
  }
  let running = 0;
  const months = burnDown.months.map((m) => {
    const incentiveCents = perMonth.get(m.period) ?? 0;
    running += incentiveCents;
    return { ...m, incentiveCents, cumulativeWithIncentivesCents: m.cumulativeCents + running };
  });
  const incentiveCents = [...perMonth.values()].reduce((a, b) => a + b, 0);
  return {
    ...burnDown,
    months,
    incentiveCents,
    spentWithIncentivesCents: burnDown.spentCents + incentiveCents,
  };
}
