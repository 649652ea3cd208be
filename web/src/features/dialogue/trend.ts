/** The geometry of a collaboration trend chart: ratings 1–5 over meetings, evenly spaced (pure, for a test). */
export const TREND_WIDTH = 480;
export const TREND_HEIGHT = 200;
const PLOT = { left: 40, right: 460, top: 12, bottom: 168 };

export interface TrendGeometry {
  width: number;
  height: number;
  plot: typeof PLOT;
  /** The rating lines 1–5 with their y. */
  ticks: { value: number; y: number }[];
  /** The signal floor (3). */
  floorY: number;
  points: { x: number; y: number }[];
}

export function trendGeometry(values: readonly number[], floor = 3): TrendGeometry {
  const y = (v: number) => PLOT.bottom - ((v - 1) / 4) * (PLOT.bottom - PLOT.top);
  const x = (i: number) =>
    values.length <= 1
      ? (PLOT.left + PLOT.right) / 2
      : PLOT.left + (i * (PLOT.right - PLOT.left)) / (values.length - 1);
  return {
    width: TREND_WIDTH,
    height: TREND_HEIGHT,
    plot: PLOT,
    ticks: [1, 2, 3, 4, 5].map((value) => ({ value, y: y(value) })),
    floorY: y(floor),
    points: values.map((v, i) => ({ x: x(i), y: y(v) })),
  };
}
