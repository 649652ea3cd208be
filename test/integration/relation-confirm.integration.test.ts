import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.ts';
import { createTestDb } from '../support/db.ts';

/**
 * Issue 14 point 2, agreed by both sides: each party confirms the relation (or asks a change) per round; a
 * re-decision re-opens it; the municipality records a board's confirmation for a party without users; every answer
 * is audited; the party sees what it may and nothing internal, and nothing of a co-party.
 */
const SAMEN = 'erm-jh-2026-samen';
const KOMPAS = 'PV81234567';
const WIJKRACHT = 'PV40123456';
const INTERNAL = 'INTERN-alleen-voor-de-gemeente';

type Party = { party: string; state: string; round: number; answer: null | Record<string, unknown> };

describe('relation confirmation by each party', () => {
  let api: TestApi;
  const ok = (response: { status: number; body: { result?: { data?: unknown } } }) => {
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body.result?.data as Record<string, never>;
  };
  const steering = async (agreementId: string, user = 'ermelo.contractmanager') =>
    ok(await api.query('steering.get', { agreementId }, await api.token(user))) as unknown as {
      version: number;
      round: number;
      relation: Record<string, unknown> & { proposed: string };
      confirmation: { round: number; parties: Party[]; answers: Party['answer'][]; rounds: unknown[] };
    };
  const stateOf = async (agreementId: string) =>
    Object.fromEntries(
      (await steering(agreementId)).confirmation.parties.map((p) => [p.party, p.state]),
    ) as Record<string, string>;
  /** Re-decides the relation (as the contract manager), keeping the roles. */
  const redecide = async (
    agreementId: string,
    change: Record<string, unknown>,
    user = 'ermelo.contractmanager',
  ) => {
    const current = await steering(agreementId, user);
    const { proposed: _p, ...relation } = current.relation;
    return ok(
      await api.mutate(
        'steering.update',
        { agreementId, expectedVersion: current.version, relation: { ...relation, ...change } as never },
        await api.token(user),
      ),
    ) as unknown as { round: number };
  };

  beforeAll(async () => {
    api = await startTestApi(await createTestDb(inject('dynamoEndpoint'), { seed: true }));
  });
  afterAll(() => api.close());

  it('holds the seed: the GR confirmed by its board, ERM-2026-JH02 with a change asked by Wijkracht', async () => {
    const gr = await steering('rnv-gr-01');
    expect(gr.relation).toMatchObject({ chosen: 'partner', proposed: 'partner' });
    expect(gr.confirmation.parties).toEqual([
      expect.objectContaining({
        party: 'org-sdnv',
        portal: false,
        state: 'confirmed',
        round: 1,
        answer: expect.objectContaining({
          onBehalf: { decisionRef: 'AB-besluit 2026-14', date: '2026-03-12' },
          by: 'noordveluwe.coordinator',
        }),
      }),
    ]);
    const samen = await steering(SAMEN);
    expect(samen.confirmation.parties.map((p) => [p.party, p.state])).toEqual([
      [KOMPAS, 'proposed'],
      [WIJKRACHT, 'change_asked'],
    ]);
    expect(samen.confirmation.parties[1]!.answer).toMatchObject({ by: 'wijkracht.signer', round: 1 });
    expect(samen.confirmation.parties[1]!.answer!.reason).toMatch(/partnerrelatie/);
  });

  it('shows a party the relation, governance, roles and contacts — its own answers only, nothing internal', async () => {
    await redecide(SAMEN, { internalNote: INTERNAL });
    // An internal note re-opens nothing: Wijkracht's answer still counts.
    expect(await stateOf(SAMEN)).toEqual({ [KOMPAS]: 'proposed', [WIJKRACHT]: 'change_asked' });
    const view = ok(
      await api.query('steering.partyView', { agreementId: SAMEN }, await api.token('kompas.reporter')),
    );
    expect(view).toMatchObject({
      agreementId: SAMEN,
      reference: 'ERM-2026-JH02',
      ownerName: 'Gemeente Ermelo',
      party: { party: KOMPAS },
      round: 1,
      state: 'proposed',
      answer: null,
      history: [],
      relation: {
        chosen: 'customer',
        proposed: 'customer',
        governance: { reportingFrequency: expect.any(String) },
      },
      roles: { opdrachtgever: { name: 'Team Jeugd' } },
    });
    const contacts = (view.roles as unknown as { contacts: { side: string }[] }).contacts.map((c) => c.side);
    expect(contacts).toEqual(['municipality', 'contractor']);
    const text = JSON.stringify(view);
    expect(text).not.toContain(INTERNAL);
    expect(text).not.toContain('internalNote');
    expect(text).not.toContain('"answers"');
    // The co-party's reason is Wijkracht's own.
    expect(text).not.toContain('partnerrelatie');
    const own = ok(
      await api.query('steering.partyView', { agreementId: SAMEN }, await api.token('wijkracht.signer')),
    );
    expect(own).toMatchObject({
      state: 'change_asked',
      history: [expect.objectContaining({ party: WIJKRACHT })],
    });
    expect(JSON.stringify(own)).not.toContain(INTERNAL);
  });

  it('moves each party through the rounds: confirm, re-answer, re-open, stale round, audited', async () => {
    const kompas = await api.token('kompas.signer');
    const wijkracht = await api.token('wijkracht.signer');
    expect(ok(await api.mutate('steering.confirm', { agreementId: SAMEN, round: 1 }, kompas))).toMatchObject({
      party: KOMPAS,
      state: 'confirmed',
      round: 1,
    });
    // Re-answering in the same round: the last answer wins, both stay in the history.
    ok(await api.mutate('steering.confirm', { agreementId: SAMEN, round: 1 }, wijkracht));
    expect(await stateOf(SAMEN)).toEqual({ [KOMPAS]: 'confirmed', [WIJKRACHT]: 'confirmed' });
    const own = ok(await api.query('steering.partyView', { agreementId: SAMEN }, wijkracht));
    expect((own.history as unknown as { state: string }[]).map((a) => a.state)).toEqual([
      'change_asked',
      'confirmed',
    ]);

    // Re-deciding the relation re-opens it: everyone is asked again.
    const reopened = await redecide(SAMEN, {
      chosen: 'partner',
      motivation: 'Op verzoek van Wijkracht: samen sturen op resultaat.',
    });
    expect(reopened.round).toBe(2);
    expect(await stateOf(SAMEN)).toEqual({ [KOMPAS]: 'proposed', [WIJKRACHT]: 'proposed' });

    const stale = await api.mutate('steering.confirm', { agreementId: SAMEN, round: 1 }, kompas);
    expect(stale.status).toBe(409);
    expect(stale.body.error.data).toMatchObject({
      reason: 'relation.staleRound',
      params: { round: 1, currentRound: 2 },
    });
    const reason = 'Het kwartaaloverleg past niet bij onze planning; graag halfjaarlijks.';
    ok(await api.mutate('steering.askChange', { agreementId: SAMEN, round: 2, reason }, kompas));
    const view = ok(await api.query('steering.partyView', { agreementId: SAMEN }, kompas));
    expect(view).toMatchObject({
      round: 2,
      state: 'change_asked',
      answer: { reason, round: 2 },
      relation: { chosen: 'partner', motivation: 'Op verzoek van Wijkracht: samen sturen op resultaat.' },
    });

    const municipal = await steering(SAMEN);
    expect(municipal.confirmation.round).toBe(2);
    expect(municipal.confirmation.answers).toHaveLength(4);
    expect(municipal.confirmation.rounds).toEqual([
      expect.objectContaining({ round: 1, chosen: 'customer', by: 'ermelo.contractmanager' }),
      expect.objectContaining({ round: 2, chosen: 'partner', by: 'ermelo.contractmanager' }),
    ]);

    const manager = await api.token('ermelo.contractmanager');
    const history = ok(await api.query('agreement.history', { id: SAMEN }, manager)) as unknown as {
      action: string;
      actor: string;
      organisation: string;
    }[];
    expect(history.filter((e) => e.action.startsWith('relation.')).map((e) => [e.action, e.actor])).toEqual([
      ['relation.change_asked', 'wijkracht.signer'],
      ['relation.confirmed', 'kompas.signer'],
      ['relation.confirmed', 'wijkracht.signer'],
      ['relation.change_asked', 'kompas.signer'],
    ]);
    expect(history.find((e) => e.action === 'relation.confirmed')?.organisation).toBe(KOMPAS);
    expect(ok(await api.query('agreement.verifyAudit', { id: SAMEN }, manager)).valid).toBe(true);
  });

  it('refuses what is not an answer: no relation yet, bad reason, a reporter — and changes nothing', async () => {
    const kompas = await api.token('kompas.signer');
    const manager = await api.token('ermelo.contractmanager');
    const before = ok(
      await api.query('agreement.history', { id: 'erm-jh-2025' }, manager),
    ) as unknown as unknown[];
    const none = await api.mutate('steering.confirm', { agreementId: 'erm-jh-2025', round: 1 }, kompas);
    expect(none.status).toBe(400);
    expect(none.body.error.data.reason).toBe('relation.notDecided');
    expect(ok(await api.query('steering.partyView', { agreementId: 'erm-jh-2025' }, kompas))).toMatchObject({
      round: 0,
      state: 'proposed',
      relation: null,
    });
    expect(ok(await api.query('agreement.history', { id: 'erm-jh-2025' }, manager))).toHaveLength(
      before.length,
    );

    const answers = (await steering(SAMEN)).confirmation.answers.length;
    for (const reason of ['', '   ', 'x'.repeat(1001)]) {
      const bad = await api.mutate('steering.askChange', { agreementId: SAMEN, round: 2, reason }, kompas);
      expect(bad.status, reason).toBe(400);
    }
    const reporter = await api.token('kompas.reporter');
    expect((await api.mutate('steering.confirm', { agreementId: SAMEN, round: 2 }, reporter)).status).toBe(
      403,
    );
    expect((await steering(SAMEN)).confirmation.answers).toHaveLength(answers);
  });

  it('lets the municipality record the board’s confirmation for a party without users, only for such a party', async () => {
    const reopened = await redecide(
      'rnv-gr-01',
      {
        governance: {
          ...((await steering('rnv-gr-01')).relation.governance as object),
          meetingCadence: 'monthly',
        },
      },
      // The region decides its GR's relation (a member may not: steering.memberOwnRowOnly).
      'noordveluwe.coordinator',
    );
    expect(reopened.round).toBe(2);
    expect(await stateOf('rnv-gr-01')).toEqual({ 'org-sdnv': 'proposed' });
    const coordinator = await api.token('noordveluwe.coordinator');
    const input = {
      agreementId: 'rnv-gr-01',
      round: 2,
      party: 'org-sdnv',
      decisionRef: 'AB-besluit 2026-22',
      date: '2026-06-04',
    };
    const signer = await api.token('kompas.signer');
    expect((await api.mutate('steering.recordConfirmation', input, signer)).status).toBe(403);
    expect(
      (await api.mutate('steering.recordConfirmation', { ...input, round: 1 }, coordinator)).status,
    ).toBe(409);
    expect(ok(await api.mutate('steering.recordConfirmation', input, coordinator))).toMatchObject({
      party: 'org-sdnv',
      state: 'confirmed',
      answer: {
        onBehalf: { decisionRef: 'AB-besluit 2026-22', date: '2026-06-04' },
        by: 'noordveluwe.coordinator',
      },
    });
    expect(await stateOf('rnv-gr-01')).toEqual({ 'org-sdnv': 'confirmed' });
    const history = ok(
      await api.query('agreement.history', { id: 'rnv-gr-01' }, await api.token('ermelo.viewer')),
    ) as unknown as { action: string }[];
    expect(history.filter((e) => e.action === 'relation.recordConfirmation')).toHaveLength(2);

    // A party with users of its own confirms itself; an organisation not party to it is refused.
    const manager = await api.token('ermelo.contractmanager');
    const samen = { agreementId: SAMEN, round: 2, decisionRef: 'x', date: '2026-06-04' };
    const portal = await api.mutate('steering.recordConfirmation', { ...samen, party: KOMPAS }, manager);
    expect(portal.body.error.data).toMatchObject({
      reason: 'relation.partyHasPortal',
      issues: [{ path: 'party' }],
    });
    const unknown = await api.mutate('steering.recordConfirmation', { ...samen, party: 'org-sdnv' }, manager);
    expect(unknown.body.error.data).toMatchObject({
      reason: 'relation.partyUnknown',
      issues: [{ path: 'party' }],
    });
  });

  it('answers NOT_FOUND to a foreign tenant and a provider not party to the agreement', async () => {
    const utrecht = await api.token('utrecht.inkoper');
    expect((await api.query('steering.get', { agreementId: SAMEN }, utrecht)).status).toBe(404);
    expect(
      (
        await api.mutate(
          'steering.recordConfirmation',
          { agreementId: 'rnv-gr-01', round: 2, party: 'org-sdnv', decisionRef: 'x', date: '2026-06-04' },
          utrecht,
        )
      ).status,
    ).toBe(404);
    // Kompas is no party to Wijkracht's DVO, nor to the region's GR.
    const kompas = await api.token('kompas.signer');
    for (const agreementId of ['erm-dvo-2026', 'rnv-gr-01', 'ghost-0000']) {
      expect((await api.query('steering.partyView', { agreementId }, kompas)).status, agreementId).toBe(404);
      expect(
        (await api.mutate('steering.confirm', { agreementId, round: 1 }, kompas)).status,
        agreementId,
      ).toBe(404);
    }
    // A municipal user has no party view.
    expect(
      (await api.query('steering.partyView', { agreementId: SAMEN }, await api.token('ermelo.inkoper')))
        .status,
    ).toBe(403);
  });
});
