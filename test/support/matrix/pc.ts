import type { RouterCalls } from './types.ts';

/** The matrices' calls for the `pc` router's procedures (test/support/matrix.ts). */
export const pc = {
  // P&C content of a GR (issue 16 point 5): reads and writes aimed at the target, as itself and as the target's
  // owner member; the paragraaf has no object, so it must show nothing of another space.
  'pc.get': (t) => [{ type: 'query', input: { agreementId: t.id, year: 2025 } }],
  'pc.member': (t) =>
    ['GM0233', t.space].map((member) => ({
      type: 'query' as const,
      input: { agreementId: t.id, year: 2025, member },
    })),
  'pc.paragraph': () => [{ type: 'query', input: { year: 2025 } }],
  'pc.setIndicators': (t) =>
    [0, 1].map((expectedVersion) => ({
      type: 'mutation' as const,
      input: {
        agreementId: t.id,
        expectedVersion,
        indicators: [{ id: 'ind-x', name: 'x', type: 'input', unit: 'fte', direction: 'lower_is_better' }],
      },
    })),
  'pc.setProfile': (t) => [
    {
      type: 'mutation',
      input: {
        agreementId: t.id,
        expectedVersion: 1,
        profile: { legalForm: 'overig', publicInterest: 'x', governanceInterest: 'y', shareMemberRows: true },
      },
    },
  ],
  'pc.agree': (t) =>
    ['GM0233', t.space].map((member) => ({
      type: 'mutation' as const,
      input: { agreementId: t.id, member, setVersion: 1, expectedVersion: 1 },
    })),
  'pc.recordValues': (t) => [
    {
      type: 'mutation',
      input: {
        agreementId: t.id,
        year: 2025,
        step: 'annualAccounts',
        expectedVersion: 1,
        values: [{ indicatorId: 'ind-uitstroom', value: 1 }],
      },
    },
  ],
  'pc.setFinancials': (t) => [
    {
      type: 'mutation',
      input: {
        agreementId: t.id,
        year: 2025,
        expectedVersion: 0,
        financials: {
          equityStartCents: 1,
          equityEndCents: 1,
          debtStartCents: 1,
          debtEndCents: 1,
          resultCents: 1,
          uncoveredRisks: 'x',
          provisional: true,
          interests: [],
        },
      },
    },
  ],
} satisfies RouterCalls<'pc'>;
