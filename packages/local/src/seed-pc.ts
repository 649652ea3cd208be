import type { Indicator, PcFinancials } from '@regie/core';
import { type Db, pcRepository, type Scope } from '@regie/db';
import { SEED_SPACES, SEED_USERS } from './seed.ts';

/**
 * P&C harmonised in content on the GR Sociaal Domein Noord-Veluwe (RNV-GR-01, issue 16 point 5): the region's
 * coordinator records four indicators (an input, an output and two outcomes with a baseline) and the GR's
 * verbonden-partij profile; each member's inkoper agrees to the set; the coordinator then records the targets of
 * the draft budgets 2025–2027, the realised values of the annual accounts 2025 and the party's figures of 2025
 * (definitive) and 2026 (from the budget, provisional). No member's interest is entered, so the paragraaf shows
 * each municipality's share of the equity under the GR's key: Ermelo 27/99 of € 4.200.000 = € 1.145.454,54 at the
 * start of 2025 and of € 4.650.000 = € 1.268.181,82 at the end.
 */
export const SEED_PC_GR = 'rnv-gr-01';

export const SEED_PC_INDICATORS: Indicator[] = [
  {
    id: 'ind-kosten',
    name: 'Uitvoeringskosten per inwoner',
    type: 'input',
    unit: '€',
    direction: 'lower_is_better',
  },
  {
    id: 'ind-trajecten',
    name: 'Afgeronde re-integratietrajecten',
    type: 'output',
    unit: 'trajecten',
    direction: 'higher_is_better',
  },
  {
    id: 'ind-uitstroom',
    name: 'Uitstroom uit de bijstand naar werk',
    type: 'outcome',
    unit: '%',
    direction: 'higher_is_better',
    baseline: { value: 18.5, year: 2023 },
  },
  {
    id: 'ind-wachttijd',
    name: 'Jeugdigen binnen 8 weken geholpen',
    type: 'outcome',
    unit: '%',
    direction: 'higher_is_better',
    baseline: { value: 72, year: 2023 },
  },
];

/** Targets per budget year (draft-budget step) and realised values of the accounts 2025, in the set's order. */
const TARGETS: Record<number, number[]> = {
  2025: [128, 950, 21, 80],
  2026: [130, 1000, 23, 82],
  2027: [133, 1050, 24, 84],
};
const REALISED_2025 = [131.4, 1012, 22.3, 77];

const FINANCIALS: Record<number, PcFinancials> = {
  2025: {
    equityStartCents: 420_000_000,
    equityEndCents: 465_000_000,
    debtStartCents: 1_830_000_000,
    debtEndCents: 1_790_000_000,
    resultCents: 45_000_000,
    uncoveredRisks:
      'Open-einde-karakter van jeugdhulp en Wmo: tekorten boven de algemene reserve (maximaal 5% van de begroting) komen via een extra bijdrage naar rato van de verdeelsleutel bij de gemeenten.',
    provisional: false,
    interests: [],
  },
  2026: {
    equityStartCents: 465_000_000,
    equityEndCents: 470_000_000,
    debtStartCents: 1_790_000_000,
    debtEndCents: 1_750_000_000,
    resultCents: 5_000_000,
    uncoveredRisks: 'Als 2025; daarnaast de loonkostenstijging van de nieuwe cao boven de begrote indexatie.',
    provisional: true,
    interests: [],
  },
};

function scopeOf(key: string): Scope {
  const u = SEED_USERS.find((s) => s.key === key)!;
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

export async function seedPc(db: Db): Promise<void> {
  const region = pcRepository(db, scopeOf('noordveluwe.coordinator'));
  let view = await region.setIndicators({
    agreementId: SEED_PC_GR,
    expectedVersion: 0,
    indicators: SEED_PC_INDICATORS,
  });
  view = await region.setProfile({
    agreementId: SEED_PC_GR,
    expectedVersion: view.version,
    profile: {
      legalForm: 'gemeenschappelijke_regeling',
      publicInterest:
        'Uitvoering van de Jeugdwet, de Wmo 2015 en de Participatiewet voor Ermelo, Harderwijk en Zeewolde: passende hulp dichtbij en inwoners aan het werk.',
      governanceInterest:
        'Een wethouder in het algemeen en in het dagelijks bestuur; stemverhouding naar inwonertal.',
      shareMemberRows: false,
    },
  });
  for (const key of ['ermelo.inkoper', 'harderwijk.inkoper', 'zeewolde.inkoper']) {
    const member = scopeOf(key);
    view = await pcRepository(db, member).agree({
      agreementId: SEED_PC_GR,
      member: member.space,
      setVersion: view.setVersion,
      expectedVersion: view.version,
    });
  }
  const values = (list: number[]) =>
    SEED_PC_INDICATORS.map((i, n) => ({ indicatorId: i.id, value: list[n]! }));
  for (const [year, targets] of Object.entries(TARGETS)) {
    const before = await region.get(SEED_PC_GR, Number(year));
    let yearVersion = before.yearVersion;
    yearVersion = (
      await region.recordValues({
        agreementId: SEED_PC_GR,
        year: Number(year),
        step: 'draftBudget',
        expectedVersion: yearVersion,
        values: values(targets),
      })
    ).yearVersion;
    if (Number(year) === 2025) {
      yearVersion = (
        await region.recordValues({
          agreementId: SEED_PC_GR,
          year: 2025,
          step: 'annualAccounts',
          expectedVersion: yearVersion,
          values: values(REALISED_2025),
        })
      ).yearVersion;
    }
    const financials = FINANCIALS[Number(year)];
    if (financials)
      await region.setFinancials({
        agreementId: SEED_PC_GR,
        year: Number(year),
        expectedVersion: yearVersion,
        financials,
      });
  }
}
