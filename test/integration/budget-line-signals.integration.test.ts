import { DeleteCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { createDaySignals, keys } from '@regie/db';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type ProcedureInput, startTestApi, type TestApi } from '../support/api.ts';
import { createTestDb } from '../support/db.ts';

type Signal = {
  agreementId: string;
  threshold: number;
  year?: number;
  line?: { id: string; productCode: string; measure: 'amount' | 'volume' };
  volume?: number;
  volumeCeiling?: number;
  spentCents: number;
  ceilingCents: number;
};

/**
 * SPEC §4.4, bounds per product line: a line's spend crossing 80% (or 100%) of its money ceiling, or its volume
 * crossing a threshold of its volume ceiling, signals once per line — while the agreement's overall ceiling is far
 * from it; a correction that takes the entry off the line withdraws the signal in the same transaction, and the
 * inbox of the contract manager names the product line.
 */
describe('budget signals against product-line ceilings', () => {
  let api: TestApi;
  let id: string;
  let lineA: string;
  let lineB: string;
  beforeAll(async () => {
    api = await startTestApi(await createTestDb(inject('dynamoEndpoint'), { seed: true }));
  });
  afterAll(() => api.close());

  const record = async (token: string, realisation: ProcedureInput<'budget.record'>['realisation']) => {
    const response = await api.mutate('budget.record', { agreementId: id, realisation }, token);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body.result.data as { realisation: { id: string; version: number }; signals: Signal[] };
  };
  const signalsOf = async (token: string) =>
    ((await api.query('budget.signals', {}, token)).body.result.data as Signal[])
      .filter((s) => s.agreementId === id)
      .map((s) => [s.line ? `${s.line.productCode}/${s.line.measure}` : 'overall', s.threshold])
      .sort();

  it('signals 80% of a line’s money ceiling once, and 100% of another line’s volume', async () => {
    const inkoper = await api.token('ermelo.inkoper');
    const created = await api.mutate(
      'agreement.create',
      {
        kind: 'contract',
        reference: 'LINE-SIGNAL-1',
        title: 'Dagbesteding per product',
        domain: 'wmo',
        startDate: '2026-01-01',
        endDate: '2027-12-31',
        valueCeilingCents: 100_000_000,
        productLines: [
          {
            category: '02',
            productCode: '02A01',
            variant: 'effort',
            unit: 'dagdeel',
            frequency: 'per_week',
            tariffCents: 5_000,
            moneyCeilingCents: 1_000_000,
          },
          {
            category: '02',
            productCode: '02A02',
            variant: 'effort',
            unit: 'dagdeel',
            frequency: 'per_week',
            tariffCents: 5_000,
            volumeCeiling: 40,
          },
        ],
      },
      inkoper,
    );
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    id = created.body.result.data.id;
    [lineA, lineB] = (created.body.result.data.productLines as { id: string }[]).map((l) => l.id) as [
      string,
      string,
    ];
    const manager = await api.token('ermelo.contractmanager');

    // 8,500 of line A's 10,000 is 85%; of the overall 1,000,000 under 1%.
    const first = await record(manager, { period: '2026-03', amountCents: 850_000, productLineId: lineA });
    expect(first.signals).toEqual([
      expect.objectContaining({
        threshold: 80,
        line: { id: lineA, productCode: '02A01', measure: 'amount' },
        spentCents: 850_000,
        ceilingCents: 1_000_000,
      }),
    ]);
    // Again on line A without crossing anything new: no second signal.
    expect(
      (await record(manager, { period: '2026-04', amountCents: 50_000, productLineId: lineA })).signals,
    ).toEqual([]);
    // Line B has a volume ceiling of 40: 30 units is 75%, 41 passes both thresholds at once.
    expect(
      (await record(manager, { period: '2026-04', amountCents: 10_000, volume: 30, productLineId: lineB }))
        .signals,
    ).toEqual([]);
    const second = await record(manager, {
      period: '2026-05',
      amountCents: 5_000,
      volume: 11,
      productLineId: lineB,
    });
    expect(second.signals.map((s) => [s.line?.measure, s.threshold, s.volume, s.volumeCeiling])).toEqual([
      ['volume', 80, 41, 40],
      ['volume', 100, 41, 40],
    ]);
    expect(await signalsOf(manager)).toEqual([
      ['02A01/amount', 80],
      ['02A02/volume', 100],
      ['02A02/volume', 80],
    ]);
    // The steering dashboard's ceilings at risk name the line behind the highest threshold reached.
    const dashboard = (await api.query('steering.dashboard', {}, manager)).body.result.data;
    expect(dashboard.ceilingsAtRisk.filter((r: { agreementId: string }) => r.agreementId === id)).toEqual([
      expect.objectContaining({
        threshold: 100,
        line: { id: lineB, productCode: '02A02', measure: 'volume' },
      }),
    ]);

    // The per-line totals are kept on the budget item and the audit event records the line's move.
    const trail = await api.query('agreement.history', { id }, manager);
    expect(trail.status, JSON.stringify(trail.body)).toBe(200);
    const changes = (trail.body.result.data as { changes: Record<string, unknown> }[]).map((e) =>
      Object.keys(e.changes),
    );
    expect(changes.flat()).toEqual(
      expect.arrayContaining([`line.${lineA}.amountCents`, `line.${lineB}.volume`]),
    );
  });

  it('withdraws a line signal when a correction takes the entry off the line, in one transaction', async () => {
    const manager = await api.token('ermelo.contractmanager');
    const entries = (await api.query('budget.get', { agreementId: id, year: 2026 }, manager)).body.result.data
      .realisations as { id: string; amountCents: number; version: number; productLineId?: string }[];
    const big = entries.find((e) => e.amountCents === 850_000)!;
    const response = await api.mutate(
      'budget.correct',
      {
        agreementId: id,
        realisationId: big.id,
        expectedVersion: big.version,
        realisation: { period: '2026-03', amountCents: 850_000 },
        reason: 'Geboekt op de verkeerde productregel',
      },
      manager,
    );
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body.result.data.withdrawnLines).toEqual([
      { lineId: lineA, measure: 'amount', threshold: 80, productCode: '02A01' },
    ]);
    expect(await signalsOf(manager)).toEqual([
      ['02A02/volume', 100],
      ['02A02/volume', 80],
    ]);
    // Line A crosses again later: a fresh signal, since the old one was withdrawn.
    const again = await record(manager, { period: '2026-06', amountCents: 800_000, productLineId: lineA });
    expect(again.signals.map((s) => [s.line?.productCode, s.threshold])).toEqual([['02A01', 80]]);
  });

  it('puts a line signal in the contract manager’s inbox, naming the product line', async () => {
    const manager = await api.token('ermelo.contractmanager');
    // The day's job brings the signals raised since its last run into the inboxes of their roles.
    await api.db.doc.send(new DeleteCommand({ TableName: api.db.tableName, Key: keys.jobRun('GM0233') }));
    const run = await createDaySignals(api.db, new Date().toISOString().slice(0, 10), ['GM0233']);
    expect(run.created).toBeGreaterThan(0);
    const inbox = await api.query('inbox.list', {}, manager);
    expect(inbox.status, JSON.stringify(inbox.body)).toBe(200);
    const rows = (
      inbox.body.result.data.items as { agreementId: string; label: string; params: Record<string, string> }[]
    )
      .filter((r) => r.agreementId === id)
      .map((r) => [r.label, r.params.product, r.params.threshold])
      .sort();
    expect(rows).toEqual(
      expect.arrayContaining([
        ['budget_threshold.line.amount', '02A01', '80'],
        ['budget_threshold.line.volume', '02A02', '100'],
      ]),
    );
    // Stored in the agreement's own collection too, keyed per line and measure.
    const stored = await api.db.doc.send(
      new QueryCommand({
        TableName: api.db.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
        ExpressionAttributeValues: { ':pk': keys.agreement('GM0233', id).pk, ':sk': 'SIGNAL#budget#line#' },
      }),
    );
    expect((stored.Items ?? []).map((i) => i.sk).sort()).toEqual(
      [
        `SIGNAL#budget#line#${lineA}#amount#80`,
        `SIGNAL#budget#line#${lineB}#volume#100`,
        `SIGNAL#budget#line#${lineB}#volume#80`,
      ].sort(),
    );
  });
});

/**
 * SPEC §4.4 when the ceilings change: the spend so far is measured against the new ones in the same transaction
 * as the change — a lowered ceiling already passed signals at once, a raised one withdraws what it no longer
 * reaches.
 */
describe('budget signals when a ceiling changes', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(await createTestDb(inject('dynamoEndpoint'), { seed: true }));
  });
  afterAll(() => api.close());

  it('signals at once when a lowered ceiling is already passed, and withdraws when it is raised again', async () => {
    const manager = await api.token('ermelo.contractmanager');
    const created = await api.mutate(
      'agreement.create',
      {
        kind: 'contract',
        reference: 'CEILING-CHANGE-1',
        title: 'Huishoudelijke hulp',
        domain: 'wmo',
        startDate: '2026-01-01',
        endDate: '2027-12-31',
        valueCeilingCents: 10_000_000,
      },
      await api.token('ermelo.inkoper'),
    );
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    const id = created.body.result.data.id as string;
    const recorded = await api.mutate(
      'budget.record',
      { agreementId: id, realisation: { period: '2026-02', amountCents: 900_000 } },
      manager,
    );
    expect(recorded.body.result.data.signals).toEqual([]); // 9% of the ceiling
    const signals = async () =>
      ((await api.query('budget.signals', {}, manager)).body.result.data as Signal[])
        .filter((s) => s.agreementId === id)
        .map((s) => [s.year ?? null, s.threshold])
        .sort();
    const update = async (data: Record<string, unknown>) => {
      const current = (await api.query('agreement.get', { id }, manager)).body.result.data;
      const response = await api.mutate(
        'agreement.update',
        { id, expectedVersion: current.version, data },
        manager,
      );
      expect(response.status, JSON.stringify(response.body)).toBe(200);
    };

    // € 9.000 of a lowered € 10.000 is 90%: signalled with the change, not at some later entry.
    await update({ valueCeilingCents: 1_000_000 });
    expect(await signals()).toEqual([[null, 80]]);
    // A year ceiling set below the year's spend signals both thresholds of that year.
    await update({ yearCeilings: [{ year: 2026, cents: 850_000 }] });
    expect(await signals()).toEqual([
      [null, 80],
      [2026, 100],
      [2026, 80],
    ]);
    // Raised again: withdrawn, so a later crossing signals anew.
    await update({ valueCeilingCents: 10_000_000, yearCeilings: [] });
    expect(await signals()).toEqual([]);
    const later = await api.mutate(
      'budget.record',
      { agreementId: id, realisation: { period: '2026-03', amountCents: 7_500_000 } },
      manager,
    );
    expect(later.body.result.data.signals.map((s: Signal) => s.threshold)).toEqual([80]);
    // The chain stays whole: the totals moved with the changes' own audit events.
    const verify = await api.query('agreement.verifyAudit', { id }, manager);
    expect(verify.body.result.data.valid).toBe(true);
  });

  it('changes nothing of the budget when the terms change but the ceilings do not', async () => {
    const manager = await api.token('ermelo.contractmanager');
    const before = (await api.query('budget.signals', {}, manager)).body.result.data;
    const current = (await api.query('agreement.get', { id: 'erm-jh-2025' }, manager)).body.result.data;
    const response = await api.mutate(
      'agreement.update',
      { id: 'erm-jh-2025', expectedVersion: current.version, data: { title: `${current.title} (herzien)` } },
      manager,
    );
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect((await api.query('budget.signals', {}, manager)).body.result.data).toEqual(before);
  });
});
