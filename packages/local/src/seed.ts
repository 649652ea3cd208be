import type { AgreementCreateInput, AgreementStatus, Role } from '@regie/core';
import {
  createRepositories,
  type Db,
  putSpace,
  putUser,
  readSpace,
  type Scope,
  type SpaceRecord,
} from '@regie/db';

/**
 * The deterministic seed of SPEC §8: the region Noord-Veluwe (Ermelo, Harderwijk, Zeewolde), Utrecht
 * on its own, two providers and a joint body. Identifiers are fictitious but valid in format (KvK 8
 * digits, AGB 41…, IBAN mod-97).
 */
export const REGION = 'RGNOORDVELUWE';

export const SEED_SPACES: SpaceRecord[] = [
  { space: 'GM0233', kind: 'municipality', name: 'Gemeente Ermelo', memberOf: [REGION] },
  { space: 'GM0243', kind: 'municipality', name: 'Gemeente Harderwijk', memberOf: [REGION] },
  { space: 'GM0050', kind: 'municipality', name: 'Gemeente Zeewolde', memberOf: [REGION] },
  { space: 'GM0344', kind: 'municipality', name: 'Gemeente Utrecht', memberOf: [] },
  { space: REGION, kind: 'region', name: 'Regio Noord-Veluwe', members: ['GM0233', 'GM0243', 'GM0050'] },
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
  user('kompas.signer', 'Kees Ondertekenaar', 'PV81234567', 'provider_signer'),
  user('kompas.reporter', 'Roos Rapporteur', 'PV81234567', 'provider_reporter'),
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
  space: string;
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

export const SEED_AGREEMENTS: SeedAgreement[] = [
  {
    id: 'erm-jh-2025',
    space: 'GM0233',
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
    },
    path: toActive,
  },
  {
    id: 'erm-wmo-2026',
    space: 'GM0233',
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
    },
    path: [],
  },
  {
    id: 'erm-hh-2026',
    space: 'GM0233',
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
    },
    path: [['in_approval', 'ermelo.inkoper']],
  },
  {
    id: 'erm-sub-2026',
    space: 'GM0233',
    by: 'ermelo.inkoper',
    input: {
      kind: 'subsidy',
      reference: 'ERM-SUB-2026-01',
      title: 'Welzijnswerk en mantelzorgondersteuning 2026',
      domain: 'wmo',
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      valueCeilingCents: 38_500_000,
    },
    path: [['granted', 'ermelo.inkoper']],
  },
  {
    id: 'erm-dvo-2026',
    space: 'GM0233',
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
    },
    path: toSignature,
  },
  {
    id: 'rnv-gr-01',
    space: REGION,
    by: 'ermelo.inkoper',
    input: {
      kind: 'joint_arrangement',
      reference: 'RNV-GR-01',
      title: 'GR Sociaal Domein Noord-Veluwe',
      description: 'Openbaar lichaam voor uitvoering Jeugdwet, Wmo en Participatiewet.',
      domain: 'other',
      startDate: '2015-01-01',
      endDate: '2099-12-31',
    },
    path: [['active', 'ermelo.inkoper']],
  },
  {
    id: 'rnv-ict-01',
    space: REGION,
    by: 'ermelo.inkoper',
    input: {
      kind: 'service_agreement',
      reference: 'RNV-ICT-01',
      title: 'Regionale ICT-dienstverlening sociaal domein',
      domain: 'ict',
      startDate: '2024-01-01',
      endDate: '2027-12-31',
      noticePeriodMonths: 12,
      valueCeilingCents: 72_000_000,
    },
    path: toActive,
  },
  {
    id: 'hdw-jh-2026',
    space: 'GM0243',
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
    },
    path: [],
  },
  {
    id: 'zwd-sub-2026',
    space: 'GM0050',
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
    space: 'GM0344',
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
];

function scopeOf(userKey: string): Scope {
  const u = SEED_USERS.find((s) => s.key === userKey)!;
  const space = SEED_SPACES.find((s) => s.space === u.space)!;
  return {
    space: u.space,
    reach: [u.space, ...(space.memberOf ?? [])],
    actor: u.key,
    organisation: u.space,
    roles: u.roles,
  };
}

/** Loads the seed once; returns false when the database already holds it. */
export async function seed(db: Db): Promise<boolean> {
  if (await readSpace(db, 'GM0233')) return false;
  // The GM0233 record marks a complete seed, so it is written last; a seed cut off halfway runs again
  // after `npm run reset`.
  const marker = SEED_SPACES.find((s) => s.space === 'GM0233')!;
  for (const space of SEED_SPACES) if (space !== marker) await putSpace(db, space);
  for (const u of SEED_USERS) await putUser(db, { key: u.key, name: u.name, space: u.space, roles: u.roles });

  for (const space of ['GM0233', 'GM0243', REGION]) {
    const registrar = createRepositories(db, { ...scopeOf('ermelo.inkoper'), space, reach: [space] });
    for (const provider of PROVIDERS) await registrar.organisations.create(provider, provider.id);
    if (space === REGION) await registrar.organisations.create(JOINT_BODY, JOINT_BODY.id);
  }

  for (const a of SEED_AGREEMENTS) {
    let current = await createRepositories(db, scopeOf(a.by)).agreements.create(a.input, {
      space: a.space,
      id: a.id,
    });
    for (const [to, actor] of a.path) {
      current = await createRepositories(db, scopeOf(actor)).agreements.transition(a.id, current.version, to);
    }
  }
  await putSpace(db, marker);
  return true;
}
