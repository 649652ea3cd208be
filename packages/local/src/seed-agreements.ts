import type { AgreementCreateInput, AgreementStatus } from '@regie/core';

/**
 * The seeded agreements of SPEC §8 (seed.ts loads them in this order, each by its drafter and then along its path),
 * and the helpers the seed's other parts build theirs with.
 */

/** The region Noord-Veluwe's space (its members Ermelo, Harderwijk, Zeewolde). */
export const REGION = 'RGNOORDVELUWE';

export interface SeedAgreement {
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
const kompas = (role: 'contractor' | 'recipient' = 'contractor') => ({
  organisationId: 'org-kompas',
  role,
});
export const wijkracht = (role: 'contractor' | 'recipient' = 'contractor') => ({
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

/**
 * A contract with its terms only (no product lines, duties or KPIs), drafted by `by` and moved along `path`.
 * The terms keep the order they are given in, so the seeded objects are the same as when written out.
 */
const termsOnly = (
  id: string,
  by: string,
  terms: Omit<AgreementCreateInput, 'kind'>,
  path: [AgreementStatus, string][] = [],
): SeedAgreement => ({ id, by, input: { kind: 'contract', ...terms }, path });

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
  termsOnly(
    'erm-hh-2026',
    'ermelo.inkoper',
    {
      reference: 'ERM-2026-HH03',
      title: 'Huishoudelijke ondersteuning',
      domain: 'wmo',
      startDate: '2026-01-01',
      endDate: '2029-12-31',
      noticePeriodMonths: 6,
      valueCeilingCents: 210_000_000,
      parties: [wijkracht()],
    },
    [['in_approval', 'ermelo.inkoper']],
  ),
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
  termsOnly('hdw-jh-2026', 'harderwijk.inkoper', {
    reference: 'HDW-2026-JH01',
    title: 'Jeugdhulp met verblijf',
    domain: 'youth',
    startDate: '2026-01-01',
    endDate: '2028-12-31',
    noticePeriodMonths: 6,
    valueCeilingCents: 310_000_000,
    parties: [kompas()],
  }),
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
  termsOnly('utr-bw-2025', 'utrecht.inkoper', {
    reference: 'UTR-2025-BW01',
    title: 'Beschermd wonen en opvang',
    domain: 'wmo',
    startDate: '2025-01-01',
    endDate: '2028-12-31',
    noticePeriodMonths: 6,
    valueCeilingCents: 980_000_000,
  }),
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
