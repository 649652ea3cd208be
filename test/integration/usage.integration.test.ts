import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type ProcedureInput, startTestApi, type TestApi } from '../support/api.ts';
import { createTestDb } from '../support/db.ts';
import { tableFingerprint } from '../support/snapshot.ts';

/**
 * Issue 16 point 4: measured usage per member and month of RNV-ICT-01 and the settlement statement per member.
 * The seed has January and February 2026 for Ermelo, Harderwijk and Zeewolde (seed-usage.ts). The region's
 * coordinator sees and records every member's usage; a member sees its own statement and the region's totals,
 * never a co-member's usage (co-members are adversaries: their statements and exports answer NOT_FOUND, exactly
 * as a municipality that is no member); Utrecht gets NOT_FOUND; a stale version writes nothing.
 */
describe('usage-based settlement', () => {
  let api: TestApi;
  const ICT = 'rnv-ict-01';

  beforeAll(async () => {
    api = await startTestApi(await createTestDb(inject('dynamoEndpoint'), { seed: true }));
  });
  afterAll(() => api.close());

  const list = async (user: string, agreementId = ICT) =>
    api.raw.query('usage.list', { agreementId, year: 2026 }, await api.token(user));
  const statement = async (user: string, member: string, agreementId = ICT) =>
    api.raw.query('usage.statement', { agreementId, member, year: 2026 }, await api.token(user));
  const set = async (user: string, input: Omit<ProcedureInput<'usage.set'>, 'agreementId'>) =>
    api.raw.mutate('usage.set', { agreementId: ICT, ...input }, await api.token(user));
  const file = async (user: string, path: string) =>
    fetch(`${api.url}/files/exports/usage/${path}`, {
      headers: { authorization: `Bearer ${await api.token(user)}` },
    });
  const q = (basis: number, zaak: number) => [
    { serviceId: 'svc-ict-basis', quantity: basis },
    { serviceId: 'svc-ict-zaak', quantity: zaak },
  ];

  it('shows the region every member’s statement over the seeded months, to the cent', async () => {
    const response = await list('noordveluwe.coordinator');
    expect(response.status).toBe(200);
    const view = response.body.result.data;
    expect(view.canWrite).toBe(true);
    const by = Object.fromEntries(view.rows.map((r: { member: string }) => [r.member, r]));
    const ermelo = by.GM0233.detail.statement;
    expect(ermelo.periods).toEqual(['2026-01', '2026-02']);
    expect(ermelo.provisional).toMatchObject({
      baseCents: 666_668,
      usageCents: 570_000,
      modulesCents: 400_000,
      totalCents: 1_636_668,
    });
    expect(ermelo.definitive).toMatchObject({
      baseCents: 666_668,
      usageCents: 582_750,
      modulesCents: 400_000,
      totalCents: 1_649_418,
    });
    expect(ermelo.differenceCents).toBe(12_750);
    expect(by.GM0243.detail.statement.definitive.totalCents).toBe(1_747_168);
    expect(by.GM0243.detail.statement.differenceCents).toBe(-9_500);
    expect(by.GM0050.detail.statement.definitive.totalCents).toBe(957_418);
    expect(view.totals).toEqual({
      yearProvisionalCents: 26_100_000,
      definitiveCents: 1_649_418 + 1_747_168 + 957_418,
    });
  });

  it('shows a member its own usage and statement and the region’s totals, never a co-member’s usage', async () => {
    const response = await list('ermelo.viewer');
    expect(response.status).toBe(200);
    const view = response.body.result.data;
    expect(view.canWrite).toBe(false);
    for (const row of view.rows) {
      if (row.member === 'GM0233') expect(row.detail.records).toHaveLength(2);
      else expect(Object.keys(row).sort()).toEqual(['member', 'name']);
    }
    expect(view.totals.definitiveCents).toBe(4_354_004);
    // Harderwijk's and Zeewolde's measured quantities are nowhere in the answer nor in the audit trail.
    const history = await api.raw.query('agreement.history', { id: ICT }, await api.token('ermelo.viewer'));
    for (const body of [view, history.body])
      expect(JSON.stringify(body)).not.toMatch(/"quantity":(218|216|98|101)\b/);
    const events = history.body.result.data.filter((e: { action: string }) => e.action === 'usage.set');
    expect(events).toHaveLength(6);
    for (const e of events)
      for (const change of Object.values(e.changes) as { after: object }[])
        expect(Object.keys(change.after)).toEqual(['version']);
  });

  it('answers a co-member’s statement and export NOT_FOUND, exactly as a municipality that is no member', async () => {
    for (const user of ['harderwijk.inkoper', 'zeewolde.inkoper']) {
      const other = await statement(user, 'GM0233');
      const none = await statement(user, 'GM0344');
      expect(other.status).toBe(404);
      expect(other.body.error).toEqual(none.body.error);
      for (const ext of ['xlsx', 'pdf']) {
        const res = await file(user, `${ICT}/GM0233/2026.${ext}`);
        expect(res.status).toBe(404);
        expect(await res.text()).not.toContain('1649418');
      }
    }
    // Utrecht: the agreement itself is foreign.
    const foreign = await statement('utrecht.inkoper', 'GM0344');
    const ghost = await statement('utrecht.inkoper', 'GM0344', 'ghost-0000');
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.message).toBe(ghost.body.error.message);
    expect((await file('utrecht.inkoper', `${ICT}/GM0344/2026.xlsx`)).status).toBe(404);
    expect((await list('utrecht.inkoper')).status).toBe(404);
  });

  it('exports a member’s own statement as XLSX and PDF, and the region any member’s', async () => {
    const own = await file('ermelo.viewer', `${ICT}/GM0233/2026.xlsx`);
    expect(own.status).toBe(200);
    expect(own.headers.get('content-disposition')).toMatch(
      /afrekening-RNV-ICT-01-Gemeente_Ermelo-2026\.xlsx/,
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await own.arrayBuffer());
    const sheet = book.getWorksheet('Afrekening')!;
    expect(sheet.getRow(3).values).toEqual([
      undefined,
      'Voorlopig, afgerekende maanden',
      6_666.68,
      5_700,
      4_000,
      16_366.68,
    ]);
    expect(sheet.getRow(4).values).toEqual([
      undefined,
      'Definitief, afgerekende maanden (gemeten)',
      6_666.68,
      5_827.5,
      4_000,
      16_494.18,
    ]);
    expect(sheet.getRow(5).getCell(5).value).toBe(127.5);
    const measured = book.getWorksheet('Gemeten gebruik')!;
    expect(measured.rowCount).toBe(5);

    const pdf = await file('noordveluwe.coordinator', `${ICT}/GM0050/2026.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(new TextDecoder().decode((await pdf.arrayBuffer()).slice(0, 5))).toBe('%PDF-');
    expect((await file('noordveluwe.coordinator', `${ICT}/GM0050/2026.docx`)).status).toBe(404);
  });

  it('refuses a member writing usage, even its own, and usage of a module the member does not take', async () => {
    const before = await tableFingerprint(api.db);
    const own = await set('ermelo.inkoper', {
      member: 'GM0233',
      period: '2026-03',
      expectedVersion: 0,
      quantities: q(1, 1),
    });
    expect(own.status).toBe(403);
    expect(own.body.error.data.reason).toBe('takeup.regionOnly');
    const ibp = await set('noordveluwe.coordinator', {
      member: 'GM0050',
      period: '2026-03',
      expectedVersion: 0,
      quantities: [...q(100, 20), { serviceId: 'svc-ict-ibp', quantity: 1 }],
    });
    expect(ibp.status).toBe(400);
    expect(ibp.body.error.data.reason).toBe('usage.moduleNotTaken');
    const missing = await set('noordveluwe.coordinator', {
      member: 'GM0050',
      period: '2026-03',
      expectedVersion: 0,
      quantities: [{ serviceId: 'svc-ict-basis', quantity: 100 }],
    });
    expect(missing.status).toBe(400);
    expect(missing.body.error.data.reason).toBe('usage.quantityMissing');
    const outsider = await set('noordveluwe.coordinator', {
      member: 'GM0344',
      period: '2026-03',
      expectedVersion: 0,
      quantities: q(1, 1),
    });
    expect(outsider.status).toBe(400);
    expect(outsider.body.error.data.reason).toBe('takeup.notMember');
    expect(
      (
        await set('utrecht.inkoper', {
          member: 'GM0344',
          period: '2026-03',
          expectedVersion: 0,
          quantities: q(1, 1),
        })
      ).status,
    ).toBe(404);
    expect(await tableFingerprint(api.db)).toEqual(before);
  });

  it('keeps a realisation’s member, which must be a member of the owning region', async () => {
    const token = await api.token('ermelo.contractmanager');
    const ok = await api.raw.mutate(
      'budget.record',
      { agreementId: ICT, realisation: { period: '2026-02', amountCents: 100_000, member: 'GM0233' } },
      token,
    );
    expect(ok.status).toBe(200);
    expect(ok.body.result.data.realisation.member).toBe('GM0233');
    const outsider = await api.raw.mutate(
      'budget.record',
      { agreementId: ICT, realisation: { period: '2026-02', amountCents: 100_000, member: 'GM0344' } },
      token,
    );
    expect(outsider.status).toBe(400);
    expect(outsider.body.error.data.reason).toBe('realisation.notMember');
    const own = await api.raw.mutate(
      'budget.record',
      { agreementId: 'erm-jh-2025', realisation: { period: '2026-02', amountCents: 100, member: 'GM0233' } },
      token,
    );
    expect(own.status).toBe(400);
    expect(own.body.error.data.reason).toBe('realisation.notMember');
  });

  it('weighs a usage allocation key by the measured usage, to the cent', async () => {
    const coordinator = await api.token('noordveluwe.coordinator');
    const agreement = (await api.raw.query('agreement.get', { id: ICT }, coordinator)).body.result.data;
    const updated = await api.raw.mutate(
      'agreement.update',
      {
        id: ICT,
        expectedVersion: agreement.version,
        data: {
          allocationKey: {
            method: 'usage',
            weights: [
              { space: 'GM0233', weight: 1 },
              { space: 'GM0243', weight: 1 },
              { space: 'GM0050', weight: 1 },
            ],
          },
        },
      },
      coordinator,
    );
    expect(updated.status, JSON.stringify(updated.body)).toBe(200);
    // A realisation without a member, next to the one the test before booked for Ermelo.
    const unbooked = await api.raw.mutate(
      'budget.record',
      { agreementId: ICT, realisation: { period: '2026-02', amountCents: 100_000 } },
      await api.token('ermelo.contractmanager'),
    );
    expect(unbooked.status, JSON.stringify(unbooked.body)).toBe(200);
    const s = (await api.raw.query('budget.statement', { agreementId: ICT, year: 2026 }, coordinator)).body
      .result.data;
    expect(s.weightsMeasured).toBe(true);
    // Measured P×Q of January and February: Ermelo 582.750, Harderwijk 680.500, Zeewolde 290.750 (1.554.000).
    // € 720.000 × 582.750 / 1.554.000 = € 270.000 exactly; Harderwijk 31.528.957,53 and Zeewolde 13.471.042,47
    // cents: the cent left goes to the larger remainder, Harderwijk's.
    expect(s.budgetCents).toBe(72_000_000);
    expect(s.members.map((m: { provisionalCents: number }) => m.provisionalCents)).toEqual([
      27_000_000, 31_528_958, 13_471_042,
    ]);
    // Realised € 2.000: the € 1.000 booked for Ermelo (the test before) counts to Ermelo only; the € 1.000
    // without a member is spread by the key: 37.500, 43.790,22 and 18.709,78 cents, the cent to Zeewolde.
    expect(s.realisedCents).toBe(200_000);
    expect(s.members.map((m: { definitiveCents: number }) => m.definitiveCents)).toEqual([
      100_000 + 37_500,
      43_790,
      18_710,
    ]);
    expect(
      s.members.reduce((sum: number, m: { definitiveCents: number }) => sum + m.definitiveCents, 0),
    ).toBe(200_000);
  });

  it('records a month, corrects it with the version seen, and a stale version writes nothing', async () => {
    const march = await set('noordveluwe.coordinator', {
      member: 'GM0050',
      period: '2026-03',
      expectedVersion: 0,
      quantities: q(104, 21),
    });
    expect(march.status).toBe(200);
    const row = march.body.result.data.rows.find((r: { member: string }) => r.member === 'GM0050');
    // March adds 333.334 (the base's extra cent goes to January to April) + 104 × 15.000 / 12 + 21 × 12.000 / 12.
    expect(row.detail.statement.definitive.totalCents).toBe(957_418 + 333_334 + 130_000 + 21_000);
    const corrected = await set('noordveluwe.coordinator', {
      member: 'GM0050',
      period: '2026-03',
      expectedVersion: 1,
      quantities: q(100, 21),
    });
    expect(corrected.status).toBe(200);
    const after = corrected.body.result.data.rows.find((r: { member: string }) => r.member === 'GM0050');
    expect(after.detail.records.at(-1)).toMatchObject({ period: '2026-03', version: 2 });
    expect(after.detail.statement.definitive.totalCents).toBe(957_418 + 333_334 + 125_000 + 21_000);

    const before = await tableFingerprint(api.db);
    const stale = await set('noordveluwe.coordinator', {
      member: 'GM0050',
      period: '2026-03',
      expectedVersion: 1,
      quantities: q(1, 1),
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.data.reason).toBe('usage.versionConflict');
    expect(await tableFingerprint(api.db)).toEqual(before);
  });
});
