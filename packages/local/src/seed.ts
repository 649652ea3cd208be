import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { AgreementCreateInput, AgreementStatus, Role } from '@regie/core';
import {
  createRepositories,
  type Db,
  keys,
  putSpace,
  putUser,
  type Scope,
  type SpaceRecord,
} from '@regie/db';
import { seedBenchmark } from './seed-benchmark.ts';
import { seedDeliveries } from './seed-deliveries.ts';
import { seedIncentives } from './seed-incentives.ts';
import { seedNotifications } from './seed-notifications.ts';
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
 */
export const REGION = 'RGNOORDVELUWE';

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

interface SeedAgreement {
  id: string;
  /** Who drafts it, and the steps (with who takes each) to the state it is seeded in. */
  by: string;
  input: AgreementCreateInput;
  path: [AgreementStatus, string][];
}

const toSignature: [AgreementStatus, string][] = [
  ['in_approval', 'ermelo.inkoper'],
  ['approved', 'ermelo.approver'],
  ['out_for_signature', 'ermelo.inkoper'],
];
const toActive: [AgreementStatus, string][] = [...toSignature, ['active', 'ermelo.inkoper']];
const kompas = (role: 'contractor' | 'recipient' = 'contractor') => ({ organisationId: 'org-kompas', role });
const wijkracht = (role: 'contractor' | 'recipient' = 'contractor') => ({
  organisationId: 'org-wijkracht',
  role,
});

/** Inhabitants on 1 January 2026 (rounded; CBS StatLine 03759ned) as the region's per-inhabitant key. */
const REGION_KEY = {
  method: 'per_inhabitant' as const,
  referenceDate: '2026-01-01',
  source: 'CBS StatLine 03759ned, bevolking op 1 januari',
  weights: [
    { space: 'GM0233', weight: 27_000 },
    { space: 'GM0243', weight: 49_000 },
    { space: 'GM0050', weight: 23_000 },
  ],
};

export const SEED_AGREEMENTS: SeedAgreement[] = [
  {
    id: 'erm-jh-2025',
    by: 'ermelo.inkoper',
    input: {
      kind: 'contract',
      reference: 'ERM-2025-JH01',
      title: 'Jeugdhulp ambulant 2025–2027',
      description: 'Raamovereenkomst ambulante jeugdhulp (categorie 45), outputgericht.',
      domain: 'youth',
      startDate: '2025-01-01',
      endDate: '2027-12-31',
      noticePeriodMonths: 6,
      valueCeilingCents: 125_000_000,
      renewal: { options: 2, monthsEach: 12 },
      parties: [kompas()],
      duties: [
        {
          id: 'jh-kwartaal',
          kind: 'periodic',
          title: 'Kwartaalrapportage productie en wachttijden',
          frequency: 'quarterly',
          dueDays: 30,
        },
        {
          id: 'jh-calamiteit',
          kind: 'event',
          title: 'Melding calamiteit',
          event: 'calamity',
          responseDays: 1,
        },
        {
          id: 'jh-plafond',
          kind: 'event',
          title: '80% van het plafond bereikt',
          event: 'ceiling_80',
          responseDays: 5,
        },
      ],
      kpis: [
        {
          id: 'kpi-wachttijd',
          name: 'Gemiddelde wachttijd tot start hulp',
          unit: 'weken',
          target: 6,
          direction: 'lower',
          frequency: 'quarterly',
        },
        {
          id: 'kpi-tevredenheid',
          name: 'Cliënttevredenheid',
          unit: 'cijfer',
          target: 7.5,
          direction: 'higher',
          frequency: 'half_yearly',
        },
      ],
      productLines: [
        {
          id: 'jh-45a12',
          category: '45',
          productCode: '45A12',
          description: 'Jeugdhulp ambulant licht',
          variant: 'output',
          unit: 'piece',
          frequency: 'per_month',
          tariffCents: 98_500,
          volumeCeiling: 600,
          moneyCeilingCents: 59_100_000,
        },
        {
          id: 'jh-45a13',
          category: '45',
          productCode: '45A13',
          description: 'Jeugdhulp ambulant intensief',
          variant: 'effort',
          unit: 'hour',
          frequency: 'per_week',
          tariffCents: 9_850,
          volumeCeiling: 6_000,
          moneyCeilingCents: 59_100_000,
        },
      ],
      publication: { publish: true, wooCategory: 'overeenkomst' },
    },
    path: toActive,
  },
  {
    id: 'erm-jh-2026-noord',
    by: 'ermelo.inkoper',
    input: {
      kind: 'contract',
      reference: 'ERM-2026-JH01-D1',
      title: 'Deelovereenkomst jeugdhulp ambulant Ermelo-Noord',
      domain: 'youth',
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      valueCeilingCents: 18_000_000,
      parentId: 'erm-jh-2025',
      parties: [kompas()],
      productLines: [
        {
          id: 'jh-45a48',
          category: '45',
          productCode: '45A48',
          description: 'Wijkgerichte jeugdhulp',
          variant: 'task',
          lumpSumCents: 18_000_000,
          population: 'Jeugdigen 0–18 in Ermelo-Noord',
        },
      ],
    },
    path: [],
  },
  {
    id: 'erm-wmo-2026',
    by: 'ermelo.inkoper',
    input: {
      kind: 'contract',
      reference: 'ERM-2026-WMO02',
      title: 'Wmo begeleiding individueel',
      domain: 'wmo',
      startDate: '2026-07-01',
      endDate: '2028-06-30',
      noticePeriodMonths: 3,
      valueCeilingCents: 48_000_000,
      renewal: { options: 1, monthsEach: 24 },
      parties: [wijkracht()],
      productLines: [
        {
          id: 'wmo-02a01',
          category: '02',
          productCode: '02A01',
          description: 'Begeleiding individueel basis',
          variant: 'effort',
          unit: 'hour',
          frequency: 'per_week',
          tariffCents: 6_420,
          volumeCeiling: 7_000,
        },
      ],
      publication: { publish: true },
    },
    path: [],
  },
  {
    id: 'erm-hh-2026',
    by: 'ermelo.inkoper',
    input: {
      kind: 'contract',
      reference: 'ERM-2026-HH03',
      title: 'Huishoudelijke ondersteuning',
      domain: 'wmo',
      startDate: '2026-01-01',
      endDate: '2029-12-31',
      noticePeriodMonths: 6,
      valueCeilingCents: 210_000_000,
      parties: [wijkracht()],
    },
    path: [['in_approval', 'ermelo.inkoper']],
  },
  {
    id: 'erm-sub-2026',
    by: 'ermelo.inkoper',
    input: {
      kind: 'subsidy',
      reference: 'ERM-SUB-2026-01',
      title: 'Welzijnswerk en mantelzorgondersteuning 2026',
      domain: 'wmo',
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      valueCeilingCents: 38_500_000,
      parties: [wijkracht('recipient')],
      duties: [
        {
          id: 'sub-voortgang',
          kind: 'periodic',
          title: 'Voortgangsverslag',
          frequency: 'half_yearly',
          dueDays: 42,
        },
      ],
      publication: { publish: true, wooCategory: 'subsidieverplichting' },
    },
    path: [], // granted under its regulation's ceiling by `seedSubsidies` (subsidy.grant)
  },
  {
    id: 'erm-dvo-2026',
    by: 'ermelo.inkoper',
    input: {
      kind: 'service_agreement',
      reference: 'ERM-DVO-2026-01',
      title: 'DVO schuldhulpverlening',
      domain: 'participation',
      startDate: '2026-03-01',
      endDate: '2027-02-28',
      noticePeriodMonths: 2,
      valueCeilingCents: 9_600_000,
      parties: [wijkracht()],
      publication: { publish: true, wooCategory: 'overeenkomst', suppliedInConfidence: true },
    },
    path: toSignature,
  },
  {
    id: 'rnv-gr-01',
    by: 'ermelo.inkoper',
    input: {
      kind: 'joint_arrangement',
      space: REGION,
      reference: 'RNV-GR-01',
      title: 'GR Sociaal Domein Noord-Veluwe',
      description: 'Openbaar lichaam voor uitvoering Jeugdwet, Wmo en Participatiewet.',
      domain: 'other',
      startDate: '2015-01-01',
      endDate: '2099-12-31',
      valueCeilingCents: 1_450_000_000,
      parties: [{ organisationId: 'org-sdnv', role: 'joint_body' }],
      allocationKey: REGION_KEY,
    },
    path: [['active', 'ermelo.inkoper']],
  },
  {
    id: 'rnv-ict-01',
    by: 'ermelo.inkoper',
    input: {
      kind: 'service_agreement',
      space: REGION,
      reference: 'RNV-ICT-01',
      title: 'Regionale ICT-dienstverlening sociaal domein',
      domain: 'ict',
      startDate: '2024-01-01',
      endDate: '2027-12-31',
      noticePeriodMonths: 12,
      valueCeilingCents: 72_000_000,
      renewal: { options: 1, monthsEach: 24 },
      parties: [{ organisationId: 'org-sdnv', role: 'contractor' }],
      allocationKey: { method: 'base_plus_variable', baseBasisPoints: 3000, weights: REGION_KEY.weights },
    },
    path: toActive,
  },
  {
    id: 'hdw-jh-2026',
    by: 'harderwijk.inkoper',
    input: {
      kind: 'contract',
      reference: 'HDW-2026-JH01',
      title: 'Jeugdhulp met verblijf',
      domain: 'youth',
      startDate: '2026-01-01',
      endDate: '2028-12-31',
      noticePeriodMonths: 6,
      valueCeilingCents: 310_000_000,
      parties: [kompas()],
    },
    path: [],
  },
  {
    id: 'zwd-sub-2026',
    by: 'zeewolde.inkoper',
    input: {
      kind: 'subsidy',
      reference: 'ZWD-SUB-2026-01',
      title: 'Peuteropvang en voorschoolse educatie 2026',
      domain: 'participation',
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      valueCeilingCents: 21_000_000,
    },
    path: [],
  },
  {
    id: 'utr-bw-2025',
    by: 'utrecht.inkoper',
    input: {
      kind: 'contract',
      reference: 'UTR-2025-BW01',
      title: 'Beschermd wonen en opvang',
      domain: 'wmo',
      startDate: '2025-01-01',
      endDate: '2028-12-31',
      noticePeriodMonths: 6,
      valueCeilingCents: 980_000_000,
    },
    path: [],
  },
  {
    // Two care providers on one contract (a combination, common in youth care): each party its own (SPEC §2.6).
    id: 'erm-jh-2026-samen',
    by: 'ermelo.inkoper',
    input: {
      kind: 'contract',
      reference: 'ERM-2026-JH02',
      title: 'Jeugdhulp gezinsbehandeling (combinatie)',
      description: 'Gezamenlijke overeenkomst met Kompas en Wijkracht; elke aanbieder rapporteert zelf.',
      domain: 'youth',
      startDate: '2026-01-01',
      endDate: '2027-12-31',
      noticePeriodMonths: 3,
      valueCeilingCents: 64_000_000,
      parties: [kompas(), wijkracht()],
      duties: [
        {
          id: 'gb-kwartaal',
          kind: 'periodic',
          title: 'Kwartaalrapportage gezinsbehandeling',
          frequency: 'quarterly',
          dueDays: 30,
        },
      ],
      kpis: [
        {
          id: 'kpi-gb-doel',
          name: 'Behandeldoelen behaald',
          unit: '%',
          target: 75,
          direction: 'higher',
          frequency: 'quarterly',
        },
      ],
      productLines: [
        {
          id: 'gb-45a53',
          category: '45',
          productCode: '45A53',
          description: 'Gezinsbehandeling',
          variant: 'output',
          unit: 'piece',
          frequency: 'per_month',
          tariffCents: 245_000,
          volumeCeiling: 260,
          moneyCeilingCents: 63_700_000,
        },
      ],
    },
    path: toActive,
  },
];

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
  await seedUsage(db);
  await db.doc.send(
    new PutCommand({
      TableName: db.tableName,
      Item: { ...marker.Key, type: 'seed', at: new Date().toISOString(), version: SEED_VERSION },
    }),
  );
  return true;
}
