import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.ts';
import { createTestDb } from '../support/db.ts';

/** SPEC §4.4: realisations against the ceiling, burn-down, and signals at 80% and 100%. */
describe('budget and volume bounds', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(await createTestDb(inject('dynamoEndpoint'), { seed: true }));
  });
  afterAll(() => api.close());

  const record = async (token: string, amountCents: number, period = '2026-10', extra = {}) =>
    api.mutate(
      'budget.record',
      { agreementId: 'erm-dvo-2026', realisation: { period, amountCents, ...extra } },
      token,
    );

  it('signals once when a realisation crosses 80%, and again at 100%', async () => {
    const manager = await api.token('ermelo.contractmanager');
    // ERM-DVO-2026-01 has a ceiling of € 96.000,00.
    expect((await record(manager, 7_000_000)).body.result.data.signals).toEqual([]);
    const eighty = await record(manager, 800_000, '2026-11');
    expect(eighty.body.result.data.signals.map((s: { threshold: number }) => s.threshold)).toEqual([80]);
    expect((await record(manager, 100_000, '2026-11')).body.result.data.signals).toEqual([]);
    const hundred = await record(manager, 2_000_000, '2026-12');
    expect(hundred.body.result.data.signals.map((s: { threshold: number }) => s.threshold)).toEqual([100]);

    const signals = (await api.query('budget.signals', {}, manager)).body.result.data;
    expect(signals.map((s: { reference: string; threshold: number }) => [s.reference, s.threshold])).toEqual([
      ['ERM-DVO-2026-01', 100],
      ['ERM-DVO-2026-01', 80],
    ]);
  });

  it('shows the spend on the register row and the burn-down with a forecast', async () => {
    const viewer = await api.token('ermelo.viewer');
    const row = (await api.query('agreement.find', { q: 'ERM-DVO-2026-01' }, viewer)).body.result.data
      .items[0];
    expect(row.budget).toEqual({ spentCents: 9_900_000, usedBasisPoints: 10_312, level: 'breach' });
    const budget = (await api.query('budget.get', { agreementId: 'erm-dvo-2026', year: 2026 }, viewer)).body
      .result.data;
    expect(budget).toMatchObject({ ceilingCents: 9_600_000, spentCents: 9_900_000, signalled: [80, 100] });
    expect(budget.year.months.at(-1)).toMatchObject({ period: '2026-12', cumulativeCents: 9_900_000 });
    expect(budget.realisations).toHaveLength(4);
    expect(
      (await api.query('agreement.verifyAudit', { id: 'erm-dvo-2026' }, viewer)).body.result.data.valid,
    ).toBe(true);
  });

  it('never loses an amount when entries race', async () => {
    const manager = await api.token('ermelo.contractmanager');
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        api.mutate(
          'budget.record',
          { agreementId: 'erm-sub-2026', realisation: { period: '2026-09', amountCents: 1000 } },
          manager,
        ),
      ),
    );
    const ok = results.filter((r) => r.status === 200).length;
    expect(results.every((r) => r.status === 200 || r.status === 409)).toBe(true);
    const budget = (await api.query('budget.get', { agreementId: 'erm-sub-2026' }, manager)).body.result.data;
    expect(budget.spentCents).toBe(ok * 1000);
    expect(budget.realisations).toHaveLength(ok);
  });

  it('refuses an unknown product line and a viewer', async () => {
    const manager = await api.token('ermelo.contractmanager');
    expect((await record(manager, 1, '2026-10', { productLineId: 'no-such-line' })).status).toBe(400);
    expect((await record(await api.token('ermelo.viewer'), 1)).status).toBe(403);
  });

  it('states each region member’s provisional and definitive contribution, each adding up to the cent', async () => {
    const manager = await api.token('harderwijk.contractmanager');
    const ermelo = await api.token('ermelo.contractmanager');
    await api.mutate(
      'budget.record',
      { agreementId: 'rnv-ict-01', realisation: { period: '2026-03', amountCents: 12_345_678 } },
      ermelo,
    );
    const statement = (
      await api.query('budget.statement', { agreementId: 'rnv-ict-01', year: 2026 }, manager)
    ).body.result.data;
    expect(statement.members.map((m: { name: string }) => m.name)).toEqual([
      'Gemeente Ermelo',
      'Gemeente Harderwijk',
      'Gemeente Zeewolde',
    ]);
    const sum = (field: string) =>
      statement.members.reduce((s: number, m: Record<string, number>) => s + m[field]!, 0);
    expect(sum('provisionalCents')).toBe(statement.budgetCents);
    expect(sum('definitiveCents')).toBe(12_345_678);
    expect(sum('settlementCents')).toBe(statement.budgetCents - 12_345_678);
  });

  it('uses the tenant’s own signal thresholds and a year’s own ceiling', async () => {
    const admin = await api.token('ermelo.admin');
    const { version } = (await api.query('tenant.settings', undefined, admin)).body.result.data;
    const settings = await api.mutate(
      'tenant.updateSettings',
      { expectedVersion: version, signalThresholds: [50, 90] },
      admin,
    );
    expect(settings.body.result.data.signalThresholds).toEqual([50, 90]);
    const inkoper = await api.token('ermelo.inkoper');
    const created = await api.mutate(
      'agreement.create',
      {
        kind: 'contract',
        reference: 'BUDGET-YEAR-1',
        title: 'Leerlingenvervoer',
        domain: 'wmo',
        startDate: '2026-01-01',
        endDate: '2027-12-31',
        valueCeilingCents: 1_000_000,
        yearCeilings: [
          { year: 2026, cents: 400_000 },
          { year: 2027, cents: 600_000 },
        ],
      },
      inkoper,
    );
    const id = created.body.result.data.id;
    const recorded = await api.mutate(
      'budget.record',
      { agreementId: id, realisation: { period: '2026-05', amountCents: 500_000 } },
      inkoper,
    );
    // 5,000 is 50% of the overall ceiling, and 125% of the 2026 ceiling: both thresholds of that year.
    expect(
      recorded.body.result.data.signals.map((s: { threshold: number; year?: number }) => [
        s.year ?? null,
        s.threshold,
      ]),
    ).toEqual([
      [null, 50],
      [2026, 50],
      [2026, 90],
    ]);
    const budget = (await api.query('budget.get', { agreementId: id, year: 2026 }, inkoper)).body.result.data;
    expect(budget.thresholds).toEqual([50, 90]);
    expect(budget.year).toMatchObject({ ceilingCents: 400_000, spentCents: 500_000, crossed: [50, 90] });
  });

  it('lets the provider report a realisation in its portal, and never on another provider’s agreement', async () => {
    const reporter = await api.token('kompas.reporter');
    const own = await api.mutate(
      'budget.record',
      {
        agreementId: 'erm-jh-2025',
        realisation: { period: '2026-10', amountCents: 250_000, volume: 12, productLineId: 'jh-45a12' },
      },
      reporter,
    );
    expect(own.status).toBe(200);
    expect(own.body.result.data.realisation).toMatchObject({
      side: 'provider',
      recordedBy: 'kompas.reporter',
    });
    const manager = await api.token('ermelo.contractmanager');
    const budget = (await api.query('budget.get', { agreementId: 'erm-jh-2025', year: 2026 }, manager)).body
      .result.data;
    expect(budget.lines.find((l: { id: string }) => l.id === 'jh-45a12')).toMatchObject({
      spentCents: 250_000,
      volume: 12,
    });
    const foreign = await api.mutate(
      'budget.record',
      { agreementId: 'erm-wmo-2026', realisation: { period: '2026-10', amountCents: 1 } },
      reporter,
    );
    expect(foreign.status).toBe(404);
    expect(
      (await api.query('agreement.verifyAudit', { id: 'erm-jh-2025' }, manager)).body.result.data.valid,
    ).toBe(true);
  });
});
