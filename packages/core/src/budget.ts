import * as z from 'zod/mini';
import { DomainError } from './errors.ts';
import { cents, idSchema, text } from './schema.ts';
import { SPACE_PATTERN } from './spaces.ts';

/**
 * Bounding budget and volume (SPEC §4.4). Realisations are recorded per month (by the municipality or
 * reported by the provider); the burn-down compares them with a ceiling, forecasts the year end from the
 * run rate so far, and names the thresholds crossed (default 80% and 100%).
 */
export const realisationInputSchema = z.strictObject({
  period: z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Period is YYYY-MM')),
  amountCents: cents(),
  volume: z.optional(z.int().check(z.gte(0), z.lte(100_000_000))),
  productLineId: z.optional(z.string().check(z.regex(/^[0-9a-z-]{1,40}$/, 'Invalid id'))),
  note: z.optional(text(500)),
  /** On a region's agreement: the member municipality the entry belongs to (issue 16 point 4). */
  member: z.optional(z.string().check(z.regex(SPACE_PATTERN, 'Invalid space'))),
});
export type RealisationInput = z.infer<typeof realisationInputSchema>;

export interface Realisation extends RealisationInput {
  id: string;
  agreementId: string;
  recordedAt: string;
  recordedBy: string;
  /** The person's name next to the key, when it was recorded (older items have none: readers show the key). */
  recordedByName?: string;
  /** Recorded by the municipality, or reported by the provider. */
  side: 'provider' | 'municipality';
  /** The provider party it belongs to (its space) and name: always for a provider's own entry. */
  party?: string;
  partyName?: string;
  /** Optimistic version of the entry: 1 when recorded, +1 per correction (absent on entries before corrections). */
  version?: number;
  /** The last correction: when, by whom and why. */
  correctedAt?: string;
  correctedBy?: string;
  correctionReason?: string;
  /** Set when the entry was reversed: it stays readable but no longer counts. */
  reversedAt?: string;
}

/**
 * A correction of a wrongly entered realisation (SPEC §4.4): the corrected entry, or `null` to reverse it.
 * Always with a reason and the version the corrector saw, so two corrections never overwrite each other.
 */
export const realisationCorrectionSchema = z.strictObject({
  agreementId: idSchema(),
  realisationId: idSchema(),
  expectedVersion: z.int().check(z.gte(1), z.lte(1_000_000)),
  realisation: z.nullable(realisationInputSchema),
  reason: text(500, 1),
});
export type RealisationCorrection = z.infer<typeof realisationCorrectionSchema>;

/** What an entry counts for in the totals: nothing once reversed. */
export function countedCents(r: { amountCents: number; reversedAt?: string }): number {
  return r.reversedAt ? 0 : r.amountCents;
}

/** The entries that still count (not reversed). */
export function activeRealisations<T extends { reversedAt?: string }>(entries: readonly T[]): T[] {
  return entries.filter((r) => !r.reversedAt);
}

export interface CorrectionEffect {
  /** The entry as it is after the correction. */
  next: Realisation;
  spentCents: number;
  /** Thresholds the correction makes the spend cross (to signal now). */
  crossed: number[];
  /** Thresholds signalled before that the spend no longer reaches (their signal is withdrawn). */
  withdrawn: number[];
  /** The thresholds signalled after the correction. */
  signalled: number[];
}

/**
 * The effect of correcting (or reversing) one realisation on the running totals and the signals: the spend
 * moves by the difference, a threshold newly reached is signalled once, and a signal whose threshold is no
 * longer reached is withdrawn so a later crossing signals again. Refuses a stale version and a reversed entry.
 */
export function correctRealisation(
  current: Realisation,
  correction: Pick<RealisationCorrection, 'expectedVersion' | 'realisation' | 'reason'>,
  totals: BudgetTotals,
  ceilingCents: number | null,
  actor: string,
  at: string,
  thresholds: readonly number[] = DEFAULT_THRESHOLDS,
): CorrectionEffect {
  const version = current.version ?? 1;
  if (correction.expectedVersion !== version) {
    throw new DomainError('CONFLICT', 'realisation.versionConflict', {
      params: { version },
      message: `The realisation was changed meanwhile (version ${version}); reload and try again`,
    });
  }
  if (current.reversedAt) {
    throw new DomainError('BAD_REQUEST', 'realisation.reversed', {
      field: 'realisationId',
      message: 'A reversed realisation cannot be corrected',
    });
  }
  // The party an entry belongs to stays with it through every correction.
  const party =
    current.party !== undefined
      ? { party: current.party, partyName: current.partyName ?? current.party }
      : {};
  const base: Realisation = {
    id: current.id,
    agreementId: current.agreementId,
    recordedAt: current.recordedAt,
    recordedBy: current.recordedBy,
    ...(current.recordedByName !== undefined ? { recordedByName: current.recordedByName } : {}),
    side: current.side,
    ...party,
    period: current.period,
    amountCents: current.amountCents,
    ...(current.volume !== undefined ? { volume: current.volume } : {}),
    ...(current.productLineId !== undefined ? { productLineId: current.productLineId } : {}),
    ...(current.note !== undefined ? { note: current.note } : {}),
  };
  const stamp = {
    version: version + 1,
    correctedAt: at,
    correctedBy: actor,
    correctionReason: correction.reason,
  };
  const next: Realisation = correction.realisation
    ? {
        id: base.id,
        agreementId: base.agreementId,
        recordedAt: base.recordedAt,
        recordedBy: base.recordedBy,
        ...(base.recordedByName !== undefined ? { recordedByName: base.recordedByName } : {}),
        side: base.side,
        ...party,
        ...correction.realisation,
        ...stamp,
      }
    : { ...base, ...stamp, reversedAt: at };
  const spentCents = totals.spentCents - countedCents(current) + countedCents(next);
  const ceiling = ceilingCents ?? 0;
  const reached = (t: number) => ceiling > 0 && spentCents * 100 >= t * ceiling;
  const withdrawn = totals.signalled.filter((t) => !reached(t));
  const crossed = ceiling
    ? newlyCrossed(ceiling, totals.spentCents, spentCents, thresholds).filter(
        (t) => !totals.signalled.includes(t),
      )
    : [];
  const signalled = [...totals.signalled.filter((t) => !withdrawn.includes(t)), ...crossed].sort(
    (a, b) => a - b,
  );
  return { next, spentCents, crossed, withdrawn, signalled };
}

/** Running totals of an agreement's realisations against its ceiling (kept on one item, updated per entry). */
export interface BudgetTotals {
  spentCents: number;
  /** Thresholds (percent of the value ceiling) already signalled, so each is signalled once. */
  signalled: number[];
  /**
   * The same per calendar year ("2026"), against that year's ceiling (`agreement.yearCeilings`). Absent on
   * totals kept before year signals existed; a year without a ceiling keeps its spend but signals nothing.
   */
  years?: Record<string, YearTotals>;
  /** The same per product line (see `LineEffect`); absent on totals kept before line signals existed. */
  lines?: Record<string, YearTotals>;
}

/** One year's spend and the thresholds of its year ceiling already signalled. */
export interface YearTotals {
  spentCents: number;
  signalled: number[];
}

/** A threshold of one year's ceiling. */
export interface YearThreshold {
  year: number;
  threshold: number;
}

export interface YearEffect {
  /** The per-year totals after the entry (only the years it touches change). */
  years: Record<string, YearTotals>;
  /** Year thresholds the entry makes the spend cross (to signal now), each once per year. */
  crossed: YearThreshold[];
  /** Year thresholds signalled before that the year's spend no longer reaches (their signal is withdrawn). */
  withdrawn: YearThreshold[];
  /** The spend of each touched year before and after, for the audit event. */
  moved: { year: number; before: number; after: number }[];
}

/** The year (YYYY) a realisation counts in: that of its period. */
export function realisationYear(r: { period: string }): number {
  return Number(r.period.slice(0, 4));
}

/**
 * The per-year totals kept from scratch out of an agreement's entries (for totals kept before year signals
 * existed): each year's counted spend, nothing signalled yet (a threshold already passed is not crossed again).
 */
export function yearTotalsOf(
  entries: readonly { period: string; amountCents: number; reversedAt?: string }[],
): Record<string, YearTotals> {
  const years: Record<string, YearTotals> = {};
  for (const r of entries) {
    const key = String(realisationYear(r));
    const year = years[key] ?? { spentCents: 0, signalled: [] };
    years[key] = { spentCents: year.spentCents + countedCents(r), signalled: year.signalled };
  }
  return years;
}

/** The counted value of each bucket an entry adds to or takes from (bucket key → signed value). */
type Deltas = Map<string, number>;

/**
 * The thresholds logic shared by year and line ceilings: each touched bucket moves by its delta; per bucket a
 * threshold newly reached is signalled once, and a signal whose threshold is no longer reached is withdrawn so a
 * later crossing signals again. A bucket without a ceiling keeps its value but signals nothing.
 */
function tallyEffect(
  tallies: Readonly<Record<string, YearTotals>>,
  deltas: Deltas,
  ceilingOf: (key: string) => number,
  thresholds: readonly number[],
) {
  const next: Record<string, YearTotals> = { ...tallies };
  const crossed: { key: string; threshold: number }[] = [];
  const withdrawn: { key: string; threshold: number }[] = [];
  const moved: { key: string; before: number; after: number }[] = [];
  for (const [key, change] of [...deltas].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    const current = tallies[key] ?? { spentCents: 0, signalled: [] };
    const value = current.spentCents + change;
    const ceiling = ceilingOf(key);
    const reached = (t: number) => ceiling > 0 && value * 100 >= t * ceiling;
    const gone = current.signalled.filter((t) => !reached(t));
    const fresh = ceiling
      ? newlyCrossed(ceiling, current.spentCents, value, thresholds).filter(
          (t) => !current.signalled.includes(t),
        )
      : [];
    next[key] = {
      spentCents: value,
      signalled: [...current.signalled.filter((t) => !gone.includes(t)), ...fresh].sort((a, b) => a - b),
    };
    crossed.push(...fresh.map((threshold) => ({ key, threshold })));
    withdrawn.push(...gone.map((threshold) => ({ key, threshold })));
    moved.push({ key, before: current.spentCents, after: value });
  }
  return { tallies: next, crossed, withdrawn, moved };
}

const addTo = (deltas: Deltas, key: string, value: number) => deltas.set(key, (deltas.get(key) ?? 0) + value);

/**
 * The effect of one entry on the per-year totals and the year-ceiling signals (SPEC §4.4), exactly as
 * `correctRealisation` treats the overall ceiling: `before` is the entry as it counted (null for a new entry),
 * `after` as it counts now (null, or reversed, for a reversal). A correction may move an entry to another
 * year: the old year loses it, the new year gains it. Per touched year a threshold newly reached is signalled
 * once, and a signal whose threshold is no longer reached is withdrawn so a later crossing signals again.
 */
export function yearEffect(
  totals: Pick<BudgetTotals, 'years'>,
  before: { period: string; amountCents: number; reversedAt?: string } | null,
  after: { period: string; amountCents: number; reversedAt?: string } | null,
  yearCeilings: readonly { year: number; cents: number }[],
  thresholds: readonly number[] = DEFAULT_THRESHOLDS,
): YearEffect {
  const deltas: Deltas = new Map();
  if (before) addTo(deltas, String(realisationYear(before)), -countedCents(before));
  if (after) addTo(deltas, String(realisationYear(after)), countedCents(after));
  const effect = tallyEffect(
    totals.years ?? {},
    deltas,
    (key) => yearCeilings.find((y) => y.year === Number(key))?.cents ?? 0,
    thresholds,
  );
  return {
    years: effect.tallies,
    crossed: effect.crossed.map(({ key, threshold }) => ({ year: Number(key), threshold })),
    withdrawn: effect.withdrawn.map(({ key, threshold }) => ({ year: Number(key), threshold })),
    moved: effect.moved.map(({ key, before, after }) => ({ year: Number(key), before, after })),
  };
}

/** What a product line's ceiling bounds: its amount (cents) or its volume (units). */
export type LineMeasure = 'amount' | 'volume';

/** A threshold of one product line's amount or volume ceiling. */
export interface LineThreshold {
  lineId: string;
  measure: LineMeasure;
  threshold: number;
}

export interface LineEffect {
  /**
   * The per-line totals after the entry, keyed `<line id>` (amount, cents) and `<line id>#volume` (units); only
   * the lines it touches change.
   */
  lines: Record<string, YearTotals>;
  crossed: LineThreshold[];
  withdrawn: LineThreshold[];
  /** The amount or volume of each touched line before and after, for the audit event. */
  moved: { lineId: string; measure: LineMeasure; before: number; after: number }[];
}

type LineEntry = { productLineId?: string; amountCents: number; volume?: number; reversedAt?: string };

const lineKey = (lineId: string, measure: LineMeasure) =>
  measure === 'amount' ? lineId : `${lineId}#volume`;
const parseLineKey = (key: string) =>
  key.endsWith('#volume')
    ? { lineId: key.slice(0, -'#volume'.length), measure: 'volume' as const }
    : { lineId: key, measure: 'amount' as const };

function addLine(deltas: Deltas, entry: LineEntry, sign: 1 | -1) {
  if (!entry.productLineId || entry.reversedAt) return;
  addTo(deltas, lineKey(entry.productLineId, 'amount'), sign * entry.amountCents);
  addTo(deltas, lineKey(entry.productLineId, 'volume'), sign * (entry.volume ?? 0));
}

/** The per-line totals counted from scratch out of an agreement's entries (for totals kept before line signals). */
export function lineTotalsOf(entries: readonly LineEntry[]): Record<string, YearTotals> {
  const deltas: Deltas = new Map();
  for (const entry of entries) addLine(deltas, entry, 1);
  return Object.fromEntries([...deltas].map(([key, value]) => [key, { spentCents: value, signalled: [] }]));
}

/**
 * The effect of one entry on the product lines' ceilings (SPEC §4.4: bounds per line, in money and in volume),
 * as `yearEffect` does for years: an entry booked on a line adds its amount and volume to that line; a
 * correction that moves it to another line (or off every line) takes them from the old one.
 */
export function lineEffect(
  totals: { lines?: Record<string, YearTotals> },
  before: LineEntry | null,
  after: LineEntry | null,
  productLines: readonly { id: string; moneyCeilingCents?: number | null; volumeCeiling?: number | null }[],
  thresholds: readonly number[] = DEFAULT_THRESHOLDS,
): LineEffect {
  const deltas: Deltas = new Map();
  if (before) addLine(deltas, before, -1);
  if (after) addLine(deltas, after, 1);
  const effect = tallyEffect(
    totals.lines ?? {},
    deltas,
    (key) => {
      const { lineId, measure } = parseLineKey(key);
      const line = productLines.find((l) => l.id === lineId);
      return (measure === 'amount' ? line?.moneyCeilingCents : line?.volumeCeiling) ?? 0;
    },
    thresholds,
  );
  return {
    lines: effect.tallies,
    crossed: effect.crossed.map(({ key, threshold }) => ({ ...parseLineKey(key), threshold })),
    withdrawn: effect.withdrawn.map(({ key, threshold }) => ({ ...parseLineKey(key), threshold })),
    moved: effect.moved.map(({ key, before, after }) => ({ ...parseLineKey(key), before, after })),
  };
}

/** A tally re-checked against a (changed) ceiling: every threshold now reached and not yet signalled. */
function recheckTally(tally: YearTotals, ceiling: number, thresholds: readonly number[]) {
  const reached = (t: number) => ceiling > 0 && tally.spentCents * 100 >= t * ceiling;
  const withdrawn = tally.signalled.filter((t) => !reached(t));
  const crossed = thresholds.filter((t) => reached(t) && !tally.signalled.includes(t));
  const signalled = [...tally.signalled.filter((t) => reached(t)), ...crossed].sort((a, b) => a - b);
  return { tally: { spentCents: tally.spentCents, signalled }, crossed, withdrawn };
}

export interface CeilingRecheck {
  /** The totals with the signalled thresholds as they are against the new ceilings. */
  totals: Required<BudgetTotals>;
  /** Thresholds of the overall ceiling now reached (to signal) and no longer reached (to withdraw). */
  crossed: number[];
  withdrawn: number[];
  years: Pick<YearEffect, 'years' | 'crossed' | 'withdrawn'>;
  lines: Pick<LineEffect, 'lines' | 'crossed' | 'withdrawn'>;
  /** Whether any signal is raised or withdrawn. */
  changed: boolean;
}

/**
 * When an agreement's ceilings change (the overall value ceiling, a year's, a product line's), the spend so far
 * is measured against the new ones at once (SPEC §4.4): a lowered ceiling that the spend already passes 80% of
 * signals now — not only at the next entry — and a raised ceiling withdraws the signals whose threshold the spend
 * no longer reaches, so a later crossing signals again.
 */
export function recheckCeilings(
  totals: Required<BudgetTotals>,
  ceilings: {
    valueCeilingCents: number | null;
    yearCeilings: readonly { year: number; cents: number }[];
    productLines: readonly { id: string; moneyCeilingCents?: number | null; volumeCeiling?: number | null }[];
  },
  thresholds: readonly number[] = DEFAULT_THRESHOLDS,
): CeilingRecheck {
  const overall = recheckTally(totals, ceilings.valueCeilingCents ?? 0, thresholds);
  const years: CeilingRecheck['years'] = { years: {}, crossed: [], withdrawn: [] };
  for (const [key, tally] of Object.entries(totals.years)) {
    const year = Number(key);
    const ceiling = ceilings.yearCeilings.find((y) => y.year === year)?.cents ?? 0;
    const r = recheckTally(tally, ceiling, thresholds);
    years.years[key] = r.tally;
    years.crossed.push(...r.crossed.map((threshold) => ({ year, threshold })));
    years.withdrawn.push(...r.withdrawn.map((threshold) => ({ year, threshold })));
  }
  const lines: CeilingRecheck['lines'] = { lines: {}, crossed: [], withdrawn: [] };
  for (const [key, tally] of Object.entries(totals.lines)) {
    const { lineId, measure } = parseLineKey(key);
    const line = ceilings.productLines.find((l) => l.id === lineId);
    const ceiling = (measure === 'amount' ? line?.moneyCeilingCents : line?.volumeCeiling) ?? 0;
    const r = recheckTally(tally, ceiling, thresholds);
    lines.lines[key] = r.tally;
    lines.crossed.push(...r.crossed.map((threshold) => ({ lineId, measure, threshold })));
    lines.withdrawn.push(...r.withdrawn.map((threshold) => ({ lineId, measure, threshold })));
  }
  const changed =
    overall.crossed.length + overall.withdrawn.length > 0 ||
    years.crossed.length + years.withdrawn.length > 0 ||
    lines.crossed.length + lines.withdrawn.length > 0;
  return {
    totals: { ...overall.tally, years: years.years, lines: lines.lines },
    crossed: overall.crossed,
    withdrawn: overall.withdrawn,
    years,
    lines,
    changed,
  };
}

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
