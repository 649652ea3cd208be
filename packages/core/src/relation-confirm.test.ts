import { describe, expect, it } from 'vitest';
import { governanceDefaults } from './relation.ts';
import {
  askRelationChangeInput,
  assertAnswerable,
  confirmationState,
  confirmingParties,
  nextRound,
  partyConfirmations,
  type RelationAnswer,
  recordConfirmationInput,
  shareableRelation,
  shareableRoles,
} from './relation-confirm.ts';
import { decideRelation, type RelationDecision } from './steering.ts';

const decision: RelationDecision = {
  answers: { complexity: 'high', controlWhat: 'low', controlHow: 'low', alignment: 'aligned' },
  chosen: 'partner',
  governance: governanceDefaults('partner'),
};

const answer = (party: string, round: number, state: RelationAnswer['state']): RelationAnswer => ({
  party,
  partyName: party,
  round,
  state,
  by: 'someone',
  at: `2026-01-0${round}T10:00:00.000Z`,
});

describe('relation confirmation: the state rule', () => {
  it('counts an answer only in the round it was given for', () => {
    expect(confirmationState(null, 1)).toBe('proposed');
    expect(confirmationState({ round: 1, state: 'confirmed' }, 1)).toBe('confirmed');
    expect(confirmationState({ round: 1, state: 'change_asked' }, 1)).toBe('change_asked');
    // Re-opened: the answer to round 1 no longer counts.
    expect(confirmationState({ round: 1, state: 'confirmed' }, 2)).toBe('proposed');
    // Nothing decided (round 0): nothing is confirmed.
    expect(confirmationState({ round: 0, state: 'confirmed' }, 0)).toBe('proposed');
  });

  it('gives each party its own state from its own last answer', () => {
    const parties = [
      { party: 'PV1', partyName: 'A', portal: true },
      { party: 'PV2', partyName: 'B', portal: true },
      { party: 'org-x', partyName: 'C', portal: false },
    ];
    const answers = [
      answer('PV1', 1, 'change_asked'),
      answer('PV1', 2, 'confirmed'),
      answer('PV2', 1, 'confirmed'),
    ];
    expect(partyConfirmations(parties, answers, 2).map((p) => [p.party, p.state, p.answer?.round])).toEqual([
      ['PV1', 'confirmed', 2],
      ['PV2', 'proposed', 1],
      ['org-x', 'proposed', undefined],
    ]);
  });

  it('starts a new round when what the parties agree to changes, not for an internal note', () => {
    const stored = decideRelation(decision);
    expect(nextRound(0, null, stored)).toBe(1);
    expect(nextRound(1, stored, { ...stored })).toBe(1);
    expect(nextRound(1, stored, { ...stored, internalNote: 'alleen intern' })).toBe(1);
    expect(
      nextRound(1, stored, { ...stored, chosen: 'customer', motivation: 'Markt kent het product' }),
    ).toBe(2);
    expect(
      nextRound(1, stored, {
        ...stored,
        governance: { ...stored.governance, reportingFrequency: 'monthly' },
      }),
    ).toBe(2);
    // Withdrawing the decision re-opens it too: earlier confirmations no longer count.
    expect(nextRound(2, stored, null)).toBe(3);
  });

  it('starts a new round when the roles or contacts the parties are shown change, not for a GR member row', () => {
    const stored = decideRelation(decision);
    const roles = {
      opdrachtgever: { name: 'Team Jeugd', portfolioHolder: 'Wethouder A' },
      contacts: [{ side: 'municipality' as const, name: 'C. de Vries', role: 'Contractmanager' }],
    };
    const same = (after: typeof roles & Record<string, unknown>) =>
      nextRound(1, stored, stored, { before: roles, after });
    expect(same({ ...roles })).toBe(1);
    expect(same({ ...roles, members: [{ space: 'GM0233', eigenaar: { name: 'AB-lid' } }] })).toBe(1);
    expect(same({ ...roles, opdrachtgever: { name: 'Team Jeugd', portfolioHolder: 'Wethouder B' } })).toBe(2);
    expect(same({ ...roles, contacts: [] })).toBe(2);
    // Without a decided relation there is nothing to confirm, so nothing re-opens.
    expect(nextRound(0, null, null, { before: roles, after: { ...roles, contacts: [] } })).toBe(0);
  });

  it('refuses an answer without a decision (4xx) and one for another round (CONFLICT, stable key)', () => {
    expect(() => assertAnswerable(false, 1, 0)).toThrow(
      expect.objectContaining({ reason: 'relation.notDecided' }),
    );
    expect(() => assertAnswerable(true, 1, 2)).toThrow(
      expect.objectContaining({
        code: 'CONFLICT',
        reason: 'relation.staleRound',
        params: { round: 1, currentRound: 2 },
      }),
    );
    expect(() => assertAnswerable(true, 2, 2)).not.toThrow();
  });
});

describe('relation confirmation: what a party sees', () => {
  it('shares the type, the per-question pointers, the motivation and governance — not the answers or notes', () => {
    const stored = decideRelation({
      ...decision,
      chosen: 'customer',
      motivation: 'De markt kent dit product goed.',
      internalNote: 'Aanbieder presteerde vorig jaar matig',
    });
    const shared = shareableRelation(stored);
    expect(shared).toMatchObject({
      chosen: 'customer',
      proposed: 'partner',
      motivation: 'De markt kent dit product goed.',
    });
    expect(shared.rationale).toHaveLength(4);
    expect(shared.rationale[0]).toEqual({ question: 'complexity', supports: expect.any(Array) });
    expect(JSON.stringify(shared)).not.toMatch(/matig|internalNote|answers|aligned/);
  });

  it('passes every role field through except the internal ones, whatever the roles hold', () => {
    const roles = {
      opdrachtgever: {
        name: 'Team Jeugd',
        portfolioHolder: 'Wethouder A',
        tasks: ['x'],
        authorities: [{ what: 'Meerwerk', maxAmountCents: 2_500_000 }],
        internalNote: 'geheim',
      },
      contacts: [{ side: 'municipality' as const, name: 'K', role: 'Contractmanager' }],
      // A GR's roles per member municipality: how the members divide their own roles, not the party's business.
      members: [{ space: 'GM0233', eigenaar: { name: 'Lid AB', portfolioHolder: 'Wethouder R. Jansen' } }],
    };
    expect(shareableRoles(roles as never)).toEqual({
      opdrachtgever: {
        name: 'Team Jeugd',
        portfolioHolder: 'Wethouder A',
        tasks: ['x'],
        authorities: [{ what: 'Meerwerk', maxAmountCents: 2_500_000 }],
      },
      contacts: [{ side: 'municipality', name: 'K', role: 'Contractmanager' }],
    });
  });

  it('lists each party once: a provider by its space, a joint body by its organisation', () => {
    expect(
      confirmingParties({
        parties: [
          { organisationId: 'org-a', name: 'A', providerSpace: 'PV12345678' },
          { organisationId: 'org-a', name: 'A', providerSpace: 'PV12345678' },
          { organisationId: 'org-gr', name: 'GR', providerSpace: null },
        ],
      }),
    ).toEqual([
      { party: 'PV12345678', partyName: 'A', portal: true },
      { party: 'org-gr', partyName: 'GR', portal: false },
    ]);
  });

  it('bounds the reason and the board decision reference', () => {
    const ok = { agreementId: 'agr-1', round: 1, reason: 'Graag kwartaaloverleg' };
    expect(askRelationChangeInput.safeParse(ok).success).toBe(true);
    expect(askRelationChangeInput.safeParse({ ...ok, reason: '   ' }).success).toBe(false);
    expect(askRelationChangeInput.safeParse({ ...ok, reason: 'x'.repeat(1001) }).success).toBe(false);
    expect(askRelationChangeInput.safeParse({ ...ok, round: 0 }).success).toBe(false);
    const record = {
      agreementId: 'agr-1',
      round: 1,
      party: 'org-gr',
      decisionRef: 'AB 2026-14',
      date: '2026-03-12',
    };
    expect(recordConfirmationInput.safeParse(record).success).toBe(true);
    expect(recordConfirmationInput.safeParse({ ...record, decisionRef: 'x'.repeat(201) }).success).toBe(
      false,
    );
    expect(recordConfirmationInput.safeParse({ ...record, date: '12-03-2026' }).success).toBe(false);
  });
});
