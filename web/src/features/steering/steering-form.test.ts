import { describe, expect, it } from 'vitest';
import type { Governance, StoredRelation } from '../../lib/steering/model';
import {
  answerValues,
  type DecisionValues,
  decisionFieldOrder,
  governanceValues,
  initialDecision,
  needsMotivation,
  newContactRow,
  rolesFieldOrder,
  rolesValues,
  sameDecision,
  sameRoles,
  sharedPortfolioHolder,
  steeringIssues,
  validateAnswers,
  validateDecision,
  validateRoles,
  withoutStale,
} from './steering-form';

const partnerGovernance: Governance = {
  reportingFrequency: 'half_yearly',
  kpiDepth: 'outcome',
  informationDuties: ['calamity', 'ownership_change', 'financial_trouble'],
  meetingCadence: 'bimonthly',
  escalationLadder: [
    { level: 'contractmanager', days: 15 },
    { level: 'regisseur', days: 15 },
    { level: 'directie', days: 20 },
    { level: 'portefeuillehouder', days: 30 },
  ],
  executionVariant: 'task',
};
const answers = { complexity: 'high', controlWhat: 'low', controlHow: 'low', alignment: 'aligned' } as const;
const proposal = { type: 'partner' as const, governance: partnerGovernance };

function decision(overrides: Partial<DecisionValues> = {}): DecisionValues {
  return { ...initialDecision(proposal, answers, null), ...overrides };
}

describe('the three questions', () => {
  it('needs an answer to each, question 2 in both its parts', () => {
    const result = validateAnswers({ ...answerValues(null), complexity: 'high', alignment: 'aligned' });
    expect(result.ok ? {} : result.errors).toEqual({
      'answers.controlWhat': { key: 'answerRequired' },
      'answers.controlHow': { key: 'answerRequired' },
    });
  });

  it('refuses an answer the API does not know', () => {
    const result = validateAnswers({ ...answers, alignment: 'high' });
    expect(result.ok ? {} : result.errors).toEqual({ 'answers.alignment': { key: 'answerRequired' } });
  });

  it('gives the answers as the API takes them', () => {
    expect(validateAnswers(answerValues(answers))).toEqual({ ok: true, answers });
  });
});

describe('the decision after the proposal', () => {
  it('starts from the proposal and its governance defaults', () => {
    const start = decision();
    expect(start.chosen).toBe('partner');
    expect(start.motivation).toBe('');
    expect(start.governance.escalationLadder.map((r) => [r.level, r.days])).toEqual([
      ['contractmanager', '15'],
      ['regisseur', '15'],
      ['directie', '20'],
      ['portefeuillehouder', '30'],
    ]);
  });

  it('starts from the stored decision when it was made for the same answers', () => {
    const stored: StoredRelation = {
      answers: { ...answers },
      chosen: 'customer',
      proposed: 'partner',
      motivation: 'Eerst resultaten afspreken',
      governance: { ...partnerGovernance, reportingFrequency: 'quarterly' },
    };
    const start = initialDecision(proposal, answers, stored);
    expect(start.chosen).toBe('customer');
    expect(start.motivation).toBe('Eerst resultaten afspreken');
    expect(start.governance.reportingFrequency).toBe('quarterly');
    // Other answers: the proposal for them, not the old decision.
    expect(initialDecision(proposal, { ...answers, complexity: 'medium' }, stored).chosen).toBe('partner');
  });

  it('stores the proposal with the changed reporting frequency, without a motivation', () => {
    const values = decision();
    const result = validateDecision(answers, 'partner', {
      ...values,
      governance: { ...values.governance, reportingFrequency: 'quarterly' },
    });
    expect(result).toEqual({
      ok: true,
      relation: {
        answers,
        chosen: 'partner',
        governance: { ...partnerGovernance, reportingFrequency: 'quarterly' },
      },
    });
  });

  it('requires a motivation for another type than the proposal, and keeps it', () => {
    expect(needsMotivation('customer', 'partner')).toBe(true);
    expect(needsMotivation('partner', 'partner')).toBe(false);
    const without = validateDecision(answers, 'partner', decision({ chosen: 'customer', motivation: '  ' }));
    expect(without.ok ? {} : without.errors).toEqual({ motivation: { key: 'motivationRequired' } });
    const withIt = validateDecision(
      answers,
      'partner',
      decision({ chosen: 'customer', motivation: ' Markt ' }),
    );
    expect(withIt.ok && withIt.relation).toMatchObject({ chosen: 'customer', motivation: 'Markt' });
    // Back to the proposal: the motivation is not stored.
    const back = validateDecision(answers, 'partner', decision({ chosen: 'partner', motivation: 'Markt' }));
    expect(back.ok && 'motivation' in back.relation).toBe(false);
  });

  it('checks each step of the escalation ladder and its length', () => {
    const values = decision();
    const ladder = values.governance.escalationLadder;
    const result = validateDecision(answers, 'partner', {
      ...values,
      governance: {
        ...values.governance,
        escalationLadder: [
          { ...ladder[0]!, level: ' ' },
          { ...ladder[1]!, days: '0' },
          { ...ladder[2]!, days: '2,5' },
          { ...ladder[3]!, level: 'x'.repeat(61), days: ' 121 ' },
        ],
      },
    });
    expect(result.ok ? {} : result.errors).toEqual({
      'governance.escalationLadder.0.level': { key: 'levelRequired' },
      'governance.escalationLadder.1.days': { key: 'daysInvalid' },
      'governance.escalationLadder.2.days': { key: 'daysInvalid' },
      'governance.escalationLadder.3.level': { key: 'levelTooLong' },
      'governance.escalationLadder.3.days': { key: 'daysInvalid' },
    });
    const empty = validateDecision(answers, 'partner', {
      ...values,
      governance: { ...values.governance, escalationLadder: [] },
    });
    expect(empty.ok ? {} : empty.errors).toEqual({ 'governance.escalationLadder': { key: 'ladderEmpty' } });
  });

  it('keeps each duty once and refuses an unknown choice in a select', () => {
    const values = decision();
    const result = validateDecision(answers, 'partner', {
      ...values,
      governance: {
        ...values.governance,
        informationDuties: ['calamity', 'calamity', 'complaints'],
        meetingCadence: 'weekly',
      },
    });
    expect(result.ok ? {} : result.errors).toEqual({
      'governance.meetingCadence': { key: 'choiceRequired' },
    });
    const fixed = validateDecision(answers, 'partner', {
      ...values,
      governance: { ...values.governance, informationDuties: ['calamity', 'calamity', 'complaints'] },
    });
    expect(fixed.ok && fixed.relation.governance.informationDuties).toEqual(['calamity', 'complaints']);
  });

  it('knows when nothing changed against what is stored', () => {
    const result = validateDecision(answers, 'partner', decision());
    if (!result.ok) throw new Error('expected a valid decision');
    const stored: StoredRelation = { ...result.relation, proposed: 'partner' };
    expect(sameDecision(result.relation, stored)).toBe(true);
    expect(sameDecision(result.relation, { ...stored, chosen: 'customer' })).toBe(false);
    expect(sameDecision(result.relation, null)).toBe(false);
  });
});

describe('server issues on the designer', () => {
  it('go to the field they are about, in Dutch where the field is known', () => {
    const fields = decisionFieldOrder(decision());
    expect(
      steeringIssues(
        [
          {
            path: 'relation.governance.escalationLadder.1.days',
            message: 'Too big: expected number to be <=120',
          },
          { path: 'relation.motivation', message: 'Too big: expected string to have <=1000 characters' },
          { path: 'relation.governance.escalationLadder', message: 'Too big' },
          { path: 'expectedVersion', message: 'Invalid input' },
        ],
        fields,
      ),
    ).toEqual({
      errors: {
        'governance.escalationLadder.1.days': { key: 'daysInvalid' },
        motivation: { key: 'motivationTooLong' },
        'governance.escalationLadder': { key: 'ladderInvalid' },
      },
      other: ['Invalid input'],
    });
  });

  it('drop once their field or one of its rows changed', () => {
    expect(
      withoutStale(
        {
          'governance.escalationLadder': { key: 'ladderInvalid' },
          'governance.escalationLadder.0.level': { key: 'levelInvalid' },
          motivation: { key: 'motivationTooLong' },
        },
        'governance.escalationLadder',
      ),
    ).toEqual({ motivation: { key: 'motivationTooLong' } });
  });

  it('show each ladder row in the order of the form', () => {
    const values = decision();
    expect(governanceValues(partnerGovernance).escalationLadder).toHaveLength(4);
    expect(decisionFieldOrder(values)).toContain('governance.escalationLadder.3.days');
    expect(decisionFieldOrder(null)).toEqual([
      'answers.complexity',
      'answers.controlWhat',
      'answers.controlHow',
      'answers.alignment',
    ]);
  });
});

describe('the roles form', () => {
  const stored = {
    opdrachtgever: { name: 'Team Wmo', portfolioHolder: 'Wethouder J. Mulder' },
    opdrachtnemer: { name: 'Stichting Wijkracht Noord-Veluwe', portfolioHolder: 'kept as stored' },
    contacts: [
      {
        side: 'contractor' as const,
        name: 'Fatima el Amrani',
        role: 'Accountmanager',
        email: 'f@wijkracht.nl',
      },
    ],
  };

  it('gives back what is stored when nothing changed, a hidden portfolio holder included', () => {
    const result = validateRoles(rolesValues(stored));
    expect(result).toEqual({ ok: true, roles: stored });
    expect(result.ok && sameRoles(result.roles, stored)).toBe(true);
  });

  it('leaves out empty roles and trims what is typed', () => {
    const values = rolesValues({});
    values.persons.eigenaar = { name: ' College van B&W ', portfolioHolder: ' Wethouder S. de Boer ' };
    expect(validateRoles(values)).toEqual({
      ok: true,
      roles: { eigenaar: { name: 'College van B&W', portfolioHolder: 'Wethouder S. de Boer' } },
    });
  });

  it('names each wrong field of a contact and a role without a name', () => {
    const values = rolesValues({});
    values.persons.opdrachtgever = { name: '', portfolioHolder: 'Wethouder M. Bakker' };
    values.contacts = [{ ...newContactRow(), name: 'A', role: '', email: 'a@b', phone: 'abc' }];
    const result = validateRoles(values);
    expect(result.ok ? {} : result.errors).toEqual({
      'opdrachtgever.name': { key: 'nameForPortfolioHolder' },
      'contacts.0.side': { key: 'sideRequired' },
      'contacts.0.role': { key: 'contactRoleRequired' },
      'contacts.0.email': { key: 'emailInvalid' },
      'contacts.0.phone': { key: 'phoneInvalid' },
    });
  });

  it('maps the server’s issues onto the contact fields', () => {
    const values = rolesValues(stored);
    expect(
      steeringIssues(
        [
          { path: 'roles.contacts.0.email', message: 'Invalid e-mail address' },
          { path: 'roles.contacts.0.phone', message: 'Invalid phone number' },
          { path: 'roles.eigenaar.portfolioHolder', message: 'Too big' },
          { path: 'roles.opdrachtgever', message: 'Invalid input' },
        ],
        rolesFieldOrder(values),
      ),
    ).toEqual({
      errors: {
        'contacts.0.email': { key: 'emailInvalid' },
        'contacts.0.phone': { key: 'phoneInvalid' },
        'eigenaar.portfolioHolder': { key: 'portfolioHolderInvalid' },
      },
      other: ['Invalid input'],
    });
  });

  it('sees the same portfolio holder however it is typed', () => {
    const values = rolesValues({
      opdrachtgever: { name: 'A', portfolioHolder: 'Wethouder M. Bakker' },
      eigenaar: { name: 'B', portfolioHolder: ' wethouder m bakker' },
    });
    expect(sharedPortfolioHolder(values)).toBe('Wethouder M. Bakker');
    values.persons.eigenaar.portfolioHolder = 'Wethouder S. de Boer';
    expect(sharedPortfolioHolder(values)).toBeNull();
  });
});
