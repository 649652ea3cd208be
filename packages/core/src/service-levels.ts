import * as z from 'zod/mini';
import { parsePeriod, type ReportFrequency } from './duties.ts';
import { DomainError, type Reason } from './errors.ts';
import { idSchema } from './schema.ts';
import {
  levelMet,
  measuredValueValid,
  type Service,
  type ServiceLevel,
  type ServiceLevelPeriod,
} from './services.ts';

/**
 * Service-level reports (issue 16 point 2): the provider of a service agreement reports, per period, the measured
 * value of each service level in the catalogue. Regie computes met / not met (`levelMet`), the trend against the
 * previous period, and a signal when a level is missed a number of periods in a row (default 2).
 */

/** At most this many values in one report: one transaction (a larger catalogue reports in parts). */
export const MAX_SERVICE_REPORT_VALUES = 95;
/** Default number of consecutive missed periods that raises a signal. */
export const MISSED_IN_A_ROW = 2;

const PERIOD_FREQUENCY: Record<ServiceLevelPeriod, ReportFrequency> = {
  month: 'monthly',
  quarter: 'quarterly',
  year: 'yearly',
};

export const serviceReportSchema = z.strictObject({
  agreementId: idSchema(),
  /** `2026-10` (month), `2026-Q3` (quarter) or `2026` (year): each value's level must be of that period. */
  period: z.string().check(z.regex(/^\d{4}(-(0[1-9]|1[0-2]|Q[1-4]))?$/, 'Invalid period')),
  values: z
    .array(
      z.strictObject({
        serviceId: idSchema(),
        levelId: idSchema(),
        value: z.number().check(z.gte(0), z.lte(1_000_000)),
      }),
    )
    .check(z.minLength(1), z.maxLength(MAX_SERVICE_REPORT_VALUES)),
  /** A contract manager names the provider party on an agreement with more than one. */
  party: z.optional(z.string().check(z.regex(/^[A-Z0-9-]{2,40}$/, 'Invalid party'))),
});
export type ServiceReportInput = z.infer<typeof serviceReportSchema>;

/** One measured value as stored. */
export interface ServiceLevelValue {
  serviceId: string;
  levelId: string;
  period: string;
  value: number;
  met: boolean;
  /** 1 as reported, one more per correction (values stored before corrections existed have none: 1). */
  version?: number;
  reportedAt: string;
  reportedBy: string;
  reportedByName?: string;
  correctedAt?: string;
  correctedBy?: string;
  correctedByName?: string;
  correctionNote?: string;
  party?: string;
  partyName?: string;
}

// biome-ignore lint/suspicious/noExplicitAny: each call passes the params its reason declares (errors.ts)
const bad = (reason: Reason, field: string, message: string, params: any = {}) =>
  new DomainError('BAD_REQUEST', reason, { field, message, params });

/** The start and end dates of a period key (`2026-10`, `2026-Q3`, `2026`) of the level's frequency, or null. */
export function levelPeriod(period: ServiceLevelPeriod, key: string): { start: string; end: string } | null {
  return parsePeriod(PERIOD_FREQUENCY[period], key);
}

/**
 * Checks a report against the catalogue, all or nothing: each value names a level of a service in the catalogue
 * (once), lies in the range of its measured unit (a percentage ≤ 100), the period is one of the level's frequency
 * and overlaps the agreement's term. Returns each value with its level and whether it met the level.
 */
export function checkServiceReport(
  services: readonly Service[],
  term: { startDate: string; endDate: string },
  input: Pick<ServiceReportInput, 'period' | 'values'>,
): { serviceId: string; levelId: string; value: number; met: boolean; level: ServiceLevel }[] {
  const seen = new Set<string>();
  return input.values.map((v, i) => {
    const level = services.find((s) => s.id === v.serviceId)?.levels.find((l) => l.id === v.levelId);
    if (!level)
      throw bad(
        'serviceReport.unknownLevel',
        `values.${i}.levelId`,
        'The catalogue has no such service level',
      );
    const key = `${v.serviceId}/${v.levelId}`;
    if (seen.has(key))
      throw bad('serviceReport.duplicate', `values.${i}`, 'A service level appears twice in one report');
    seen.add(key);
    if (!measuredValueValid(level, v.value))
      throw bad(
        'serviceReport.valueOutOfRange',
        `values.${i}.value`,
        'The value is outside the level’s range',
        {
          measure: level.measure,
        },
      );
    const period = levelPeriod(level.period, input.period);
    if (!period)
      throw bad('serviceReport.wrongPeriod', 'period', `The level is reported per ${level.period}`, {
        period: level.period,
      });
    if (period.end < term.startDate || period.start > term.endDate)
      throw bad('serviceReport.outsideTerm', 'period', 'The period lies outside the agreement’s term');
    return {
      serviceId: v.serviceId,
      levelId: v.levelId,
      value: v.value,
      met: levelMet(level, v.value),
      level,
    };
  });
}

export type Trend = 'better' | 'worse' | 'same';

/** The trend of a level from one measured value to the next: better is in the level's good direction. */
export function levelTrend(
  level: Pick<ServiceLevel, 'direction' | 'share'>,
  previous: number,
  current: number,
): Trend {
  if (current === previous) return 'same';
  // A level over cases measures the share of cases that met it: higher is better.
  const higherIsBetter = level.share !== undefined || level.direction === 'at_least';
  return current > previous === higherIsBetter ? 'better' : 'worse';
}

/**
 * How many of the latest periods in a row were missed, and whether that raises a signal (`count` in a row,
 * default 2). `results` in period order, oldest first. A missed period that follows a gap still counts: the
 * periods reported are what Regie knows.
 */
export function missedSignal(
  results: readonly { period: string; met: boolean }[],
  count = MISSED_IN_A_ROW,
): { missedInARow: number; signal: boolean; periods: string[] } {
  const periods: string[] = [];
  for (let i = results.length - 1; i >= 0 && !results[i]!.met; i--) periods.unshift(results[i]!.period);
  return { missedInARow: periods.length, signal: count >= 1 && periods.length >= count, periods };
}

export interface LevelHistory {
  serviceId: string;
  serviceName: string;
  levelId: string;
  level: ServiceLevel;
  /** Per period, oldest first: the value, met or not, and the trend against the period before. */
  values: {
    period: string;
    value: number;
    met: boolean;
    trend: Trend | null;
    /** The value's version, which a correction names. */
    version: number;
    /** Set once the value was corrected. */
    corrected?: boolean;
    party?: string;
    partyName?: string;
  }[];
  missedInARow: number;
  signal: boolean;
}

/** Per level of the catalogue, its reported values by period with met, trend, and the missed-in-a-row signal. */
export function levelHistories(
  services: readonly Service[],
  values: readonly ServiceLevelValue[],
  count = MISSED_IN_A_ROW,
): LevelHistory[] {
  return services.flatMap((service) =>
    service.levels.map((level) => {
      const own = values
        .filter((v) => v.serviceId === service.id && v.levelId === level.id)
        .sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
      const rows = own.map((v, i) => ({
        period: v.period,
        value: v.value,
        met: levelMet(level, v.value),
        trend: i === 0 ? null : levelTrend(level, own[i - 1]!.value, v.value),
        version: v.version ?? 1,
        ...(v.correctedAt ? { corrected: true } : {}),
        ...(v.party ? { party: v.party, partyName: v.partyName ?? v.party } : {}),
      }));
      const signal = missedSignal(rows, count);
      return {
        serviceId: service.id,
        serviceName: service.name,
        levelId: level.id,
        level,
        values: rows,
        missedInARow: signal.missedInARow,
        signal: signal.signal,
      };
    }),
  );
}

/** The most periods in a row an agreement may set before its signal (a year of months). */
export const MAX_MISSED_IN_A_ROW = 12;

/** An agreement's own threshold: how many missed periods in a row raise the signal (default 2). */
export const serviceLevelSettingsSchema = z.strictObject({
  agreementId: idSchema(),
  /** The settings' version as read (0 while the default applies). */
  expectedVersion: z.int().check(z.gte(0), z.lte(1_000_000)),
  missedCount: z.int().check(z.gte(1), z.lte(MAX_MISSED_IN_A_ROW)),
});
export type ServiceLevelSettingsInput = z.infer<typeof serviceLevelSettingsSchema>;

/** A correction of one reported value: the value's version as read, the new value, why. */
export const serviceCorrectSchema = z.strictObject({
  agreementId: idSchema(),
  period: serviceReportSchema.shape.period,
  serviceId: idSchema(),
  levelId: idSchema(),
  value: z.number().check(z.gte(0), z.lte(1_000_000)),
  expectedVersion: z.int().check(z.gte(1), z.lte(1_000_000)),
  note: z.optional(z.string().check(z.maxLength(500))),
  party: serviceReportSchema.shape.party,
});
export type ServiceCorrectInput = z.infer<typeof serviceCorrectSchema>;

/** One level whose signal is up: what the dashboard lists, with the periods missed in a row. */
export interface ServiceLevelSignal {
  serviceId: string;
  serviceName: string;
  levelId: string;
  measure: string;
  missedInARow: number;
  periods: string[];
  party?: string;
  partyName?: string;
}

/**
 * Every level of the catalogue whose signal is up, per provider party (the values of a party are its own series),
 * at the agreement's threshold. What the dashboard's summary item holds.
 */
export function activeSignals(
  services: readonly Service[],
  values: readonly ServiceLevelValue[],
  count = MISSED_IN_A_ROW,
): ServiceLevelSignal[] {
  const parties = new Map<string, string | undefined>();
  for (const v of values) parties.set(v.party ?? '', v.partyName);
  return [...parties.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .flatMap(([party, partyName]) =>
      levelHistories(
        services,
        values.filter((v) => (v.party ?? '') === party),
        count,
      )
        .filter((h) => h.signal)
        .map((h) => ({
          serviceId: h.serviceId,
          serviceName: h.serviceName,
          levelId: h.levelId,
          measure: h.level.measure,
          missedInARow: h.missedInARow,
          periods: h.values.slice(-h.missedInARow).map((v) => v.period),
          ...(party ? { party, partyName: partyName ?? party } : {}),
        })),
    );
}

export type ServiceReporter = 'provider' | 'ownerOnBehalf' | 'jointBody';

/**
 * Who reports a service agreement's levels: the service provider. A provider party with a portal reports for
 * itself, and then only it. Where the provider has no portal — a joint body (openbaar lichaam), as on the region's
 * ICT agreement — its users are the owning space's own: on a region's agreement the region's users report for the
 * joint body (a member municipality reads the figures but does not report them); on a municipality's DVO with a
 * joint body the municipality's contract manager records the joint body's delivery. Returns how the caller
 * reports, or throws FORBIDDEN with the reason.
 */
export function serviceReporter(input: {
  side: 'provider' | 'municipality';
  callerSpace: string;
  ownerSpace: string;
  providerParties: number;
}): ServiceReporter {
  if (input.side === 'provider') return 'provider';
  if (input.providerParties > 0)
    throw new DomainError('FORBIDDEN', 'serviceReport.providerReports', {
      message: 'The provider party reports its service levels',
    });
  if (input.callerSpace !== input.ownerSpace)
    throw new DomainError('FORBIDDEN', 'serviceReport.jointBodyReports', {
      message: 'The joint body reports through the region’s own users',
    });
  return input.ownerSpace.startsWith('RG') ? 'jointBody' : 'ownerOnBehalf';
}
