import { firstExpected } from '@regie/core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.ts';
import { createTestDb } from '../support/db.ts';
import {
  activeContractWithTwoProviders,
  KOMPAS,
  KOMPAS_NAME,
  refusedWithoutChange as refused,
  type Tokens,
  tokensOf,
  WIJKRACHT,
  WIJKRACHT_NAME,
} from '../support/two-providers.ts';

/**
 * SPEC §2 rule 6, every party its own: on an active contract with two provider parties (Jeugdhulp Kompas and
 * Stichting Wijkracht), what one party delivers or writes is its own. The other never reads or changes it, the
 * municipality sees both, labelled, and its own meeting notes never reach a provider.
 */
describe('every party its own on an agreement with two providers', () => {
  let api: TestApi;
  let id: string;
  let t: Tokens;
  const expected = firstExpected('quarterly', '2025-01-01', new Date().toISOString().slice(0, 10));
  const period = expected.key;
  const parties = <T extends { party?: string }>(rows: T[]) => rows.map((r) => r.party).sort();

  const refusedWithoutChange = (calls: Parameters<typeof refused>[1]) => refused(api, calls);

  beforeAll(async () => {
    api = await startTestApi(await createTestDb(inject('dynamoEndpoint'), { seed: true }));
    t = await tokensOf(api);
    id = await activeContractWithTwoProviders(api, t);
  });
  afterAll(() => api.close());

  it('gives each provider party its own due per duty, each row naming its party', async () => {
    const all = (await api.query('report.due', { agreementId: id }, t.manager)).body.result.data;
    expect(all.map((d: { party: string; partyName: string }) => [d.party, d.partyName]).sort()).toEqual(
      [
        [WIJKRACHT, WIJKRACHT_NAME],
        [KOMPAS, KOMPAS_NAME],
      ].sort(),
    );
    // The space's due index (report.due, the deadline engine) has both, each its own row.
    const space = (await api.query('report.due', { limit: 100 }, t.manager)).body.result.data.filter(
      (d: { agreementId: string }) => d.agreementId === id,
    );
    expect(parties(space)).toEqual([WIJKRACHT, KOMPAS].sort());
    const upcoming = (
      await api.query('deadline.upcoming', { from: expected.start, days: 400, limit: 100 }, t.manager)
    ).body.result.data.items.filter((d: { agreementId: string }) => d.agreementId === id);
    expect(upcoming.map((d: { params: { party?: string } }) => d.params.party).sort()).toEqual(
      [KOMPAS_NAME, WIJKRACHT_NAME].sort(),
    );
    expect(new Set(upcoming.map((d: { id: string }) => d.id)).size).toBe(2);
    for (const [token, own] of [
      [t.kompas, KOMPAS],
      [t.wijkracht, WIJKRACHT],
    ] as const) {
      const mine = (await api.query('report.due', { agreementId: id }, token)).body.result.data;
      expect(parties(mine)).toEqual([own]);
      const view = (await api.query('agreement.get', { id }, token)).body.result.data;
      expect(view.due).toHaveLength(1);
      const portal = (await api.query('report.due', {}, token)).body.result.data.filter(
        (d: { agreementId: string }) => d.agreementId === id,
      );
      expect(portal).toHaveLength(1);
    }
  });

  it('lets both providers report for the same duty and period, each seeing only its own report', async () => {
    const submit = (token: string, extra: Record<string, unknown> = {}) =>
      api.mutate(
        'report.submit',
        { agreementId: id, dutyId: 'dp-kwartaal', period, summary: 'Volgens plan', ...extra },
        token,
      );
    // The contract manager must name the party on an agreement with two; a provider cannot name another.
    const unnamed = await submit(t.manager);
    expect(unnamed.status).toBe(400);
    expect(unnamed.body.error.data.issues.map((i: { path: string }) => i.path)).toEqual(['party']);
    await refusedWithoutChange([() => submit(t.kompas, { party: WIJKRACHT }), () => submit(t.manager)]);

    const kompas = await submit(t.kompas, { summary: 'Kompas: wachttijd 5 weken' });
    expect(kompas.status, JSON.stringify(kompas.body)).toBe(200);
    expect(kompas.body.result.data).toMatchObject({
      party: KOMPAS,
      partyName: KOMPAS_NAME,
      side: 'provider',
    });
    // Kompas's report does not lock Wijkracht out of the same period.
    const wijkracht = await submit(t.wijkracht, { summary: 'Wijkracht: volgens plan' });
    expect(wijkracht.status, JSON.stringify(wijkracht.body)).toBe(200);
    expect((await submit(t.kompas)).status).toBe(400);

    for (const [token, own, text] of [
      [t.kompas, KOMPAS, 'Kompas'],
      [t.wijkracht, WIJKRACHT, 'Wijkracht'],
    ] as const) {
      const list = (await api.query('report.list', { agreementId: id }, token)).body.result.data;
      expect(parties(list)).toEqual([own]);
      expect(list[0].summary).toMatch(text);
      // Each due moved on by itself.
      const due = (await api.query('report.due', { agreementId: id }, token)).body.result.data;
      expect(due[0].period).not.toBe(period);
    }
    // The contract manager reports on Wijkracht's behalf for the period Wijkracht owes next; Kompas's due stays.
    const dues = (await api.query('report.due', { agreementId: id }, t.manager)).body.result.data;
    const owed = dues.find((d: { party: string }) => d.party === WIJKRACHT);
    const kompasDue = dues.find((d: { party: string }) => d.party === KOMPAS);
    const onBehalf = await submit(t.manager, {
      period: owed.period,
      party: WIJKRACHT,
      summary: 'Namens Wijkracht',
    });
    expect(onBehalf.status, JSON.stringify(onBehalf.body)).toBe(200);
    expect(onBehalf.body.result.data).toMatchObject({ side: 'municipality', party: WIJKRACHT });
    const after = (await api.query('report.due', { agreementId: id }, t.manager)).body.result.data;
    expect(after.find((d: { party: string }) => d.party === KOMPAS)).toEqual(kompasDue);
    expect(after.find((d: { party: string }) => d.party === WIJKRACHT)?.period).not.toBe(owed.period);
    const theirs = (await api.query('report.list', { agreementId: id }, t.wijkracht)).body.result.data;
    expect(theirs.map((r: { summary: string }) => r.summary).sort()).toEqual([
      'Namens Wijkracht',
      'Wijkracht: volgens plan',
    ]);
    const kompasList = (await api.query('report.list', { agreementId: id }, t.kompas)).body.result.data;
    expect(parties(kompasList)).toEqual([KOMPAS]);

    const all = (await api.query('report.list', { agreementId: id }, t.manager)).body.result.data;
    expect(all.map((r: { partyName: string }) => r.partyName).sort()).toEqual(
      [KOMPAS_NAME, WIJKRACHT_NAME, WIJKRACHT_NAME].sort(),
    );
  });

  it('keeps realisations per party: each provider sees and corrects only its own', async () => {
    const record = (token: string, amountCents: number) =>
      api.mutate(
        'budget.record',
        { agreementId: id, realisation: { period: '2026-03', amountCents } },
        token,
      );
    const kompas = (await record(t.kompas, 1_000)).body.result.data.realisation;
    const wijkracht = (await record(t.wijkracht, 2_000)).body.result.data.realisation;
    expect(kompas).toMatchObject({ party: KOMPAS, partyName: KOMPAS_NAME });
    expect(wijkracht).toMatchObject({ party: WIJKRACHT });

    for (const [token, own, cents] of [
      [t.kompas, kompas.id, 1_000],
      [t.wijkracht, wijkracht.id, 2_000],
    ] as const) {
      const reported = (await api.query('budget.reported', { agreementId: id }, token)).body.result.data;
      expect(reported.realisations.map((r: { id: string }) => r.id)).toEqual([own]);
      expect(reported.reportedCents).toBe(cents);
    }
    // A provider cannot correct or reverse another party's realisation (NOT_FOUND, as for a missing one),
    // nor record one for it, nor read the owner's budget.
    await refusedWithoutChange([
      () =>
        api.mutate(
          'budget.correct',
          {
            agreementId: id,
            realisationId: wijkracht.id,
            expectedVersion: 1,
            realisation: null,
            reason: 'weg',
          },
          t.kompas,
        ),
      () =>
        api.mutate(
          'budget.correct',
          {
            agreementId: id,
            realisationId: wijkracht.id,
            expectedVersion: 1,
            realisation: { period: '2026-03', amountCents: 1 },
            reason: 'lager',
          },
          t.kompas,
        ),
      () =>
        api.mutate(
          'budget.record',
          { agreementId: id, party: WIJKRACHT, realisation: { period: '2026-03', amountCents: 5 } },
          t.kompas,
        ),
      () => api.query('budget.get', { agreementId: id }, t.kompas),
      // The municipality may label its own entry with a party, but only one of this agreement.
      () =>
        api.mutate(
          'budget.record',
          { agreementId: id, party: 'PV99999999', realisation: { period: '2026-03', amountCents: 5 } },
          t.manager,
        ),
    ]);
    const denied = await api.mutate(
      'budget.correct',
      { agreementId: id, realisationId: wijkracht.id, expectedVersion: 1, realisation: null, reason: 'weg' },
      t.kompas,
    );
    expect(denied.status).toBe(404);

    // The municipality sees both, labelled, and may correct any.
    const budget = (await api.query('budget.get', { agreementId: id, year: 2026 }, t.manager)).body.result
      .data;
    expect(
      budget.realisations
        .map((r: { partyName: string; amountCents: number }) => [r.partyName, r.amountCents])
        .sort(),
    ).toEqual([
      [KOMPAS_NAME, 1_000],
      [WIJKRACHT_NAME, 2_000],
    ]);
    const fixed = await api.mutate(
      'budget.correct',
      {
        agreementId: id,
        realisationId: wijkracht.id,
        expectedVersion: 1,
        realisation: { period: '2026-03', amountCents: 1_500 },
        reason: 'Factuur gecorrigeerd',
      },
      t.manager,
    );
    expect(fixed.status, JSON.stringify(fixed.body)).toBe(200);
    expect(fixed.body.result.data.realisation).toMatchObject({ party: WIJKRACHT, version: 2 });
    // Its own party may still correct it afterwards; the other still cannot see it.
    const reported = (await api.query('budget.reported', { agreementId: id }, t.wijkracht)).body.result.data;
    expect(reported.realisations[0]).toMatchObject({ id: wijkracht.id, amountCents: 1_500, version: 2 });
  });

  it('keeps KPI values per party with a version: none overwrites another party’s value', async () => {
    const record = (
      token: string,
      value: number,
      expectedVersion: number,
      extra: Record<string, unknown> = {},
    ) =>
      api.mutate(
        'kpi.record',
        { agreementId: id, kpiId: 'kpi-wacht', period: '2026-Q1', value, expectedVersion, ...extra },
        token,
      );
    expect((await record(t.kompas, 5, 0)).body.result.data).toMatchObject({ party: KOMPAS, version: 1 });
    expect((await record(t.wijkracht, 8, 0)).body.result.data).toMatchObject({
      party: WIJKRACHT,
      version: 1,
    });

    await refusedWithoutChange([
      // Another party's value: out of reach.
      () => record(t.kompas, 1, 1, { party: WIJKRACHT }),
      // A stale version (the value exists): CONFLICT, never a lost update.
      () => record(t.kompas, 1, 0),
      () => record(t.kompas, 1, 2),
      // The contract manager names the party on an agreement with two.
      () => record(t.manager, 1, 0),
      () =>
        api.mutate(
          'kpi.comment',
          { agreementId: id, kpiId: 'kpi-wacht', period: '2026-Q1', text: 'x' },
          t.manager,
        ),
      () =>
        api.mutate(
          'kpi.comment',
          { agreementId: id, kpiId: 'kpi-wacht', period: '2026-Q1', text: 'x', party: WIJKRACHT },
          t.kompas,
        ),
    ]);
    expect((await record(t.kompas, 1, 0)).status).toBe(409);

    expect((await record(t.kompas, 4, 1)).body.result.data).toMatchObject({ value: 4, version: 2 });
    const values = async (token: string) =>
      (await api.query('kpi.results', { agreementId: id }, token)).body.result.data[0].results.map(
        (r: { party: string; value: number }) => [r.party, r.value],
      );
    expect(await values(t.kompas)).toEqual([[KOMPAS, 4]]);
    expect(await values(t.wijkracht)).toEqual([[WIJKRACHT, 8]]);
    expect((await values(t.manager)).sort()).toEqual(
      [
        [WIJKRACHT, 8],
        [KOMPAS, 4],
      ].sort(),
    );
    // The manager comments on one party's value; only that party sees it.
    const commented = await api.mutate(
      'kpi.comment',
      { agreementId: id, kpiId: 'kpi-wacht', period: '2026-Q1', text: 'Graag toelichting', party: WIJKRACHT },
      t.manager,
    );
    expect(commented.status).toBe(200);
    const kompasResults = (await api.query('kpi.results', { agreementId: id }, t.kompas)).body.result.data;
    expect(JSON.stringify(kompasResults)).not.toMatch(/Graag toelichting/);
  });

  it('shows a provider only escalations of its own party; resolving is for the side that opened it', async () => {
    const open = (token: string, subject: string, party?: string) =>
      api.mutate(
        'escalation.open',
        { agreementId: id, subject, description: 'Toelichting', ...(party ? { party } : {}) },
        token,
      );
    expect((await open(t.manager, 'Zonder partij')).status).toBe(400);
    const aboutWijkracht = (await open(t.manager, 'Wachtlijst Wijkracht', WIJKRACHT)).body.result.data;
    expect(aboutWijkracht).toMatchObject({
      side: 'municipality',
      party: WIJKRACHT,
      partyName: WIJKRACHT_NAME,
    });
    const byKompas = (await open(t.kompas, 'Declaraties Kompas')).body.result.data;
    expect(byKompas).toMatchObject({ side: 'provider', party: KOMPAS });

    const listed = async (token: string) =>
      (await api.query('escalation.list', { agreementId: id }, token)).body.result.data.map(
        (e: { subject: string }) => e.subject,
      );
    expect(await listed(t.kompas)).toEqual(['Declaraties Kompas']);
    expect(await listed(t.wijkracht)).toEqual(['Wachtlijst Wijkracht']);
    expect((await listed(t.manager)).sort()).toEqual(['Declaraties Kompas', 'Wachtlijst Wijkracht']);
    const inSpace = (await api.query('escalation.openInSpace', {}, t.manager)).body.result.data.filter(
      (e: { agreementId: string }) => e.agreementId === id,
    );
    expect(inSpace.map((e: { partyName: string }) => e.partyName).sort()).toEqual(
      [KOMPAS_NAME, WIJKRACHT_NAME].sort(),
    );

    const step = (
      path: 'escalation.resolve' | 'escalation.escalate' | 'escalation.respond',
      token: string,
      e: { id: string; version: number },
    ) =>
      api.mutate(path, { agreementId: id, escalationId: e.id, expectedVersion: e.version, note: 'x' }, token);
    await refusedWithoutChange([
      // Another party's escalation: as if missing, for every move.
      () => step('escalation.resolve', t.kompas, aboutWijkracht),
      () => step('escalation.escalate', t.kompas, aboutWijkracht),
      () => step('escalation.respond', t.kompas, aboutWijkracht),
      () => step('escalation.resolve', t.wijkracht, byKompas),
      // The municipality opened it: the provider it is about may not close it.
      () => step('escalation.resolve', t.wijkrachtSigner, aboutWijkracht),
    ]);
    expect((await step('escalation.resolve', t.kompas, aboutWijkracht)).status).toBe(404);
    expect((await step('escalation.resolve', t.wijkracht, aboutWijkracht)).status).toBe(403);

    // It may respond and take it a level up instead.
    const responded = await step('escalation.respond', t.wijkracht, aboutWijkracht);
    expect(responded.status, JSON.stringify(responded.body)).toBe(200);
    expect(responded.body.result.data).toMatchObject({ level: 0, version: 2, status: 'open' });
    expect(responded.body.result.data.steps.at(-1)).toMatchObject({ action: 'responded', side: 'provider' });
    const up = await step('escalation.escalate', t.wijkracht, responded.body.result.data);
    expect(up.body.result.data).toMatchObject({ level: 1, version: 3 });
    const closed = await step('escalation.resolve', t.manager, up.body.result.data);
    expect(closed.body.result.data.status).toBe('resolved');
    // The provider that opened one resolves it itself.
    expect((await step('escalation.resolve', t.kompasSigner, byKompas)).status).toBe(200);
  });

  it('keeps the municipality’s meeting notes internal and each party’s score its own', async () => {
    const recorded = await api.mutate(
      'dialogue.record',
      {
        agreementId: id,
        date: '2026-10-01',
        kind: 'evaluation',
        participants: ['Karim Contractmanager', 'Interne jurist'],
        notes: 'Intern: Wijkracht onder verscherpt toezicht',
        actions: [{ text: 'Boeteclausule nagaan', owner: 'Juridische zaken' }],
        score: 2,
      },
      t.manager,
    );
    expect(recorded.status).toBe(200);
    const meeting = recorded.body.result.data;
    expect(meeting).toMatchObject({ version: 1, scores: { municipality: 2 }, partyScores: [] });

    const seen = async (token: string) =>
      (await api.query('dialogue.list', { agreementId: id }, token)).body.result.data;
    for (const token of [t.kompas, t.wijkracht]) {
      const [view] = await seen(token);
      expect(view).toEqual({
        id: meeting.id,
        agreementId: id,
        date: '2026-10-01',
        kind: 'evaluation',
        side: 'municipality',
        version: 1,
        scores: {},
      });
      expect(JSON.stringify(await seen(token))).not.toMatch(/verscherpt|jurist|Boeteclausule/);
    }

    const score = (token: string, value: number, expectedVersion: number, meetingId = meeting.id) =>
      api.mutate('dialogue.score', { agreementId: id, meetingId, score: value, expectedVersion }, token);
    expect((await score(t.kompasSigner, 4, 1)).body.result.data).toMatchObject({
      scores: { provider: 4 },
      version: 2,
    });
    // Wijkracht's own score, with the version it saw: a stale one is refused, never a lost update.
    await refusedWithoutChange([() => score(t.wijkrachtSigner, 1, 1)]);
    expect((await score(t.wijkrachtSigner, 1, 1)).status).toBe(409);
    expect((await score(t.wijkrachtSigner, 5, 2)).body.result.data).toMatchObject({
      scores: { provider: 5 },
    });
    // Kompas changes its own score: Wijkracht's stays.
    expect((await score(t.kompasSigner, 3, 3)).status).toBe(200);
    expect((await seen(t.kompas))[0].scores).toEqual({ provider: 3 });
    expect((await seen(t.wijkracht))[0].scores).toEqual({ provider: 5 });
    const owner = (await seen(t.manager))[0];
    expect(owner.scores).toEqual({ municipality: 2 });
    expect(
      owner.partyScores.map((s: { partyName: string; score: number }) => [s.partyName, s.score]).sort(),
    ).toEqual([
      [KOMPAS_NAME, 3],
      [WIJKRACHT_NAME, 5],
    ]);
    expect(owner.notes).toMatch(/verscherpt/);

    // A meeting Kompas records is Kompas's: Wijkracht neither sees nor scores it.
    const own = await api.mutate(
      'dialogue.record',
      {
        agreementId: id,
        date: '2026-10-02',
        kind: 'meeting',
        participants: ['Kees'],
        notes: 'Kompas intern',
        score: 4,
      },
      t.kompasSigner,
    );
    expect(own.body.result.data).toMatchObject({ side: 'provider', party: KOMPAS });
    expect((await seen(t.kompas))[0]).toMatchObject({ notes: 'Kompas intern', scores: { provider: 4 } });
    expect((await seen(t.wijkracht)).map((m: { id: string }) => m.id)).toEqual([meeting.id]);
    await refusedWithoutChange([() => score(t.wijkrachtSigner, 1, 1, own.body.result.data.id)]);
    expect((await score(t.wijkrachtSigner, 1, 1, own.body.result.data.id)).status).toBe(404);
  });

  it('keeps the audit chain of every accepted change valid', async () => {
    const verified = await api.query('agreement.verifyAudit', { id }, t.manager);
    expect(verified.body.result.data.valid).toBe(true);
    const history = (await api.query('agreement.history', { id }, t.manager)).body.result.data;
    const actions = new Set(history.map((h: { action: string }) => h.action));
    for (const action of ['report', 'realisation', 'kpi.record', 'escalation.respond', 'dialogue.score'])
      expect(actions.has(action), action).toBe(true);
  });
});
