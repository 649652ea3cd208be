import { describe, expect, it } from 'vitest';
import type { AllocationKey } from './allocation.ts';
import type { DomainError } from './errors.ts';
import {
  agreedByAll,
  type Indicator,
  indicatorSchema,
  indicatorsChanged,
  memberAgreementState,
  type PcSetRecord,
  pcAccess,
  pcMemberVisible,
  pcSetIndicatorsSchema,
} from './pc-indicators.ts';
import {
  groupParagraph,
  memberInterest,
  PARAGRAPH_COLUMNS,
  paragraphCells,
  paragraphRow,
  shareOf,
} from './pc-paragraph.ts';
import {
  checkValues,
  indicatorOutcome,
  indicatorRows,
  type PcFinancials,
  pcRecordValuesSchema,
  pcSetFinancialsSchema,
  pcView,
} from './pc-values.ts';

const reasonOf = (f: () => void) => {
  try {
    f();
  } catch (e) {
    return (e as DomainError).reason;
  }
  return null;
};
const issueReason = (r: { success: boolean; error?: { issues: readonly unknown[] } }) =>
  r.error?.issues.map((i) => (i as { params?: { reason?: string } }).params?.reason ?? null);

const INDICATORS: Indicator[] = [
  { id: 'ind-fte', name: 'Formatie', type: 'input', unit: 'fte', direction: 'lower_is_better' },
  { id: 'ind-clients', name: 'Cliënten', type: 'output', unit: 'cliënten', direction: 'higher_is_better' },
  {
    id: 'ind-uitstroom',
    name: 'Uitstroom naar werk',
    type: 'outcome',
    unit: '%',
    direction: 'higher_is_better',
    baseline: { value: 18, year: 2024 },
  },
];
const MEMBERS = ['GM0233', 'GM0243', 'GM0050'];
const KEY: AllocationKey = {
  method: 'per_inhabitant',
  weights: [
    { space: 'GM0233', weight: 27_000 },
    { space: 'GM0243', weight: 49_000 },
    { space: 'GM0050', weight: 23_000 },
  ],
} as AllocationKey;

const record = (agreements: PcSetRecord['agreements'], setVersion = 2): PcSetRecord => ({
  agreementId: 'gr',
  version: 5,
  setVersion,
  indicators: INDICATORS,
  agreements,
  createdAt: '2026-01-01T00:00:00Z',
  createdBy: 'x',
  updatedAt: '2026-01-01T00:00:00Z',
  updatedBy: 'x',
});
const agreed = (setVersion: number) => ({ setVersion, at: '2026-01-02T00:00:00Z', by: 'u' });

describe('indicator schemas', () => {
  it('needs a baseline for an outcome indicator, not for input or output', () => {
    const { baseline: _, ...outcomeWithout } = INDICATORS[2]!;
    expect(issueReason(indicatorSchema.safeParse(outcomeWithout))).toEqual(['pc.baselineRequired']);
    expect(indicatorSchema.safeParse(INDICATORS[0]).success).toBe(true);
  });

  it('refuses an indicator id twice, an empty set, an unknown type and an infinite value', () => {
    const twice = pcSetIndicatorsSchema.safeParse({
      agreementId: 'gr',
      expectedVersion: 0,
      indicators: [INDICATORS[0], INDICATORS[0]],
    });
    expect(issueReason(twice)).toEqual(['pc.indicatorDuplicate']);
    expect(
      pcSetIndicatorsSchema.safeParse({ agreementId: 'gr', expectedVersion: 0, indicators: [] }).success,
    ).toBe(false);
    expect(indicatorSchema.safeParse({ ...INDICATORS[0], type: 'impact' }).success).toBe(false);
    expect(
      pcRecordValuesSchema.safeParse({
        agreementId: 'gr',
        year: 2026,
        step: 'draftBudget',
        expectedVersion: 0,
        values: [{ indicatorId: 'ind-fte', value: Number.POSITIVE_INFINITY }],
      }).success,
    ).toBe(false);
  });

  it('refuses a member twice among the entered interests, and extra keys', () => {
    const financials = {
      equityStartCents: 1,
      equityEndCents: 1,
      debtStartCents: 1,
      debtEndCents: 1,
      resultCents: -5,
      uncoveredRisks: 'x',
      provisional: false,
      interests: [
        { member: 'GM0233', startCents: 1, endCents: 2 },
        { member: 'GM0233', startCents: 1, endCents: 2 },
      ],
    };
    const input = { agreementId: 'gr', year: 2025, expectedVersion: 0, financials };
    expect(issueReason(pcSetFinancialsSchema.safeParse(input))).toEqual(['pc.memberDuplicate']);
    expect(
      pcSetFinancialsSchema.safeParse({ ...input, financials: { ...financials, interests: [], extra: 1 } })
        .success,
    ).toBe(false);
  });
});

describe('agreement per set version', () => {
  it('sees a change of content, not an unchanged set', () => {
    expect(indicatorsChanged(INDICATORS, structuredClone(INDICATORS))).toBe(false);
    expect(indicatorsChanged(INDICATORS, [...INDICATORS].reverse())).toBe(true);
    expect(
      indicatorsChanged(INDICATORS, [INDICATORS[0]!, INDICATORS[1]!, { ...INDICATORS[2]!, unit: 'procent' }]),
    ).toBe(true);
  });

  it('counts an agreement only for the version it was given to', () => {
    expect(memberAgreementState(agreed(2), 2)).toBe('agreed');
    expect(memberAgreementState(agreed(1), 2)).toBe('pending');
    expect(memberAgreementState(undefined, 2)).toBe('pending');
    expect(memberAgreementState(agreed(0), 0)).toBe('pending');
  });

  it('is agreed by all only when every member agreed to the current version', () => {
    const all = { GM0233: agreed(2), GM0243: agreed(2), GM0050: agreed(2) };
    expect(agreedByAll(record(all), MEMBERS)).toBe(true);
    expect(agreedByAll(record({ ...all, GM0050: agreed(1) }), MEMBERS)).toBe(false);
    expect(agreedByAll(null, MEMBERS)).toBe(false);
    expect(agreedByAll(record(all), [])).toBe(false);
  });
});

describe('access', () => {
  it('lets the region edit and agree for all, a member agree for itself, others nothing', () => {
    expect(pcAccess({ space: 'RG1', roles: ['coordinator'] }, 'RG1', MEMBERS)).toEqual({
      canEdit: true,
      canAgreeFor: MEMBERS,
    });
    expect(pcAccess({ space: 'GM0243', roles: ['inkoper'] }, 'RG1', MEMBERS)).toEqual({
      canEdit: false,
      canAgreeFor: ['GM0243'],
    });
    expect(pcAccess({ space: 'GM0233', roles: ['viewer'] }, 'RG1', MEMBERS)).toEqual({
      canEdit: false,
      canAgreeFor: [],
    });
    expect(pcAccess({ space: 'GM0344', roles: ['inkoper'] }, 'RG1', MEMBERS)).toEqual({
      canEdit: false,
      canAgreeFor: [],
    });
  });

  it("shows another member's rows only when the arrangement shares them", () => {
    expect(pcMemberVisible({ space: 'GM0243' }, 'RG1', 'GM0233', undefined)).toBe(false);
    expect(pcMemberVisible({ space: 'GM0243' }, 'RG1', 'GM0233', { shareMemberRows: false })).toBe(false);
    expect(pcMemberVisible({ space: 'GM0243' }, 'RG1', 'GM0233', { shareMemberRows: true })).toBe(true);
    expect(pcMemberVisible({ space: 'GM0233' }, 'RG1', 'GM0233', undefined)).toBe(true);
    expect(pcMemberVisible({ space: 'RG1' }, 'RG1', 'GM0233', undefined)).toBe(true);
  });
});

describe('checkValues', () => {
  const all = { GM0233: agreed(2), GM0243: agreed(2), GM0050: agreed(2) };
  it('refuses values without a set and for an indicator outside it', () => {
    expect(reasonOf(() => checkValues(null, MEMBERS, 'annualAccounts', [{ indicatorId: 'ind-fte' }]))).toBe(
      'pc.noIndicators',
    );
    expect(
      reasonOf(() => checkValues(record(all), MEMBERS, 'annualAccounts', [{ indicatorId: 'ind-x' }])),
    ).toBe('pc.unknownIndicator');
  });

  it('records targets only against a set every member agreed to; realised values regardless', () => {
    const partly = record({ GM0233: agreed(2) });
    expect(reasonOf(() => checkValues(partly, MEMBERS, 'draftBudget', [{ indicatorId: 'ind-fte' }]))).toBe(
      'pc.setNotAgreed',
    );
    expect(reasonOf(() => checkValues(partly, MEMBERS, 'annualAccounts', [{ indicatorId: 'ind-fte' }]))).toBe(
      null,
    );
    expect(
      reasonOf(() => checkValues(record(all), MEMBERS, 'draftBudget', [{ indicatorId: 'ind-fte' }])),
    ).toBe(null);
  });
});

describe('indicator outcome', () => {
  it('follows the direction and needs both values', () => {
    expect(indicatorOutcome('higher_is_better', 20, 20)).toBe('met');
    expect(indicatorOutcome('higher_is_better', 20, 19.9)).toBe('not_met');
    expect(indicatorOutcome('lower_is_better', 10, 9)).toBe('met');
    expect(indicatorOutcome('lower_is_better', 10, 11)).toBe('not_met');
    expect(indicatorOutcome('lower_is_better', undefined, 11)).toBe(null);
    expect(indicatorOutcome('lower_is_better', 10, undefined)).toBe(null);
  });

  it('gives every indicator its target, realised value and baseline', () => {
    const rows = indicatorRows(INDICATORS, {
      targets: { 'ind-uitstroom': 22 },
      realised: { 'ind-uitstroom': 21 },
    });
    expect(rows.map((r) => [r.id, r.target, r.realised, r.outcome, r.baseline?.value ?? null])).toEqual([
      ['ind-fte', null, null, null, null],
      ['ind-clients', null, null, null, null],
      ['ind-uitstroom', 22, 21, 'not_met', 18],
    ]);
  });
});

const FIN: PcFinancials = {
  equityStartCents: 990_000_00,
  equityEndCents: -99_00,
  debtStartCents: 5_000_000_00,
  debtEndCents: 4_800_000_00,
  resultCents: -12_345_67,
  uncoveredRisks: 'Open-einderegelingen jeugdhulp',
  provisional: false,
  interests: [{ member: 'GM0243', startCents: 1, endCents: 2 }],
};

describe('the municipality’s interest', () => {
  it('splits equity by the allocation key to the cent, a negative amount as its size', () => {
    // 990,000.00 × 27/99 = 270,000.00; -99.00 × 27/99 = -27.00.
    expect(shareOf(FIN.equityStartCents, KEY, 'GM0233')).toBe(270_000_00);
    expect(shareOf(FIN.equityEndCents, KEY, 'GM0233')).toBe(-27_00);
    expect(shareOf(100, KEY, 'GM0344')).toBe(null);
    expect(shareOf(100, null, 'GM0233')).toBe(null);
  });

  it('takes an entered interest first, else the equity share, else none', () => {
    expect(memberInterest(FIN, KEY, 'GM0243')).toEqual({ startCents: 1, endCents: 2, source: 'entered' });
    expect(memberInterest(FIN, KEY, 'GM0233')).toEqual({
      startCents: 270_000_00,
      endCents: -27_00,
      source: 'equity_share',
    });
    expect(memberInterest(undefined, KEY, 'GM0233').source).toBe('none');
    expect(memberInterest(FIN, null, 'GM0233').source).toBe('none');
  });
});

describe('paragraaf verbonden partijen', () => {
  const agreement = { id: 'gr', reference: 'RNV-GR-01', title: 'GR', allocationKey: KEY };
  const profile = {
    legalForm: 'gemeenschappelijke_regeling' as const,
    publicInterest: 'Uitvoering sociaal domein',
    governanceInterest: 'Wethouder in het AB',
    shareMemberRows: false,
  };

  it('lists what is missing, and nothing for a complete row', () => {
    const bare = paragraphRow({
      agreement,
      partyName: null,
      member: 'GM0233',
      profile: undefined,
      financials: undefined,
      contributionCents: null,
    });
    expect(bare.missing).toEqual([
      'legalForm',
      'publicInterest',
      'governanceInterest',
      'interest',
      'financials',
    ]);
    expect(bare.partyName).toBe('GR');
    const full = paragraphRow({
      agreement,
      partyName: 'Sociaal Domein',
      member: 'GM0233',
      profile,
      financials: FIN,
      contributionCents: 5,
    });
    expect(full.missing).toEqual([]);
    expect(full.interestStartCents).toBe(270_000_00);
  });

  it('groups by legal form in the BBV order and writes euros per column', () => {
    const row = (
      reference: string,
      legalForm: 'overig' | 'gemeenschappelijke_regeling' | 'stichting_vereniging',
    ) =>
      paragraphRow({
        agreement: { ...agreement, reference },
        partyName: reference,
        member: 'GM0233',
        profile: { ...profile, legalForm },
        financials: FIN,
        contributionCents: 123_456,
      });
    const groups = groupParagraph([
      row('B', 'overig'),
      row('Z', 'gemeenschappelijke_regeling'),
      row('A', 'gemeenschappelijke_regeling'),
      row('S', 'stichting_vereniging'),
    ]);
    expect(groups.map((g) => [g.legalForm, g.rows.map((r) => r.reference)])).toEqual([
      ['gemeenschappelijke_regeling', ['A', 'Z']],
      ['stichting_vereniging', ['S']],
      ['overig', ['B']],
    ]);
    const cells = paragraphCells({ groups });
    expect(cells).toHaveLength(4);
    expect(cells[0]).toHaveLength(PARAGRAPH_COLUMNS.length);
    expect(cells[0]!.slice(0, 3)).toEqual(['Gemeenschappelijke regelingen', 'A', 'A']);
    // Contribution, interest start/end, equity end and result in euros.
    expect([cells[0]![5], cells[0]![6], cells[0]![7], cells[0]![10], cells[0]![13]]).toEqual([
      1234.56, 270000, -27, -99, -12345.67,
    ]);
    expect(cells[0]!.at(-1)).toBe('Definitief');
  });
});

describe('pcView', () => {
  const rec: PcSetRecord = {
    ...record({ GM0233: agreed(2), GM0243: agreed(1) }),
    profile: { legalForm: 'overig', publicInterest: 'x', governanceInterest: 'y', shareMemberRows: false },
  };
  const year = {
    agreementId: 'gr',
    year: 2025,
    version: 3,
    targets: {},
    realised: {},
    financials: {
      ...FIN,
      interests: [
        { member: 'GM0243', startCents: 1, endCents: 2 },
        { member: 'GM0233', startCents: 3, endCents: 4 },
      ],
    },
    createdAt: '',
    createdBy: '',
    updatedAt: '',
    updatedBy: '',
  };
  const base = {
    agreementId: 'gr',
    grSpace: 'RG1',
    year: 2025,
    record: rec,
    yearRecord: year,
    members: MEMBERS,
    names: {},
  };

  it("gives a member its own rows and the counts, not another member's agreement or interest", () => {
    const v = pcView({ ...base, caller: { space: 'GM0233', roles: ['viewer'] } });
    expect(v.members.map((m) => [m.space, m.state])).toEqual([['GM0233', 'agreed']]);
    expect([v.agreedCount, v.memberCount, v.agreedByAll]).toEqual([1, 3, false]);
    expect(v.financials?.interests).toEqual([{ member: 'GM0233', startCents: 3, endCents: 4 }]);
  });

  it('gives the region every member', () => {
    const v = pcView({ ...base, caller: { space: 'RG1', roles: ['coordinator'] } });
    expect(v.members.map((m) => m.state)).toEqual(['agreed', 'pending', 'pending']);
    expect(v.financials?.interests).toHaveLength(2);
    expect(v.canEdit).toBe(true);
  });
});
