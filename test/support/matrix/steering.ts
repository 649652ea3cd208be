import type { RouterCalls } from './types.ts';

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

/** The matrices' calls for the `steering` router's procedures (test/support/matrix.ts). */
export const steering = {
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
  'steering.dashboard': (t) => [{ type: 'query', input: { space: t.space } }],
} satisfies RouterCalls<'steering'>;
