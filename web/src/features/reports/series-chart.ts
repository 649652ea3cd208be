import type { SeriesPoint } from '@regie/core/browser';

/** The geometry of a delivered field's chart (pure, for a test): values over periods, one line per party. */
export const SERIES_WIDTH = 480;
export const SERIES_HEIGHT = 200;
const PLOT = { left: 64, right: 460, top: 12, bottom: 168 };

export interface SeriesLine {
  /** The party's space, or '' where no party has a portal. */
  party: string;
  partyName: string;
  points: { x: number; y: number; period: string; value: number }[];
}

export interface SeriesGeometry {
  width: number;
  height: number;
  plot: typeof PLOT;
  periods: { period: string; x: number }[];
  ticks: { value: number; y: number }[];
  lines: SeriesLine[];
}

/** A round top for the value axis: 1, 2 or 5 times a power of ten, at least the largest value. */
export function niceMax(max: number): number {
  if (max <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  return ([1, 2, 5, 10].find((f) => f * power >= max) ?? 10) * power;
}

export function seriesGeometry(points: readonly SeriesPoint[]): SeriesGeometry {
  const periods = [...new Set(points.map((p) => p.period))].sort();
  const top = niceMax(Math.max(0, ...points.map((p) => p.value)));
  const x = (period: string) => {
    const i = periods.indexOf(period);
    return periods.length <= 1
      ? (PLOT.left + PLOT.right) / 2
      : PLOT.left + (i * (PLOT.right - PLOT.left)) / (periods.length - 1);
  };
  const y = (v: number) => Math.round((PLOT.bottom - (v / top) * (PLOT.bottom - PLOT.top)) * 10) / 10;
  const parties = [...new Set(points.map((p) => p.party ?? ''))];
  return {
    width: SERIES_WIDTH,
    height: SERIES_HEIGHT,
    plot: PLOT,
    periods: periods.map((period) => ({ period, x: x(period) })),
    ticks: [0, 0.5, 1].map((f) => ({ value: top * f, y: y(top * f) })),
    lines: parties.map((party) => {
      const own = points.filter((p) => (p.party ?? '') === party);
      return {
        party,
        partyName: own[0]?.partyName ?? party,
        points: own.map((p) => ({ x: x(p.period), y: y(p.value), period: p.period, value: p.value })),
      };
    }),
  };
}
