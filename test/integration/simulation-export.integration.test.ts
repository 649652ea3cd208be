import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.ts';
import { createTestDb } from '../support/db.ts';

interface Scenario {
  change: number;
  exposureCents: number;
  providerRevenueCents: number;
  lines: { lineId: string; volume: number; exposureCents: number; unpaidVolume: number }[];
}

/**
 * Issue 15 point 1: the simulation's scenario table as XLSX (`/files/exports/simulation/<id>.xlsx`), the same
 * figures as `simulation.agreement` with typed cells, for the same roles; a foreign id answers 404.
 */
describe('the simulation as XLSX', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(await createTestDb(inject('dynamoEndpoint'), { seed: true }));
  });
  afterAll(() => api.close());

  const get = async (path: string, user: string) =>
    fetch(`${api.url}/files/exports/simulation/${path}`, {
      headers: { authorization: `Bearer ${await api.token(user)}` },
    });

  it('holds the figures of simulation.agreement, typed, with a sheet saying what and as of when', async () => {
    const token = await api.token('ermelo.viewer');
    const input = {
      id: 'erm-jh-2025',
      scenarios: [-10, 0, 25, 50],
      expectedVolumes: [{ lineId: 'jh-45a12', volume: 1_000 }],
    };
    const res = await api.query('simulation.agreement', input, token);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const sim = res.body.result.data as { scenarios: Scenario[]; lines: { lineId: string }[] };

    const file = await get('erm-jh-2025.xlsx?scenarios=-10,0,25,50&volumes=jh-45a12:1000', 'ermelo.viewer');
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(file.headers.get('content-disposition')).toMatch(
      /attachment; filename="simulatie-ERM-2025-JH01-\d{4}-\d{2}-\d{2}\.xlsx"/,
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await file.arrayBuffer());

    const sheet = book.getWorksheet('Scenario’s')!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      'Scenario',
      'Wijziging volume',
      'Volume (eenheden)',
      'Blootstelling gemeente (€)',
      'Ontvangst aanbieder (€)',
      'Volume boven plafond (onbetaald)',
    ]);
    expect(sheet.rowCount).toBe(1 + sim.scenarios.length);
    sim.scenarios.forEach((s, i) => {
      const row = sheet.getRow(i + 2);
      expect(row.getCell(2).value).toBe(s.change / 100);
      expect(row.getCell(2).numFmt).toContain('%');
      expect(row.getCell(3).value).toBe(s.lines.reduce((sum, l) => sum + l.volume, 0));
      expect(row.getCell(4).value).toBe(s.exposureCents / 100);
      expect(row.getCell(4).numFmt).toContain('€');
      expect(row.getCell(5).value).toBe(s.providerRevenueCents / 100);
      expect(row.getCell(6).value).toBe(s.lines.reduce((sum, l) => sum + l.unpaidVolume, 0));
    });
    expect(sheet.getRow(4).getCell(1).value).toBe('+25%');
    // The expected volume given for 45A12 was used: at +25% it asks 1,250 units.
    const perLine = book.getWorksheet('Per productregel')!;
    const lineRows = perLine.getRows(2, perLine.rowCount - 1)!.map((r) => r.values as unknown[]);
    const flat = sim.scenarios.flatMap((s) => s.lines.map((l) => ({ s, l })));
    expect(lineRows.length).toBe(flat.length);
    flat.forEach(({ s, l }, i) => {
      expect(lineRows[i]!.slice(2)).toEqual([
        s.change / 100,
        expect.any(String),
        l.volume,
        l.exposureCents / 100,
        l.unpaidVolume,
      ]);
    });
    expect(flat.find(({ s, l }) => s.change === 25 && l.lineId === 'jh-45a12')!.l.volume).toBe(1_250);

    const about = book.getWorksheet('Toelichting')!;
    const facts = Object.fromEntries(
      about.getRows(1, about.rowCount)!.map((r) => [r.getCell(1).value, r.getCell(2).value]),
    );
    expect(facts['Export van']).toContain('ERM-2025-JH01');
    expect(facts.Peildatum).toBe(new Date().toISOString().slice(0, 10));
    expect(facts['Scenario’s']).toBe('-10%; 0%; +25%; +50%');
    expect(facts['Eigen verwacht volume']).toBe('45A12: 1000');
  });

  it('answers 404 for another register’s agreement, 403 for a provider, 400 for bad scenarios', async () => {
    expect((await get('hdw-jh-2026.xlsx', 'ermelo.inkoper')).status).toBe(404);
    const foreign = await api.query(
      'simulation.agreement',
      { id: 'hdw-jh-2026' },
      await api.token('ermelo.inkoper'),
    );
    expect(foreign.status).toBe(404);
    expect((await get('hdw-jh-2026.xlsx', 'harderwijk.inkoper')).status).toBe(200);
    expect((await get('erm-jh-2025.xlsx', 'kompas.signer')).status).toBe(403);
    expect((await get('erm-jh-2025.xlsx?scenarios=10,veel', 'ermelo.inkoper')).status).toBe(400);
    expect((await get('erm-jh-2025.xlsx?scenarios=-101', 'ermelo.inkoper')).status).toBe(400);
    expect((await get('erm-jh-2025.xlsx?volumes=jh-45a12:-1', 'ermelo.inkoper')).status).toBe(400);
    expect((await get('erm-jh-2025.xlsx?sort=x', 'ermelo.inkoper')).status).toBe(400);
    expect((await get('erm-jh-2025.csv', 'ermelo.inkoper')).status).toBe(404);
    const anonymous = await fetch(`${api.url}/files/exports/simulation/erm-jh-2025.xlsx`);
    expect(anonymous.status).toBe(401);
  });
});
