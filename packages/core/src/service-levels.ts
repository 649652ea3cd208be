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
  reportedAt: string;
  reportedBy: string;
  reportedByName?: string;
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
