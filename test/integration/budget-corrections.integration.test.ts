import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '@regie/db';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type ProcedureInput, startTestApi, type TestApi } from '../support/api.ts';
import { createTestDb } from '../support/db.ts';

/**
 * SPEC §4.4: correcting a wrongly entered realisation — audited, with an optimistic version, the running totals
 * and the signals kept consistent in the same transaction — and the provider's own view of what it reported.
 */
describe('realisation corrections and the provider portal', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(await createTestDb(inject('dynamoEndpoint'), { seed: true }));
  });
  afterAll(() => api.close());

  const record = async (
    token: string,
    agreementId: string,
    realisation: ProcedureInput<'budget.record'>['realisation'],
  ) => {
    const response = await api.mutate('budget.record', { agreementId, realisation }, token);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body.result.data.realisation as { id: string; version: number; period: string };
  };
  const correct = (token: string, input: ProcedureInput<'budget.correct'>) =>
    api.mutate('budget.correct', input, token);
  const budget = async (token: string, agreementId: string) =>
    (await api.query('budget.get', { agreementId, year: 2026 }, token)).body.result.data;
  const thresholdsOf = async (token: string, agreementId: string) =>
    (await api.query('budget.signals', {}, token)).body.result.data
      .filter((s: { agreementId: string }) => s.agreementId === agreementId)
      .map((s: { threshold: number }) => s.threshold);

  it('corrects an amount: the spend moves, a signal no longer reached is withdrawn, the chain stays valid', async () => {
    const manager = await api.token('ermelo.contractmanager');
    // ERM-DVO-2026-01 has a ceiling of € 96.000,00: 70.000 + 8.000 crosses 80%.
    await record(manager, 'erm-dvo-2026', { period: '2026-04', amountCents: 7_000_000 });
    const wrong = await record(manager, 'erm-dvo-2026', { period: '2026-05', amountCents: 800_000 });
    expect(await thresholdsOf(manager, 'erm-dvo-2026')).toEqual([80]);
    expect(wrong.version).toBe(1);

    const fixed = await correct(manager, {
      agreementId: 'erm-dvo-2026',
      realisationId: wrong.id,
      expectedVersion: 1,
      realisation: { period: '2026-05', amountCents: 80_000, note: 'bedrag was 800,00' },
      reason: 'Typfout: een nul te veel',
    });
    expect(fixed.status, JSON.stringify(fixed.body)).toBe(200);
    expect(fixed.body.result.data).toMatchObject({ spentCents: 7_080_000, withdrawn: [80], signals: [] });
    expect(fixed.body.result.data.realisation).toMatchObject({
      version: 2,
      amountCents: 80_000,
      correctedBy: 'ermelo.contractmanager',
      correctionReason: 'Typfout: een nul te veel',
    });

    const after = await budget(manager, 'erm-dvo-2026');
    expect(after).toMatchObject({ spentCents: 7_080_000, signalled: [] });
    expect(after.year.spentCents).toBe(7_080_000);
    expect(await thresholdsOf(manager, 'erm-dvo-2026')).toEqual([]);
    // The register row's spend level moves with it, in the same transaction.
    const row = (await api.query('agreement.find', { q: 'ERM-DVO-2026-01' }, manager)).body.result.data
      .items[0];
    expect(row.budget).toMatchObject({ spentCents: 7_080_000, level: 'ok' });

    const viewer = await api.token('ermelo.viewer');
    expect(
      (await api.query('agreement.verifyAudit', { id: 'erm-dvo-2026' }, viewer)).body.result.data.valid,
    ).toBe(true);
    const history = (await api.query('agreement.history', { id: 'erm-dvo-2026' }, viewer)).body.result.data;
    const events = (history.items ?? history) as { action: string; changes: Record<string, unknown> }[];
    expect(
      events.find(
        (e) => e.changes?.note && (e.changes.note as { after: string }).after.startsWith('Typfout'),
      ),
    ).toMatchObject({
      action: 'realisation',
      changes: {
        spentCents: { before: 7_800_000, after: 7_080_000 },
        'realisation.2026-05': { before: 800_000, after: 80_000 },
      },
    });

    // The same version again is stale: nothing changes.
    const stale = await correct(manager, {
      agreementId: 'erm-dvo-2026',
      realisationId: wrong.id,
      expectedVersion: 1,
      realisation: null,
      reason: 'nog eens',
    });
    expect(stale.status).toBe(409);
    expect((await budget(manager, 'erm-dvo-2026')).spentCents).toBe(7_080_000);
  });

  it('moves an entry to another month and signals a threshold the correction crosses', async () => {
    const manager = await api.token('ermelo.contractmanager');
    const entry = (await budget(manager, 'erm-dvo-2026')).realisations.find(
      (r: { period: string }) => r.period === '2026-04',
    );
    const moved = await correct(manager, {
      agreementId: 'erm-dvo-2026',
      realisationId: entry.id,
      expectedVersion: entry.version,
      realisation: { period: '2026-03', amountCents: 9_000_000 },
      reason: 'Verkeerde maand en bedrag',
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body.result.data.signals.map((s: { threshold: number }) => s.threshold)).toEqual([80]);
    const after = await budget(manager, 'erm-dvo-2026');
    expect(after.spentCents).toBe(9_080_000);
    expect(after.realisations.map((r: { period: string }) => r.period).sort()).toEqual([
      '2026-03',
      '2026-05',
    ]);
    expect(after.year.months.find((m: { period: string }) => m.period === '2026-04')?.cents ?? 0).toBe(0);
    expect(await thresholdsOf(manager, 'erm-dvo-2026')).toEqual([80]);
  });

  it('reverses an entry: it stays readable but no longer counts, and cannot be corrected again', async () => {
    const manager = await api.token('ermelo.contractmanager');
    const entry = (await budget(manager, 'erm-dvo-2026')).realisations.find(
      (r: { period: string }) => r.period === '2026-03',
    );
    const reversed = await correct(manager, {
      agreementId: 'erm-dvo-2026',
      realisationId: entry.id,
      expectedVersion: entry.version,
      realisation: null,
      reason: 'Dubbel ingevoerd',
    });
    expect(reversed.status).toBe(200);
    expect(reversed.body.result.data).toMatchObject({ spentCents: 80_000, withdrawn: [80] });
    const after = await budget(manager, 'erm-dvo-2026');
    expect(after.spentCents).toBe(80_000);
    expect(after.year.spentCents).toBe(80_000);
    expect(after.realisations.find((r: { id: string }) => r.id === entry.id)).toMatchObject({
      amountCents: 9_000_000,
      reversedAt: expect.any(String),
      version: entry.version + 1,
    });
    const again = await correct(manager, {
      agreementId: 'erm-dvo-2026',
      realisationId: entry.id,
      expectedVersion: entry.version + 1,
      realisation: null,
      reason: 'nog eens',
    });
    expect(again.status).toBe(400);
    const viewer = await api.token('ermelo.viewer');
    expect(
      (await api.query('agreement.verifyAudit', { id: 'erm-dvo-2026' }, viewer)).body.result.data.valid,
    ).toBe(true);
  });

  it('lets one of two racing corrections win and keeps the totals right', async () => {
    const manager = await api.token('ermelo.contractmanager');
    const entry = await record(manager, 'erm-sub-2026', { period: '2026-02', amountCents: 10_000 });
    const before = (await budget(manager, 'erm-sub-2026')).spentCents;
    const results = await Promise.all(
      [20_000, 30_000, 40_000, 50_000].map((amountCents) =>
        correct(manager, {
          agreementId: 'erm-sub-2026',
          realisationId: entry.id,
          expectedVersion: 1,
          realisation: { period: '2026-02', amountCents },
          reason: 'race',
        }),
      ),
    );
    const won = results.filter((r) => r.status === 200);
    expect(won).toHaveLength(1);
    expect(results.every((r) => r.status === 200 || r.status === 409)).toBe(true);
    const winner = won[0]!.body.result.data.realisation.amountCents as number;
    const after = await budget(manager, 'erm-sub-2026');
    expect(after.spentCents).toBe(before - 10_000 + winner);
    expect(after.realisations.find((r: { id: string }) => r.id === entry.id)).toMatchObject({
      version: 2,
      amountCents: winner,
    });
  });

  it('corrects an entry recorded before entries had a version, as version 1', async () => {
    const manager = await api.token('ermelo.contractmanager');
    const entry = await record(manager, 'erm-sub-2026', { period: '2026-03', amountCents: 5_000 });
    // As stored before corrections existed: no version attribute.
    await api.db.doc.send(
      new UpdateCommand({
        TableName: api.db.tableName,
        Key: keys.realisation('GM0233', 'erm-sub-2026', '2026-03', entry.id),
        UpdateExpression: 'REMOVE version',
      }),
    );
    const listed = (await budget(manager, 'erm-sub-2026')).realisations.find(
      (r: { id: string }) => r.id === entry.id,
    );
    expect(listed.version).toBe(1);
    const stale = await correct(manager, {
      agreementId: 'erm-sub-2026',
      realisationId: entry.id,
      expectedVersion: 2,
      realisation: null,
      reason: 'x',
    });
    expect(stale.status).toBe(409);
    const fixed = await correct(manager, {
      agreementId: 'erm-sub-2026',
      realisationId: entry.id,
      expectedVersion: 1,
      realisation: { period: '2026-03', amountCents: 6_000 },
      reason: 'Oude invoer',
    });
    expect(fixed.status, JSON.stringify(fixed.body)).toBe(200);
    expect(fixed.body.result.data.realisation.version).toBe(2);
  });

  it('shows a provider only what its side reported, and lets it correct only that', async () => {
    const reporter = await api.token('kompas.reporter');
    const manager = await api.token('ermelo.contractmanager');
    const mine = await record(reporter, 'erm-jh-2025', {
      period: '2026-09',
      amountCents: 120_000,
      volume: 6,
      productLineId: 'jh-45a12',
    });
    const municipal = await record(manager, 'erm-jh-2025', { period: '2026-09', amountCents: 55_500 });

    const reported = await api.query('budget.reported', { agreementId: 'erm-jh-2025' }, reporter);
    expect(reported.status).toBe(200);
    const ids = reported.body.result.data.realisations.map((r: { id: string }) => r.id);
    expect(ids).toContain(mine.id);
    expect(ids).not.toContain(municipal.id);
    expect(reported.body.result.data.lines.find((l: { id: string }) => l.id === 'jh-45a12')).toMatchObject({
      reportedCents: 120_000,
      volume: 6,
    });

    const fixed = await correct(reporter, {
      agreementId: 'erm-jh-2025',
      realisationId: mine.id,
      expectedVersion: 1,
      realisation: { period: '2026-09', amountCents: 100_000, volume: 5, productLineId: 'jh-45a12' },
      reason: 'Eén cliënt te veel geteld',
    });
    expect(fixed.status, JSON.stringify(fixed.body)).toBe(200);
    const corrected = (await api.query('budget.reported', { agreementId: 'erm-jh-2025' }, reporter)).body
      .result.data;
    expect(corrected.realisations.find((r: { id: string }) => r.id === mine.id)).toMatchObject({
      amountCents: 100_000,
      version: 2,
      correctionReason: 'Eén cliënt te veel geteld',
    });
    // The municipality's own entries are not the provider's to correct: exactly like a missing one.
    const theirs = await correct(reporter, {
      agreementId: 'erm-jh-2025',
      realisationId: municipal.id,
      expectedVersion: 1,
      realisation: null,
      reason: 'x',
    });
    const ghost = await correct(reporter, {
      agreementId: 'erm-jh-2025',
      realisationId: 'ghost-0000',
      expectedVersion: 1,
      realisation: null,
      reason: 'x',
    });
    expect(theirs.status).toBe(404);
    expect(theirs.body.error.message).toBe(ghost.body.error.message);

    // The municipality sees the provider's corrected figure in its burn-down.
    const line = (await budget(manager, 'erm-jh-2025')).lines.find(
      (l: { id: string }) => l.id === 'jh-45a12',
    );
    expect(line).toMatchObject({ spentCents: 100_000, volume: 5 });
  });

  it('answers NOT_FOUND to a provider of another agreement, and FORBIDDEN to roles not declared', async () => {
    const other = await api.token('wijkracht.reporter');
    const reported = await api.query('budget.reported', { agreementId: 'erm-jh-2025' }, other);
    const missing = await api.query('budget.reported', { agreementId: 'ghost-0000' }, other);
    expect(reported.status).toBe(404);
    expect(reported.body.error.message).toBe(missing.body.error.message);
    const entry = (
      await api.query('budget.reported', { agreementId: 'erm-jh-2025' }, await api.token('kompas.reporter'))
    ).body.result.data.realisations[0];
    const foreign = await correct(other, {
      agreementId: 'erm-jh-2025',
      realisationId: entry.id,
      expectedVersion: entry.version,
      realisation: null,
      reason: 'overname',
    });
    expect(foreign.status).toBe(404);

    const signer = await api.token('kompas.signer');
    expect((await api.query('budget.reported', { agreementId: 'erm-jh-2025' }, signer)).status).toBe(200);
    expect(
      (
        await correct(signer, {
          agreementId: 'erm-jh-2025',
          realisationId: entry.id,
          expectedVersion: entry.version,
          realisation: null,
          reason: 'x',
        })
      ).status,
    ).toBe(403);
    const viewer = await api.token('ermelo.viewer');
    expect((await api.query('budget.reported', { agreementId: 'erm-jh-2025' }, viewer)).status).toBe(403);
    expect(
      (
        await correct(viewer, {
          agreementId: 'erm-jh-2025',
          realisationId: entry.id,
          expectedVersion: entry.version,
          realisation: null,
          reason: 'x',
        })
      ).status,
    ).toBe(403);
    // Nothing of that changed the provider's entry.
    const still = (
      await api.query('budget.reported', { agreementId: 'erm-jh-2025' }, await api.token('kompas.reporter'))
    ).body.result.data.realisations.find((r: { id: string }) => r.id === entry.id);
    expect(still.version).toBe(entry.version);
    expect(still.reversedAt).toBeUndefined();
  });

  it('states whether a region member statement is provisional or definitive', async () => {
    const viewer = await api.token('ermelo.viewer');
    const past = (await api.query('budget.statement', { agreementId: 'rnv-ict-01', year: 2025 }, viewer)).body
      .result.data;
    const next = (await api.query('budget.statement', { agreementId: 'rnv-ict-01', year: 2100 }, viewer)).body
      .result.data;
    expect(past.final).toBe(true);
    expect(next.final).toBe(false);
  });
});
