import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.ts';
import { createTestDb } from '../support/db.ts';

/** SPEC §4.5 and §4.7: the same KPI figures for both sides with comments; the dialogue log with scores. */
describe('joint accountability and dialogue', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(await createTestDb(inject('dynamoEndpoint'), { seed: true }));
  });
  afterAll(() => api.close());

  it('shows the provider and the municipality the same KPI figures and comments of that party', async () => {
    const provider = (
      await api.query('kpi.results', { agreementId: 'erm-jh-2025' }, await api.token('kompas.reporter'))
    ).body.result.data;
    const municipality = (
      await api.query('kpi.results', { agreementId: 'erm-jh-2025' }, await api.token('ermelo.viewer'))
    ).body.result.data;
    expect(provider).toEqual(municipality);
    const wait = municipality.find((k: { id: string }) => k.id === 'kpi-wachttijd');
    // The seed's 2025 results (seed-incentives.ts) come first; the one with both sides' comments is 2026-Q2.
    const q2 = wait.results.find((r: { period: string }) => r.period === '2026-Q2');
    expect(q2).toMatchObject({
      period: '2026-Q2',
      value: 7.5,
      onTarget: false,
      side: 'provider',
    });
    expect(q2.comments.map((c: { side: string }) => c.side)).toEqual(['provider', 'municipality']);
  });

  it('records a new value and corrects it, both sides audited', async () => {
    const reporter = await api.token('kompas.reporter');
    const first = await api.mutate(
      'kpi.record',
      {
        agreementId: 'erm-jh-2025',
        kpiId: 'kpi-wachttijd',
        period: '2026-Q3',
        value: 6.5,
        expectedVersion: 0,
      },
      reporter,
    );
    expect(first.body.result.data).toMatchObject({ onTarget: false, version: 1, party: 'PV81234567' });
    const fixed = await api.mutate(
      'kpi.record',
      {
        agreementId: 'erm-jh-2025',
        kpiId: 'kpi-wachttijd',
        period: '2026-Q3',
        value: 5.8,
        expectedVersion: 1,
      },
      reporter,
    );
    expect(fixed.body.result.data).toMatchObject({ value: 5.8, onTarget: true, version: 2 });
    // A correction made on a stale version (or as if the value were new) is refused: no lost update.
    for (const expectedVersion of [0, 1]) {
      const stale = await api.mutate(
        'kpi.record',
        { agreementId: 'erm-jh-2025', kpiId: 'kpi-wachttijd', period: '2026-Q3', value: 9, expectedVersion },
        reporter,
      );
      expect(stale.status).toBe(409);
    }
    // The contract manager records for the agreement's one provider party without naming it.
    const onBehalf = await api.mutate(
      'kpi.record',
      {
        agreementId: 'erm-jh-2025',
        kpiId: 'kpi-tevredenheid',
        period: '2026-H1',
        value: 8,
        expectedVersion: 0,
      },
      await api.token('ermelo.contractmanager'),
    );
    expect(onBehalf.body.result.data).toMatchObject({ side: 'municipality', party: 'PV81234567' });
    const unknown = await api.mutate(
      'kpi.record',
      { agreementId: 'erm-jh-2025', kpiId: 'no-such-kpi', period: '2026-Q3', value: 1, expectedVersion: 0 },
      reporter,
    );
    expect(unknown.status).toBe(400);
    const manager = await api.token('ermelo.contractmanager');
    expect(
      (await api.query('agreement.verifyAudit', { id: 'erm-jh-2025' }, manager)).body.result.data.valid,
    ).toBe(true);
  });

  it('keeps a dialogue log with a trust score per side', async () => {
    const manager = await api.token('ermelo.contractmanager');
    const recorded = await api.mutate(
      'dialogue.record',
      {
        agreementId: 'erm-jh-2025',
        date: '2026-11-19',
        kind: 'evaluation',
        participants: ['Karim', 'Kees'],
        score: 4,
      },
      manager,
    );
    expect(recorded.body.result.data.scores).toEqual({ municipality: 4 });
    const signer = await api.token('kompas.signer');
    const score = (expectedVersion: number) =>
      api.mutate(
        'dialogue.score',
        { agreementId: 'erm-jh-2025', meetingId: recorded.body.result.data.id, score: 5, expectedVersion },
        signer,
      );
    const scored = await score(1);
    // The provider's answer is its own view: its own score, never the municipality's.
    expect(scored.body.result.data.scores).toEqual({ provider: 5 });
    expect((await score(1)).status).toBe(409);
    const log = (
      await api.query('dialogue.list', { agreementId: 'erm-jh-2025' }, await api.token('kompas.reporter'))
    ).body.result.data;
    expect(log.map((m: { date: string }) => m.date)).toEqual(['2026-11-19', '2026-10-08']);
    expect(log[1].scores).toEqual({ provider: 4 });
    expect(log[1]).not.toHaveProperty('notes');
    // The municipality sees both sides' scores, the provider's labelled with its party.
    const own = (await api.query('dialogue.list', { agreementId: 'erm-jh-2025' }, manager)).body.result.data;
    expect(own[1]).toMatchObject({
      notes: 'Wachttijden en personeelsinzet besproken.',
      scores: { municipality: 3 },
      partyScores: [{ party: 'PV81234567', partyName: 'Jeugdhulp Kompas B.V.', score: 4 }],
    });
    expect(own[0].partyScores).toEqual([
      { party: 'PV81234567', partyName: 'Jeugdhulp Kompas B.V.', score: 5 },
    ]);
  });

  it('keeps other providers out', async () => {
    const other = await api.token('wijkracht.reporter');
    expect((await api.query('kpi.results', { agreementId: 'erm-jh-2025' }, other)).status).toBe(404);
    expect((await api.query('dialogue.list', { agreementId: 'erm-jh-2025' }, other)).status).toBe(404);
  });
});
