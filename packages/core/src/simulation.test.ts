import { describe, expect, it } from 'vitest';
import { type SimulationLine, type SimulationTerms, simulate, termMonths } from './simulation.ts';

const line = (over: Partial<SimulationLine> = {}): SimulationLine => ({
  id: 'l1',
  productCode: '45A12',
  variant: 'output',
  tariffCents: 100_00,
  ...over,
});
const terms = (lines: SimulationLine[], over: Partial<SimulationTerms> = {}): SimulationTerms => ({
  startDate: '2026-01-01',
  endDate: '2026-12-31',
  productLines: lines,
  ...over,
});

describe('the volume-incentive simulator', () => {
  it('counts the months of a term, both ends included', () => {
    expect(termMonths('2026-01-01', '2026-12-31')).toBe(12);
    expect(termMonths('2026-07-15', '2027-06-30')).toBe(12);
    expect(termMonths('2026-03-01', '2026-03-31')).toBe(1);
  });

  it('pays tariff × volume under each scenario, capped by the tighter line cap', () => {
    const sim = simulate(terms([line({ volumeCeiling: 100, moneyCeilingCents: 12_000_00 })]));
    // Expected volume is the volume cap (no realisations): 100 units; the money cap is above 100 × €100.
    expect(sim.lines[0]).toMatchObject({ expectedVolume: 100, expectedFrom: 'volume_ceiling' });
    const byChange = Object.fromEntries(sim.scenarios.map((s) => [s.change, s]));
    expect(byChange[-10]!.exposureCents).toBe(9_000_00);
    expect(byChange[0]!.exposureCents).toBe(10_000_00);
    // Beyond the volume cap the provider is paid nothing more: 25 units unpaid.
    expect(byChange[25]!.exposureCents).toBe(10_000_00);
    expect(byChange[25]!.lines[0]).toMatchObject({ volume: 125, unpaidVolume: 25 });
    expect(byChange[25]!.providerRevenueCents).toBe(byChange[25]!.exposureCents);
  });

  it('forecasts the expected volume from the run rate of the realisations', () => {
    const sim = simulate(terms([line({ volumeCeiling: 1000 })]), [
      { period: '2026-01', productLineId: 'l1', amountCents: 1_000_00, volume: 10 },
      { period: '2026-03', productLineId: 'l1', amountCents: 2_000_00, volume: 20 },
      // Outside the term and without a line: not counted.
      { period: '2025-12', productLineId: 'l1', amountCents: 9_00, volume: 999 },
      { period: '2026-02', amountCents: 9_00, volume: 999 },
    ]);
    // 30 units over three months → 10 a month → 120 over the year.
    expect(sim.lines[0]).toMatchObject({ expectedVolume: 120, expectedFrom: 'forecast' });
  });

  it("takes the user's expected volume over the default", () => {
    const sim = simulate(terms([line()]), [], [0, 25], [{ lineId: 'l1', volume: 40 }]);
    expect(sim.lines[0]).toMatchObject({ expectedVolume: 40, expectedFrom: 'user' });
    // Uncapped: +25% of 40 units at €100 is paid in full.
    expect(sim.scenarios.map((s) => s.exposureCents)).toEqual([4_000_00, 5_000_00]);
    expect(simulate(terms([line()])).lines[0]).toMatchObject({ expectedVolume: 0, expectedFrom: 'none' });
  });

  it('caps the total by the agreement ceiling', () => {
    const sim = simulate(terms([line({ volumeCeiling: 100 })], { valueCeilingCents: 5_000_00 }), [], [0]);
    expect(sim.scenarios[0]!.exposureCents).toBe(5_000_00);
  });

  it('pays a lump sum whatever the volume, and gives its break-even volume', () => {
    const sim = simulate(
      terms([line({ variant: 'task', lumpSumCents: 50_000_00, tariffCents: 250_00, volumeCeiling: 150 })]),
      [],
      [0, 50],
    );
    expect(sim.scenarios.map((s) => s.exposureCents)).toEqual([50_000_00, 50_000_00]);
    expect(sim.lines[0]).toMatchObject({
      breakEvenVolume: 200,
      marginalRevenueCents: { task: 0 },
      lumpSumEquivalentCents: 37_500_00,
    });
  });

  it('names the marginal revenue of an extra unit: the tariff below the cap, nothing at it', () => {
    const below = simulate(terms([line({ volumeCeiling: 100, moneyCeilingCents: 20_000_00 })]), [
      { period: '2026-01', productLineId: 'l1', amountCents: 500_00, volume: 5 },
    ]);
    expect(below.lines[0]!.marginalRevenueCents).toEqual({ effort: 100_00, output: 100_00, task: 0 });
    const at = simulate(terms([line({ volumeCeiling: 100 })]));
    expect(at.lines[0]!.marginalRevenueCents).toEqual({ effort: 0, output: 0, task: 0 });
  });

  describe('flags', () => {
    const codes = (t: SimulationTerms, r: Parameters<typeof simulate>[1] = []) =>
      simulate(t, r).flags.map((f) => f.code);

    it('flags a per-unit line without any cap, and not a capped one or a lump sum', () => {
      const sim = simulate(terms([line()]));
      expect(sim.flags).toEqual([
        expect.objectContaining({
          code: 'uncapped_per_unit_line',
          lineId: 'l1',
          reason: 'simulation.uncappedPerUnitLine',
          source: expect.stringContaining('DOMAIN.md'),
        }),
      ]);
      expect(codes(terms([line({ volumeCeiling: 10 })]))).toEqual([]);
      expect(codes(terms([line({ variant: 'task', lumpSumCents: 1 })]))).toEqual([]);
    });

    it('flags caps of which one never binds, naming which', () => {
      const money = simulate(terms([line({ volumeCeiling: 100, moneyCeilingCents: 20_000_00 })])).flags;
      expect(money[0]).toMatchObject({ code: 'cap_never_binds', params: { neverBinds: 'money' } });
      const volume = simulate(terms([line({ volumeCeiling: 100, moneyCeilingCents: 5_000_00 })])).flags;
      expect(volume[0]).toMatchObject({ code: 'cap_never_binds', params: { neverBinds: 'volume' } });
      expect(codes(terms([line({ volumeCeiling: 100, moneyCeilingCents: 10_000_00 })]))).toEqual([]);
    });

    it('flags effort-based lines in a relation that prefers output or task', () => {
      const effort = line({ variant: 'effort', volumeCeiling: 10 });
      expect(codes(terms([effort], { relationType: 'partner' }))).toEqual(['variant_contradicts_relation']);
      expect(codes(terms([effort], { relationType: 'customer' }))).toEqual(['variant_contradicts_relation']);
      expect(codes(terms([effort], { relationType: 'boss' }))).toEqual([]);
      expect(codes(terms([effort]))).toEqual([]);
    });

    it('flags a forecast that crosses a cap before the term ends, with the month', () => {
      const sim = simulate(terms([line({ volumeCeiling: 60 })]), [
        { period: '2026-01', productLineId: 'l1', amountCents: 1_000_00, volume: 10 },
        { period: '2026-02', productLineId: 'l1', amountCents: 1_000_00, volume: 10 },
      ]);
      // 10 a month reaches 60 in the sixth month.
      expect(sim.flags).toEqual([
        expect.objectContaining({
          code: 'forecast_crosses_cap',
          params: { productCode: '45A12', month: '2026-06' },
        }),
      ]);
      // A slower pace stays within the term.
      expect(
        codes(terms([line({ volumeCeiling: 600 })]), [
          { period: '2026-01', productLineId: 'l1', amountCents: 1_000_00, volume: 10 },
        ]),
      ).toEqual([]);
    });
  });
});
