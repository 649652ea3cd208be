import { describe, expect, it } from 'vitest';
import { byPeriod, kpiGeometry, PERIOD_PATTERN, parseDecimal } from './model';

describe('kpi model', () => {
  it('reads numbers as people type them', () => {
    expect(parseDecimal('7,5')).toBe(7.5);
    expect(parseDecimal('7.5')).toBe(7.5);
    expect(parseDecimal('1.234,5')).toBe(1234.5);
    expect(parseDecimal('-2')).toBe(-2);
    expect(parseDecimal('1,234.5', 'en-GB')).toBe(1234.5);
    expect(parseDecimal('')).toBeNull();
    expect(parseDecimal('zeven')).toBeNull();
  });

  it('accepts the periods the API accepts', () => {
    for (const p of ['2026', '2026-05', '2026-Q2', '2026-H1']) expect(PERIOD_PATTERN.test(p)).toBe(true);
    for (const p of ['2026-13', '2026-Q5', '26-Q1', '2026-H3']) expect(PERIOD_PATTERN.test(p)).toBe(false);
  });

  it('orders results by period and places them and the target on one scale', () => {
    const rows = byPeriod([
      { period: '2026-Q2', value: 7.5, onTarget: false },
      { period: '2026-Q1', value: 5, onTarget: true },
    ]);
    expect(rows.map((r) => r.period)).toEqual(['2026-Q1', '2026-Q2']);
    const g = kpiGeometry(rows, 6);
    expect(g.points[0]?.x).toBe(g.plot.left);
    expect(g.points[1]?.x).toBe(g.plot.right);
    // Higher values sit higher (smaller y); the target lies between the two results.
    expect(g.points[1]?.y).toBeLessThan(g.points[0]?.y ?? 0);
    expect(g.targetY).toBeLessThan(g.points[0]?.y ?? 0);
    expect(g.targetY).toBeGreaterThan(g.points[1]?.y ?? 0);
  });
});
