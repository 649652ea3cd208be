import { DEFAULT_THRESHOLDS, newlyCrossed } from './budget-signals.ts';

/*
 * The running totals of an agreement's realisations (SPEC §4.4): overall, per year and per product line, and the
 * thresholds of each ceiling an entry, a correction or a changed ceiling crosses or withdraws.
 */

/** What an entry counts for in the totals: nothing once reversed. */
export function countedCents(r: { amountCents: number; reversedAt?: string }): number {
  return r.reversedAt ? 0 : r.amountCents;
}

/** The entries that still count (not reversed). */
export function activeRealisations<T extends { reversedAt?: string }>(entries: readonly T[]): T[] {
  return entries.filter((r) => !r.reversedAt);
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
