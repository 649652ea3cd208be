import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REGISTER_COLUMNS } from '@regie/core';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { verifyLines } from '../../scripts/verify-audit.ts';
import { startTestApi, type TestApi } from '../support/api.ts';
import { createTestDb } from '../support/db.ts';
import { runVerifyAudit } from '../support/verify-audit.ts';

/** SPEC §5.5: the filtered register as CSV and XLSX, an agreement's audit trail as JSON lines verified offline. */
describe('exports', () => {
  let api: TestApi;
  let dir: string;
  beforeAll(async () => {
    api = await startTestApi(await createTestDb(inject('dynamoEndpoint'), { seed: true }));
    dir = mkdtempSync(join(tmpdir(), 'regie-audit-'));
  });
  afterAll(async () => {
    await api.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const get = async (path: string, user?: string) =>
    fetch(`${api.url}/files/exports/${path}`, {
      headers: user ? { authorization: `Bearer ${await api.token(user)}` } : {},
    });

  it('exports the filtered register as CSV with Dutch headers, only the caller’s own agreements', async () => {
    const res = await get('register.csv?kind=contract', 'ermelo.viewer');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="register-GM0233-.*\.csv"/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM, so Excel reads the accents
    const text = new TextDecoder().decode(bytes);
    const lines = text.trimEnd().split('\r\n');
    expect(lines[0]).toBe(REGISTER_COLUMNS.map((c) => c.header).join(','));
    const body = lines.slice(1).join('\n');
    expect(body).toContain('ERM-2025-JH01');
    expect(body).toContain('Inkoopcontract');
    expect(body).not.toContain('Subsidie'); // the filter holds
    expect(body).not.toContain('HDW-'); // another municipality's register never appears
    expect(Number(res.headers.get('x-regie-rows'))).toBe(lines.length - 1);
  });

  it('guards spreadsheet formulas in cells', async () => {
    const created = await api.mutate(
      'agreement.create',
      {
        kind: 'contract',
        reference: 'ERM-CSV-1',
        title: '=HYPERLINK("http://x")',
        domain: 'other',
        startDate: '2026-01-01',
        endDate: '2026-12-31',
      },
      await api.token('ermelo.inkoper'),
    );
    expect(created.status).toBe(200);
    const text = await (await get('register.csv?q=ERM-CSV-1', 'ermelo.viewer')).text();
    expect(text).toContain(`"'=HYPERLINK(""http://x"")"`);
  });

  it('exports the same rows as XLSX with typed columns and a sheet saying what was exported', async () => {
    const csv = await (await get('register.csv?sort=endDate', 'ermelo.viewer')).text();
    const res = await get('register.xlsx?sort=endDate', 'ermelo.viewer');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    const sheet = book.getWorksheet('Register')!;
    expect(sheet.getRow(1).values).toEqual([undefined, ...REGISTER_COLUMNS.map((c) => c.header)]);
    const references = sheet
      .getColumn(1)
      .values.slice(2)
      .map((v) => String(v));
    const csvReferences = csv
      .trimEnd()
      .split('\r\n')
      .slice(1)
      .map((l) => l.split(',')[0]);
    expect(references).toEqual(csvReferences);
    const endDate = REGISTER_COLUMNS.findIndex((c) => c.key === 'endDate') + 1;
    expect(sheet.getRow(2).getCell(endDate).value).toBeInstanceOf(Date);
    const about = book.getWorksheet('Toelichting')!;
    expect(about.getCell('B1').value).toBe('GM0233');
    expect(about.getCell('B5').value).toBe(references.length);
  });

  it('refuses bad filters, anonymous callers and provider users', async () => {
    expect((await get('register.csv?kind=nope', 'ermelo.viewer')).status).toBe(400);
    expect((await get('register.csv?unknown=1', 'ermelo.viewer')).status).toBe(400);
    expect((await get(`register.csv?q=${'x'.repeat(500)}`, 'ermelo.viewer')).status).toBe(400);
    expect((await get('register.csv')).status).toBe(401);
    expect((await get('register.xlsx', 'kompas.signer')).status).toBe(403);
    expect((await get('audit/erm-jh-2025.jsonl', 'kompas.signer')).status).toBe(403);
  });

  it('gives the audit trail as JSON lines that the offline command verifies, and catches a tampered line', async () => {
    const res = await get('audit/erm-jh-2025.jsonl', 'ermelo.viewer');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/x-ndjson');
    const text = await res.text();
    const history = (
      await api.query('agreement.history', { id: 'erm-jh-2025' }, await api.token('ermelo.viewer'))
    ).body.result.data;
    expect(text.trimEnd().split('\n')).toHaveLength(history.length);
    expect(verifyLines(text)).toMatchObject({ valid: true, events: history.length });

    const file = join(dir, 'audit.jsonl');
    writeFileSync(file, text);
    const ok = await runVerifyAudit([file]);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain(`OK: ${history.length} events`);

    const lines = text.trimEnd().split('\n');
    const second = JSON.parse(lines[1]!);
    lines[1] = JSON.stringify({ ...second, actor: 'iemand.anders' });
    writeFileSync(file, `${lines.join('\n')}\n`);
    const broken = await runVerifyAudit([file]);
    expect(broken.status).toBe(1);
    expect(broken.stdout).toContain('BROKEN at seq 2: event content was altered');

    writeFileSync(file, `${[lines[0], lines[2]].join('\n')}\n`);
    expect((await runVerifyAudit([file])).stdout).toContain('BROKEN at seq 2: missing event');
  });

  it('answers another municipality’s or a missing agreement’s trail with the same 404', async () => {
    const foreign = await get('audit/hdw-jh-2026.jsonl', 'ermelo.viewer');
    const missing = await get('audit/bestaat-niet.jsonl', 'ermelo.viewer');
    expect(foreign.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(await foreign.json()).toEqual(await missing.json());
    expect((await get('audit/../../x.jsonl', 'ermelo.viewer')).status).toBe(404);
  });
});
