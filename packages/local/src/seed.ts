import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Role } from '@regie/core';
import {
  createRepositories,
  type Db,
  keys,
  putSpace,
  putUser,
  type Scope,
  type SpaceRecord,
} from '@regie/db';
import { REGION, SEED_AGREEMENTS, type SeedAgreement, wijkracht } from './seed-agreements.ts';
import { seedBenchmark } from './seed-benchmark.ts';
import { seedDeliveries } from './seed-deliveries.ts';
import { seedIctServiceLevels } from './seed-ict-service-levels.ts';
import { seedIncentives } from './seed-incentives.ts';
import { seedNotifications } from './seed-notifications.ts';
import { seedPc } from './seed-pc.ts';
import { seedRelation } from './seed-relation.ts';
import { seedRtvb } from './seed-rtvb.ts';
import { seedServiceLevels } from './seed-service-levels.ts';
import { withServices } from './seed-services.ts';
import { seedSteering } from './seed-steering.ts';
import { seedTakeup } from './seed-takeup.ts';
import { seedUsage } from './seed-usage.ts';

/**
 * The deterministic seed of SPEC §8: the region Noord-Veluwe (Ermelo, Harderwijk, Zeewolde), Utrecht
 * on its own, two providers and a joint body. Identifiers are fictitious but valid in format (KvK 8
 * digits, AGB 41…, IBAN mod-97).
 * The seeded agreements are in seed-agreements.ts.
 */
export { REGION, SEED_AGREEMENTS } from './seed-agreements.ts';

export const SEED_SPACES: SpaceRecord[] = [
  {
    space: 'GM0233',
    kind: 'municipality',
    name: 'Gemeente Ermelo',
    memberOf: [REGION],
    mandateThresholdCents: 10_000_000,
  },
  { space: 'GM0243', kind: 'municipality', name: 'Gemeente Harderwijk', memberOf: [REGION] },
  { space: 'GM0050', kind: 'municipality', name: 'Gemeente Zeewolde', memberOf: [REGION] },
  { space: 'GM0344', kind: 'municipality', name: 'Gemeente Utrecht', memberOf: [] },
  {
    space: REGION,
    kind: 'region',
    name: 'Regio Noord-Veluwe',
    members: ['GM0233', 'GM0243', 'GM0050'],
    memberNames: { GM0233: 'Gemeente Ermelo', GM0243: 'Gemeente Harderwijk', GM0050: 'Gemeente Zeewolde' },
  },
  { space: 'PV81234567', kind: 'provider', name: 'Jeugdhulp Kompas B.V.', kvkNumber: '81234567' },
  { space: 'PV40123456', kind: 'provider', name: 'Stichting Wijkracht Noord-Veluwe', kvkNumber: '40123456' },
];

export interface SeedUser {
  key: string;
  name: string;
  space: string;
  organisationName: string;
  roles: Role[];
}

const user = (key: string, name: string, space: string, role: Role): SeedUser => ({
  key,
  name,
  space,
  organisationName: SEED_SPACES.find((s) => s.space === space)!.name,
  roles: [role],
});

export const SEED_USERS: SeedUser[] = [
  user('ermelo.inkoper', 'Inge Inkoper', 'GM0233', 'inkoper'),
  user('ermelo.contractmanager', 'Karim Contractmanager', 'GM0233', 'contractmanager'),
  user('ermelo.approver', 'Bea Budgethouder', 'GM0233', 'approver'),
  user('ermelo.viewer', 'Vera Controller', 'GM0233', 'viewer'),
  user('ermelo.admin', 'Ahmed Beheerder', 'GM0233', 'admin'),
  user('harderwijk.inkoper', 'Hanna Inkoper', 'GM0243', 'inkoper'),
  user('harderwijk.contractmanager', 'Henk Contractmanager', 'GM0243', 'contractmanager'),
  user('zeewolde.inkoper', 'Zeynep Inkoper', 'GM0050', 'inkoper'),
  user('utrecht.inkoper', 'Udo Inkoper', 'GM0344', 'inkoper'),
  // The region's own coordinator: plans the GR's P&C calendar and records the councils' opinions (SPEC §5.6).
  user('noordveluwe.coordinator', 'Corrie Coördinator', REGION, 'coordinator'),
  user('kompas.signer', 'Kees Ondertekenaar', 'PV81234567', 'provider_signer'),
  user('kompas.reporter', 'Roos Rapporteur', 'PV81234567', 'provider_reporter'),
  // The provider's own administrator: manages Kompas's signers and reporters (issue 13).
  user('kompas.admin', 'Karin Beheerder', 'PV81234567', 'provider_admin'),
  user('wijkracht.signer', 'Wim Ondertekenaar', 'PV40123456', 'provider_signer'),
  user('wijkracht.reporter', 'Rik Rapporteur', 'PV40123456', 'provider_reporter'),
];

const PROVIDERS = [
  {
    id: 'org-kompas',
    kind: 'provider',
    name: 'Jeugdhulp Kompas B.V.',
    kvkNumber: '81234567',
    agbCode: '41001234',
    iban: 'NL20INGB0001234567',
  },
  {
    id: 'org-wijkracht',
    kind: 'provider',
    name: 'Stichting Wijkracht Noord-Veluwe',
    kvkNumber: '40123456',
    agbCode: '41005678',
    iban: 'NL44RABO0123456789',
  },
] as const;
const JOINT_BODY = {
  id: 'org-sdnv',
  kind: 'joint_body',
  name: 'Sociaal Domein Noord-Veluwe (openbaar lichaam)',
  kvkNumber: '62345678',
  iban: 'NL38BNGH0285012345',
} as const;

export function scopeOf(userKey: string): Scope {
  const u = SEED_USERS.find((s) => s.key === userKey)!;
  const space = SEED_SPACES.find((s) => s.space === u.space)!;
  return {
    space: u.space,
    reach: [u.space, ...(space.memberOf ?? [])],
    actor: u.key,
    actorName: u.name,
    organisation: u.space,
    roles: u.roles,
  };
}

/** Ermelo's subsidy regulations, and its subsidies decided under them (Awb titel 4.2, SPEC §3.2). */
export const SEED_REGULATIONS = {
  /** Its ceiling is nearly used by ERM-SUB-2026-01: € 15.000 room left. */
  welzijn2026: 'erm-regl-welzijn-2026',
  welzijn2024: 'erm-regl-welzijn-2024',
} as const;

/**
 * Two more subsidies of the same recipient, made here rather than in SEED_AGREEMENTS so the isolation matrix
 * (which tries every seeded agreement as a foreign target) does not grow with them; erm-sub-2026 and zwd-sub-2026
 * already stand for subsidies there.
 */
const SUBSIDY_HISTORY: SeedAgreement[] = [
  {
    // The same recipient's subsidy of the two years before: with 2026 three consecutive years (Awb 4:51).
    id: 'erm-sub-2024',
    by: 'ermelo.inkoper',
    input: {
      kind: 'subsidy',
      reference: 'ERM-SUB-2024-01',
      title: 'Welzijnswerk en mantelzorgondersteuning 2024–2025',
      domain: 'wmo',
      startDate: '2024-01-01',
      endDate: '2025-12-31',
      valueCeilingCents: 72_000_000,
      parties: [wijkracht('recipient')],
    },
    path: [], // granted and settled by `seedSubsidies`
  },
  {
    // A new application for 2027 asking less than 2026: cutting it needs a phase-out term (Awb 4:51).
    id: 'erm-sub-2027',
    by: 'ermelo.inkoper',
    input: {
      kind: 'subsidy',
      reference: 'ERM-SUB-2027-01',
      title: 'Welzijnswerk en mantelzorgondersteuning 2027',
      domain: 'wmo',
      startDate: '2027-01-01',
      endDate: '2027-12-31',
      valueCeilingCents: 30_000_000,
      parties: [wijkracht('recipient')],
    },
    path: [],
  },
];

async function seedSubsidies(db: Db): Promise<void> {
  for (const a of SUBSIDY_HISTORY) {
    await createRepositories(db, scopeOf(a.by)).agreements.create(a.input, { id: a.id });
  }
  const subsidy = createRepositories(db, scopeOf('ermelo.inkoper')).subsidy;
  await subsidy.createRegulation(
    {
      name: 'Subsidieregeling welzijn en mantelzorg 2024–2025',
      legalBasis: 'Algemene subsidieverordening Ermelo 2022, art. 4; Awb titel 4.2',
      budgetYear: 2024,
      ceilingCents: null,
      settlementWeeks: 13,
    },
    { id: SEED_REGULATIONS.welzijn2024 },
  );
  await subsidy.createRegulation(
    {
      name: 'Subsidieregeling welzijn en mantelzorg 2026',
      legalBasis: 'Algemene subsidieverordening Ermelo 2024, art. 4 en 6; Awb 4:23 en 4:25',
      budgetYear: 2026,
      ceilingCents: 40_000_000,
      ceilingPublishedOn: '2025-06-16',
      decisionWeeks: 8,
      settlementWeeks: 13,
      exOfficioUpToCents: 500_000,
    },
    { id: SEED_REGULATIONS.welzijn2026 },
  );
  let old = await subsidy.apply({
    agreementId: 'erm-sub-2024',
    expectedVersion: 1,
    regulationId: SEED_REGULATIONS.welzijn2024,
    applicationDate: '2023-09-18',
    requestedCents: 72_000_000,
  });
  old = await subsidy.grant({
    agreementId: 'erm-sub-2024',
    expectedVersion: old.version,
    amountCents: 72_000_000,
  });
  const requested = await createRepositories(db, scopeOf('ermelo.contractmanager')).agreements.transition(
    'erm-sub-2024',
    old.version,
    'settlement_requested',
  );
  await subsidy.settle({
    agreementId: 'erm-sub-2024',
    expectedVersion: requested.version,
    amountCents: 72_000_000,
    exOfficio: false,
  });
  const applied = await subsidy.apply({
    agreementId: 'erm-sub-2026',
    expectedVersion: 1,
    regulationId: SEED_REGULATIONS.welzijn2026,
    applicationDate: '2025-09-22',
    requestedCents: 38_500_000,
    bookYear: 2026,
  });
  await subsidy.grant({
    agreementId: 'erm-sub-2026',
    expectedVersion: applied.version,
    amountCents: 38_500_000,
  });
}

/**
 * What the seed is: a hash of this file and its seed-*.ts parts, so local data loaded by an older seed can be
 * recognised.
 */
const seedDir = dirname(fileURLToPath(import.meta.url));
export const SEED_VERSION = readdirSync(seedDir)
  .filter((f) => /^seed(-[a-z-]+)?\.ts$/.test(f))
  .sort()
  .reduce((hash, f) => hash.update(readFileSync(join(seedDir, f))), createHash('sha256'))
  .digest('hex')
  .slice(0, 16);

/** True when the local table holds a seed loaded by another version of this file (`npm run reset` reloads it). */
export async function seedIsStale(db: Db): Promise<boolean> {
  const item = (
    await db.doc.send(new GetCommand({ TableName: db.tableName, Key: keys.seedMarker('GM0233') }))
  ).Item;
  return !!item && item.version !== SEED_VERSION;
}

/** Loads the seed once; returns false when the database already holds it. */
export async function seed(db: Db): Promise<boolean> {
  const marker = { TableName: db.tableName, Key: keys.seedMarker('GM0233') };
  if ((await db.doc.send(new GetCommand(marker))).Item) return false;
  // The marker is written last: a seed cut off halfway is loaded again (`npm run reset` clears it).
  for (const space of SEED_SPACES) await putSpace(db, space);
  for (const u of SEED_USERS) await putUser(db, { key: u.key, name: u.name, space: u.space, roles: u.roles });

  for (const space of ['GM0233', 'GM0243', 'GM0050', REGION]) {
    const registrar = createRepositories(db, { ...scopeOf('ermelo.inkoper'), space, reach: [space] });
    for (const provider of PROVIDERS) await registrar.organisations.create(provider, provider.id);
    if (space === REGION) await registrar.organisations.create(JOINT_BODY, JOINT_BODY.id);
  }

  // A region's agreements are written by users acting in the region (SPEC §2 rule 7), as its registrar above.
  const actor = (a: SeedAgreement, key: string): Scope =>
    a.input.space ? { ...scopeOf(key), space: a.input.space, reach: [a.input.space] } : scopeOf(key);
  for (const a of SEED_AGREEMENTS.map(withServices)) {
    let current = await createRepositories(db, actor(a, a.by)).agreements.create(a.input, { id: a.id });
    for (const [to, key] of a.path) {
      current = await createRepositories(db, actor(a, key)).agreements.transition(a.id, current.version, to);
    }
  }
  await seedSubsidies(db);
  // Steering, escalation and dialogue on the seeded agreements (seed-steering.ts).
  await seedSteering(db);
  await seedRelation(db);
  await seedRtvb(db);
  await seedNotifications(db);
  await seedIncentives(db);
  await seedDeliveries(db);
  await seedServiceLevels(db);
  await seedBenchmark(db);
  await seedTakeup(db);
  await seedIctServiceLevels(db);
  await seedUsage(db);
  await seedPc(db);
  await db.doc.send(
    new PutCommand({
      TableName: db.tableName,
      Item: { ...marker.Key, type: 'seed', at: new Date().toISOString(), version: SEED_VERSION },
    }),
  );
  return true;
}
