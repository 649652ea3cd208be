import * as z from 'zod/mini';
import type { AllocationKey } from './allocation.ts';
import { SPACE_PATTERN } from './spaces.ts';

/*
 * The regional benchmark (SPEC §4.8, issue 15 point 4): what the opted-in members of a region, and the region
 * itself, pay and realise per product code and provider. Pure rules; the scheduled job (packages/db/src/benchmark.ts)
 * feeds them each member's own aggregate (its "contribution") and the region's allocation key.
 *
 * Formulas (docs/features.md states them in Dutch and English):
 * - tariff spread: min, median and max of the participants' tariffs (in cents); the median of an even count is the
 *   mean of the two middle values, rounded half up to the cent;
 * - volume per 1,000 inhabitants = realised volume × 1,000 / inhabitants, rounded to 1 decimal;
 * - spend per inhabitant = realised spend in cents / inhabitants, rounded to the cent.
 */

/**
 * The last month (`YYYY-MM`) of a KPI or report period (`YYYY`, `YYYY-Hn`, `YYYY-Qn`, `YYYY-MM`): a result counts
 * for an as-of date once its period has begun ending by then, and periods compare by this month.
 */
export function periodEndMonth(period: string): string {
  const year = period.slice(0, 4);
  const rest = period.slice(5);
  const month = (m: number) => `${year}-${String(m).padStart(2, '0')}`;
  if (rest === '') return month(12);
  if (rest.startsWith('Q')) return month(Number(rest.slice(1)) * 3);
  if (rest.startsWith('H')) return month(Number(rest.slice(1)) * 6);
  return `${year}-${rest}`;
}

/** A KPI is comparable across members when its name (case and spaces ignored) and unit are the same. */
export function comparableKpiKey(kpi: { name: string; unit: string }): string {
  const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');
  return `${norm(kpi.name)}|${norm(kpi.unit)}`;
}

/** The latest KPI result of one comparable indicator in one member's contract(s) with one provider. */
export interface BenchmarkKpi {
  key: string;
  name: string;
  unit: string;
  direction: 'higher' | 'lower';
  target: number;
  value: number;
  period: string;
  onTarget: boolean;
}

/** One member's figures for one product code with one provider (its contribution row). */
export interface ContributionRow {
  productCode: string;
  description: string;
  providerKvk: string;
  providerName: string;
  /** The tariff in force: of the member's running agreement with this provider that started last. */
  tariffCents: number;
  unit: string | null;
  /** Realised volume and spend over the as-of year up to the as-of month (corrections applied). */
  volume: number;
  spentCents: number;
  kpis: BenchmarkKpi[];
}

/** One participant's aggregate (a member municipality, or the region's own agreements). */
export interface Contribution {
  space: string;
  name: string;
  asOf: string;
  rows: ContributionRow[];
}

/** The inhabitants the per-inhabitant figures use: the region's per-inhabitant allocation key. */
export interface Inhabitants {
  referenceDate: string;
  source: string;
  /** The region agreement whose key it is. */
  agreementReference: string;
  perSpace: Record<string, number>;
}

export interface MemberFigures {
  space: string;
  name: string;
  tariffCents: number;
  unit: string | null;
  volume: number;
  spentCents: number;
  inhabitants: number | null;
  volumePer1000: number | null;
  spendPerInhabitantCents: number | null;
  kpis: BenchmarkKpi[];
}

export interface ProviderFigures {
  kvk: string;
  name: string;
  tariff: { minCents: number; medianCents: number; maxCents: number };
  members: MemberFigures[];
}

export interface ProductBenchmark {
  productCode: string;
  description: string;
  providers: ProviderFigures[];
}

/** Median of whole cents, rounded half up; null for no values. */
export function medianCents(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length % 2 === 1) return sorted[mid]!;
  return Math.round((sorted[mid - 1]! + sorted[mid]!) / 2);
}

/** Min, median and max of tariffs in cents; null for none. */
export function tariffSpread(values: readonly number[]) {
  const median = medianCents(values);
  if (median === null) return null;
  return { minCents: Math.min(...values), medianCents: median, maxCents: Math.max(...values) };
}

/** Realised volume per 1,000 inhabitants, to one decimal; null without inhabitants. */
export function perThousand(volume: number, inhabitants: number | null | undefined): number | null {
  if (!inhabitants || inhabitants <= 0) return null;
  return Math.round((volume * 10_000) / inhabitants) / 10;
}

/** Spend per inhabitant in cents (rounded to the cent); null without inhabitants. */
export function perInhabitantCents(cents: number, inhabitants: number | null | undefined): number | null {
  if (!inhabitants || inhabitants <= 0) return null;
  return Math.round(cents / inhabitants);
}

/**
 * The inhabitants of the region's allocation key: of the per-inhabitant keys on the region's agreements, the one
 * with the latest reference date (then the lowest reference). The region itself counts all members' inhabitants.
 */
export function inhabitantsFrom(
  region: string,
  agreements: readonly { reference: string; allocationKey: AllocationKey | null }[],
): Inhabitants | null {
  const keyed = agreements
    .filter((a) => a.allocationKey?.method === 'per_inhabitant' && a.allocationKey.referenceDate)
    .sort((a, b) => {
      const da = a.allocationKey!.referenceDate!;
      const db = b.allocationKey!.referenceDate!;
      return da !== db ? (da < db ? 1 : -1) : a.reference < b.reference ? -1 : 1;
    });
  const chosen = keyed[0];
  if (!chosen) return null;
  const key = chosen.allocationKey!;
  const perSpace: Record<string, number> = {};
  for (const w of key.weights) perSpace[w.space] = w.weight;
  perSpace[region] = key.weights.reduce((sum, w) => sum + w.weight, 0);
  return {
    referenceDate: key.referenceDate!,
    source: key.source ?? '',
    agreementReference: chosen.reference,
    perSpace,
  };
}

/**
 * The benchmark per product code and provider from the participants' contributions. Only the contributions
 * given count (the caller passes those of opted-in members and the region's own); the order is stable (product
 * code, then provider name, then participant name).
 */
export function benchmarkProducts(
  contributions: readonly Contribution[],
  inhabitants: Inhabitants | null,
): ProductBenchmark[] {
  const products = new Map<string, { description: string; providers: Map<string, ProviderFigures> }>();
  for (const c of contributions) {
    for (const row of c.rows) {
      let product = products.get(row.productCode);
      if (!product) {
        product = { description: row.description, providers: new Map() };
        products.set(row.productCode, product);
      }
      let provider = product.providers.get(row.providerKvk);
      if (!provider) {
        provider = {
          kvk: row.providerKvk,
          name: row.providerName,
          tariff: { minCents: 0, medianCents: 0, maxCents: 0 },
          members: [],
        };
        product.providers.set(row.providerKvk, provider);
      }
      const people = inhabitants?.perSpace[c.space] ?? null;
      provider.members.push({
        space: c.space,
        name: c.name,
        tariffCents: row.tariffCents,
        unit: row.unit,
        volume: row.volume,
        spentCents: row.spentCents,
        inhabitants: people,
        volumePer1000: perThousand(row.volume, people),
        spendPerInhabitantCents: perInhabitantCents(row.spentCents, people),
        kpis: row.kpis,
      });
    }
  }
  return [...products.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([productCode, p]) => ({
      productCode,
      description: p.description,
      providers: [...p.providers.values()]
        .map((provider) => ({
          ...provider,
          tariff: tariffSpread(provider.members.map((m) => m.tariffCents))!,
          members: provider.members.sort((a, b) => a.name.localeCompare(b.name, 'nl')),
        }))
        .sort((a, b) => a.name.localeCompare(b.name, 'nl') || (a.kvk < b.kvk ? -1 : 1)),
    }));
}

/**
 * What a reader is shown: the stored products with only the given participants (members opted in now, and the
 * region), the tariff spread recomputed over them, and providers or products left without anyone dropped. So a
 * member that opted out after the job's last run is gone at once, not at the next run.
 */
export function restrictProducts(
  products: readonly ProductBenchmark[],
  participants: ReadonlySet<string>,
): ProductBenchmark[] {
  const out: ProductBenchmark[] = [];
  for (const product of products) {
    const providers: ProviderFigures[] = [];
    for (const provider of product.providers) {
      const members = provider.members.filter((m) => participants.has(m.space));
      const tariff = tariffSpread(members.map((m) => m.tariffCents));
      if (tariff) providers.push({ ...provider, tariff, members });
    }
    if (providers.length > 0) out.push({ ...product, providers });
  }
  return out;
}

/** `benchmark.region` input (SPEC §7). */
export const benchmarkRegionSchema = z.strictObject({
  space: z.string().check(z.regex(SPACE_PATTERN, 'Invalid space')),
  productCode: z.optional(
    z.string().check(z.regex(/^[A-Za-z0-9]{1,10}$/, 'Product code is 1–10 letters or digits')),
  ),
});
export type BenchmarkRegionInput = z.infer<typeof benchmarkRegionSchema>;
