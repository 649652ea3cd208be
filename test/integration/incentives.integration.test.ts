import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { IncentiveRule } from '@regie/core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.ts';
import { createTestDb } from '../support/db.ts';

/**
 * Issue 15 point 2 through the API: the seeded arrangement on ERM-2025-JH01 computed per period
 * (`incentive.periods`) for both sides alike, settled (`incentive.settle`) with its audit event in one
 * transaction, refused when stale or settled before (writing nothing), shown in the burn-down; on the shared
 * contract ERM-2026-JH02 each provider party sees only its own figures; other tenants see nothing.
 */
const ID = 'erm-jh-2025';
const SAMEN = 'erm-jh-2026-samen';
const KOMPAS = 'PV81234567';
const WIJKRACHT = 'PV40123456';

interface Row {
  kpiId: string;
  kind: string;
  period: string;
  party?: string;
  value: number | null;
  realisedCents: number;
  rawCents: number;
  amountCents: number;
  capped: boolean;
  state: string;
  reason: string;
  settledCents?: number;
}
interface Periods {
  version: number;
  rows: Row[];
  settlements: { period: string; party?: string; totalCents: number }[];
}

describe('incentive.periods and incentive.settle (issue 15 point 2)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(await createTestDb(inject('dynamoEndpoint'), { seed: true }));
  });
  afterAll(() => api.close());

  const ok = <T>(response: { status: number; body: { result?: { data?: unknown } } }) => {
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body.result?.data as T;
  };
  const periods = async (user: string, agreementId = ID) =>
    ok<Periods>(await api.query('incentive.periods', { agreementId }, await api.token(user)));
  const row = (p: Periods, kpiId: string, period: string, party?: string) =>
    p.rows.find((r) => r.kpiId === kpiId && r.period === period && (!party || r.party === party));
  /** What the agreement's collection holds of settlements and audit events. */
  const stored = async (agreementId = ID) => {
    const out = await api.db.doc.send(
      new QueryCommand({
        TableName: api.db.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': `GM0233#AGR#${agreementId}` },
        ConsistentRead: true,
      }),
    );
    const sks = (out.Items ?? []).map((i) => i.sk as string);
    return {
      settlements: sks.filter((sk) => sk.startsWith('INCSET#')).length,
      events: sks.filter((sk) => sk.startsWith('EV#')).length,
    };
  };

  it('computes the seeded arrangement per period: bonus, cap, missing result, malus', async () => {
    const p = await periods('ermelo.contractmanager');
    expect(row(p, 'kpi-wachttijd', '2025-Q1')).toMatchObject({
      kind: 'bonus',
      party: KOMPAS,
      value: 5,
      amountCents: 150_000,
      capped: false,
      state: 'bonus',
      reason: 'met',
    });
    expect(row(p, 'kpi-wachttijd', '2025-Q2')).toMatchObject({
      rawCents: 150_000,
      amountCents: 50_000,
      capped: true,
      state: 'bonus',
    });
    expect(row(p, 'kpi-wachttijd', '2025-Q3')).toMatchObject({
      value: null,
      amountCents: 0,
      state: 'missing_result_no_bonus',
      reason: 'missingResult',
    });
    expect(row(p, 'kpi-wachttijd', '2025-Q4')).toMatchObject({ state: 'none', reason: 'notMet' });
    expect(row(p, 'kpi-tevredenheid', '2025-H1')).toMatchObject({ amountCents: -100_000, state: 'malus' });
    expect(row(p, 'kpi-tevredenheid', '2025-H2')).toMatchObject({ amountCents: -50_000, capped: true });
    // The provider's signer sees the very same figures.
    const provider = await periods('kompas.signer');
    expect(provider.rows).toEqual(p.rows);
  });

  it('answers another tenant and a provider that is no party NOT_FOUND', async () => {
    for (const user of ['harderwijk.contractmanager', 'wijkracht.signer']) {
      const res = await api.query('incentive.periods', { agreementId: ID }, await api.token(user));
      expect(res.status, user).toBe(404);
    }
    const foreign = await api.mutate(
      'incentive.settle',
      { agreementId: ID, expectedVersion: 1, period: '2025-Q1' },
      await api.token('harderwijk.contractmanager'),
    );
    expect(foreign.status).toBe(404);
    expect(
      (
        await api.mutate(
          'incentive.settle',
          { agreementId: ID, expectedVersion: 1, period: '2025-Q1' },
          await api.token('kompas.signer'),
        )
      ).status,
    ).toBe(403);
  });

  it('settles a period with its audit event at once; stale or twice writes nothing', async () => {
    const manager = await api.token('ermelo.contractmanager');
    const { version } = await periods('ermelo.contractmanager');
    const before = await stored();
    const stale = await api.mutate(
      'incentive.settle',
      { agreementId: ID, expectedVersion: version - 1, period: '2025-Q1' },
      manager,
    );
    expect(stale.status).toBe(409);
    expect(stale.body.error.data.reason).toBe('agreement.versionConflict');
    const open = await api.mutate(
      'incentive.settle',
      { agreementId: ID, expectedVersion: version, period: '2099-Q1' },
      manager,
    );
    expect(open.status).toBe(400);
    expect(open.body.error.data.reason).toBe('incentive.periodNotSettleable');
    expect(await stored()).toEqual(before);

    const settled = ok<{ period: string; party: string; totalCents: number }[]>(
      await api.mutate(
        'incentive.settle',
        { agreementId: ID, expectedVersion: version, period: '2025-Q1' },
        manager,
      ),
    );
    expect(settled).toMatchObject([{ period: '2025-Q1', party: KOMPAS, totalCents: 150_000 }]);
    expect(await stored()).toEqual({ settlements: 1, events: before.events + 1 });
    const history = ok<{ action: string; changes: Record<string, { after: { totalCents: number } }> }[]>(
      await api.query('agreement.history', { id: ID }, manager),
    );
    const event = history.find((e) => e.action === 'incentive.settle');
    expect(event?.changes[`incentive.2025-Q1.${KOMPAS}`]?.after.totalCents).toBe(150_000);
    expect(ok<{ valid: boolean }>(await api.query('agreement.verifyAudit', { id: ID }, manager)).valid).toBe(
      true,
    );

    const twice = await api.mutate(
      'incentive.settle',
      { agreementId: ID, expectedVersion: version, period: '2025-Q1' },
      manager,
    );
    expect(twice.status).toBe(409);
    expect(twice.body.error.data).toMatchObject({
      reason: 'incentive.alreadySettled',
      params: { period: '2025-Q1' },
    });
    expect(await stored()).toEqual({ settlements: 1, events: before.events + 1 });

    // Both sides see the settled amount beside the computed one.
    for (const user of ['ermelo.viewer', 'kompas.reporter']) {
      const p = await periods(user);
      expect(row(p, 'kpi-wachttijd', '2025-Q1')?.settledCents, user).toBe(150_000);
      expect(p.settlements).toMatchObject([{ period: '2025-Q1', totalCents: 150_000 }]);
    }
  });

  it('shows the settled amount in the burn-down as a series of its own, spend unchanged', async () => {
    const budget = ok<{
      spentCents: number;
      year: {
        spentCents: number;
        incentiveCents: number;
        spentWithIncentivesCents: number;
        months: { period: string; incentiveCents: number; cumulativeWithIncentivesCents: number }[];
      };
      incentives: { settledCents: number };
    }>(
      await api.query(
        'budget.get',
        { agreementId: ID, year: 2025 },
        await api.token('ermelo.contractmanager'),
      ),
    );
    expect(budget.incentives.settledCents).toBe(150_000);
    expect(budget.year.incentiveCents).toBe(150_000);
    expect(budget.year.spentWithIncentivesCents).toBe(budget.year.spentCents + 150_000);
    expect(budget.year.months.find((m) => m.period === '2025-03')?.incentiveCents).toBe(150_000);
    expect(budget.year.months.at(-1)?.cumulativeWithIncentivesCents).toBe(budget.year.spentCents + 150_000);
    const other = ok<{ year: { incentiveCents: number } }>(
      await api.query(
        'budget.get',
        { agreementId: ID, year: 2026 },
        await api.token('ermelo.contractmanager'),
      ),
    );
    expect(other.year.incentiveCents).toBe(0);
  });

  it('charges a malus for a missing result only while the report duty is missed', async () => {
    const manager = await api.token('ermelo.contractmanager');
    const agreement = ok<{ version: number; incentives: IncentiveRule[] }>(
      await api.query('agreement.get', { id: ID }, manager),
    );
    ok(
      await api.mutate(
        'agreement.update',
        {
          id: ID,
          expectedVersion: agreement.version,
          data: {
            incentives: [
              ...agreement.incentives,
              {
                kpiId: 'kpi-wachttijd',
                kind: 'malus',
                basis: 'fixed',
                value: 40_000,
                yearlyCapCents: 100_000,
              },
            ],
          },
        },
        manager,
      ),
    );
    const [due] = ok<{ dutyId: string; period: string; dueDate: string }[]>(
      await api.query('report.due', { agreementId: ID }, manager),
    ).filter((d) => d.dutyId === 'jh-kwartaal');
    expect(due).toBeDefined();
    const today = new Date().toISOString().slice(0, 10);
    const p = await periods('ermelo.contractmanager');
    const malus = (period: string) => p.rows.find((r) => r.kind === 'malus' && r.period === period);
    // A period before the report now owed was delivered or never asked for: no malus for its missing result.
    expect(malus('2025-Q3')).toMatchObject({ state: 'none', reason: 'reportNotMissed', amountCents: 0 });
    const owed = malus(due!.period);
    expect(owed?.value).toBeNull();
    expect(owed).toMatchObject(
      due!.dueDate < today
        ? { state: 'missing_report_malus', reason: 'reportMissed', amountCents: -40_000 }
        : { state: 'none', reason: 'reportNotMissed', amountCents: 0 },
    );
    // Once the report is delivered, that period's duty is no longer missed.
    ok(
      await api.mutate(
        'report.submit',
        { agreementId: ID, dutyId: 'jh-kwartaal', period: due!.period, summary: 'Kwartaalrapportage' },
        await api.token('kompas.reporter'),
      ),
    );
    const after = (await periods('ermelo.contractmanager')).rows.find(
      (r) => r.kind === 'malus' && r.period === due!.period,
    );
    expect(after).toMatchObject({ state: 'none', reason: 'reportNotMissed', amountCents: 0 });
  });

  it('gives each provider party of a shared contract its own figures only', async () => {
    const manager = await api.token('ermelo.contractmanager');
    const agreement = ok<{ version: number }>(await api.query('agreement.get', { id: SAMEN }, manager));
    ok(
      await api.mutate(
        'agreement.update',
        {
          id: SAMEN,
          expectedVersion: agreement.version,
          data: {
            incentives: [
              {
                kpiId: 'kpi-gb-doel',
                kind: 'bonus',
                basis: 'percentOfRealised',
                value: 1_000,
                yearlyCapCents: 10_000_000,
              },
            ],
          },
        },
        manager,
      ),
    );
    for (const [reporter, month, amountCents, value] of [
      ['kompas.reporter', '2026-01', 1_000_000, 80],
      ['wijkracht.reporter', '2026-02', 2_345_678, 90],
    ] as const) {
      const token = await api.token(reporter);
      ok(
        await api.mutate(
          'budget.record',
          { agreementId: SAMEN, realisation: { period: month, amountCents } },
          token,
        ),
      );
      ok(
        await api.mutate(
          'kpi.record',
          { agreementId: SAMEN, kpiId: 'kpi-gb-doel', period: '2026-Q1', value, expectedVersion: 0 },
          token,
        ),
      );
    }
    const all = await periods('ermelo.contractmanager', SAMEN);
    expect(row(all, 'kpi-gb-doel', '2026-Q1', KOMPAS)).toMatchObject({
      realisedCents: 1_000_000,
      amountCents: 100_000,
    });
    // 10% of € 23.456,78 is € 2.345,678: rounded to € 2.345,68.
    expect(row(all, 'kpi-gb-doel', '2026-Q1', WIJKRACHT)).toMatchObject({
      realisedCents: 2_345_678,
      amountCents: 234_568,
    });
    const kompas = await periods('kompas.signer', SAMEN);
    expect(kompas.rows.every((r) => r.party === KOMPAS)).toBe(true);
    expect(JSON.stringify(kompas)).not.toContain(WIJKRACHT);
    expect(JSON.stringify(kompas)).not.toContain('234568');
    ok(
      await api.mutate(
        'incentive.settle',
        { agreementId: SAMEN, expectedVersion: all.version, period: '2026-Q1' },
        manager,
      ),
    );
    expect(await stored(SAMEN)).toMatchObject({ settlements: 2 });
    const wijkracht = await periods('wijkracht.reporter', SAMEN);
    expect(wijkracht.settlements).toMatchObject([{ party: WIJKRACHT, totalCents: 234_568 }]);
    expect(JSON.stringify(wijkracht)).not.toContain(KOMPAS);
  });
});
