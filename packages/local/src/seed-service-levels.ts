import { type Db, serviceLevelRepository } from '@regie/db';
import { scopeOf } from './seed.ts';

/**
 * Service-level reports (issue 16 point 2) on Ermelo's DVO ERM-DVO-2026-01: Wijkracht reports three months, each on
 * the fifth of the month after. The portal's availability (≥ 99,5% a month) is missed in October and November, so
 * the contract manager sees the signal "twice in a row missed"; incident resolution (95% within 8 working hours)
 * is met every month.
 */
export const SEED_SERVICE_LEVEL_REPORTS = [
  { period: '2026-09', on: '2026-10-05', availability: 99.7, resolution: 96 },
  { period: '2026-10', on: '2026-11-05', availability: 99.1, resolution: 97.5 },
  { period: '2026-11', on: '2026-12-05', availability: 98.6, resolution: 95 },
] as const;

export async function seedServiceLevels(db: Db): Promise<void> {
  for (const r of SEED_SERVICE_LEVEL_REPORTS) {
    const repo = serviceLevelRepository(
      db,
      scopeOf('wijkracht.reporter'),
      async () => db,
      () => new Date(`${r.on}T09:00:00Z`),
    );
    await repo.report({
      agreementId: 'erm-dvo-2026',
      period: r.period,
      values: [
        { serviceId: 'svc-dvo-portaal', levelId: 'sl-dvo-portaal-beschikbaarheid', value: r.availability },
        { serviceId: 'svc-dvo-trajecten', levelId: 'sl-dvo-trajecten-oplostijd', value: r.resolution },
      ],
    });
  }
}
