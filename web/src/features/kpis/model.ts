import type { AppRouter } from '@regie/api';
import type { inferInput, inferOutput, TRPCOptionsProxy } from '@trpc/tanstack-react-query';
import { parseDecimal } from '../../lib/format';

/** A number as a person types it; lives in lib/ because other features read numbers the same way. */
export { parseDecimal };

type Api = TRPCOptionsProxy<AppRouter>;

/** KPIs and joint accountability (SPEC §4.5), as `kpi.results` answers them. */
export type Kpi = inferOutput<Api['kpi']['results']>[number];
export type KpiResult = Kpi['results'][number];
export type KpiRecordInput = inferInput<Api['kpi']['record']>;
export type KpiCommentInput = inferInput<Api['kpi']['comment']>;

/** Roles that may record a value (as `kpi.record` declares) and comment (as `kpi.comment` declares). */
export const RECORD_ROLES: readonly string[] = ['provider_reporter', 'contractmanager'];
export const COMMENT_ROLES: readonly string[] = [
  'contractmanager',
  'inkoper',
  'provider_signer',
  'provider_reporter',
];

export function hasRole(me: { roles: readonly string[] } | undefined, roles: readonly string[]): boolean {
  return me?.roles.some((role) => roles.includes(role)) ?? false;
}

/** A period as the API accepts it: a year, a month, a quarter or a half year. */
export const PERIOD_PATTERN = /^\d{4}(-(0[1-9]|1[0-2]|Q[1-4]|H[12]))?$/;

/** Periods sort as text (`2026-Q1` < `2026-Q2`); results oldest first, for the chart and its table. */
export function byPeriod<T extends { period: string }>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
}

export interface KpiGeometry {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  points: { x: number; y: number; period: string; onTarget: boolean }[];
  targetY: number;
  ticks: { value: number; y: number }[];
}

/** Where the results and the target go in a small line chart: the scale covers both, with some room. */
export function kpiGeometry(
  results: readonly Pick<KpiResult, 'period' | 'value' | 'onTarget'>[],
  target: number,
): KpiGeometry {
  const width = 480;
  const height = 200;
  const plot = { left: 48, right: width - 16, top: 16, bottom: height - 32 };
  const values = [...results.map((r) => r.value), target];
  let min = Math.min(...values, 0);
  let max = Math.max(...values);
  if (max === min) max = min + 1;
  const pad = (max - min) * 0.1;
  max += pad;
  if (min < 0) min -= pad;
  const y = (v: number) => plot.bottom - ((v - min) / (max - min)) * (plot.bottom - plot.top);
  const step = results.length > 1 ? (plot.right - plot.left) / (results.length - 1) : 0;
  const points = results.map((r, i) => ({
    x: results.length > 1 ? plot.left + i * step : (plot.left + plot.right) / 2,
    y: y(r.value),
    period: r.period,
    onTarget: r.onTarget,
  }));
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => {
    const value = min + f * (max - min);
    return { value: Math.round(value * 100) / 100, y: y(value) };
  });
  return { width, height, plot, points, targetY: y(target), ticks };
}
