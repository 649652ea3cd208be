import {
  DEFAULT_SCENARIOS,
  type SimulationLine,
  type SimulationRealisation,
  type SimulationTerms,
  simulate,
} from '@regie/core';

/**
 * The volume-incentive simulator's core function (issue 15: "answers in < 50 ms for 50 lines"): `simulate()` on a
 * two-year agreement of 50 product lines — per hour, per product and lump sums; caps that agree, caps that never
 * bind and none — with 12 months of realisations per line (the run rate, the crossing month) and a chosen relation
 * type, under the 5 default scenarios. Deterministic input; pure and in-process, so no database or HTTP.
 */
export function simulatorInput(lines = 50): {
  terms: SimulationTerms;
  realisations: SimulationRealisation[];
} {
  const productLines: SimulationLine[] = Array.from({ length: lines }, (_, i) => {
    const id = `line-${i + 1}`;
    const productCode = `45A${String(i + 1).padStart(2, '0')}`;
    const tariffCents = 5_000 + i * 137;
    switch (i % 5) {
      case 0:
        return { id, productCode, variant: 'effort', tariffCents };
      case 1:
        return { id, productCode, variant: 'effort', tariffCents, volumeCeiling: 2_000 + i * 10 };
      case 2:
        return {
          id,
          productCode,
          variant: 'output',
          tariffCents,
          volumeCeiling: 300,
          moneyCeilingCents: tariffCents * 250,
        };
      case 3:
        return { id, productCode, variant: 'output', tariffCents, moneyCeilingCents: 50_000_000 };
      default:
        return { id, productCode, variant: 'task', tariffCents, lumpSumCents: 20_000_000 };
    }
  });
  const realisations: SimulationRealisation[] = productLines.flatMap((line, i) =>
    Array.from({ length: 12 }, (_, m) => ({
      period: `2027-${String(m + 1).padStart(2, '0')}`,
      productLineId: line.id,
      volume: 10 + ((i * 7 + m * 3) % 40),
      amountCents: (10 + ((i * 7 + m * 3) % 40)) * (line.tariffCents ?? 0),
    })),
  );
  return {
    terms: {
      startDate: '2027-01-01',
      endDate: '2028-12-31',
      valueCeilingCents: 2_000_000_000,
      relationType: 'customer',
      productLines,
    },
    realisations,
  };
}

/** Durations (ms) of `runs` calls of `simulate()` on `simulatorInput()` after a warm-up. */
export function simulatorBench(runs: number, lines = 50): { durations: number[]; flags: number } {
  const { terms, realisations } = simulatorInput(lines);
  let flags = 0;
  for (let i = 0; i < 50; i++) flags = simulate(terms, realisations, DEFAULT_SCENARIOS).flags.length;
  const durations: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const sim = simulate(terms, realisations, DEFAULT_SCENARIOS);
    durations.push(performance.now() - started);
    if (sim.scenarios.length !== DEFAULT_SCENARIOS.length || sim.lines.length !== lines)
      throw new Error('simulate() answered the wrong shape');
  }
  return { durations, flags };
}
