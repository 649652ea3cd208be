import { describe, expect, it } from 'vitest';
import { trendGeometry } from './trend';

describe('collaboration trend chart', () => {
  it('puts 5 at the top, 1 at the bottom, and spreads meetings evenly', () => {
    const g = trendGeometry([5, 3, 1]);
    expect(g.points.map((p) => p.y)).toEqual([g.plot.top, (g.plot.top + g.plot.bottom) / 2, g.plot.bottom]);
    expect(g.points.map((p) => p.x)).toEqual([g.plot.left, (g.plot.left + g.plot.right) / 2, g.plot.right]);
    expect(g.floorY).toBe(g.points[1]?.y);
  });

  it('centres a single meeting', () => {
    const g = trendGeometry([4]);
    expect(g.points[0]?.x).toBe((g.plot.left + g.plot.right) / 2);
  });
});
