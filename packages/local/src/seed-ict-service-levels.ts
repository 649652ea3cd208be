import { type Db, serviceLevelRepository } from '@regie/db';
import { scopeOf } from './seed.ts';

/**
 * Service-level reports on the region's ICT agreement RNV-ICT-01 (issue 16 point 6). Its provider is the joint body
 * Sociaal Domein Noord-Veluwe, which has no portal: the region's coordinator reports for it (core
 * `serviceReporter`). October meets every monthly level; in November the basis package's availability (≥ 99,5%)
 * is missed once — one miss, so no signal yet (the threshold is two in a row).
 */
export const SEED_ICT_SERVICE_LEVEL_REPORTS = [
  { period: '2026-10', on: '2026-11-04', availability: 99.8, resolution: 96.5, caseSystem: 99.6 },
  { period: '2026-11', on: '2026-12-02', availability: 99.1, resolution: 95.5, caseSystem: 99.3 },
] as const;

export async function seedIctServiceLevels(db: Db): Promise<void> {
  for (const r of SEED_ICT_SERVICE_LEVEL_REPORTS) {
    const repo = serviceLevelRepository(
      db,
      scopeOf('noordveluwe.coordinator'),
      async () => db,
      () => new Date(`${r.on}T08:00:00Z`),
    );
    await repo.report({
      agreementId: 'rnv-ict-01',
      period: r.period,
      values: [
        { serviceId: 'svc-ict-basis', levelId: 'sl-ict-basis-beschikbaarheid', value: r.availability },
        { serviceId: 'svc-ict-basis', levelId: 'sl-ict-basis-oplostijd', value: r.resolution },
        { serviceId: 'svc-ict-zaak', levelId: 'sl-ict-zaak-beschikbaarheid', value: r.caseSystem },
      ],
    });
  }
}
