import { DEFAULT_THRESHOLDS } from '@regie/core';
import { accountabilityRepository } from './accountability.ts';
import type { Widen } from './agreement-access.ts';
import { agreementRepository } from './agreements.ts';
import { budgetRepository } from './budget.ts';
import type { Db } from './client.ts';
import { dashboardRepository } from './dashboard.ts';
import {
  organisationRepository,
  readSpace,
  type SpaceRecord,
  type SpaceSettings,
  updateSpaceSettings,
} from './directory.ts';
import { escalationRepository } from './escalations.ts';
import { idempotencyRepository } from './idempotency.ts';
import { reportRepository } from './reports.ts';
import type { Scope } from './scope.ts';
import { steeringRepository } from './steering.ts';

export * from './accountability.ts';
export * from './agreement-access.ts';
export * from './agreements.ts';
export * from './bootstrap.ts';
export * from './budget.ts';
export * from './client.ts';
export * from './deadlines.ts';
export * from './directory.ts';
export * from './errors.ts';
export * from './escalations.ts';
export * from './keys.ts';
export * from './public-register.ts';
export * from './reports.ts';
export * from './scope.ts';
export * from './steering.ts';
export { tableDefinition } from './table.ts';

const settingsOf = (space: string, record: SpaceRecord | null) => ({
  space,
  mandateThresholdCents: record?.mandateThresholdCents ?? null,
  signalThresholds: record?.signalThresholds ?? [...DEFAULT_THRESHOLDS],
});

/** Repositories for one request, bound to the caller's scope; created per request, never shared. */
export function createRepositories(db: Db, scope: Scope, widen: Widen = async () => db) {
  const escalations = escalationRepository(db, scope, widen);
  const steering = steeringRepository(db, scope);
  return {
    agreements: agreementRepository(db, scope),
    organisations: organisationRepository(db, scope),
    idempotency: idempotencyRepository(db, scope),
    steering,
    reports: reportRepository(db, scope, widen),
    budget: budgetRepository(db, scope, widen),
    escalations,
    accountability: accountabilityRepository(db, scope, widen),
    dashboard: dashboardRepository(db, scope, { escalations, steering }),
    /** The caller's own tenant: its settings (SPEC §1, tenant admin). */
    tenant: {
      settings: async () => settingsOf(scope.space, await readSpace(db, scope.space)),
      update: async (settings: SpaceSettings) =>
        settingsOf(scope.space, await updateSpaceSettings(db, scope, settings)),
    },
  };
}
export type Repositories = ReturnType<typeof createRepositories>;
