import type { IncentiveRule } from '@regie/core';
import { createRepositories, type Db } from '@regie/db';
import { scopeOf } from './seed.ts';

/**
 * Result-linked payment on ERM-2025-JH01 (issue 15 point 2): a bonus on the waiting time and a malus on client
 * satisfaction, both fixed amounts (the contract's realisations stay as other tests expect them), and Kompas's
 * results over 2025. What it gives, computed (not stored; nothing is settled here):
 * - waiting time (target ≤ 6 weeks, bonus € 1.500 per quarter, at most € 2.000 a year): 2025-Q1 (5 weeks) a bonus
 *   of € 1.500; 2025-Q2 (4,5 weeks) € 1.500 capped to the € 500 left of the year; 2025-Q3 no result, so no bonus;
 *   2025-Q4 (6,5 weeks) no bonus;
 * - satisfaction (target ≥ 7,5, malus € 1.000 per half year, at most € 1.500 a year): 2025-H1 (6,9) a malus of
 *   € 1.000; 2025-H2 (7,0) € 1.000 capped to € 500.
 */
export const SEED_INCENTIVES: { agreementId: string; rules: IncentiveRule[] } = {
  agreementId: 'erm-jh-2025',
  rules: [
    { kpiId: 'kpi-wachttijd', kind: 'bonus', basis: 'fixed', value: 150_000, yearlyCapCents: 200_000 },
    { kpiId: 'kpi-tevredenheid', kind: 'malus', basis: 'fixed', value: 100_000, yearlyCapCents: 150_000 },
  ],
};

const RESULTS = [
  { kpiId: 'kpi-wachttijd', period: '2025-Q1', value: 5 },
  { kpiId: 'kpi-wachttijd', period: '2025-Q2', value: 4.5 },
  { kpiId: 'kpi-wachttijd', period: '2025-Q4', value: 6.5 },
  { kpiId: 'kpi-tevredenheid', period: '2025-H1', value: 6.9 },
  { kpiId: 'kpi-tevredenheid', period: '2025-H2', value: 7 },
];

export async function seedIncentives(db: Db): Promise<void> {
  const { agreementId, rules } = SEED_INCENTIVES;
  const agreements = createRepositories(db, scopeOf('ermelo.contractmanager')).agreements;
  const current = await agreements.get(agreementId);
  await agreements.update(agreementId, current.version, { incentives: rules });
  const provider = createRepositories(db, scopeOf('kompas.reporter')).accountability;
  for (const result of RESULTS) await provider.recordKpi({ agreementId, ...result });
}
