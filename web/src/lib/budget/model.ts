import type { AppRouter } from '@regie/api';
import type { inferInput, inferOutput, TRPCOptionsProxy } from '@trpc/tanstack-react-query';
import { type AppLocale, formatMoney } from '../format';

type Api = TRPCOptionsProxy<AppRouter>;

/** Budget and volume bounds (SPEC §4.4), as `budget.get`, `budget.record` and `budget.signals` answer. */
export type Budget = inferOutput<Api['budget']['get']>;
export type BurnDown = NonNullable<Budget['year']>;
export type BudgetLine = Budget['lines'][number];
export type Realisation = Budget['realisations'][number];
export type RecordInput = inferInput<Api['budget']['record']>;
export type RealisationInput = RecordInput['realisation'];
export type RecordResult = inferOutput<Api['budget']['record']>;
export type BudgetSignal = inferOutput<Api['budget']['signals']>[number];

export const BUDGET_LEVELS = ['ok', 'warning', 'breach'] as const;
export type BudgetLevel = (typeof BUDGET_LEVELS)[number];

/** As the API decides it for the register (packages/db/src/agreements.ts): warning from 80%, breach from 100%. */
export function budgetLevel(usedBasisPoints: number): BudgetLevel {
  return usedBasisPoints >= 10_000 ? 'breach' : usedBasisPoints >= 8_000 ? 'warning' : 'ok';
}

export function isBudgetLevel(value: string): value is BudgetLevel {
  return (BUDGET_LEVELS as readonly string[]).includes(value);
}

/** Roles that may record a realisation (as `budget.record` declares). */
export const RECORD_ROLES: readonly string[] = ['contractmanager', 'inkoper'];

export function canRecord(me: { roles: readonly string[] } | undefined): boolean {
  return me?.roles.some((role) => RECORD_ROLES.includes(role)) ?? false;
}

/** The share of a ceiling in basis points (8000 = 80%), rounded down like the API; null without a ceiling. */
export function shareOf(cents: number, ceilingCents: number | null | undefined): number | null {
  if (!ceilingCents) return null;
  return Math.floor((cents * 10_000) / ceilingCents);
}

/** The years an agreement runs in, for the burn-down's year choice. */
export function agreementYears(startDate: string, endDate: string): number[] {
  const first = Number(startDate.slice(0, 4));
  const last = Number(endDate.slice(0, 4));
  if (!Number.isInteger(first) || !Number.isInteger(last) || last < first) return [];
  // A long-running arrangement (a GR until 2099) offers the years around now, not a century.
  const now = new Date().getUTCFullYear();
  const from = Math.max(first, Math.min(now, last) - 5);
  const to = Math.min(last, Math.max(now, first) + 1);
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** The year shown first: this year while the agreement runs, else the nearest year it ran in. */
export function defaultYear(years: readonly number[], now = new Date().getUTCFullYear()): number {
  if (years.length === 0) return now;
  if (years.includes(now)) return now;
  return now < (years[0] ?? now) ? (years[0] ?? now) : (years.at(-1) ?? now);
}

export type Reported = inferOutput<Api['budget']['reported']>;
export type ReportedRealisation = Reported['realisations'][number];
export type CorrectInput = inferInput<Api['budget']['correct']>;
export type CorrectResult = inferOutput<Api['budget']['correct']>;
export type Statement = inferOutput<Api['budget']['statement']>;

/** Roles that may correct a realisation (as `budget.correct` declares; a provider only its own side's). */
export const CORRECT_ROLES: readonly string[] = ['contractmanager', 'inkoper', 'provider_reporter'];

export function canCorrect(me: { roles: readonly string[] } | undefined): boolean {
  return me?.roles.some((role) => CORRECT_ROLES.includes(role)) ?? false;
}

/** A provider's reporter reports realisations in its portal (`budget.record` through its party view). */
export function canReport(me: { roles: readonly string[] } | undefined): boolean {
  return me?.roles.includes('provider_reporter') ?? false;
}

/** Whether an entry still counts as entered, was corrected, or was reversed. */
export function realisationStatus(r: {
  reversedAt?: string;
  correctedAt?: string;
}): 'valid' | 'corrected' | 'reversed' {
  return r.reversedAt ? 'reversed' : r.correctedAt ? 'corrected' : 'valid';
}

/** How a member's provisional contribution settles against the definitive one. */
export function settlementKind(settlementCents: number): 'refund' | 'due' | 'settled' {
  return settlementCents > 0 ? 'refund' : settlementCents < 0 ? 'due' : 'settled';
}

/** The highest threshold the forecast reaches by year end that the spend has not yet reached. */
export function forecastThreshold(forecastCrosses: readonly number[]): number | null {
  return forecastCrosses.length === 0 ? null : Math.max(...forecastCrosses);
}

/** The warning line of the burn-down: the lowest threshold under 100% (the tenant's; 80 by default). */
export function warningThreshold(thresholds: readonly number[]): number {
  const below = thresholds.filter((t) => t < 100);
  return below.length > 0 ? Math.min(...below) : 80;
}

type SignalLine = { id: string; productCode: string; measure: 'amount' | 'volume' } | undefined;

/**
 * How a budget signal reads, as a text key and its values: "80% van het jaarplafond 2026 bereikt" for a
 * threshold of a year's ceiling, "… van het (volume)plafond van productregel 45A01 bereikt" for a product
 * line's, the place's own text (`overall`, e.g. "80% van het plafond bereikt") for the agreement's overall
 * value ceiling.
 */
export function signalMessage<K extends string>(
  signal: { threshold: number; year?: number | undefined; line?: SignalLine },
  overall: K,
): {
  key: K | 'bounds.yearSignal' | 'bounds.lineSignal' | 'bounds.lineVolumeSignal';
  values: { threshold: number; year?: number; product?: string };
} {
  if (signal.line) {
    return {
      key: signal.line.measure === 'volume' ? 'bounds.lineVolumeSignal' : 'bounds.lineSignal',
      values: { threshold: signal.threshold, product: signal.line.productCode },
    };
  }
  return signal.year === undefined
    ? { key: overall, values: { threshold: signal.threshold } }
    : { key: 'bounds.yearSignal', values: { threshold: signal.threshold, year: signal.year } };
}

/**
 * What a signal measured, as a text key and its values: "5.700 van 7.000 eenheden" for a line's volume ceiling,
 * else the place's own money text (`money`, e.g. "€ 8.500,00 van € 10.000,00").
 */
export function signalAmounts<K extends string>(
  signal: { spentCents: number; ceilingCents: number; volume?: number; volumeCeiling?: number },
  money: K,
  locale: AppLocale,
): { key: K | 'bounds.volumeValue'; values: { spent?: string; volume?: string; ceiling: string } } {
  return signal.volume !== undefined
    ? {
        key: 'bounds.volumeValue',
        values: {
          volume: signal.volume.toLocaleString(locale),
          ceiling: (signal.volumeCeiling ?? 0).toLocaleString(locale),
        },
      }
    : {
        key: money,
        values: {
          spent: formatMoney(signal.spentCents, locale),
          ceiling: formatMoney(signal.ceilingCents, locale),
        },
      };
}

/** A stable key for a signal row: the overall ceiling's per threshold, a year's or a line's per threshold. */
export function signalKey(signal: {
  agreementId: string;
  threshold: number;
  year?: number | undefined;
  line?: SignalLine;
}) {
  if (signal.line)
    return `${signal.agreementId}-${signal.line.id}-${signal.line.measure}-${signal.threshold}`;
  return signal.year === undefined
    ? `${signal.agreementId}-${signal.threshold}`
    : `${signal.agreementId}-${signal.year}-${signal.threshold}`;
}

/**
 * The member municipalities a realisation on this agreement may belong to (issue 16 point 4): on a region's
 * agreement its members as `me.get` lists them for the region in the caller's reach; none on any other agreement
 * (the API refuses a member there with `realisation.notMember`).
 */
export function regionMembers(
  me:
    | { reach: readonly { space: string; kind: string; members?: { space: string; name: string }[] }[] }
    | undefined,
  agreementSpace: string,
): { space: string; name: string }[] {
  const region = me?.reach.find((r) => r.space === agreementSpace && r.kind === 'region');
  return region?.members ? [...region.members] : [];
}
