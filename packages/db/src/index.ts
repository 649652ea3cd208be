import { DEFAULT_THRESHOLDS } from '@regie/core';
import { accountabilityRepository } from './accountability.ts';
import type { Widen } from './agreement-access.ts';
import { importRepository } from './agreement-import.ts';
import { agreementRepository } from './agreements.ts';
import { benchmarkRepository } from './benchmark.ts';
import { budgetRepository } from './budget.ts';
import type { Db } from './client.ts';
import { collaborationRepository } from './collaboration.ts';
import { dashboardRepository } from './dashboard.ts';
import { readDeadlines } from './deadlines.ts';
import {
  organisationRepository,
  readSpace,
  readSpaceWithHead,
  type SpaceRecord,
  type SpaceSettings,
  settingsVersion,
  updateSpaceSettings,
} from './directory.ts';
import { escalationRepository } from './escalations.ts';
import { governanceRepository } from './governance.ts';
import { icalRepository } from './ical-feed.ts';
import { idempotencyRepository } from './idempotency.ts';
import { inboxRepository } from './inbox.ts';
import { incentiveRepository } from './incentives.ts';
import { notificationRepository } from './notifications.ts';
import { pcRepository } from './pc.ts';
import { relationConfirmRepository } from './relation-confirm.ts';
import { reportRepository } from './reports.ts';
import { assertReach, type Scope } from './scope.ts';
import { serviceLevelRepository } from './service-levels.ts';
import { signingRepository } from './signing.ts';
import { simulationRepository } from './simulation.ts';
import { readSpaceChain, verifySpaceChain } from './space-chain.ts';
import { steeringRepository } from './steering.ts';
import { subsidyRepository } from './subsidy.ts';
import { takeupRepository } from './takeup.ts';
import { usageRepository } from './usage.ts';
import { userRepository } from './users.ts';
import { wgrRepository } from './wgr.ts';

export * from './accountability.ts';
export * from './agreement-access.ts';
export * from './agreement-import.ts';
export * from './agreements.ts';
export * from './audit-anchors.ts';
export * from './benchmark.ts';
export * from './bootstrap.ts';
export * from './budget.ts';
export * from './client.ts';
export * from './deadlines.ts';
export * from './directory.ts';
export * from './errors.ts';
export * from './escalations.ts';
export * from './governance.ts';
export * from './ical-feed.ts';
export * from './inbox.ts';
export * from './incentives.ts';
export * from './keys.ts';
export * from './notifications.ts';
export * from './onboarding.ts';
export * from './pc.ts';
export * from './public-register.ts';
export * from './relation-confirm.ts';
export * from './reports.ts';
export * from './scope.ts';
export * from './service-levels.ts';
export * from './signal-job.ts';
export * from './signing.ts';
export * from './space-chain.ts';
export * from './space-registry.ts';
export * from './steering.ts';
export * from './subsidy.ts';
export { tableDefinition } from './table.ts';
export * from './takeup.ts';
export * from './usage.ts';
export * from './users.ts';
export * from './wgr.ts';

const settingsOf = (space: string, record: SpaceRecord | null) => ({
  space,
  version: record ? settingsVersion(record) : 1,
  mandateThresholdCents: record?.mandateThresholdCents ?? null,
  signalThresholds: record?.signalThresholds ?? [...DEFAULT_THRESHOLDS],
  /** Issue 15: whether this municipality shares its figures with its regions' benchmark, and which regions. */
  benchmarkOptIn: record?.benchmarkOptIn ?? false,
  regions: record?.memberOf ?? [],
});

/**
 * Repositories for one request, bound to the caller's scope; created per request, never shared. Each is built on
 * first use (a request touches one or two of them), so a request does not pay for constructing all of them.
 */
export function createRepositories(db: Db, scope: Scope, widen: Widen = async () => db) {
  const escalations = once(() => escalationRepository(db, scope, widen));
  const steering = once(() => steeringRepository(db, scope));
  const notifications = once(() => notificationRepository(db, scope, widen));
  return lazily({
    escalations,
    steering,
    /** Event notifications (meldingen) with their response clocks (issue 14 point 3). */
    notifications,
    agreements: () => agreementRepository(db, scope),
    /** The register import (issue 13): batches of a municipality's own register, written like creates. */
    imports: () => importRepository(db, scope, agreementRepository(db, scope)),
    organisations: () => organisationRepository(db, scope),
    idempotency: () => idempotencyRepository(db, scope),
    /** Governance that acts: the relation's proposal previewed and applied (issue 14). */
    governance: () => governanceRepository(db, scope, steering()),
    /** Each party's confirmation of the relation (issue 14 point 2). */
    relationConfirm: () => relationConfirmRepository(db, scope, widen),
    reports: () => reportRepository(db, scope, widen),
    /** Service-level reports on a service agreement's catalogue (issue 16 point 2). */
    serviceLevels: () => serviceLevelRepository(db, scope, widen),
    signing: () => signingRepository(db, scope, widen),
    budget: () => budgetRepository(db, scope, widen),
    accountability: () => accountabilityRepository(db, scope, widen),
    /** Result-linked payment on the KPIs (issue 15 point 2): periods computed and settled. */
    incentives: () => incentiveRepository(db, scope, widen),
    /** The collaboration monitor (issue 14 point 5): trends, signals, agreed actions done. */
    collaboration: () => collaborationRepository(db, scope, widen),
    dashboard: () =>
      dashboardRepository(db, scope, {
        escalations: escalations(),
        steering: steering(),
        notifications: notifications(),
      }),
    /** The volume-incentive simulator on a stored agreement (never writes). */
    simulation: () => simulationRepository(db, scope, { steering: steering() }),
    wgr: () => wgrRepository(db, scope),
    /** Per-member take-up of a region's service agreement (issue 16 point 3). */
    takeup: () => takeupRepository(db, scope, agreementRepository(db, scope)),
    /** Measured usage per member and month, and the settlement per member (issue 16 point 4). */
    usage: () => usageRepository(db, scope),
    /** P&C harmonised in content and the paragraaf verbonden partijen (issue 16 point 5). */
    pc: () => pcRepository(db, scope),
    /** The regional benchmark the job computed (issue 15 point 4): one partition of the region read. */
    benchmark: () => benchmarkRepository(db, scope),
    /** Subsidies under the Awb: regulations with their ceiling, grant and settlement (SPEC §3.2). */
    subsidy: () => subsidyRepository(db, scope, agreementRepository(db, scope)),
    /** Dated things of the caller's spaces (deadline engine, SPEC §5.3). */
    deadlines: () => ({
      upcoming: (range: {
        space?: string;
        from: string;
        through: string;
        limit: number;
        cursor?: string;
      }) => {
        if (range.space) assertReach(scope, range.space);
        return readDeadlines(db, range.space ? [range.space] : scope.reach, range);
      },
    }),
    inbox: () => inboxRepository(db, scope),
    /** The people of the caller's own space (issue 13; the space's administrator). */
    users: () => userRepository(db, scope),
    ical: () => icalRepository(db, scope),
    /** The caller's own tenant: its settings (SPEC §1, tenant admin). */
    tenant: () => ({
      settings: async () => settingsOf(scope.space, await readSpace(db, scope.space)),
      update: async (expectedVersion: number, settings: SpaceSettings) =>
        settingsOf(scope.space, await updateSpaceSettings(db, scope, expectedVersion, settings)),
      /** The space's own audit chain (settings, organisations) and whether it verifies. */
      history: async () => {
        const [events, head] = await Promise.all([
          readSpaceChain(db, scope.space),
          readSpaceWithHead(db, scope.space),
        ]);
        return { events, verification: verifySpaceChain(events, head ?? {}) };
      },
    }),
  });
}

/** `make`'s value, made on the first call and kept. */
function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => {
    made ??= { value: make() };
    return made.value;
  };
}

/**
 * An object whose every property is made by its factory on first read, then kept (a getter replaced by the
 * value). Reading a property costs what building that one repository costs, not all of them.
 */
function lazily<T extends Record<string, () => unknown>>(
  factories: T,
): { readonly [K in keyof T]: ReturnType<T[K]> } {
  const out = {} as { [K in keyof T]: ReturnType<T[K]> };
  for (const key of Object.keys(factories) as (keyof T)[]) {
    Object.defineProperty(out, key, {
      enumerable: true,
      configurable: true,
      get() {
        const value = factories[key]!() as ReturnType<T[typeof key]>;
        Object.defineProperty(out, key, { value, enumerable: true, writable: false, configurable: false });
        return value;
      },
    });
  }
  return out;
}
export type Repositories = ReturnType<typeof createRepositories>;
