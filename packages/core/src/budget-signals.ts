import type { LineMeasure } from './budget-totals.ts';

/*
 * What the totals say to people (SPEC §4.4): the signals of crossed thresholds and a year's burn-down with its
 * forecast.
 */

/** A threshold crossed by the spend on an agreement (SPEC §4.4), addressed to roles, not to a person. */
export interface BudgetSignal {
  agreementId: string;
  reference: string;
  title: string;
  threshold: number;
  /** Set for a threshold of that year's ceiling; absent for the agreement's overall value ceiling. */
  year?: number;
  /**
   * Set for a threshold of a product line's ceiling: its amount (spent and ceiling below are the line's) or its
   * volume (`volume` of `volumeCeiling` units; spent and ceiling below are then the line's amount and money
   * ceiling, 0 without one).
   */
  line?: { id: string; productCode: string; measure: LineMeasure };
  volume?: number;
  volumeCeiling?: number;
  /** The spend against the ceiling signalled: the year's spend for a year signal. */
  spentCents: number;
  ceilingCents: number;
  at: string;
  roles: string[];
}

export const DEFAULT_THRESHOLDS = [80, 100] as const;

export interface BurnDown {
  year: number;
  ceilingCents: number;
  spentCents: number;
  remainingCents: number;
  /** Spent as a share of the ceiling, in basis points (8000 = 80%). */
  usedBasisPoints: number;
  /** The year-end total if the average monthly spend so far continues. */
  forecastCents: number;
  /** Thresholds (percent) the spend has reached. */
  crossed: number[];
  /** Thresholds the forecast will reach by year end but the spend has not yet. */
  forecastCrosses: number[];
  /** Cumulative spend per month, January to the last month with data. */
  months: { period: string; cents: number; cumulativeCents: number }[];
}

/**
 * The burn-down of one year against a ceiling. `asOf` (YYYY-MM) is the last month counted as elapsed for
 * the forecast; months after it are not extrapolated from.
 */
export function burnDown(
  ceilingCents: number,
  year: number,
  realisations: readonly { period: string; amountCents: number }[],
  asOf: string,
  thresholds: readonly number[] = DEFAULT_THRESHOLDS,
): BurnDown {
  const perMonth = new Map<string, number>();
  for (const r of realisations) {
    if (!r.period.startsWith(`${year}-`)) continue;
    perMonth.set(r.period, (perMonth.get(r.period) ?? 0) + r.amountCents);
  }
  const spentCents = [...perMonth.values()].reduce((a, b) => a + b, 0);
  const asOfYear = Number(asOf.slice(0, 4));
  const elapsed = asOfYear > year ? 12 : asOfYear < year ? 0 : Number(asOf.slice(5, 7));
  const lastWithData = Math.max(0, ...[...perMonth.keys()].map((p) => Number(p.slice(5, 7))));
  const monthsCounted = Math.max(elapsed, lastWithData);
  const forecastCents = monthsCounted === 0 ? spentCents : Math.round((spentCents / monthsCounted) * 12);
  const pct = (value: number) =>
    ceilingCents === 0 ? (value > 0 ? Number.POSITIVE_INFINITY : 0) : (value * 100) / ceilingCents;
  const crossed = thresholds.filter((t) => pct(spentCents) >= t);
  const forecastCrosses = thresholds.filter((t) => !crossed.includes(t) && pct(forecastCents) >= t);
  const months: BurnDown['months'] = [];
  let cumulative = 0;
  for (let m = 1; m <= Math.max(lastWithData, elapsed); m++) {
    const period = `${year}-${String(m).padStart(2, '0')}`;
    const value = perMonth.get(period) ?? 0;
    cumulative += value;
    months.push({ period, cents: value, cumulativeCents: cumulative });
  }
  return {
    year,
    ceilingCents,
    spentCents,
    remainingCents: ceilingCents - spentCents,
    usedBasisPoints: ceilingCents === 0 ? 0 : Math.floor((spentCents * 10_000) / ceilingCents),
    forecastCents,
    crossed,
    forecastCrosses,
    months,
  };
}

/** The thresholds a new realisation makes the spend cross, for signalling exactly once. */
export function newlyCrossed(
  ceilingCents: number,
  before: number,
  after: number,
  thresholds: readonly number[] = DEFAULT_THRESHOLDS,
) {
  if (ceilingCents <= 0) return [];
  return thresholds.filter((t) => before * 100 < t * ceilingCents && after * 100 >= t * ceilingCents);
}
