import { loadRouters } from '@regie/api';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type ProcedurePath, startTestApi, type TestApi } from '../support/api.ts';
import { createTestDb } from '../support/db.ts';
import { tableFingerprint } from '../support/snapshot.ts';

/**
 * SPEC §9 bad input: every procedure is called with generated invalid inputs by a user allowed to call
 * it. Each answer is a 4xx with a message, never a 5xx, and nothing is stored.
 */

const FUZZ_RELATION = {
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

/** A valid input per procedure, called by a user whose role allows it; the fuzzer breaks it. */
const VALID: Record<
  ProcedurePath,
  { user: string; type: 'query' | 'mutation'; input: Record<string, unknown> }
> = {
  'me.get': { user: 'ermelo.viewer', type: 'query', input: {} },
  'agreement.find': {
    user: 'ermelo.viewer',
    type: 'query',
    input: { kind: 'contract', limit: 10, q: 'jeugd', sort: 'newest' },
  },
  'agreement.get': { user: 'ermelo.viewer', type: 'query', input: { id: 'erm-jh-2025' } },
  'agreement.versions': { user: 'ermelo.viewer', type: 'query', input: { id: 'erm-jh-2025' } },
  'agreement.history': { user: 'ermelo.viewer', type: 'query', input: { id: 'erm-jh-2025' } },
  'agreement.verifyAudit': { user: 'ermelo.viewer', type: 'query', input: { id: 'erm-jh-2025' } },
  'agreement.create': {
    user: 'ermelo.inkoper',
    type: 'mutation',
    input: {
      kind: 'contract',
      reference: 'FUZZ-1',
      title: 'Jeugdhulp',
      domain: 'youth',
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      valueCeilingCents: 1000,
      parties: [{ organisationId: 'org-kompas', role: 'contractor' }],
      renewal: { options: 1, monthsEach: 12 },
      productLines: [
        {
          category: '45',
          productCode: '45A12',
          variant: 'output',
          unit: 'piece',
          frequency: 'per_month',
          tariffCents: 100,
        },
      ],
    },
  },
  'agreement.import': {
    user: 'ermelo.inkoper',
    type: 'mutation',
    input: {
      dryRun: true,
      rows: [
        {
          line: 2,
          kind: 'contract',
          reference: 'FUZZ-IMPORT-1',
          title: 'Jeugdhulp',
          status: 'active',
          domain: 'youth',
          startDate: '2026-01-01',
          endDate: '2026-12-31',
          noticePeriodMonths: 3,
          valueCeilingCents: 1000,
          description: 'Uit het oude register',
          parties: [{ kvkNumber: '81234567', name: 'Jeugdhulp Kompas B.V.' }],
        },
      ],
    },
  },
  'agreement.update': {
    user: 'ermelo.inkoper',
    type: 'mutation',
    input: { id: 'erm-wmo-2026', expectedVersion: 1, data: { title: 'Nieuw', valueCeilingCents: 5 } },
  },
  'agreement.transition': {
    user: 'ermelo.inkoper',
    type: 'mutation',
    input: { id: 'erm-wmo-2026', expectedVersion: 1, to: 'in_approval', note: 'ok' },
  },
  'agreement.renew': {
    user: 'ermelo.inkoper',
    type: 'mutation',
    input: { id: 'erm-jh-2025', expectedVersion: 5 },
  },
  'agreement.share': {
    user: 'ermelo.inkoper',
    type: 'mutation',
    input: { id: 'erm-wmo-2026', expectedVersion: 1, shared: true },
  },
  'organisation.find': { user: 'ermelo.viewer', type: 'query', input: { limit: 5 } },
  'steering.propose': {
    user: 'ermelo.viewer',
    type: 'query',
    input: {
      answers: { complexity: 'low', controlWhat: 'high', controlHow: 'high', alignment: 'divergent' },
    },
  },
  'steering.get': { user: 'ermelo.viewer', type: 'query', input: { agreementId: 'erm-jh-2025' } },
  'steering.update': {
    user: 'ermelo.inkoper',
    type: 'mutation',
    input: {
      agreementId: 'erm-wmo-2026',
      expectedVersion: 0,
      roles: {
        opdrachtgever: {
          name: 'Team Wmo',
          portfolioHolder: 'Wethouder Jansen',
          tasks: ['Stelt de opdracht vast'],
          responsibilities: ['Bewaakt het budget'],
          authorities: [{ what: 'Meerwerk opdragen', maxAmountCents: 2_500_000 }],
        },
        contacts: [{ side: 'contractor', name: 'Piet', role: 'accountmanager', email: 'piet@example.nl' }],
      },
    },
  },
  'steering.roleConflicts': { user: 'ermelo.viewer', type: 'query', input: { limit: 5 } },
  'steering.governancePreview': {
    user: 'ermelo.viewer',
    type: 'query',
    input: { agreementId: 'erm-jh-2025', relation: FUZZ_RELATION },
  },
  // A stale agreement version: an input the fuzzer leaves valid answers 409 and writes nothing.
  'steering.applyGovernance': {
    user: 'ermelo.contractmanager',
    type: 'mutation',
    input: {
      agreementId: 'erm-jh-2025',
      expectedVersion: 0,
      agreementVersion: 999,
      relation: FUZZ_RELATION,
      duties: [{ kind: 'periodic', title: 'Halfjaarrapportage', frequency: 'half_yearly', dueDays: 45 }],
    },
  },
  'steering.conflicts': { user: 'ermelo.viewer', type: 'query', input: {} },
  'steering.partyView': {
    user: 'wijkracht.signer',
    type: 'query',
    input: { agreementId: 'erm-jh-2026-samen' },
  },
  'steering.confirm': {
    user: 'wijkracht.signer',
    type: 'mutation',
    input: { agreementId: 'erm-jh-2026-samen', round: 1 },
  },
  'steering.askChange': {
    user: 'wijkracht.signer',
    type: 'mutation',
    input: { agreementId: 'erm-jh-2026-samen', round: 1, reason: 'Graag kwartaaloverleg' },
  },
  'steering.recordConfirmation': {
    user: 'ermelo.inkoper',
    type: 'mutation',
    input: {
      agreementId: 'rnv-gr-01',
      round: 1,
      party: 'org-sdnv',
      decisionRef: 'AB-besluit 2026-15',
      date: '2026-04-01',
    },
  },
  'simulation.agreement': {
    user: 'ermelo.viewer',
    type: 'query',
    input: { id: 'erm-jh-2025', scenarios: [-10, 0, 25] },
  },
  'benchmark.region': {
    user: 'noordveluwe.coordinator',
    type: 'query',
    input: { space: 'RGNOORDVELUWE', productCode: '45A12' },
  },
  'simulation.terms': {
    user: 'ermelo.inkoper',
    type: 'query',
    input: {
      terms: {
        startDate: '2026-01-01',
        endDate: '2026-12-31',
        valueCeilingCents: 100_000,
        relationType: 'customer',
        productLines: [{ category: '45', productCode: '45A12', variant: 'output', tariffCents: 100 }],
      },
      scenarios: [0, 25],
    },
  },
  'report.submit': {
    user: 'kompas.reporter',
    type: 'mutation',
    input: {
      agreementId: 'erm-jh-2025',
      dutyId: 'jh-kwartaal',
      period: '2026-Q3',
      summary: 'Volgens plan',
      figures: [{ label: 'Wachttijd', value: '5' }],
    },
  },
  'report.list': { user: 'ermelo.viewer', type: 'query', input: { agreementId: 'erm-jh-2025' } },
  'report.series': { user: 'ermelo.viewer', type: 'query', input: { agreementId: 'erm-jh-2025' } },
  'service.report': {
    user: 'wijkracht.reporter',
    type: 'mutation',
    input: {
      agreementId: 'erm-dvo-2026',
      period: '2026-12',
      values: [{ serviceId: 'svc-dvo-portaal', levelId: 'sl-dvo-portaal-beschikbaarheid', value: 99.9 }],
    },
  },
  'service.levels': { user: 'ermelo.viewer', type: 'query', input: { agreementId: 'erm-dvo-2026' } },
  'service.correct': {
    user: 'wijkracht.reporter',
    type: 'mutation',
    input: {
      agreementId: 'erm-dvo-2026',
      period: '2026-10',
      serviceId: 'svc-dvo-portaal',
      levelId: 'sl-dvo-portaal-beschikbaarheid',
      value: 99.2,
      expectedVersion: 1,
      note: 'herberekend',
    },
  },
  'service.configure': {
    user: 'ermelo.contractmanager',
    type: 'mutation',
    input: { agreementId: 'erm-dvo-2026', expectedVersion: 0, missedCount: 3 },
  },
  'report.due': { user: 'ermelo.viewer', type: 'query', input: { limit: 5 } },
  'budget.record': {
    user: 'ermelo.contractmanager',
    type: 'mutation',
    input: {
      agreementId: 'erm-jh-2025',
      realisation: {
        period: '2026-10',
        amountCents: 1000,
        volume: 3,
        productLineId: 'jh-45a12',
        note: 'oktober',
      },
    },
  },
  'budget.get': { user: 'ermelo.viewer', type: 'query', input: { agreementId: 'erm-jh-2025', year: 2026 } },
  'budget.correct': {
    user: 'ermelo.contractmanager',
    type: 'mutation',
    input: {
      agreementId: 'erm-jh-2025',
      realisationId: 'r-1',
      expectedVersion: 1,
      realisation: { period: '2026-10', amountCents: 1000, volume: 3, productLineId: 'jh-45a12', note: 'x' },
      reason: 'typfout',
    },
  },
  'budget.reported': { user: 'kompas.reporter', type: 'query', input: { agreementId: 'erm-jh-2025' } },
  'budget.statement': {
    user: 'ermelo.viewer',
    type: 'query',
    input: { agreementId: 'rnv-ict-01', year: 2026 },
  },
  'budget.signals': { user: 'ermelo.viewer', type: 'query', input: { limit: 5 } },
  'escalation.open': {
    user: 'kompas.signer',
    type: 'mutation',
    input: { agreementId: 'erm-jh-2025', subject: 'Wachttijd', description: 'Loopt op' },
  },
  'escalation.escalate': {
    user: 'ermelo.contractmanager',
    type: 'mutation',
    input: { agreementId: 'erm-jh-2025', escalationId: 'e-1', expectedVersion: 1, note: 'Omhoog' },
  },
  'escalation.respond': {
    user: 'kompas.signer',
    type: 'mutation',
    input: { agreementId: 'erm-jh-2025', escalationId: 'e-1', expectedVersion: 1, note: 'Wij pakken het op' },
  },
  'escalation.resolve': {
    user: 'ermelo.contractmanager',
    type: 'mutation',
    input: { agreementId: 'erm-jh-2025', escalationId: 'e-1', expectedVersion: 1, note: 'Opgelost' },
  },
  'escalation.list': { user: 'ermelo.viewer', type: 'query', input: { agreementId: 'erm-jh-2025' } },
  'escalation.openInSpace': { user: 'ermelo.viewer', type: 'query', input: { limit: 5 } },
  'notification.file': {
    user: 'kompas.reporter',
    type: 'mutation',
    input: {
      agreementId: 'erm-jh-2025',
      dutyId: 'jh-calamiteit',
      description: 'Calamiteit',
      figures: [{ label: 'Cliënten', value: 2, unit: 'cliënt' }],
    },
  },
  'notification.list': { user: 'ermelo.viewer', type: 'query', input: { agreementId: 'erm-jh-2025' } },
  'notification.respond': {
    user: 'ermelo.contractmanager',
    type: 'mutation',
    input: {
      agreementId: 'erm-jh-2025',
      notificationId: 'n-1',
      expectedVersion: 1,
      kind: 'acknowledge',
      text: 'Ontvangen',
    },
  },
  'notification.escalate': {
    user: 'ermelo.contractmanager',
    type: 'mutation',
    input: { agreementId: 'erm-jh-2025', notificationId: 'n-1', expectedVersion: 1 },
  },
  'takeup.list': { user: 'ermelo.viewer', type: 'query', input: { agreementId: 'rnv-ict-01' } },
  'takeup.set': {
    user: 'noordveluwe.coordinator',
    type: 'mutation',
    input: {
      agreementId: 'rnv-ict-01',
      member: 'GM0233',
      expectedVersion: 1,
      startDate: '2026-01-01',
      modules: [{ serviceId: 'svc-ict-basis', quantity: 180 }, { serviceId: 'svc-ict-ibp' }],
    },
  },
  'takeup.configure': {
    user: 'noordveluwe.coordinator',
    type: 'mutation',
    input: { agreementId: 'rnv-ict-01', shareWithMembers: true, expectedVersion: 0 },
  },
  'takeup.createChild': {
    user: 'harderwijk.inkoper',
    type: 'mutation',
    input: { agreementId: 'rnv-ict-01', reference: 'HDW-DVO-ICT-01', title: 'DVO ICT Harderwijk' },
  },
  'usage.list': {
    user: 'ermelo.viewer',
    type: 'query',
    input: { agreementId: 'rnv-ict-01', year: 2026 },
  },
  'usage.statement': {
    user: 'ermelo.viewer',
    type: 'query',
    input: { agreementId: 'rnv-ict-01', member: 'GM0233', year: 2026 },
  },
  'usage.set': {
    user: 'noordveluwe.coordinator',
    type: 'mutation',
    input: {
      agreementId: 'rnv-ict-01',
      member: 'GM0233',
      period: '2026-01',
      expectedVersion: 1,
      quantities: [
        { serviceId: 'svc-ict-basis', quantity: 182 },
        { serviceId: 'svc-ict-zaak', quantity: 61 },
      ],
    },
  },
  'pc.get': { user: 'ermelo.viewer', type: 'query', input: { agreementId: 'rnv-gr-01', year: 2025 } },
  'pc.member': {
    user: 'ermelo.viewer',
    type: 'query',
    input: { agreementId: 'rnv-gr-01', year: 2025, member: 'GM0233' },
  },
  'pc.paragraph': { user: 'ermelo.viewer', type: 'query', input: { year: 2025 } },
  'pc.setIndicators': {
    user: 'noordveluwe.coordinator',
    type: 'mutation',
    input: {
      agreementId: 'rnv-gr-01',
      expectedVersion: 5,
      indicators: [
        {
          id: 'ind-uitstroom',
          name: 'Uitstroom naar werk',
          type: 'outcome',
          unit: '%',
          direction: 'higher_is_better',
          baseline: { value: 18.5, year: 2023 },
        },
      ],
    },
  },
  'pc.setProfile': {
    user: 'noordveluwe.coordinator',
    type: 'mutation',
    input: {
      agreementId: 'rnv-gr-01',
      expectedVersion: 5,
      profile: {
        legalForm: 'gemeenschappelijke_regeling',
        publicInterest: 'Sociaal domein',
        governanceInterest: 'Wethouder in het AB',
        shareMemberRows: false,
      },
    },
  },
  'pc.agree': {
    user: 'ermelo.inkoper',
    type: 'mutation',
    input: { agreementId: 'rnv-gr-01', member: 'GM0233', setVersion: 1, expectedVersion: 5 },
  },
  'pc.recordValues': {
    user: 'noordveluwe.coordinator',
    type: 'mutation',
    input: {
      agreementId: 'rnv-gr-01',
      year: 2025,
      step: 'annualAccounts',
      expectedVersion: 3,
      values: [{ indicatorId: 'ind-uitstroom', value: 22.3 }],
    },
  },
  'pc.setFinancials': {
    user: 'noordveluwe.coordinator',
    type: 'mutation',
    input: {
      agreementId: 'rnv-gr-01',
      year: 2025,
      expectedVersion: 3,
      financials: {
        equityStartCents: 420_000_000,
        equityEndCents: 465_000_000,
        debtStartCents: 1_830_000_000,
        debtEndCents: 1_790_000_000,
        resultCents: -45_000_000,
        uncoveredRisks: 'Open einde',
        provisional: false,
        interests: [{ member: 'GM0233', startCents: 1, endCents: 2 }],
      },
    },
  },
  'wgr.get': { user: 'ermelo.viewer', type: 'query', input: { agreementId: 'rnv-gr-01', year: 2027 } },
  'wgr.plan': {
    user: 'noordveluwe.coordinator',
    type: 'mutation',
    input: {
      agreementId: 'rnv-gr-01',
      year: 2027,
      expectedVersion: 0,
      budgetAdoption: '2026-07-08',
      accountsAdoption: '2028-06-24',
      draftBudgetCents: 1_500_000_000,
    },
  },
  'wgr.recordOpinion': {
    user: 'noordveluwe.coordinator',
    type: 'mutation',
    input: {
      agreementId: 'rnv-gr-01',
      year: 2027,
      member: 'GM0243',
      expectedVersion: 1,
      opinion: {
        draftReceived: '2026-04-08',
        opinionSubmitted: '2026-06-18',
        outcome: 'agrees_with_remarks',
        summary: 'Akkoord, met zorg over de kosten.',
        answered: '2026-06-25',
      },
    },
  },
  'kpi.record': {
    user: 'kompas.reporter',
    type: 'mutation',
    input: {
      agreementId: 'erm-jh-2025',
      kpiId: 'kpi-wachttijd',
      period: '2026-Q3',
      value: 5.5,
      expectedVersion: 0,
    },
  },
  'kpi.comment': {
    user: 'ermelo.contractmanager',
    type: 'mutation',
    input: { agreementId: 'erm-jh-2025', kpiId: 'kpi-wachttijd', period: '2026-Q2', text: 'Akkoord' },
  },
  'kpi.results': { user: 'ermelo.viewer', type: 'query', input: { agreementId: 'erm-jh-2025' } },
  'incentive.periods': { user: 'ermelo.viewer', type: 'query', input: { agreementId: 'erm-jh-2025' } },
  'incentive.settle': {
    user: 'ermelo.contractmanager',
    type: 'mutation',
    // A stale version: even the valid call stores nothing.
    input: { agreementId: 'erm-jh-2025', expectedVersion: 1, period: '2025-Q2' },
  },
  'dialogue.record': {
    user: 'ermelo.contractmanager',
    type: 'mutation',
    input: {
      agreementId: 'erm-jh-2025',
      date: '2026-11-20',
      kind: 'evaluation',
      participants: ['Karim'],
      notes: 'Jaarevaluatie',
      actions: [{ text: 'Nieuwe KPI', owner: 'Karim', due: '2026-12-01', side: 'municipality' }],
      score: 4,
      answers: { openness: 4, agreements: 4, information: 3, understanding: 5 },
    },
  },
  'dialogue.score': {
    user: 'kompas.signer',
    type: 'mutation',
    input: {
      agreementId: 'erm-jh-2025',
      meetingId: 'm-1',
      score: 4,
      answers: { openness: 4, agreements: 4, information: 3, understanding: 5 },
      expectedVersion: 1,
    },
  },
  'dialogue.list': { user: 'ermelo.viewer', type: 'query', input: { agreementId: 'erm-jh-2025' } },
  'dialogue.trend': { user: 'ermelo.viewer', type: 'query', input: { agreementId: 'erm-jh-2025' } },
  'dialogue.actionDone': {
    user: 'ermelo.contractmanager',
    type: 'mutation',
    input: { agreementId: 'erm-jh-2025', meetingId: 'm-1', actionIndex: 0, expectedVersion: 1 },
  },
  'steering.dashboard': { user: 'ermelo.viewer', type: 'query', input: { space: 'GM0233' } },
  'tenant.settings': { user: 'ermelo.viewer', type: 'query', input: {} },
  'deadline.upcoming': {
    user: 'ermelo.viewer',
    type: 'query',
    input: { space: 'GM0233', from: '2026-01-01', days: 30, limit: 10 },
  },
  'inbox.list': { user: 'ermelo.viewer', type: 'query', input: { limit: 10 } },
  'inbox.markRead': {
    user: 'ermelo.viewer',
    type: 'mutation',
    input: { ids: [{ space: 'GM0233', signalId: 'erm-jh-2025.notice.2026-09-30.30' }] },
  },
  'ical.status': { user: 'ermelo.viewer', type: 'query', input: {} },
  'ical.create': { user: 'ermelo.viewer', type: 'mutation', input: {} },
  'ical.revoke': { user: 'ermelo.viewer', type: 'mutation', input: {} },
  'signing.status': { user: 'wijkracht.signer', type: 'query', input: { agreementId: 'erm-dvo-2026' } },
  'signing.documents': { user: 'ermelo.viewer', type: 'query', input: { agreementId: 'erm-dvo-2026' } },
  'signing.inbox': { user: 'wijkracht.signer', type: 'query', input: { limit: 10 } },
  'signing.sign': {
    user: 'wijkracht.signer',
    type: 'mutation',
    input: { agreementId: 'erm-dvo-2026', documentHash: 'a'.repeat(64), consent: true },
  },
  'tenant.updateSettings': {
    user: 'ermelo.admin',
    type: 'mutation',
    input: { expectedVersion: 1, mandateThresholdCents: 5_000_000, benchmarkOptIn: true },
  },
  'tenant.history': { user: 'ermelo.admin', type: 'query', input: {} },
  'user.list': { user: 'ermelo.admin', type: 'query', input: { limit: 10 } },
  'user.invite': {
    user: 'ermelo.admin',
    type: 'mutation',
    input: { name: 'Piet Jansen', email: 'piet.jansen@ermelo.nl', roles: ['inkoper'] },
  },
  'user.update': {
    user: 'kompas.admin',
    type: 'mutation',
    input: { key: 'kompas.reporter', expectedVersion: 1, roles: ['provider_reporter', 'provider_signer'] },
  },
  'subsidy.regulations': {
    user: 'ermelo.viewer',
    type: 'query',
    input: { space: 'GM0233', budgetYear: 2026 },
  },
  'subsidy.regulation': { user: 'ermelo.viewer', type: 'query', input: { id: 'erm-regl-welzijn-2026' } },
  'subsidy.verifyRegulation': {
    user: 'ermelo.viewer',
    type: 'query',
    input: { id: 'erm-regl-welzijn-2026' },
  },
  'subsidy.createRegulation': {
    user: 'ermelo.inkoper',
    type: 'mutation',
    input: {
      name: 'Subsidieregeling sport',
      legalBasis: 'ASV Ermelo 2024, art. 4',
      budgetYear: 2026,
      ceilingCents: 10_000_000,
      ceilingPublishedOn: '2025-06-01',
      applicationWeeks: 13,
      decisionWeeks: 8,
      settlementWeeks: 13,
      exOfficioUpToCents: 500_000,
    },
  },
  'subsidy.updateRegulation': {
    user: 'ermelo.inkoper',
    type: 'mutation',
    input: {
      id: 'erm-regl-welzijn-2026',
      expectedVersion: 1,
      data: { name: 'Welzijn', ceilingCents: 50_000_000 },
    },
  },
  'subsidy.get': { user: 'ermelo.viewer', type: 'query', input: { agreementId: 'erm-sub-2027' } },
  'subsidy.phaseOut': {
    user: 'ermelo.viewer',
    type: 'query',
    input: { agreementId: 'erm-sub-2027', amountCents: 1 },
  },
  'subsidy.recordApplication': {
    user: 'ermelo.inkoper',
    type: 'mutation',
    input: {
      agreementId: 'erm-sub-2027',
      expectedVersion: 1,
      regulationId: 'erm-regl-welzijn-2026',
      applicationDate: '2026-09-01',
      requestedCents: 100,
      bookYear: 2027,
    },
  },
  'subsidy.grant': {
    user: 'ermelo.inkoper',
    type: 'mutation',
    input: {
      agreementId: 'erm-sub-2027',
      expectedVersion: 1,
      amountCents: 100,
      settlementDueDate: '2028-04-01',
      acceptLateApplication: true,
      lateMotivation: 'Te laat maar nodig',
      settleAtGrant: false,
      note: 'ok',
    },
  },
  'subsidy.settle': {
    user: 'ermelo.contractmanager',
    type: 'mutation',
    input: {
      agreementId: 'erm-sub-2026',
      expectedVersion: 3,
      amountCents: 100,
      ground: 'not_carried_out',
      motivation: 'Niet uitgevoerd',
      exOfficio: false,
    },
  },
  'subsidy.advance': {
    user: 'ermelo.contractmanager',
    type: 'mutation',
    input: {
      agreementId: 'erm-sub-2026',
      expectedVersion: 3,
      date: '2026-05-01',
      amountCents: 100,
      note: 'Eerste voorschot',
    },
  },
  'organisation.create': {
    user: 'ermelo.admin',
    type: 'mutation',
    input: {
      kind: 'provider',
      name: 'Zorg B.V.',
      kvkNumber: '12345678',
      agbCode: '41000001',
      iban: 'NL91ABNA0417164300',
    },
  },
};

/** A value of another JSON type than `value` (never null: some fields are nullable). */
const otherType = (value: unknown) =>
  fc.oneof(
    ...[
      typeof value !== 'string' ? fc.string({ maxLength: 5 }) : null,
      typeof value !== 'number' ? fc.integer() : null,
      typeof value !== 'boolean' ? fc.boolean() : null,
      !Array.isArray(value) ? fc.array(fc.integer(), { maxLength: 2 }) : null,
      typeof value !== 'object' || Array.isArray(value)
        ? fc.dictionary(fc.string({ maxLength: 3 }), fc.integer(), { maxKeys: 2 })
        : null,
    ].filter((a): a is fc.Arbitrary<never> => a !== null),
  );

/** Every path to a leaf of the valid input, e.g. ['productLines', 0, 'tariffCents']. */
function leaves(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [path];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return entries.flatMap(([k, v]) => leaves(v, [...path, k]));
}

function setAt(input: unknown, path: (string | number)[], replacement: unknown): unknown {
  const copy = structuredClone(input) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path.at(-1)!] = replacement;
  return copy;
}

/** Inputs that are invalid by construction. */
function invalidInputs(valid: Record<string, unknown>): fc.Arbitrary<unknown> {
  const paths = leaves(valid).filter((p) => p.length > 0);
  // An input with no fields (e.g. `{}`) has nothing to give a wrong type.
  const wrongType = paths.length
    ? [
        fc
          .constantFrom(...paths)
          .chain((path) =>
            otherType(path.reduce<unknown>((n, k) => (n as Record<string | number, unknown>)[k], valid)).map(
              (v) => setAt(valid, path, v),
            ),
          ),
      ]
    : [];
  const unknownKey = fc
    .string({ minLength: 1, maxLength: 8 })
    .filter((k) => !(k in valid) && k !== '__proto__')
    .map((k) => ({ ...valid, [k]: 1 }));
  const valueAt = (path: (string | number)[]) =>
    path.reduce<unknown>((n, k) => (n as Record<string | number, unknown>)[k], valid);
  const stringPaths = paths.filter((p) => typeof valueAt(p) === 'string');
  const overlong = stringPaths.length
    ? [fc.constantFrom(...stringPaths).map((path) => setAt(valid, path, 'x'.repeat(6000)))]
    : [];
  const notAnObject = fc.oneof(
    fc.integer(),
    fc.string({ maxLength: 10 }),
    fc.boolean(),
    fc.array(fc.integer(), { maxLength: 3 }),
  );
  return fc.oneof(...wrongType, unknownKey, ...overlong, notAnObject);
}

describe('fuzzed invalid input', () => {
  let api: TestApi;
  let runs = 0;
  beforeAll(async () => {
    api = await startTestApi(await createTestDb(inject('dynamoEndpoint'), { seed: true }));
  });
  afterAll(async () => {
    await api.close();
    console.info(`fuzz: ${runs} invalid inputs over ${Object.keys(VALID).length} procedures`);
  });

  it('has a valid input for every procedure', async () => {
    expect(Object.keys(VALID).sort()).toEqual(Object.keys((await loadRouters())._def.procedures).sort());
  });

  it('answers every invalid input with a 4xx and a message, and stores nothing', async () => {
    const before = await tableFingerprint(api.db);
    for (const [path, { user, type, input }] of Object.entries(VALID)) {
      const token = await api.token(user);
      const arbitrary =
        path === 'me.get'
          ? fc.oneof(fc.integer(), fc.constant({ x: 1 }), fc.string({ minLength: 1 }))
          : invalidInputs(input);
      await fc.assert(
        fc.asyncProperty(arbitrary, async (bad) => {
          runs++;
          const response =
            type === 'query' ? await api.raw.query(path, bad, token) : await api.raw.mutate(path, bad, token);
          expect(
            response.status,
            `${path} ${JSON.stringify(bad).slice(0, 200)} → ${response.status}`,
          ).toBeGreaterThanOrEqual(400);
          expect(response.status, `${path} ${JSON.stringify(bad).slice(0, 200)}`).toBeLessThan(500);
          expect(response.body?.error?.message?.length).toBeGreaterThan(0);
          expect(JSON.stringify(response.body)).not.toMatch(/"stack"|\.ts:\d+/);
        }),
        { numRuns: 60, seed: 20261123 },
      );
    }
    expect(await tableFingerprint(api.db)).toEqual(before);
  }, 240_000);
});
