import { describe, expect, it } from 'vitest';
import { byPeriod, readRules, ruleFormValues } from './model';

describe('the arrangement editor', () => {
  it('reads a percentage as basis points and amounts as cents, in Dutch', () => {
    const { rules, errors } = readRules(
      [
        { kpiId: 'k', kind: 'bonus', basis: 'percentOfRealised', value: '2,5', cap: '5.000', threshold: '' },
        { kpiId: 'k', kind: 'malus', basis: 'fixed', value: '1.500,00', cap: '3.000,50', threshold: '7,5' },
      ],
      'nl-NL',
    );
    expect(errors).toEqual({});
    expect(rules).toEqual([
      { kpiId: 'k', kind: 'bonus', basis: 'percentOfRealised', value: 250, yearlyCapCents: 500_000 },
      { kpiId: 'k', kind: 'malus', basis: 'fixed', value: 150_000, yearlyCapCents: 300_050, threshold: 7.5 },
    ]);
  });

  it('names each field that does not read, and sends nothing of that rule', () => {
    const { rules, errors } = readRules(
      [{ kpiId: 'k', kind: 'bonus', basis: 'percentOfRealised', value: '101', cap: '0', threshold: 'hoog' }],
      'nl-NL',
    );
    expect(rules).toEqual([]);
    expect(errors).toEqual({
      'incentives.0.value': 'incentives.invalidValue',
      'incentives.0.cap': 'incentives.invalidCap',
      'incentives.0.threshold': 'incentives.invalidThreshold',
    });
  });

  it('shows stored rules as the text they were typed as', () => {
    expect(
      ruleFormValues(
        [
          {
            kpiId: 'k',
            kind: 'bonus',
            basis: 'percentOfRealised',
            value: 250,
            yearlyCapCents: 500_000,
            threshold: 7.5,
          },
        ],
        'nl-NL',
      ),
    ).toEqual([
      {
        kpiId: 'k',
        kind: 'bonus',
        basis: 'percentOfRealised',
        value: '2,5',
        cap: '5.000,00',
        threshold: '7,5',
      },
    ]);
  });
});

describe('byPeriod', () => {
  it('groups rows of the same period, in order', () => {
    const row = (period: string, kpiId: string) =>
      ({ period, kpiId }) as Parameters<typeof byPeriod>[0][number];
    expect(
      byPeriod([row('2025-Q1', 'a'), row('2025-Q1', 'b'), row('2025-Q2', 'a')]).map((g) => [
        g.period,
        g.rows.length,
      ]),
    ).toEqual([
      ['2025-Q1', 2],
      ['2025-Q2', 1],
    ]);
  });
});
