/**
 * The geometry of the burn-down chart (cumulative spend per month against the ceiling, with the forecast to
 * year end), in SVG user units. Pure, so the page only draws what this computes and the numbers are tested.
 * The vertical axis is in percent of the ceiling: that is the question people ask ("how far are we?").
 */

export interface BurnDownData {
  ceilingCents: number;
  forecastCents: number;
  months: readonly { period: string; cumulativeCents: number }[];
}

export interface Point {
  x: number;
  y: number;
}

export interface ChartGeometry {
  width: number;
  height: number;
  plot: { left: number; top: number; right: number; bottom: number };
  /** Horizontal grid lines with their percentage of the ceiling (in basis points). */
  ticks: { y: number; basisPoints: number }[];
  /** The middle of each month's column, for its label: January to December. */
  monthLabels: { x: number; month: number }[];
  /** The start of the year, then the end of each month with data. */
  spent: Point[];
  /** From the last month with data to the end of the year; null when there is nothing to extrapolate. */
  forecast: { from: Point; to: Point } | null;
  ceilingY: number;
  eightyY: number;
}

const round = (n: number) => Math.round(n * 10) / 10;

/** The top of the scale as a multiple of the ceiling, and the step between grid lines. */
export function scaleFor(maxShare: number): { top: number; step: number } {
  const wanted = Math.max(1.25, maxShare * 1.05);
  const step = wanted <= 2 ? 0.25 : wanted <= 5 ? 1 : Math.ceil(wanted / 5);
  return { top: Math.ceil(wanted / step - 1e-9) * step, step };
}

export function burnDownGeometry(
  data: BurnDownData,
  size: { width: number; height: number } = { width: 640, height: 280 },
  /** The warning line as a share of the ceiling: the tenant's lowest threshold under 100% (default 80%). */
  warningShare = 0.8,
): ChartGeometry {
  const plot = { left: 56, top: 12, right: size.width - 16, bottom: size.height - 32 };
  const plotWidth = plot.right - plot.left;
  const plotHeight = plot.bottom - plot.top;
  const ceiling = Math.max(1, data.ceilingCents);
  const last = data.months.at(-1)?.cumulativeCents ?? 0;
  const peak = Math.max(last, ...data.months.map((m) => m.cumulativeCents), data.forecastCents);
  const { top, step } = scaleFor(peak / ceiling);

  const x = (month: number) => round(plot.left + (month / 12) * plotWidth);
  const y = (cents: number) => round(plot.bottom - (cents / (ceiling * top)) * plotHeight);

  const ticks: ChartGeometry['ticks'] = [];
  for (let share = 0; share <= top + 1e-9; share += step) {
    ticks.push({ y: y(share * ceiling), basisPoints: Math.round(share * 10_000) });
  }
  const spent: Point[] = [{ x: x(0), y: y(0) }];
  data.months.forEach((m, i) => {
    spent.push({ x: x(i + 1), y: y(m.cumulativeCents) });
  });
  const lastPoint = spent.at(-1) ?? { x: x(0), y: y(0) };
  const forecast =
    data.months.length > 0 && data.months.length < 12
      ? { from: lastPoint, to: { x: x(12), y: y(data.forecastCents) } }
      : null;
  return {
    width: size.width,
    height: size.height,
    plot,
    ticks,
    monthLabels: Array.from({ length: 12 }, (_, i) => ({
      x: round(plot.left + ((i + 0.5) / 12) * plotWidth),
      month: i + 1,
    })),
    spent,
    forecast,
    ceilingY: y(ceiling),
    eightyY: y(ceiling * warningShare),
  };
}

/** Points as an SVG `points` attribute. */
export function pointsAttribute(points: readonly Point[]): string {
  return points.map((p) => `${p.x},${p.y}`).join(' ');
}
