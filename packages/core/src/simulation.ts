import * as z from 'zod/mini';
import type { Reason } from './errors.ts';
import { governanceDefaults, RELATION_TYPES, type RelationType } from './relation.ts';
import { cents, isoDate } from './schema.ts';
import { addMonths, type ProductLineInput, productLineSchema } from './terms.ts';

/**
 * The volume-incentive simulator (issue 15, SPEC §4.8): what an agreement's terms reward. Pure and never
 * writing; the same rule serves a stored agreement and a draft while it is edited.
 *
 * Volume is counted in the line's units over the whole term (the unit of the iStandaard codelist WJ756 — hours,
 * days, products); a line's ceilings bound the term too, as the budget's line ceilings do (budget.ts). Per line:
 * - payment = tariff × volume for a per-unit line (effort or output), capped by the line's money ceiling and by
 *   tariff × its volume ceiling; a task-based line pays its lump sum whatever the volume;
 * - the agreement's value ceiling caps the total; the municipality's exposure is that capped total, and the
 *   provider's revenue is what it is paid for the volume it delivers — the same sum — so the figure that tells
 *   them apart is the volume delivered beyond a cap, which earns the provider nothing (`unpaidVolume`).
 */
export const DEFAULT_SCENARIOS = [-10, 0, 10, 25, 50] as const;
export const MAX_SCENARIOS = 8;

/** Volume scenarios as percent changes against the expected volume (−100 … +500). */
export const scenariosSchema = z
  .array(z.int().check(z.gte(-100), z.lte(500)))
  .check(z.minLength(1), z.maxLength(MAX_SCENARIOS));

/** The user's own expected volume for some lines (units over the term), instead of the default. */
export const expectedVolumesSchema = z
  .array(
    z.strictObject({
      lineId: z.string().check(z.regex(/^[0-9a-z-]{1,40}$/, 'Invalid id')),
      volume: z.int().check(z.gte(0), z.lte(100_000_000)),
    }),
  )
  .check(z.maxLength(50));
export type ExpectedVolumes = z.infer<typeof expectedVolumesSchema>;

/** The most product lines the simulator takes in one call (an agreement holds fewer). */
export const MAX_SIMULATION_LINES = 50;

/** Terms of a draft as the form holds them (`simulation.terms`): lines without an id get one by position. */
export const simulationTermsSchema = z
  .strictObject({
    startDate: isoDate(),
    endDate: isoDate(),
    valueCeilingCents: z.optional(z.nullable(cents())),
    productLines: z.array(productLineSchema).check(z.maxLength(MAX_SIMULATION_LINES)),
    relationType: z.optional(z.nullable(z.enum(RELATION_TYPES))),
  })
  .check(
    z.refine((t) => t.endDate >= t.startDate, {
      message: 'endDate must not be before startDate',
      path: ['endDate'],
    }),
  );
export type SimulationTermsInput = z.infer<typeof simulationTermsSchema>;

/** A draft's terms as the simulator reads them. */
export function draftTerms(input: SimulationTermsInput): SimulationTerms {
  return {
    ...input,
    productLines: input.productLines.map((line, i) => ({ ...line, id: line.id ?? `line-${i + 1}` })),
  };
}

export const SIMULATION_FLAG_CODES = [
  'uncapped_per_unit_line',
  'cap_never_binds',
  'variant_contradicts_relation',
  'forecast_crosses_cap',
] as const;
export type SimulationFlagCode = (typeof SIMULATION_FLAG_CODES)[number];

/** Where a flag's reasoning comes from (DOMAIN.md and what it cites). */
const FLAG_SOURCES: Record<SimulationFlagCode, string> = {
  uncapped_per_unit_line:
    'DOMAIN.md §(h): a provider can have an interest in delivering more volume; bound budget and volume',
  cap_never_binds: 'DOMAIN.md §(h): bound budget and volume — a ceiling that never binds bounds nothing',
  variant_contradicts_relation:
    'DOMAIN.md §(c) execution variants (UP028) and §(h) the boss / customer / partner typology',
  forecast_crosses_cap: 'DOMAIN.md §(h): keep budget and volume within bounds; SPEC §4.4 burn-down',
};

export interface SimulationFlag {
  code: SimulationFlagCode;
  lineId?: string;
  /** The stable key for the UI text, with its parameters. */
  reason: Reason;
  params: Record<string, string | number>;
  source: string;
}

export interface SimulationLine
  extends Pick<
    ProductLineInput,
    'variant' | 'tariffCents' | 'volumeCeiling' | 'moneyCeilingCents' | 'lumpSumCents' | 'productCode'
  > {
  id: string;
}

export interface SimulationTerms {
  startDate: string;
  endDate: string;
  valueCeilingCents?: number | null;
  productLines: readonly SimulationLine[];
  /** The relation type chosen for the agreement, when one was (steering). */
  relationType?: RelationType | null;
}

/** Realised months per line (YYYY-MM), as the budget records them. */
export interface SimulationRealisation {
  period: string;
  productLineId?: string;
  amountCents: number;
  volume?: number;
}

export interface LineOutcome {
  lineId: string;
  volume: number;
  exposureCents: number;
  /** Units delivered beyond the binding cap: paid nothing. */
  unpaidVolume: number;
}

export interface ScenarioOutcome {
  /** Percent change against the expected volume. */
  change: number;
  lines: LineOutcome[];
  /** Sum of the lines, capped by the agreement's value ceiling. */
  exposureCents: number;
  providerRevenueCents: number;
}

export interface LineInsight {
  lineId: string;
  productCode?: string;
  variant: SimulationLine['variant'];
  expectedVolume: number;
  /** Where the expected volume comes from. */
  expectedFrom: 'user' | 'forecast' | 'volume_ceiling' | 'money_ceiling' | 'none';
  /**
   * What one extra unit at the expected volume earns the provider under each execution variant (cents): per-unit
   * payment (per hour or day for effort, per product or trajectory for output) pays the line's tariff until its
   * tightest cap binds and nothing after; a lump sum pays nothing extra.
   */
  marginalRevenueCents: { effort: number; output: number; task: number };
  /** Volume at which the lump sum equals per-unit payment at the line's tariff, when both are known. */
  breakEvenVolume: number | null;
  /** The lump sum that would pay the same as per-unit payment at the expected volume, when the tariff is known. */
  lumpSumEquivalentCents: number | null;
}

export interface Simulation {
  scenarios: ScenarioOutcome[];
  lines: LineInsight[];
  flags: SimulationFlag[];
}

const isPerUnit = (line: SimulationLine) => line.variant !== 'task';

/** Whole months from the start month to the end month, both counted. */
export function termMonths(startDate: string, endDate: string): number {
  const months =
    (Number(endDate.slice(0, 4)) - Number(startDate.slice(0, 4))) * 12 +
    Number(endDate.slice(5, 7)) -
    Number(startDate.slice(5, 7)) +
    1;
  return Math.max(1, months);
}

interface RunRate {
  /** Months from the term's first month to the last month with data. */
  months: number;
  volume: number;
  cents: number;
}

function runRates(terms: SimulationTerms, realisations: readonly SimulationRealisation[]) {
  const start = terms.startDate.slice(0, 7);
  const end = terms.endDate.slice(0, 7);
  const rates = new Map<string, RunRate>();
  for (const r of realisations) {
    if (!r.productLineId || r.period < start || r.period > end) continue;
    const rate = rates.get(r.productLineId) ?? { months: 0, volume: 0, cents: 0 };
    rate.months = Math.max(rate.months, termMonths(`${start}-01`, `${r.period}-01`));
    rate.volume += r.volume ?? 0;
    rate.cents += r.amountCents;
    rates.set(r.productLineId, rate);
  }
  return rates;
}

function expected(line: SimulationLine, rate: RunRate | undefined, months: number) {
  if (rate && rate.volume > 0)
    return { volume: Math.round((rate.volume / rate.months) * months), from: 'forecast' as const };
  if (line.volumeCeiling !== undefined)
    return { volume: line.volumeCeiling, from: 'volume_ceiling' as const };
  if (line.moneyCeilingCents !== undefined && line.tariffCents)
    return { volume: Math.floor(line.moneyCeilingCents / line.tariffCents), from: 'money_ceiling' as const };
  return { volume: 0, from: 'none' as const };
}

/** The most a per-unit line can pay: the tighter of its money ceiling and tariff × its volume ceiling. */
function lineCapCents(line: SimulationLine): number {
  const tariff = line.tariffCents ?? 0;
  return Math.min(
    line.moneyCeilingCents ?? Number.POSITIVE_INFINITY,
    line.volumeCeiling !== undefined ? tariff * line.volumeCeiling : Number.POSITIVE_INFINITY,
  );
}

function lineOutcome(line: SimulationLine, volume: number): LineOutcome {
  if (!isPerUnit(line)) {
    return { lineId: line.id, volume, exposureCents: line.lumpSumCents ?? 0, unpaidVolume: 0 };
  }
  const tariff = line.tariffCents ?? 0;
  const cap = lineCapCents(line);
  const exposureCents = Math.min(tariff * volume, cap);
  const paidVolume = tariff > 0 ? Math.min(volume, Math.floor(cap / tariff)) : volume;
  return { lineId: line.id, volume, exposureCents, unpaidVolume: Math.max(0, volume - paidVolume) };
}

function flagsOf(terms: SimulationTerms, rates: Map<string, RunRate>, months: number): SimulationFlag[] {
  const flags: SimulationFlag[] = [];
  const flag = (code: SimulationFlagCode, lineId: string | undefined, reason: Reason, params = {}) =>
    flags.push({ code, ...(lineId ? { lineId } : {}), reason, params, source: FLAG_SOURCES[code] });
  const preferred = terms.relationType ? governanceDefaults(terms.relationType).executionVariant : null;
  for (const line of terms.productLines) {
    if (!isPerUnit(line)) continue;
    const code = line.productCode ?? line.id;
    if (line.volumeCeiling === undefined && line.moneyCeilingCents === undefined)
      flag('uncapped_per_unit_line', line.id, 'simulation.uncappedPerUnitLine', { productCode: code });
    if (line.volumeCeiling !== undefined && line.moneyCeilingCents !== undefined && line.tariffCents) {
      const volumeCapCents = line.tariffCents * line.volumeCeiling;
      if (volumeCapCents !== line.moneyCeilingCents) {
        flag('cap_never_binds', line.id, 'simulation.capNeverBinds', {
          productCode: code,
          neverBinds: line.moneyCeilingCents > volumeCapCents ? 'money' : 'volume',
          moneyCeilingCents: line.moneyCeilingCents,
          volumeCapCents,
        });
      }
    }
    if (line.variant === 'effort' && preferred && preferred !== 'effort' && terms.relationType)
      flag('variant_contradicts_relation', line.id, 'simulation.variantContradictsRelation', {
        productCode: code,
        relationType: terms.relationType,
        preferred,
      });
    const month = crossingMonth(line, rates.get(line.id), terms, months);
    if (month)
      flag('forecast_crosses_cap', line.id, 'simulation.forecastCrossesCap', { productCode: code, month });
  }
  return flags;
}

/** The month (YYYY-MM) in which the run rate so far reaches a cap of the line, when that is before the term ends. */
function crossingMonth(
  line: SimulationLine,
  rate: RunRate | undefined,
  terms: SimulationTerms,
  months: number,
): string | null {
  if (!rate || rate.months === 0) return null;
  const bounds: [number, number][] = [];
  if (line.volumeCeiling !== undefined) bounds.push([rate.volume / rate.months, line.volumeCeiling]);
  if (line.moneyCeilingCents !== undefined) bounds.push([rate.cents / rate.months, line.moneyCeilingCents]);
  let first: number | null = null;
  for (const [perMonth, cap] of bounds) {
    if (perMonth <= 0) continue;
    const month = Math.ceil(cap / perMonth);
    if (month <= months && (first === null || month < first)) first = month;
  }
  return first === null ? null : addMonths(`${terms.startDate.slice(0, 7)}-01`, first - 1).slice(0, 7);
}

/**
 * Simulates the terms under each volume scenario (percent changes against the expected volume). The expected volume
 * of a line is the user's where given (an uncapped line without realisations has no other), else the default.
 */
export function simulate(
  terms: SimulationTerms,
  realisations: readonly SimulationRealisation[] = [],
  scenarios: readonly number[] = DEFAULT_SCENARIOS,
  expectedVolumes: ExpectedVolumes = [],
): Simulation {
  const months = termMonths(terms.startDate, terms.endDate);
  const rates = runRates(terms, realisations);
  const own = new Map(expectedVolumes.map((e) => [e.lineId, e.volume]));
  const lines: LineInsight[] = terms.productLines.map((line) => {
    const given = own.get(line.id);
    const e =
      given === undefined
        ? expected(line, rates.get(line.id), months)
        : { volume: given, from: 'user' as const };
    const tariff = line.tariffCents ?? 0;
    const marginal = tariff > 0 && tariff * (e.volume + 1) <= lineCapCents(line) ? tariff : 0;
    return {
      lineId: line.id,
      ...(line.productCode ? { productCode: line.productCode } : {}),
      variant: line.variant,
      expectedVolume: e.volume,
      expectedFrom: e.from,
      marginalRevenueCents: { effort: marginal, output: marginal, task: 0 },
      breakEvenVolume:
        line.lumpSumCents !== undefined && tariff > 0 ? Math.ceil(line.lumpSumCents / tariff) : null,
      lumpSumEquivalentCents: tariff > 0 ? tariff * e.volume : null,
    };
  });
  const ceiling = terms.valueCeilingCents ?? Number.POSITIVE_INFINITY;
  const outcomes = scenarios.map((change): ScenarioOutcome => {
    const perLine = terms.productLines.map((line, i) =>
      lineOutcome(line, Math.max(0, Math.round((lines[i]!.expectedVolume * (100 + change)) / 100))),
    );
    const total = Math.min(
      perLine.reduce((sum, l) => sum + l.exposureCents, 0),
      ceiling,
    );
    return { change, lines: perLine, exposureCents: total, providerRevenueCents: total };
  });
  return { scenarios: outcomes, lines, flags: flagsOf(terms, rates, months) };
}
