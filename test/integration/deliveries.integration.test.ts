import { firstExpected } from '@regie/core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.ts';
import { createTestDb } from '../support/db.ts';
import { tableFingerprint } from '../support/snapshot.ts';
import { KOMPAS, type Tokens, tokensOf, WIJKRACHT } from '../support/two-providers.ts';

/**
 * Structured data deliveries (issue 15 point 3): a periodic duty with a data specification; each provider party's
 * report is checked field by field (bad figures write nothing), the figures form a time series per field that only
 * the delivering party and the municipality read, and a KPI takes its results from one field.
 */
describe('structured data deliveries', () => {
  let api: TestApi;
  let t: Tokens;
  let id: string;
  const today = new Date().toISOString().slice(0, 10);
  const period = firstExpected('quarterly', '2025-01-01', today).key;

  beforeAll(async () => {
    api = await startTestApi(await createTestDb(inject('dynamoEndpoint'), { seed: true }));
    t = await tokensOf(api);
    const created = await api.mutate(
      'agreement.create',
      {
        kind: 'contract',
        reference: 'ERM-2025-LEVERING',
        title: 'Jeugdhulp met gegevenslevering',
        domain: 'youth',
        startDate: '2025-01-01',
        endDate: '2027-12-31',
        valueCeilingCents: 5_000_000,
        parties: [
          { organisationId: 'org-kompas', role: 'contractor' },
          { organisationId: 'org-wijkracht', role: 'subcontractor' },
        ],
        duties: [
          {
            id: 'lv',
            kind: 'periodic',
            title: 'Kwartaallevering',
            frequency: 'quarterly',
            dueDays: 30,
            dataSpec: [
              { key: 'clienten', label: 'Cliënten', unit: 'cliënten', type: 'count', required: true },
              { key: 'doelen', label: 'Doelen behaald', type: 'percentage', required: true },
              { key: 'kosten', label: 'Kosten', type: 'amount', required: false },
            ],
          },
        ],
        kpis: [
          {
            id: 'kpi-doelen',
            name: 'Doelen behaald',
            unit: '%',
            target: 75,
            direction: 'higher',
            frequency: 'quarterly',
            source: { dutyId: 'lv', field: 'doelen' },
          },
        ],
      },
      t.inkoper,
    );
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    id = created.body.result.data.id;
    let version = created.body.result.data.version;
    const approver = await api.token('ermelo.approver');
    for (const [to, token] of [
      ['in_approval', t.inkoper],
      ['approved', approver],
      ['out_for_signature', t.inkoper],
      ['active', t.inkoper],
    ] as const) {
      const moved = await api.mutate('agreement.transition', { id, expectedVersion: version, to }, token);
      expect(moved.status, JSON.stringify(moved.body)).toBe(200);
      version = moved.body.result.data.version;
    }
  });
  afterAll(() => api.close());

  const report = (data?: Record<string, number>) => ({
    agreementId: id,
    dutyId: 'lv',
    period,
    summary: 'Levering volgens specificatie',
    ...(data ? { data } : {}),
  });

  it('shows the provider the specification in its own view of the terms', async () => {
    const view = (await api.query('agreement.get', { id }, t.kompas)).body.result.data;
    expect(view.duties[0].dataSpec.map((f: { key: string }) => f.key)).toEqual([
      'clienten',
      'doelen',
      'kosten',
    ]);
    expect(view.kpis[0].source).toEqual({ dutyId: 'lv', field: 'doelen' });
  });

  it('refuses bad figures field by field, with the reason and the field, and writes nothing', async () => {
    const before = await tableFingerprint(api.db);
    const cases: [Record<string, number> | undefined, string, string][] = [
      [undefined, 'delivery.fieldRequired', 'clienten'],
      [{ doelen: 80 }, 'delivery.fieldRequired', 'clienten'],
      [{ clienten: 12, doelen: 140 }, 'delivery.outOfRange', 'doelen'],
      [{ clienten: 12.5, doelen: 80 }, 'delivery.tooManyDecimals', 'clienten'],
      [{ clienten: 12, doelen: 80, kosten: -100 }, 'delivery.outOfRange', 'kosten'],
      [{ clienten: 12, doelen: 80, extra: 1 }, 'delivery.unknownField', 'extra'],
    ];
    for (const [data, reason, field] of cases) {
      const refused = await api.mutate('report.submit', report(data), t.kompas);
      expect(refused.status, JSON.stringify(refused.body)).toBe(400);
      expect(refused.body.error.data.reason).toBe(reason);
      expect(refused.body.error.data.params.field).toBe(field);
      expect(refused.body.error.data.issues[0].path).toBe(`data.${field}`);
    }
    // A number sent as text fails the schema itself.
    const text = await api.raw.mutate(
      'report.submit',
      { ...report(), data: { clienten: '12', doelen: 80 } },
      t.kompas,
    );
    expect(text.status).toBe(400);
    expect(await tableFingerprint(api.db)).toEqual(before);
  });

  it('refuses figures under a duty without a specification', async () => {
    const refused = await api.mutate(
      'report.submit',
      { agreementId: 'erm-jh-2025', dutyId: 'jh-kwartaal', period, summary: 'x', data: { clienten: 1 } },
      t.kompas,
    );
    expect(refused.status).toBe(400);
    expect(refused.body.error.data.reason).toBe('delivery.noSpec');
  });

  it('turns good figures into a series per field, each party seeing only its own', async () => {
    const kompas = await api.mutate(
      'report.submit',
      report({ clienten: 12, doelen: 72.5, kosten: 150_000 }),
      t.kompas,
    );
    expect(kompas.status, JSON.stringify(kompas.body)).toBe(200);
    expect(kompas.body.result.data.data).toEqual({ clienten: 12, doelen: 72.5, kosten: 150_000 });
    const wijkracht = await api.mutate('report.submit', report({ clienten: 7, doelen: 90 }), t.wijkracht);
    expect(wijkracht.status, JSON.stringify(wijkracht.body)).toBe(200);

    const points = (body: { result: { data: { fields: { key: string; points: unknown[] }[] }[] } }) =>
      Object.fromEntries(body.result.data[0]!.fields.map((f) => [f.key, f.points]));

    const all = points((await api.query('report.series', { agreementId: id }, t.manager)).body);
    expect(all.clienten).toEqual([
      { period, value: 12, party: KOMPAS, partyName: 'Jeugdhulp Kompas B.V.' },
      { period, value: 7, party: WIJKRACHT, partyName: 'Stichting Wijkracht Noord-Veluwe' },
    ]);
    expect(all.kosten).toEqual([
      { period, value: 150_000, party: KOMPAS, partyName: 'Jeugdhulp Kompas B.V.' },
    ]);

    // Co-parties are adversaries: each provider reads only its own party's figures.
    const kompasView = (await api.query('report.series', { agreementId: id }, t.kompas)).body;
    expect(points(kompasView).clienten).toEqual([
      { period, value: 12, party: KOMPAS, partyName: 'Jeugdhulp Kompas B.V.' },
    ]);
    const wijkrachtBody = JSON.stringify(
      (await api.query('report.series', { agreementId: id }, t.wijkracht)).body,
    );
    expect(wijkrachtBody).not.toContain(KOMPAS);
    expect(wijkrachtBody).toContain('"value":7');
    expect(wijkrachtBody).not.toContain('72.5');

    // Another tenant, and a provider that is no party, get the same answer as for a missing agreement.
    for (const user of ['utrecht.inkoper', 'harderwijk.contractmanager']) {
      const other = await api.query('report.series', { agreementId: id }, await api.token(user));
      expect(other.status).toBe(404);
      expect(JSON.stringify(other.body)).not.toContain('clienten');
    }
  });

  it('takes a sourced KPI’s results from the delivery, and refuses entering them by hand', async () => {
    const results = (await api.query('kpi.results', { agreementId: id }, t.manager)).body.result.data;
    const kpi = results.find((k: { id: string }) => k.id === 'kpi-doelen');
    expect(
      kpi.results.map((r: { party: string; value: number; onTarget: boolean; source: string }) => [
        r.party,
        r.value,
        r.onTarget,
        r.source,
      ]),
    ).toEqual([
      [KOMPAS, 72.5, false, 'delivery'],
      [WIJKRACHT, 90, true, 'delivery'],
    ]);
    const mine = (await api.query('kpi.results', { agreementId: id }, t.wijkracht)).body.result.data;
    expect(mine[0].results.map((r: { value: number }) => r.value)).toEqual([90]);

    const byHand = await api.mutate(
      'kpi.record',
      { agreementId: id, kpiId: 'kpi-doelen', period, value: 99, expectedVersion: 0, party: KOMPAS },
      t.manager,
    );
    expect(byHand.status).toBe(400);
    expect(byHand.body.error.data.reason).toBe('kpi.fromDelivery');
  });

  it('refuses a KPI source that names no field of a periodic duty of its frequency', async () => {
    const agreement = (await api.query('agreement.get', { id: 'erm-jh-2025' }, t.inkoper)).body.result.data;
    const kpis = agreement.kpis.map((k: { id: string }, i: number) =>
      i === 0 ? { ...k, source: { dutyId: 'jh-kwartaal', field: 'wachttijd' } } : k,
    );
    const refused = await api.mutate(
      'agreement.update',
      { id: 'erm-jh-2025', expectedVersion: agreement.version, data: { kpis } },
      t.inkoper,
    );
    expect(refused.status).toBe(400);
    expect(refused.body.error.data.reason).toBe('kpi.sourceInvalid');
  });

  it('seeds a running contract with three quarters delivered and a KPI from a field', async () => {
    const series = (await api.query('report.series', { agreementId: 'erm-jh-2026-levering' }, t.manager)).body
      .result.data;
    expect(series[0].fields.map((f: { key: string; points: unknown[] }) => [f.key, f.points.length])).toEqual(
      [
        ['clienten', 3],
        ['wachttijd', 3],
        ['kosten', 2],
      ],
    );
    const kpis = (await api.query('kpi.results', { agreementId: 'erm-jh-2026-levering' }, t.kompas)).body
      .result.data;
    expect(kpis[0].source).toEqual({ dutyId: 'lv-kwartaal', field: 'wachttijd' });
    expect(kpis[0].results.map((r: { period: string; value: number }) => [r.period, r.value])).toEqual([
      ['2026-Q1', 7.5],
      ['2026-Q2', 6.5],
      ['2026-Q3', 5.5],
    ]);
    const verify = await api.query('agreement.verifyAudit', { id: 'erm-jh-2026-levering' }, t.manager);
    expect(verify.body.result.data.valid).toBe(true);
  });
});
