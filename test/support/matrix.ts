import type { ProcedurePath } from './api.ts';

/**
 * The procedure matrix shared by the isolation matrix (test/integration/isolation-matrix.integration.test.ts) and the
 * co-party matrix (test/integration/co-party-matrix.integration.test.ts).
 */

/** An agreement aimed at: its id, owning space, reference, kind and status. */
export interface Target {
  id: string;
  space: string;
  reference: string;
  kind: string;
  status: string;
}

export type Call = { type: 'query' | 'mutation'; input: unknown };

/** A seed user of each space, named by `user.update` calls from outside that space. */
const USER_OF: Record<string, string> = {
  GM0233: 'ermelo.admin',
  GM0243: 'harderwijk.inkoper',
  GM0050: 'zeewolde.inkoper',
  GM0344: 'utrecht.inkoper',
  RGNOORDVELUWE: 'noordveluwe.coordinator',
  PV81234567: 'kompas.admin',
  PV40123456: 'wijkracht.signer',
};
/** A relation decision aimed at a foreign agreement (governance preview and apply). */
const MATRIX_RELATION = {
  answers: { complexity: 'high', controlWhat: 'low', controlHow: 'low', alignment: 'aligned' },
  chosen: 'partner',
  governance: {
    reportingFrequency: 'half_yearly',
    kpiDepth: 'outcome',
    informationDuties: ['calamity'],
    meetingCadence: 'bimonthly',
    escalationLadder: [{ level: 'contractmanager', days: 15 }],
    executionVariant: 'task',
  },
};

/**
 * For one procedure: the calls that try to reach an object (or space) the caller may not touch — a foreign one in
 * the isolation matrix, a shared one in the co-party matrix. Every procedure of the router has an entry: keyed by
 * `ProcedurePath`, a procedure added, renamed or removed fails tsc as well as the coverage check. The inputs are
 * sent raw (`api.raw`): the matrices walk every procedure by name.
 */
export const MATRIX: Record<ProcedurePath, (target: Target) => Call[]> = {
  'me.get': () => [{ type: 'query', input: undefined }],
  'agreement.find': (t) => [
    { type: 'query', input: { space: t.space } },
    { type: 'query', input: { space: t.space, q: t.reference } },
    { type: 'query', input: { q: t.reference } },
    { type: 'query', input: { party: 'org-kompas', space: t.space } },
    { type: 'query', input: { parentId: t.id } },
  ],
  'agreement.get': (t) => [{ type: 'query', input: { id: t.id } }],
  'agreement.versions': (t) => [{ type: 'query', input: { id: t.id } }],
  'agreement.history': (t) => [{ type: 'query', input: { id: t.id } }],
  'agreement.verifyAudit': (t) => [{ type: 'query', input: { id: t.id } }],
  'agreement.create': (t) => [
    {
      type: 'mutation',
      input: {
        kind: 'contract',
        space: t.space,
        reference: `X-${t.id}`,
        title: 'x',
        domain: 'youth',
        startDate: '2026-01-01',
        endDate: '2026-12-31',
      },
    },
    {
      type: 'mutation',
      input: {
        kind: 'contract',
        parentId: t.id,
        reference: `Y-${t.id}`,
        title: 'x',
        domain: 'youth',
        startDate: '2026-01-01',
        endDate: '2026-12-31',
      },
    },
  ],
  // A foreign space named by a row refuses the whole batch, dry run or not, like a space that does not exist.
  'agreement.import': (t) =>
    [true, false].map((dryRun) => ({
      type: 'mutation' as const,
      input: {
        dryRun,
        rows: [
          {
            line: 2,
            kind: t.kind,
            reference: `X-${t.reference}`,
            title: 'x',
            status: t.status,
            domain: 'youth',
            space: t.space,
            startDate: '2026-01-01',
            endDate: '2026-12-31',
            parties: [{ kvkNumber: '81234567', name: 'Jeugdhulp Kompas B.V.' }],
          },
          {
            line: 3,
            kind: 'contract',
            reference: t.reference,
            title: 'x',
            status: 'draft',
            domain: 'youth',
            space: t.space,
            startDate: '2026-01-01',
            endDate: '2026-12-31',
            parties: [],
          },
        ],
      },
    })),
  'agreement.update': (t) =>
    [1, 3, 5].map((v) => ({
      type: 'mutation' as const,
      input: { id: t.id, expectedVersion: v, data: { title: 'overgenomen' } },
    })),
  'agreement.transition': (t) =>
    ['in_approval', 'approved', 'active', 'granted'].flatMap((to) =>
      [1, 5].map((v) => ({ type: 'mutation' as const, input: { id: t.id, expectedVersion: v, to } })),
    ),
  'agreement.share': (t) =>
    [true, false].flatMap((shared) =>
      [1, 2].map((v) => ({ type: 'mutation' as const, input: { id: t.id, expectedVersion: v, shared } })),
    ),
  'agreement.renew': (t) =>
    [1, 5].map((v) => ({ type: 'mutation' as const, input: { id: t.id, expectedVersion: v } })),
  'organisation.find': (t) => [{ type: 'query', input: { space: t.space } }],
  'steering.propose': () => [
    {
      type: 'query',
      input: {
        answers: { complexity: 'low', controlWhat: 'high', controlHow: 'high', alignment: 'divergent' },
      },
    },
  ],
  'steering.get': (t) => [{ type: 'query', input: { agreementId: t.id } }],
  'steering.update': (t) =>
    [0, 1].map((v) => ({
      type: 'mutation' as const,
      input: {
        agreementId: t.id,
        expectedVersion: v,
        roles: { opdrachtgever: { name: 'Indringer', portfolioHolder: 'X' } },
      },
    })),
  'steering.roleConflicts': (t) => [{ type: 'query', input: { space: t.space } }],
  'steering.governancePreview': (t) => [
    { type: 'query', input: { agreementId: t.id, relation: MATRIX_RELATION } },
  ],
  // The agreement is read before any version is compared: one call per target shows whether it is reached.
  'steering.applyGovernance': (t) => [
    {
      type: 'mutation',
      input: {
        agreementId: t.id,
        expectedVersion: 0,
        agreementVersion: 1,
        relation: MATRIX_RELATION,
        duties: [{ kind: 'event', title: 'Melding calamiteit', event: 'calamity', responseDays: 1 }],
      },
    },
  ],
  // Names no space: always the caller's reach, so nothing foreign can be aimed at; the result must hold none.
  'simulation.agreement': (t) => [{ type: 'query', input: { id: t.id } }],
  // Reads nothing stored: the answer holds only what was sent (a real line, computed, and no line at all).
  'simulation.terms': () => [
    {
      type: 'query',
      input: { terms: { startDate: '2026-01-01', endDate: '2026-12-31', productLines: [] } },
    },
    {
      type: 'query',
      input: {
        terms: {
          startDate: '2026-01-01',
          endDate: '2026-12-31',
          valueCeilingCents: 1_000_000,
          productLines: [{ category: '45', productCode: '45A12', variant: 'output', tariffCents: 10_000 }],
          relationType: 'customer',
        },
        scenarios: [0, 25],
        expectedVolumes: [{ lineId: 'line-1', volume: 10 }],
      },
    },
  ],
  // The benchmark of the target's space: only a region in the caller's reach is found (a foreign one is NOT_FOUND,
  // like a missing one); non-opted-in members' figures are never in it (benchmark.integration.test.ts).
  'benchmark.region': (t) => [
    { type: 'query', input: { space: t.space } },
    { type: 'query', input: { space: t.space, productCode: '45A12' } },
  ],
  'steering.conflicts': () => [
    { type: 'query', input: undefined },
    { type: 'query', input: {} },
  ],
  'steering.partyView': (t) => [{ type: 'query', input: { agreementId: t.id } }],
  'steering.confirm': (t) =>
    [1, 2].map((round) => ({ type: 'mutation' as const, input: { agreementId: t.id, round } })),
  'steering.askChange': (t) => [
    { type: 'mutation', input: { agreementId: t.id, round: 1, reason: 'Indringer' } },
  ],
  'steering.recordConfirmation': (t) =>
    ['org-sdnv', 'org-kompas', 'PV81234567'].map((party) => ({
      type: 'mutation' as const,
      input: { agreementId: t.id, round: 1, party, decisionRef: 'Indringer', date: '2026-04-01' },
    })),
  'report.submit': (t) => [
    {
      type: 'mutation',
      input: { agreementId: t.id, dutyId: 'jh-kwartaal', period: '2026-Q3', summary: 'overgenomen' },
    },
  ],
  'report.list': (t) => [{ type: 'query', input: { agreementId: t.id } }],
  'report.series': (t) => [{ type: 'query', input: { agreementId: t.id } }],
  'service.report': (t) => [
    {
      type: 'mutation',
      input: {
        agreementId: t.id,
        period: '2026-12',
        values: [{ serviceId: 'svc-dvo-portaal', levelId: 'sl-dvo-portaal-beschikbaarheid', value: 99.9 }],
      },
    },
  ],
  'service.levels': (t) => [{ type: 'query', input: { agreementId: t.id } }],
  'service.correct': (t) =>
    [1, 2].map((expectedVersion) => ({
      type: 'mutation' as const,
      input: {
        agreementId: t.id,
        period: '2026-10',
        serviceId: 'svc-dvo-portaal',
        levelId: 'sl-dvo-portaal-beschikbaarheid',
        value: 99.9,
        expectedVersion,
      },
    })),
  'service.configure': (t) =>
    [0, 1].map((expectedVersion) => ({
      type: 'mutation' as const,
      input: { agreementId: t.id, expectedVersion, missedCount: 1 },
    })),
  'report.due': (t) => [
    { type: 'query', input: { space: t.space } },
    { type: 'query', input: { agreementId: t.id } },
  ],
  'budget.record': (t) => [
    { type: 'mutation', input: { agreementId: t.id, realisation: { period: '2026-10', amountCents: 100 } } },
  ],
  'budget.get': (t) => [{ type: 'query', input: { agreementId: t.id } }],
  'budget.correct': (t) =>
    [1, 2].map((v) => ({
      type: 'mutation' as const,
      input: { agreementId: t.id, realisationId: 'r-1', expectedVersion: v, realisation: null, reason: 'x' },
    })),
  'budget.reported': (t) => [{ type: 'query', input: { agreementId: t.id } }],
  'budget.statement': (t) => [{ type: 'query', input: { agreementId: t.id, year: 2026 } }],
  'budget.signals': (t) => [{ type: 'query', input: { space: t.space } }],
  'escalation.open': (t) => [
    { type: 'mutation', input: { agreementId: t.id, subject: 'Indringer', description: 'x' } },
  ],
  'escalation.escalate': (t) => [
    { type: 'mutation', input: { agreementId: t.id, escalationId: 'e-0000', expectedVersion: 1, note: 'x' } },
  ],
  'escalation.respond': (t) => [
    { type: 'mutation', input: { agreementId: t.id, escalationId: 'e-0000', expectedVersion: 1, note: 'x' } },
  ],
  'escalation.resolve': (t) => [
    { type: 'mutation', input: { agreementId: t.id, escalationId: 'e-0000', expectedVersion: 1, note: 'x' } },
  ],
  'escalation.list': (t) => [{ type: 'query', input: { agreementId: t.id } }],
  'escalation.openInSpace': (t) => [{ type: 'query', input: { space: t.space } }],
  // Event notifications: filing under the seeded event duty's id, and acting on one that is not the caller's.
  'notification.file': (t) => [
    { type: 'mutation', input: { agreementId: t.id, dutyId: 'jh-calamiteit', description: 'Indringer' } },
  ],
  'notification.list': (t) => [{ type: 'query', input: { agreementId: t.id } }],
  'notification.respond': (t) => [
    {
      type: 'mutation',
      input: { agreementId: t.id, notificationId: 'n-0000', expectedVersion: 1, kind: 'answer', text: 'x' },
    },
  ],
  'notification.escalate': (t) => [
    { type: 'mutation', input: { agreementId: t.id, notificationId: 'n-0000', expectedVersion: 1 } },
  ],
  // Take-up of a region's service agreement: the foreign caller reads it, and writes a member's row (its own
  // space's and the target's owner's) at a fresh and a seeded version.
  'takeup.list': (t) => [{ type: 'query', input: { agreementId: t.id } }],
  'takeup.configure': (t) =>
    [0, 1].map((expectedVersion) => ({
      type: 'mutation' as const,
      input: { agreementId: t.id, shareWithMembers: true, expectedVersion },
    })),
  'takeup.createChild': (t) => [
    { type: 'mutation', input: { agreementId: t.id, reference: `C-${t.id}`.slice(0, 50) } },
  ],
  'usage.list': (t) => [{ type: 'query', input: { agreementId: t.id, year: 2026 } }],
  'usage.statement': (t) =>
    ['GM0233', t.space].map((member) => ({
      type: 'query' as const,
      input: { agreementId: t.id, member, year: 2026 },
    })),
  'usage.set': (t) =>
    [0, 1].flatMap((expectedVersion) =>
      ['GM0233', t.space].map((member) => ({
        type: 'mutation' as const,
        input: {
          agreementId: t.id,
          member,
          period: '2026-01',
          expectedVersion,
          quantities: [{ serviceId: 'svc-ict-basis', quantity: 1 }],
        },
      })),
    ),
  'takeup.set': (t) =>
    [0, 1].flatMap((expectedVersion) =>
      ['GM0233', t.space].map((member) => ({
        type: 'mutation' as const,
        input: {
          agreementId: t.id,
          member,
          expectedVersion,
          startDate: '2026-01-01',
          modules: [{ serviceId: 'svc-ict-basis', quantity: 1 }],
        },
      })),
    ),
  'wgr.get': (t) => [{ type: 'query', input: { agreementId: t.id, year: 2027 } }],
  'wgr.plan': (t) => [
    { type: 'mutation', input: { agreementId: t.id, year: 2027, expectedVersion: 0 } },
    {
      type: 'mutation',
      input: { agreementId: t.id, year: 2027, expectedVersion: 1, budgetAdoption: '2026-07-08' },
    },
  ],
  'wgr.recordOpinion': (t) => [
    {
      type: 'mutation',
      input: {
        agreementId: t.id,
        year: 2027,
        member: t.space,
        expectedVersion: 1,
        opinion: { draftReceived: '2026-04-08', opinionSubmitted: '2026-06-18', outcome: 'objects' },
      },
    },
  ],
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
  'kpi.record': (t) => [
    ...[0, 1].map((expectedVersion) => ({
      type: 'mutation' as const,
      input: { agreementId: t.id, kpiId: 'kpi-wachttijd', period: '2026-Q2', value: 1, expectedVersion },
    })),
  ],
  'kpi.comment': (t) => [
    { type: 'mutation', input: { agreementId: t.id, kpiId: 'kpi-wachttijd', period: '2026-Q2', text: 'x' } },
  ],
  'kpi.results': (t) => [{ type: 'query', input: { agreementId: t.id } }],
  'incentive.periods': (t) => [{ type: 'query', input: { agreementId: t.id } }],
  // A settled period of the seeded arrangement (2025-Q1 on ERM-2025-JH01) and one not settled yet, at a stale
  // and a plausible version.
  'incentive.settle': (t) =>
    ['2025-Q2', '2025-H1'].flatMap((period) =>
      [1, 9].map((expectedVersion) => ({
        type: 'mutation' as const,
        input: { agreementId: t.id, expectedVersion, period },
      })),
    ),
  'dialogue.record': (t) => [
    {
      type: 'mutation',
      input: { agreementId: t.id, date: '2026-11-01', kind: 'meeting', participants: ['x'] },
    },
  ],
  'dialogue.score': (t) => [
    { type: 'mutation', input: { agreementId: t.id, meetingId: 'm-0000', score: 1, expectedVersion: 1 } },
    {
      type: 'mutation',
      input: {
        agreementId: t.id,
        meetingId: 'm-0000',
        answers: { openness: 1, agreements: 1, information: 1, understanding: 1 },
        expectedVersion: 1,
      },
    },
  ],
  'dialogue.list': (t) => [{ type: 'query', input: { agreementId: t.id } }],
  'dialogue.trend': (t) => [{ type: 'query', input: { agreementId: t.id } }],
  'dialogue.actionDone': (t) => [
    {
      type: 'mutation',
      input: { agreementId: t.id, meetingId: 'm-0000', actionIndex: 0, expectedVersion: 1 },
    },
  ],
  'steering.dashboard': (t) => [{ type: 'query', input: { space: t.space } }],
  // Tenant settings name no space: they always act on the caller's own (nothing foreign can be aimed at).
  'tenant.settings': () => [{ type: 'query', input: undefined }],
  'tenant.updateSettings': () => [],
  'tenant.history': () => [{ type: 'query', input: undefined }],
  // People: always the caller's own space. A list shows nothing foreign; a foreign user's key is NOT_FOUND (as a
  // missing one) for an admin, FORBIDDEN for anyone else; an invite names no space at all.
  'user.list': () => [
    { type: 'query', input: undefined },
    { type: 'query', input: { limit: 100 } },
  ],
  'user.invite': () => [],
  'user.update': (t) =>
    [{ disabled: true }, { roles: t.space.startsWith('PV') ? ['provider_reporter'] : ['viewer'] }].map(
      (change) => ({
        type: 'mutation' as const,
        input: { key: USER_OF[t.space] ?? `nobody.${t.space.toLowerCase()}`, expectedVersion: 1, ...change },
      }),
    ),
  'deadline.upcoming': (t) => [
    { type: 'query', input: { space: t.space } },
    { type: 'query', input: { space: t.space, from: '2020-01-01', days: 400 } },
  ],
  'inbox.list': () => [{ type: 'query', input: undefined }],
  // Read marks are the caller's own; a signal of a foreign space is refused like a missing one.
  'inbox.markRead': (t) => [
    { type: 'mutation', input: { ids: [{ space: t.space, signalId: `${t.id}.notice.2026-09-30.30` }] } },
  ],
  // The feed is the caller's own: nothing foreign can be named.
  'ical.status': () => [{ type: 'query', input: undefined }],
  'ical.create': () => [],
  'ical.revoke': () => [],
  'signing.status': (t) => [{ type: 'query', input: { agreementId: t.id } }],
  'signing.documents': (t) => [{ type: 'query', input: { agreementId: t.id } }],
  // The caller's own space only: nothing foreign can be named.
  'signing.inbox': () => [{ type: 'query', input: undefined }],
  'signing.sign': (t) => [
    { type: 'mutation', input: { agreementId: t.id, documentHash: 'a'.repeat(64), consent: true } },
  ],
  'organisation.create': (t) => [
    {
      type: 'mutation',
      input: { space: t.space, kind: 'provider', name: 'Indringer B.V.', kvkNumber: '12345678' },
    },
  ],
  // Subsidies (Awb): a foreign subsidy, a foreign space's regulations, a regulation id from another space.
  'subsidy.regulations': (t) => [{ type: 'query', input: { space: t.space } }],
  'subsidy.regulation': (t) =>
    [t.id, ...(t.space === 'GM0233' ? ['erm-regl-welzijn-2026'] : [])].map((id) => ({
      type: 'query' as const,
      input: { id },
    })),
  'subsidy.verifyRegulation': (t) =>
    [t.id, ...(t.space === 'GM0233' ? ['erm-regl-welzijn-2026'] : [])].map((id) => ({
      type: 'query' as const,
      input: { id },
    })),
  'subsidy.createRegulation': (t) => [
    {
      type: 'mutation',
      input: { space: t.space, name: 'Indringer', legalBasis: 'x', budgetYear: 2026, ceilingCents: 1 },
    },
  ],
  // Ermelo's seeded regulation is foreign to everyone whose targets include Ermelo's agreements.
  'subsidy.updateRegulation': (t) =>
    [t.id, ...(t.space === 'GM0233' ? ['erm-regl-welzijn-2026'] : [])].flatMap((id) =>
      [1, 2].map((v) => ({
        type: 'mutation' as const,
        input: { id, expectedVersion: v, data: { ceilingCents: 1_000_000_000 } },
      })),
    ),
  'subsidy.get': (t) => [{ type: 'query', input: { agreementId: t.id } }],
  'subsidy.phaseOut': (t) => [{ type: 'query', input: { agreementId: t.id, amountCents: 1 } }],
  'subsidy.recordApplication': (t) =>
    [1, 3].map((v) => ({
      type: 'mutation' as const,
      input: {
        agreementId: t.id,
        expectedVersion: v,
        regulationId: 'erm-regl-welzijn-2026',
        applicationDate: '2026-09-01',
        requestedCents: 1,
      },
    })),
  'subsidy.grant': (t) =>
    [1, 2, 3].map((v) => ({
      type: 'mutation' as const,
      input: { agreementId: t.id, expectedVersion: v, amountCents: 1 },
    })),
  'subsidy.settle': (t) =>
    [3, 4].map((v) => ({
      type: 'mutation' as const,
      input: { agreementId: t.id, expectedVersion: v, amountCents: 1, exOfficio: true },
    })),
  'subsidy.advance': (t) =>
    [2, 3, 4, 5].map((v) => ({
      type: 'mutation' as const,
      input: { agreementId: t.id, expectedVersion: v, date: '2026-05-01', amountCents: 1 },
    })),
};
