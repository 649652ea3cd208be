import { describe, expect, it } from 'vitest';
import { parseThresholds, thresholdsText } from './thresholds';

describe('the signal thresholds field', () => {
  it('reads percentages as people type them, sorted', () => {
    expect(parseThresholds('80, 100')).toEqual({ ok: true, thresholds: [80, 100] });
    expect(parseThresholds(' 100;75 90% ')).toEqual({ ok: true, thresholds: [75, 90, 100] });
    expect(parseThresholds('200')).toEqual({ ok: true, thresholds: [200] });
  });

  it('refuses what the API refuses: out of range, not whole, twice, none or more than five', () => {
    expect(parseThresholds('0, 80')).toEqual({ ok: false, error: 'invalid' });
    expect(parseThresholds('201')).toEqual({ ok: false, error: 'invalid' });
    expect(parseThresholds('80,5')).toEqual({ ok: true, thresholds: [5, 80] });
    expect(parseThresholds('80.5')).toEqual({ ok: false, error: 'invalid' });
    expect(parseThresholds('tachtig')).toEqual({ ok: false, error: 'invalid' });
    expect(parseThresholds('80, 80')).toEqual({ ok: false, error: 'duplicate' });
    expect(parseThresholds('  ')).toEqual({ ok: false, error: 'count' });
    expect(parseThresholds('10 20 30 40 50 60')).toEqual({ ok: false, error: 'count' });
  });

  it('shows the stored thresholds as the field is prefilled', () => {
    expect(thresholdsText([80, 100])).toBe('80, 100');
  });
});
