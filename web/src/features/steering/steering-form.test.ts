import { describe, expect, it } from 'vitest';
import { deepestField, validateForm } from '../../lib/form-schema';
import type { Governance, StoredRelation } from '../../lib/steering/model';
import {
  answersSchema,
  answerValues,
  type DecisionValues,
  decisionFieldOrder,
  decisionSchema,
  governanceValues,
  initialDecision,
  needsMotivation,
  newContactRow,
  rolesFieldOrder,
  rolesSchema,
  rolesValues,
  sameDecision,
  sameRoles,
  sharedPortfolioHolder,
} from './steering-form';

const k = (name: string) => `steering.errors.${name}`;
const validateDecision = (values: DecisionValues) => validateForm(decisionSchema(answers, 'partner'), values);

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
  // The answers form's paths are the questions; the page shows them as `answers.<question>`.
  it('needs an answer to each, question 2 in both its parts', async () => {
    const result = await validateForm(answersSchema, {
      ...answerValues(null),
      complexity: 'high',
      alignment: 'aligned',
    });
    expect(result.ok ? {} : result.errors).toEqual({
      controlWhat: k('answerRequired'),
      controlHow: k('answerRequired'),
    });
  });

  it('refuses an answer the API does not know', async () => {
    const result = await validateForm(answersSchema, { ...answers, alignment: 'high' });
    expect(result.ok ? {} : result.errors).toEqual({ alignment: k('answerRequired') });
  });

  it('gives the answers as the API takes them', async () => {
    expect(await validateForm(answersSchema, answerValues(answers))).toEqual({ ok: true, value: answers });
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

  it('stores the proposal with the changed reporting frequency, without a motivation', async () => {
    const values = decision();
    const result = await validateDecision({
      ...values,
      governance: { ...values.governance, reportingFrequency: 'quarterly' },
    });
    expect(result).toEqual({
      ok: true,
      value: {
        answers,
        chosen: 'partner',
        governance: { ...partnerGovernance, reportingFrequency: 'quarterly' },
      },
    });
  });

  it('keeps an internal note trimmed, leaves an empty one out, and bounds it', async () => {
    const withNote = await validateDecision(decision({ internalNote: ' Aanbieder is kwetsbaar ' }));
    expect(withNote.ok && withNote.value).toMatchObject({ internalNote: 'Aanbieder is kwetsbaar' });
    const empty = await validateDecision(decision({ internalNote: '   ' }));
    expect(empty.ok && 'internalNote' in empty.value).toBe(false);
    const tooLong = await validateDecision(decision({ internalNote: 'x'.repeat(2001) }));
    expect(tooLong.ok ? {} : tooLong.errors).toEqual({ internalNote: k('internalNoteTooLong') });
    // A stored note comes back into the form, also when the answers changed.
    const stored = { answers, chosen: 'partner', proposed: 'partner', governance: partnerGovernance };
    expect(
      initialDecision(proposal, answers, { ...stored, internalNote: 'Let op' } as StoredRelation)
        .internalNote,
    ).toBe('Let op');
    expect(
      initialDecision(proposal, { ...answers, complexity: 'low' }, {
        ...stored,
        internalNote: 'Let op',
      } as StoredRelation).internalNote,
    ).toBe('Let op');
  });

  it('requires a motivation for another type than the proposal, and keeps it', async () => {
    expect(needsMotivation('customer', 'partner')).toBe(true);
    expect(needsMotivation('partner', 'partner')).toBe(false);
    const without = await validateDecision(decision({ chosen: 'customer', motivation: '  ' }));
    expect(without.ok ? {} : without.errors).toEqual({ motivation: k('motivationRequired') });
    const tooLong = await validateDecision(decision({ chosen: 'customer', motivation: 'x'.repeat(1001) }));
    expect(tooLong.ok ? {} : tooLong.errors).toEqual({ motivation: k('motivationTooLong') });
    const withIt = await validateDecision(decision({ chosen: 'customer', motivation: ' Markt ' }));
    expect(withIt.ok && withIt.value).toMatchObject({ chosen: 'customer', motivation: 'Markt' });
    // Back to the proposal: the motivation is not stored.
    const back = await validateDecision(decision({ chosen: 'partner', motivation: 'Markt' }));
    expect(back.ok && 'motivation' in back.value).toBe(false);
    const none = await validateDecision(decision({ chosen: '' }));
    expect(none.ok ? {} : none.errors).toEqual({ chosen: k('chosenRequired') });
  });

  it('checks each step of the escalation ladder and its length', async () => {
    const values = decision();
    const ladder = values.governance.escalationLadder;
    const result = await validateDecision({
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
      'governance.escalationLadder.0.level': k('levelRequired'),
      'governance.escalationLadder.1.days': k('daysInvalid'),
      'governance.escalationLadder.2.days': k('daysInvalid'),
      'governance.escalationLadder.3.level': k('levelTooLong'),
      'governance.escalationLadder.3.days': k('daysInvalid'),
    });
    const empty = await validateDecision({
      ...values,
      governance: { ...values.governance, escalationLadder: [] },
    });
    expect(empty.ok ? {} : empty.errors).toEqual({ 'governance.escalationLadder': k('ladderEmpty') });
    const long = await validateDecision({
      ...values,
      governance: { ...values.governance, escalationLadder: [...ladder, ...ladder] },
    });
    expect(long.ok ? {} : long.errors).toEqual({ 'governance.escalationLadder': k('ladderTooLong') });
  });

  it('keeps each duty once and refuses an unknown choice in a select', async () => {
    const values = decision();
    const result = await validateDecision({
      ...values,
      governance: {
        ...values.governance,
        informationDuties: ['calamity', 'calamity', 'complaints'],
        meetingCadence: 'weekly',
      },
    });
    expect(result.ok ? {} : result.errors).toEqual({
      'governance.meetingCadence': k('choiceRequired'),
    });
    const fixed = await validateDecision({
      ...values,
      governance: { ...values.governance, informationDuties: ['calamity', 'calamity', 'complaints'] },
    });
    expect(fixed.ok && fixed.value.governance.informationDuties).toEqual(['calamity', 'complaints']);
    const many = await validateDecision({
      ...values,
      governance: { ...values.governance, informationDuties: Array.from({ length: 21 }, (_, i) => `d${i}`) },
    });
    expect(many.ok ? {} : many.errors).toEqual({ 'governance.informationDuties': k('dutiesInvalid') });
  });

  it('knows when nothing changed against what is stored', async () => {
    const result = await validateDecision(decision());
    if (!result.ok) throw new Error('expected a valid decision');
    const stored: StoredRelation = { ...result.value, proposed: 'partner' };
    expect(sameDecision(result.value, stored)).toBe(true);
    expect(sameDecision(result.value, { ...stored, chosen: 'customer' })).toBe(false);
    expect(sameDecision(result.value, null)).toBe(false);
  });
});

describe('server issues on the designer', () => {
  it('go to the deepest field the form shows, without their relation. prefix', () => {
    const fieldOf = deepestField(decisionFieldOrder(decision()), /^relation(\.|$)/);
    expect(fieldOf('relation.governance.escalationLadder.1.days')).toBe('governance.escalationLadder.1.days');
    expect(fieldOf('relation.motivation')).toBe('motivation');
    expect(fieldOf('relation.governance.escalationLadder')).toBe('governance.escalationLadder');
    expect(fieldOf('relation.governance.escalationLadder.9')).toBe('governance.escalationLadder');
    expect(fieldOf('expectedVersion')).toBeUndefined();
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

  it('gives back what is stored when nothing changed, a hidden portfolio holder included', async () => {
    const result = await validateForm(rolesSchema, rolesValues(stored));
    expect(result).toEqual({ ok: true, value: stored });
    expect(result.ok && sameRoles(result.value, stored)).toBe(true);
  });

  it('leaves out empty roles and trims what is typed', async () => {
    const values = rolesValues({});
    values.eigenaar = {
      ...values.eigenaar,
      name: ' College van B&W ',
      portfolioHolder: ' Wethouder S. de Boer ',
    };
    expect(await validateForm(rolesSchema, values)).toEqual({
      ok: true,
      value: { eigenaar: { name: 'College van B&W', portfolioHolder: 'Wethouder S. de Boer' } },
    });
  });

  it('names each wrong field of a contact and a role without a name', async () => {
    const values = rolesValues({});
    values.opdrachtgever = { ...values.opdrachtgever, name: '', portfolioHolder: 'Wethouder M. Bakker' };
    values.eigenaar = { ...values.eigenaar, name: 'x'.repeat(121), portfolioHolder: 'y'.repeat(121) };
    values.contacts = [
      { ...newContactRow(), name: 'A', role: '', email: 'a@b', phone: 'abc' },
      { ...newContactRow('municipality'), name: '', role: 'r'.repeat(81) },
    ];
    const result = await validateForm(rolesSchema, values);
    expect(result.ok ? {} : result.errors).toEqual({
      'opdrachtgever.name': k('nameForPortfolioHolder'),
      'eigenaar.name': k('nameTooLong'),
      'eigenaar.portfolioHolder': k('portfolioHolderTooLong'),
      'contacts.0.side': k('sideRequired'),
      'contacts.0.role': k('contactRoleRequired'),
      'contacts.0.email': k('emailInvalid'),
      'contacts.0.phone': k('phoneInvalid'),
      'contacts.1.name': k('contactNameRequired'),
      'contacts.1.role': k('contactRoleTooLong'),
    });
    const many = rolesValues({});
    many.contacts = Array.from({ length: 21 }, () => ({
      ...newContactRow('contractor'),
      name: 'A',
      role: 'B',
    }));
    const tooMany = await validateForm(rolesSchema, many);
    expect(tooMany.ok ? {} : tooMany.errors).toEqual({ contacts: k('tooManyContacts') });
  });

  it('puts the server’s issues onto the contact fields', () => {
    const fieldOf = deepestField(rolesFieldOrder(rolesValues(stored)), /^roles(\.|$)/);
    expect(fieldOf('roles.contacts.0.email')).toBe('contacts.0.email');
    expect(fieldOf('roles.contacts.0.phone')).toBe('contacts.0.phone');
    expect(fieldOf('roles.eigenaar.portfolioHolder')).toBe('eigenaar.portfolioHolder');
    expect(fieldOf('roles.opdrachtgever')).toBeUndefined();
  });

  it('sees the same portfolio holder however it is typed', () => {
    const values = rolesValues({
      opdrachtgever: { name: 'A', portfolioHolder: 'Wethouder M. Bakker' },
      eigenaar: { name: 'B', portfolioHolder: ' wethouder m bakker' },
    });
    expect(sharedPortfolioHolder(values)).toBe('Wethouder M. Bakker');
    values.eigenaar.portfolioHolder = 'Wethouder S. de Boer';
    expect(sharedPortfolioHolder(values)).toBeNull();
  });
});
