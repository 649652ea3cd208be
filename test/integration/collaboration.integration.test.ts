import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.ts';
import { createTestDb } from '../support/db.ts';
import {
  activeContractWithTwoProviders,
  KOMPAS,
  refusedWithoutChange,
  type Tokens,
  tokensOf,
  WIJKRACHT,
} from '../support/two-providers.ts';

/**
 * Issue 14 point 5, the collaboration monitor: the four questions per side, the per-agreement summary and the
 * sparse signal index the dashboard reads, agreed actions as deadlines that go when done — each provider party
 * its own, a co-party's and a foreign tenant's scores out of reach.
 */
const all = (n: number) => ({ openness: n, agreements: n, information: n, understanding: n });

type Series = { who: { side: string; party?: string }; points: { average: number; answers?: unknown }[] };
type Signal = {
  who: { side: string; party?: string };
  kind: string;
  measure: string;
  from?: number;
  to: number;
};

describe('collaboration monitor', () => {
  let api: TestApi;
  let t: Tokens;
  let id: string;
  let first: { id: string; version: number };
  let second: { id: string; version: number };
  beforeAll(async () => {
    api = await startTestApi(await createTestDb(inject('dynamoEndpoint'), { seed: true }));
    t = await tokensOf(api);
    id = await activeContractWithTwoProviders(api, t);
  });
  afterAll(() => api.close());

  const dashboard = async () =>
    (await api.query('steering.dashboard', { space: 'GM0233' }, t.manager)).body.result.data
      .collaboration as {
      agreementId: string;
      signals: Signal[];
      latest: { who: { side: string; party?: string }; average: number }[];
    }[];
  const trend = async (token: string) => {
    const res = await api.query('dialogue.trend', { agreementId: id }, token);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.result.data as { questions: string[]; series: Series[]; signals: Signal[] };
  };
  const upcomingActions = async () =>
    (
      (await api.query('deadline.upcoming', { space: 'GM0233', from: '2027-02-01', days: 30 }, t.manager))
        .body.result.data.items as {
        kind: string;
        agreementId: string;
        label: string;
        key: string;
        date: string;
      }[]
    ).filter((d) => d.kind === 'action' && d.agreementId === id);

  it('reads an older meeting with only a score as its average', async () => {
    const seeded = await api.query('dialogue.trend', { agreementId: 'erm-jh-2025' }, t.manager);
    const series = seeded.body.result.data.series as Series[];
    expect(series.map((s) => [s.who.side, s.points.map((p) => p.average)])).toEqual([
      ['municipality', [3]],
      ['provider', [4]],
    ]);
    expect(series[0]?.points[0]).not.toHaveProperty('answers');
  });

  it('stores the four answers per side, derives the score, and turns actions into deadlines', async () => {
    const recorded = await api.mutate(
      'dialogue.record',
      {
        agreementId: id,
        date: '2027-01-15',
        kind: 'meeting',
        participants: ['Karim', 'Kees'],
        answers: all(4),
        actions: [
          { text: 'Tarieven toetsen', owner: 'Karim', due: '2027-02-10' },
          { text: 'Wachtlijst delen', owner: 'Kompas', due: '2027-02-12', side: 'provider', party: KOMPAS },
        ],
      },
      t.manager,
    );
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(200);
    expect(recorded.body.result.data).toMatchObject({
      scores: { municipality: 4 },
      answers: { municipality: all(4) },
      actions: [{ side: 'municipality' }, { side: 'provider', party: KOMPAS }],
    });
    first = recorded.body.result.data;
    expect((await upcomingActions()).map((d) => [d.label, d.date])).toEqual([
      ['action', '2027-02-10'],
      ['provider_action', '2027-02-12'],
    ]);
    // Kompas sees the action it owns with its due date; Wijkracht none of them.
    const kompasLog = (await api.query('dialogue.list', { agreementId: id }, t.kompas)).body.result.data;
    expect(kompasLog[0].actions).toEqual([
      { text: 'Wachtlijst delen', owner: 'Kompas', due: '2027-02-12', side: 'provider', index: 1 },
    ]);
    expect(
      (await api.query('dialogue.list', { agreementId: id }, t.wijkracht)).body.result.data[0],
    ).not.toHaveProperty('actions');

    const kompas = await api.mutate(
      'dialogue.score',
      { agreementId: id, meetingId: first.id, answers: all(5), expectedVersion: 1 },
      t.kompasSigner,
    );
    expect(kompas.status, JSON.stringify(kompas.body)).toBe(200);
    expect(kompas.body.result.data).toMatchObject({ scores: { provider: 5 }, answers: { provider: all(5) } });
    const wijkracht = await api.mutate(
      'dialogue.score',
      { agreementId: id, meetingId: first.id, score: 2, answers: all(3), expectedVersion: 2 },
      t.wijkrachtSigner,
    );
    // An explicit score is kept beside the answers.
    expect(wijkracht.body.result.data.scores).toEqual({ provider: 2 });
    first = { id: first.id, version: 3 };
    // Wijkracht's answers average 3: not below 3, no drop yet — nothing on the dashboard.
    expect((await dashboard()).some((c) => c.agreementId === id)).toBe(false);
  });

  it('signals a provider party whose score drops by 2, on the dashboard through the sparse index', async () => {
    const recorded = await api.mutate(
      'dialogue.record',
      { agreementId: id, date: '2027-04-15', kind: 'evaluation', participants: ['Karim'], answers: all(4) },
      t.manager,
    );
    second = recorded.body.result.data;
    const dropped = await api.mutate(
      'dialogue.score',
      {
        agreementId: id,
        meetingId: second.id,
        answers: { openness: 3, agreements: 3, information: 4, understanding: 3 },
        expectedVersion: 1,
      },
      t.kompasSigner,
    );
    expect(dropped.status, JSON.stringify(dropped.body)).toBe(200);
    second = { id: second.id, version: 2 };
    const row = (await dashboard()).find((c) => c.agreementId === id);
    expect(row?.signals.map((s) => [s.who.party, s.kind, s.measure, s.from, s.to])).toEqual([
      [KOMPAS, 'drop', 'openness', 5, 3],
      [KOMPAS, 'drop', 'agreements', 5, 3],
      [KOMPAS, 'drop', 'understanding', 5, 3],
    ]);
    expect(row?.latest.map((l) => [l.who.party ?? l.who.side, l.average])).toEqual([
      ['municipality', 4],
      [WIJKRACHT, 3],
      [KOMPAS, 3.3],
    ]);

    // Kompas rates again: the signal clears and the agreement leaves the index.
    const better = await api.mutate(
      'dialogue.score',
      { agreementId: id, meetingId: second.id, answers: { ...all(4), openness: 2 }, expectedVersion: 2 },
      t.kompasSigner,
    );
    expect(better.status).toBe(200);
    second = { id: second.id, version: 3 };
    const low = (await dashboard()).find((c) => c.agreementId === id);
    expect(low?.signals.map((s) => [s.kind, s.measure, s.from, s.to])).toEqual([
      ['drop', 'openness', 5, 2],
      ['low', 'openness', 5, 2],
    ]);
  });

  it('shows each provider the municipality’s series and its own, never a co-party’s', async () => {
    const owner = await trend(t.manager);
    expect(owner.questions).toEqual(['openness', 'agreements', 'information', 'understanding']);
    expect(owner.series.map((s) => s.who.party ?? s.who.side)).toEqual(['municipality', WIJKRACHT, KOMPAS]);
    const kompas = await trend(t.kompas);
    expect(kompas.series.map((s) => s.who.party ?? s.who.side)).toEqual(['municipality', KOMPAS]);
    expect(kompas.series[0]?.points.map((p) => p.answers)).toEqual([all(4), all(4)]);
    expect(kompas.signals.every((s) => s.who.side === 'municipality' || s.who.party === KOMPAS)).toBe(true);
    const wijkracht = await trend(t.wijkracht);
    expect(wijkracht.series.map((s) => s.who.party ?? s.who.side)).toEqual(['municipality', WIJKRACHT]);
    expect(JSON.stringify(wijkracht)).not.toContain(KOMPAS);
    // A foreign tenant and a provider that is no party: as if the agreement did not exist.
    expect(
      (await api.query('dialogue.trend', { agreementId: id }, await api.token('harderwijk.inkoper'))).status,
    ).toBe(404);
    expect((await api.query('dialogue.trend', { agreementId: 'erm-jh-2025' }, t.wijkracht)).status).toBe(404);
  });

  it('refuses bad input with a 4xx and changes nothing', async () => {
    const foreign = await api.token('harderwijk.inkoper');
    await refusedWithoutChange(api, [
      // Neither answers nor a score.
      () =>
        api.raw.mutate(
          'dialogue.score',
          { agreementId: id, meetingId: first.id, expectedVersion: 3 },
          t.manager,
        ),
      () =>
        api.raw.mutate(
          'dialogue.score',
          { agreementId: id, meetingId: first.id, answers: { ...all(3), openness: 6 }, expectedVersion: 3 },
          t.manager,
        ),
      () =>
        api.raw.mutate(
          'dialogue.record',
          {
            agreementId: id,
            date: '2027-05-01',
            kind: 'meeting',
            participants: ['x'],
            answers: { openness: 3 },
          },
          t.manager,
        ),
      // A provider action on a contract with two parties must name its party.
      () =>
        api.mutate(
          'dialogue.record',
          {
            agreementId: id,
            date: '2027-05-01',
            kind: 'meeting',
            participants: ['x'],
            actions: [{ text: 'x', owner: 'y', side: 'provider' }],
          },
          t.manager,
        ),
      () =>
        api.mutate(
          'dialogue.actionDone',
          { agreementId: id, meetingId: first.id, actionIndex: 5, expectedVersion: 3 },
          t.manager,
        ),
      // Wijkracht does not see Kompas's action.
      () =>
        api.mutate(
          'dialogue.actionDone',
          { agreementId: id, meetingId: first.id, actionIndex: 1, expectedVersion: 3 },
          t.wijkrachtSigner,
        ),
      () =>
        api.mutate(
          'dialogue.actionDone',
          { agreementId: id, meetingId: first.id, actionIndex: 0, expectedVersion: 1 },
          t.manager,
        ),
      () =>
        api.mutate(
          'dialogue.actionDone',
          { agreementId: id, meetingId: first.id, actionIndex: 0, expectedVersion: 3 },
          foreign,
        ),
    ]);
  });

  it('removes an action’s deadline when its owner marks it done, audited', async () => {
    const done = await api.mutate(
      'dialogue.actionDone',
      { agreementId: id, meetingId: first.id, actionIndex: 0, expectedVersion: 3 },
      t.manager,
    );
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.result.data.actions[0].done).toMatchObject({ by: expect.any(String) });
    expect((await upcomingActions()).map((d) => d.label)).toEqual(['provider_action']);
    const kompas = await api.mutate(
      'dialogue.actionDone',
      { agreementId: id, meetingId: first.id, actionIndex: 1, expectedVersion: 4 },
      t.kompasSigner,
    );
    expect(kompas.status, JSON.stringify(kompas.body)).toBe(200);
    expect(kompas.body.result.data.actions).toEqual([
      expect.objectContaining({ index: 1, done: { at: expect.any(String) } }),
    ]);
    expect(await upcomingActions()).toEqual([]);
    const again = await api.mutate(
      'dialogue.actionDone',
      { agreementId: id, meetingId: first.id, actionIndex: 1, expectedVersion: 5 },
      t.kompasSigner,
    );
    expect(again.status).toBe(409);
    const history = (await api.query('agreement.history', { id }, t.manager)).body.result.data;
    const events = (history.items ?? history) as { action: string }[];
    expect(events.filter((e) => e.action === 'dialogue.actionDone')).toHaveLength(2);
    expect((await api.query('agreement.verifyAudit', { id }, t.manager)).body.result.data.valid).toBe(true);
  });
});
