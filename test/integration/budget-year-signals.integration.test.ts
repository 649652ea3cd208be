import { GetCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { createRepositories, type Db, keys, type Scope } from '@regie/db';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type ProcedureInput, startTestApi, type TestApi } from '../support/api.ts';
import { createTestDb } from '../support/db.ts';

type Signal = {
  agreementId: string;
  threshold: number;
  year?: number;
  spentCents: number;
  ceilingCents: number;
};

/**
 * SPEC §4.4, signals at thresholds of a YEAR ceiling: a year's spend crossing 80% (or 100%) of that year's
 * ceiling signals once per year, independent of the overall ceiling; a correction back below withdraws it, in
 * the same transaction as the entry and its audit event.
 */
describe('budget signals against a year ceiling', () => {
  let api: TestApi;
  let id: string;
  beforeAll(async () => {
    api = await startTestApi(await createTestDb(inject('dynamoEndpoint'), { seed: true }));
  });
  afterAll(() => api.close());

  const record = async (token: string, agreementId: string, period: string, amountCents: number) => {
    const response = await api.mutate(
      'budget.record',
      { agreementId, realisation: { period, amountCents } },
      token,
    );
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body.result.data as { realisation: { id: string; version: number }; signals: Signal[] };
  };
  const correct = async (token: string, input: ProcedureInput<'budget.correct'>) => {
    const response = await api.mutate('budget.correct', input, token);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body.result.data as {
      signals: Signal[];
      withdrawn: number[];
      withdrawnYears: { year: number; threshold: number }[];
    };
  };
  const signalsOf = async (token: string, agreementId: string) =>
    ((await api.query('budget.signals', {}, token)).body.result.data as Signal[])
      .filter((s) => s.agreementId === agreementId)
      .map((s) => [s.year ?? null, s.threshold]);

  it('signals 80% of a year ceiling once, while the overall ceiling is far from 80%', async () => {
    const inkoper = await api.token('ermelo.inkoper');
    const created = await api.mutate(
      'agreement.create',
      {
        kind: 'contract',
        reference: 'YEAR-SIGNAL-1',
        title: 'Leerlingenvervoer',
        domain: 'wmo',
        startDate: '2026-01-01',
        endDate: '2027-12-31',
        valueCeilingCents: 10_000_000,
        yearCeilings: [
          { year: 2026, cents: 1_000_000 },
          { year: 2027, cents: 2_000_000 },
        ],
      },
      inkoper,
    );
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    id = created.body.result.data.id;
    const manager = await api.token('ermelo.contractmanager');

    // 8,500 of the 2026 ceiling of 10,000 is 85%; of the overall 100,000 only 8.5%.
    const first = await record(manager, id, '2026-03', 850_000);
    expect(first.signals).toEqual([
      expect.objectContaining({ threshold: 80, year: 2026, spentCents: 850_000, ceilingCents: 1_000_000 }),
    ]);
    expect(await signalsOf(manager, id)).toEqual([[2026, 80]]);

    // A second entry in the same year does not signal 80% again; another year keeps its own total.
    expect((await record(manager, id, '2026-04', 50_000)).signals).toEqual([]);
    expect((await record(manager, id, '2027-01', 500_000)).signals).toEqual([]);
    expect(await signalsOf(manager, id)).toEqual([[2026, 80]]);
    // The steering dashboard names it as the year ceiling's, not the overall one.
    const board = (await api.query('steering.dashboard', {}, manager)).body.result.data;
    expect(board.ceilingsAtRisk.find((r: { agreementId: string }) => r.agreementId === id)).toEqual({
      agreementId: id,
      reference: 'YEAR-SIGNAL-1',
      title: 'Leerlingenvervoer',
      threshold: 80,
      year: 2026,
    });
    const budget = (await api.query('budget.get', { agreementId: id, year: 2026 }, manager)).body.result.data;
    expect(budget).toMatchObject({ spentCents: 1_400_000, signalled: [] });
    expect(budget.year).toMatchObject({ ceilingCents: 1_000_000, spentCents: 900_000 });
  });

  it('withdraws the year signal when a correction takes the year back below, and signals a later crossing again', async () => {
    const manager = await api.token('ermelo.contractmanager');
    const entries = (await api.query('budget.get', { agreementId: id, year: 2026 }, manager)).body.result.data
      .realisations as { id: string; period: string; version: number }[];
    const march = entries.find((r) => r.period === '2026-03')!;
    const down = await correct(manager, {
      agreementId: id,
      realisationId: march.id,
      expectedVersion: march.version,
      realisation: { period: '2026-03', amountCents: 700_000 },
      reason: 'Factuur was lager',
    });
    expect(down).toMatchObject({
      signals: [],
      withdrawn: [],
      withdrawnYears: [{ year: 2026, threshold: 80 }],
    });
    expect(await signalsOf(manager, id)).toEqual([]);

    // Moving the 2027 entry into 2026 takes 2026 to 125%: both thresholds of 2026 are signalled (again).
    const january = entries.find((r) => r.period === '2027-01')!;
    const moved = await correct(manager, {
      agreementId: id,
      realisationId: january.id,
      expectedVersion: january.version,
      realisation: { period: '2026-06', amountCents: 500_000 },
      reason: 'Verkeerd jaar',
    });
    expect(moved.signals.map((s) => [s.year, s.threshold, s.spentCents])).toEqual([
      [2026, 80, 1_250_000],
      [2026, 100, 1_250_000],
    ]);
    expect(moved.withdrawnYears).toEqual([]);
    expect((await signalsOf(manager, id)).sort()).toEqual([
      [2026, 100],
      [2026, 80],
    ]);

    const viewer = await api.token('ermelo.viewer');
    expect((await api.query('agreement.verifyAudit', { id }, viewer)).body.result.data.valid).toBe(true);
    const history = (await api.query('agreement.history', { id }, viewer)).body.result.data;
    const events = (history.items ?? history) as { action: string; changes: Record<string, unknown> }[];
    expect(
      events.find((e) => (e.changes?.note as { after?: string } | undefined)?.after === 'Verkeerd jaar'),
    ).toMatchObject({
      action: 'realisation',
      changes: {
        spentCents: { before: 1_250_000, after: 1_250_000 },
        'spentCents.2026': { before: 750_000, after: 1_250_000 },
        'spentCents.2027': { before: 500_000, after: 0 },
      },
    });
  });

  it('keeps totals kept before year signals: the years are counted once from the entries', async () => {
    const manager = await api.token('ermelo.contractmanager');
    // As stored before year signals existed: no per-year totals on the budget item.
    await api.db.doc.send(
      new UpdateCommand({
        TableName: api.db.tableName,
        Key: keys.budget('GM0233', id),
        UpdateExpression: 'REMOVE #years',
        ExpressionAttributeNames: { '#years': 'years' },
      }),
    );
    // 2027 holds nothing any more (its entry moved to 2026): 1,700,000 of 2,000,000 crosses 80%.
    const entry = await record(manager, id, '2027-02', 1_700_000);
    expect(entry.signals.map((s) => [s.year, s.threshold])).toEqual([[2027, 80]]);
    const item = await api.db.doc.send(
      new GetCommand({ TableName: api.db.tableName, Key: keys.budget('GM0233', id), ConsistentRead: true }),
    );
    expect(item.Item).toMatchObject({
      spentCents: 2_950_000,
      years: {
        '2026': { spentCents: 1_250_000, signalled: [] },
        '2027': { spentCents: 1_700_000, signalled: [80] },
      },
    });
  });

  it('refuses an entry whose totals a same-amount move to another year changed meanwhile', async () => {
    const manager = await api.token('ermelo.contractmanager');
    const entry = (await record(manager, id, '2026-07', 10_000)).realisation;
    // A move to another year at the same amount leaves the overall spend as it was, so the condition on the
    // spend cannot tell the entry below that the per-year totals it read are stale: the audit head does.
    let moved: { status: number } | undefined;
    const slow: Db = {
      tableName: api.db.tableName,
      doc: {
        send: async (command: unknown) => {
          if (command instanceof TransactWriteCommand && !moved) {
            moved = await api.mutate(
              'budget.correct',
              {
                agreementId: id,
                realisationId: entry.id,
                expectedVersion: 1,
                realisation: { period: '2027-07', amountCents: 10_000 },
                reason: 'Verkeerd jaar',
              },
              manager,
            );
          }
          return api.db.doc.send(command as never);
        },
      } as unknown as Db['doc'],
    };
    const scope: Scope = {
      space: 'GM0233',
      reach: ['GM0233', 'RGNOORDVELUWE'],
      actor: 'ermelo.contractmanager',
      organisation: 'GM0233',
      roles: ['contractmanager'],
    };
    await expect(
      createRepositories(slow, scope).budget.record(id, { period: '2027-08', amountCents: 1_000 }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(moved?.status).toBe(200);

    const entries = (await api.query('budget.get', { agreementId: id, year: 2026 }, manager)).body.result.data
      .realisations as { period: string; amountCents: number; reversedAt?: string }[];
    const perYear: Record<string, number> = {};
    for (const r of entries) {
      if (r.reversedAt) continue;
      const year = r.period.slice(0, 4);
      perYear[year] = (perYear[year] ?? 0) + r.amountCents;
    }
    const item = await api.db.doc.send(
      new GetCommand({ TableName: api.db.tableName, Key: keys.budget('GM0233', id), ConsistentRead: true }),
    );
    const kept = Object.fromEntries(
      Object.entries(item.Item!.years as Record<string, { spentCents: number }>)
        .filter(([, y]) => y.spentCents !== 0)
        .map(([year, y]) => [year, y.spentCents]),
    );
    expect(kept).toEqual(perYear);
    expect(kept['2027']).toBe(1_710_000);
  });

  it('signals a year threshold on an entry the provider reports in its portal', async () => {
    const manager = await api.token('ermelo.contractmanager');
    const agreement = (await api.query('agreement.get', { id: 'erm-jh-2025' }, manager)).body.result.data;
    const updated = await api.mutate(
      'agreement.update',
      {
        id: 'erm-jh-2025',
        expectedVersion: agreement.version,
        data: { yearCeilings: [{ year: 2026, cents: 100_000 }] },
      },
      manager,
    );
    expect(updated.status, JSON.stringify(updated.body)).toBe(200);
    const reporter = await api.token('kompas.reporter');
    const reported = await record(reporter, 'erm-jh-2025', '2026-10', 90_000);
    expect(reported.signals.map((s) => [s.year, s.threshold])).toEqual([[2026, 80]]);
    expect(await signalsOf(manager, 'erm-jh-2025')).toEqual([[2026, 80]]);
    const reversed = await correct(reporter, {
      agreementId: 'erm-jh-2025',
      realisationId: reported.realisation.id,
      expectedVersion: 1,
      realisation: null,
      reason: 'Dubbel doorgegeven',
    });
    expect(reversed.withdrawnYears).toEqual([{ year: 2026, threshold: 80 }]);
    expect(await signalsOf(manager, 'erm-jh-2025')).toEqual([]);
    expect(
      (await api.query('agreement.verifyAudit', { id: 'erm-jh-2025' }, manager)).body.result.data.valid,
    ).toBe(true);
  });
});
