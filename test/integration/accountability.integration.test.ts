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

  it('shows provider and municipality the same KPI figures and comments', async () => {
    const provider = (
      await api.query('kpi.results', { agreementId: 'erm-jh-2025' }, await api.token('kompas.reporter'))
    ).body.result.data;
    const municipality = (
      await api.query('kpi.results', { agreementId: 'erm-jh-2025' }, await api.token('ermelo.viewer'))
    ).body.result.data;
    expect(provider).toEqual(municipality);
    const wait = municipality.find((k: { id: string }) => k.id === 'kpi-wachttijd');
    expect(wait.results[0]).toMatchObject({
      period: '2026-Q2',
      value: 7.5,
      onTarget: false,
      side: 'provider',
    });
    expect(wait.results[0].comments.map((c: { side: string }) => c.side)).toEqual([
      'provider',
      'municipality',
    ]);
  });

  it('records a new value and corrects it, both sides audited', async () => {
    const reporter = await api.token('kompas.reporter');
    const first = await api.mutate(
      'kpi.record',
      { agreementId: 'erm-jh-2025', kpiId: 'kpi-wachttijd', period: '2026-Q3', value: 6.5 },
      reporter,
    );
    expect(first.body.result.data).toMatchObject({ onTarget: false });
    const fixed = await api.mutate(
      'kpi.record',
      { agreementId: 'erm-jh-2025', kpiId: 'kpi-wachttijd', period: '2026-Q3', value: 5.8 },
      reporter,
    );
    expect(fixed.body.result.data).toMatchObject({ value: 5.8, onTarget: true });
    const unknown = await api.mutate(
      'kpi.record',
      { agreementId: 'erm-jh-2025', kpiId: 'no-such-kpi', period: '2026-Q3', value: 1 },
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
    const scored = await api.mutate(
      'dialogue.score',
      { agreementId: 'erm-jh-2025', meetingId: recorded.body.result.data.id, score: 5 },
      await api.token('kompas.signer'),
    );
    expect(scored.body.result.data.scores).toEqual({ municipality: 4, provider: 5 });
    const log = (
      await api.query('dialogue.list', { agreementId: 'erm-jh-2025' }, await api.token('kompas.reporter'))
    ).body.result.data;
    expect(log.map((m: { date: string }) => m.date)).toEqual(['2026-11-19', '2026-10-08']);
    expect(log[1].scores).toEqual({ municipality: 3, provider: 4 });
  });

  it('keeps other providers out', async () => {
    const other = await api.token('wijkracht.reporter');
    expect((await api.query('kpi.results', { agreementId: 'erm-jh-2025' }, other)).status).toBe(404);
    expect((await api.query('dialogue.list', { agreementId: 'erm-jh-2025' }, other)).status).toBe(404);
  });
});
