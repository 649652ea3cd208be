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

/** What one request's repositories are bound to: the caller's database handle and scope. */
interface Binding {
  db: Db;
  scope: Scope;
  /** A handle widened to exactly some item collections (see agreement-access.ts). */
  widen: Widen;
}

/** The repositories others are built on; one of each per request's set. */
interface Shared {
  escalations: ReturnType<typeof escalationRepository>;
  steering: ReturnType<typeof steeringRepository>;
  notifications: ReturnType<typeof notificationRepository>;
}

/** How each repository of a request's set is made from the caller's binding (a few from others of the set). */
const factories = {
  escalations: ({ db, scope, widen }) => escalationRepository(db, scope, widen),
  steering: ({ db, scope }) => steeringRepository(db, scope),
  /** Event notifications (meldingen) with their response clocks (issue 14 point 3). */
  notifications: ({ db, scope, widen }) => notificationRepository(db, scope, widen),
  agreements: ({ db, scope }) => agreementRepository(db, scope),
  /** The register import (issue 13): batches of a municipality's own register, written like creates. */
  imports: ({ db, scope }) => importRepository(db, scope, agreementRepository(db, scope)),
  organisations: ({ db, scope }) => organisationRepository(db, scope),
  idempotency: ({ db, scope }) => idempotencyRepository(db, scope),
  /** Governance that acts: the relation's proposal previewed and applied (issue 14). */
  governance: ({ db, scope }, set) => governanceRepository(db, scope, set.steering),
  /** Each party's confirmation of the relation (issue 14 point 2). */
  relationConfirm: ({ db, scope, widen }) => relationConfirmRepository(db, scope, widen),
  reports: ({ db, scope, widen }) => reportRepository(db, scope, widen),
  /** Service-level reports on a service agreement's catalogue (issue 16 point 2). */
  serviceLevels: ({ db, scope, widen }) => serviceLevelRepository(db, scope, widen),
  signing: ({ db, scope, widen }) => signingRepository(db, scope, widen),
  budget: ({ db, scope, widen }) => budgetRepository(db, scope, widen),
  accountability: ({ db, scope, widen }) => accountabilityRepository(db, scope, widen),
  /** Result-linked payment on the KPIs (issue 15 point 2): periods computed and settled. */
  incentives: ({ db, scope, widen }) => incentiveRepository(db, scope, widen),
  /** The collaboration monitor (issue 14 point 5): trends, signals, agreed actions done. */
  collaboration: ({ db, scope, widen }) => collaborationRepository(db, scope, widen),
  dashboard: ({ db, scope }, set) =>
    dashboardRepository(db, scope, {
      escalations: set.escalations,
      steering: set.steering,
      notifications: set.notifications,
    }),
  /** The volume-incentive simulator on a stored agreement (never writes). */
  simulation: ({ db, scope }, set) => simulationRepository(db, scope, { steering: set.steering }),
  wgr: ({ db, scope }) => wgrRepository(db, scope),
  /** Per-member take-up of a region's service agreement (issue 16 point 3). */
  takeup: ({ db, scope }) => takeupRepository(db, scope, agreementRepository(db, scope)),
  /** Measured usage per member and month, and the settlement per member (issue 16 point 4). */
  usage: ({ db, scope }) => usageRepository(db, scope),
  /** P&C harmonised in content and the paragraaf verbonden partijen (issue 16 point 5). */
  pc: ({ db, scope }) => pcRepository(db, scope),
  /** The regional benchmark the job computed (issue 15 point 4): one partition of the region read. */
  benchmark: ({ db, scope }) => benchmarkRepository(db, scope),
  /** Subsidies under the Awb: regulations with their ceiling, grant and settlement (SPEC §3.2). */
  subsidy: ({ db, scope }) => subsidyRepository(db, scope, agreementRepository(db, scope)),
  /** Dated things of the caller's spaces (deadline engine, SPEC §5.3). */
  deadlines: ({ db, scope }) => ({
    upcoming: (range: { space?: string; from: string; through: string; limit: number; cursor?: string }) => {
      if (range.space) assertReach(scope, range.space);
      return readDeadlines(db, range.space ? [range.space] : scope.reach, range);
    },
  }),
  inbox: ({ db, scope }) => inboxRepository(db, scope),
  /** The people of the caller's own space (issue 13; the space's administrator). */
  users: ({ db, scope }) => userRepository(db, scope),
  ical: ({ db, scope }) => icalRepository(db, scope),
  /** The caller's own tenant: its settings (SPEC §1, tenant admin). */
  tenant: ({ db, scope }) => ({
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
} satisfies Record<string, (binding: Binding, set: Shared) => unknown>;

/** Repositories for one request, bound to the caller's scope; created per request, never shared. */
export type Repositories = {
  readonly [K in keyof typeof factories]: ReturnType<(typeof factories)[K]>;
};

const BINDING = Symbol('binding');

/**
 * The prototype of every request's set: a getter per repository that builds it on its first read and keeps it on
 * that set. Built once per process, on the first request, so a request pays for one small object and the one or two
 * repositories it reads, not for defining some thirty properties (docs/benchmarks.md, floors). Built in a function,
 * not at import: a bundle that never calls `createRepositories` (the jobs) then leaves every repository out.
 */
let repositoriesPrototype: object | undefined;
function prototypeOfRepositories(): object {
  if (repositoriesPrototype) return repositoriesPrototype;
  const prototype: object = {};
  for (const key of Object.keys(factories) as (keyof typeof factories)[]) {
    Object.defineProperty(prototype, key, {
      enumerable: true,
      get(this: Repositories & { [BINDING]: Binding }) {
        const value = factories[key](this[BINDING], this);
        Object.defineProperty(this, key, { value, enumerable: true, writable: false, configurable: false });
        return value;
      },
    });
  }
  repositoriesPrototype = prototype;
  return prototype;
}

/**
 * Repositories for one request, bound to the caller's scope; created per request, never shared. Each is built on
 * first use (a request touches one or two of them).
 */
export function createRepositories(db: Db, scope: Scope, widen: Widen = async () => db): Repositories {
  const set = Object.create(prototypeOfRepositories()) as Repositories & { [BINDING]: Binding };
  set[BINDING] = { db, scope, widen };
  return set;
}
