import {
  agreementFindInput,
  auditJsonLines,
  csvTable,
  type InternalView,
  idSchema,
  MAX_EXPORT_ROWS,
  MUNICIPAL_ROLES,
  REGISTER_COLUMNS,
  registerRow,
  SPACE_PATTERN,
} from '@regie/core';

import ExcelJS from 'exceljs';
import { Hono } from 'hono';
import type { FilesDeps } from './app.ts';
import { type CallerEnv, caller } from './caller.ts';
import { simulationQuery, simulationWorkbook } from './simulation-xlsx.ts';
import { statementFileName, usageStatementPdf, usageStatementWorkbook } from './usage-export.ts';

/** Query parameters that are not filters. */
const FORMAT_ONLY = new Set(['cursor', 'limit']);

/**
 * Exports (SPEC §5.5), under `/files/exports/…`:
 *
 * | route | roles | |
 * |---|---|---|
 * | `GET register.csv?<filters>` | municipal roles | the register with the filters of `agreement.find` (kind, status, domain, party, parentId, endsBefore, q, sort, space), up to 10,000 rows |
 * | `GET register.xlsx?<filters>` | municipal roles | the same as a spreadsheet, with typed columns and a sheet that says what was exported |
 * | `GET audit/<agreement id>.jsonl` | municipal roles | the agreement's audit trail, one event per line, verifiable offline with `npm run verify-audit` |
 * | `GET simulation/<agreement id>.xlsx?scenarios=-10,0,25&volumes=<line id>:<units>,…` | municipal roles (as `simulation.agreement`) | the volume-incentive simulation's scenario table, per line, line insights and flags, with a sheet saying what and as of when |
 * | `GET usage/<agreement id>/<member>/<year>.xlsx` and `….pdf` | municipal roles (as `usage.statement`: the region any member's, a member only its own) | a member's settlement statement of a region's service agreement: provisional, definitive, per module, measured usage, the arithmetic |
 */
export function exportRoutes(deps: FilesDeps): Hono<CallerEnv> {
  const app = new Hono<CallerEnv>();
  const allow = caller(deps, MUNICIPAL_ROLES);

  /** The filters from the query string, checked by the register's own schema; unknown names are refused. */
  function filtersOf(query: Record<string, string>) {
    const raw: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(query)) if (!FORMAT_ONLY.has(key)) raw[key] = value;
    return agreementFindInput.safeParse(raw);
  }

  async function rowsFor(c: { var: CallerEnv['Variables'] }, filter: Record<string, unknown>) {
    const rows: InternalView[] = [];
    let cursor: string | undefined;
    do {
      const page = await c.var.repos.agreements.find({ ...filter, cursor, limit: 100 });
      rows.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor && rows.length < MAX_EXPORT_ROWS);
    return { rows: rows.slice(0, MAX_EXPORT_ROWS), truncated: !!cursor || rows.length > MAX_EXPORT_ROWS };
  }

  const stamp = () => new Date().toISOString().slice(0, 10);

  app.get('/register.csv', allow, async (c) => {
    const filters = filtersOf(c.req.query());
    if (!filters.success) return c.json({ error: { code: 'BAD_REQUEST', message: 'Invalid filters' } }, 400);
    const { rows, truncated } = await rowsFor(c, filters.data);
    c.header('content-type', 'text/csv; charset=utf-8');
    c.header('content-disposition', `attachment; filename="register-${c.var.identity.space}-${stamp()}.csv"`);
    c.header('x-regie-rows', String(rows.length));
    if (truncated) c.header('x-regie-truncated', 'true');
    return c.body(
      csvTable(
        REGISTER_COLUMNS.map((col) => col.header),
        rows.map(registerRow),
        true,
      ),
    );
  });

  app.get('/register.xlsx', allow, async (c) => {
    const filters = filtersOf(c.req.query());
    if (!filters.success) return c.json({ error: { code: 'BAD_REQUEST', message: 'Invalid filters' } }, 400);
    const { rows, truncated } = await rowsFor(c, filters.data);
    const book = new ExcelJS.Workbook();
    book.creator = 'Regie';
    book.created = new Date();
    const sheet = book.addWorksheet('Register', { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = REGISTER_COLUMNS.map((col) => ({
      header: col.header,
      key: col.key,
      width: col.type === 'text' ? 28 : 16,
      style:
        col.type === 'money'
          ? { numFmt: '#,##0.00' }
          : col.type === 'percent'
            ? { numFmt: '0%' }
            : col.type === 'date'
              ? { numFmt: 'dd-mm-yyyy' }
              : {},
    }));
    sheet.getRow(1).font = { bold: true };
    for (const row of rows) {
      sheet.addRow(
        registerRow(row).map((value, i) =>
          REGISTER_COLUMNS[i]!.type === 'date' && typeof value === 'string'
            ? new Date(`${value}T00:00:00Z`)
            : value,
        ),
      );
    }
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: REGISTER_COLUMNS.length } };
    const about = book.addWorksheet('Toelichting');
    about.addRows([
      ['Export van', c.var.identity.space],
      ['Gemaakt op', new Date().toISOString()],
      ['Door', c.var.identity.user],
      ['Filters', JSON.stringify(filters.data)],
      ['Rijen', rows.length],
      ['Volledig', truncated ? `Nee: de eerste ${MAX_EXPORT_ROWS}; verfijn de filters` : 'Ja'],
    ]);
    about.getColumn(1).font = { bold: true };
    about.getColumn(1).width = 16;
    about.getColumn(2).width = 60;
    const bytes = await book.xlsx.writeBuffer();
    c.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    c.header(
      'content-disposition',
      `attachment; filename="register-${c.var.identity.space}-${stamp()}.xlsx"`,
    );
    c.header('x-regie-rows', String(rows.length));
    if (truncated) c.header('x-regie-truncated', 'true');
    return c.body(new Uint8Array(bytes as ArrayBuffer));
  });

  app.get('/simulation/:file', allow, async (c) => {
    const file = c.req.param('file');
    const id = file.endsWith('.xlsx') ? file.slice(0, -5) : '';
    if (!idSchema().safeParse(id).success)
      return c.json({ error: { code: 'NOT_FOUND', message: 'Agreement not found' } }, 404);
    const query = simulationQuery(c.req.query());
    if (!query.ok)
      return c.json({ error: { code: 'BAD_REQUEST', message: 'Invalid scenarios or volumes' } }, 400);
    // Read as `simulation.agreement` reads it: a foreign id answers NOT_FOUND from the repository.
    const agreement = await c.var.repos.agreements.get(id);
    const sim = await c.var.repos.simulation.agreement(id, query.scenarios, query.expectedVolumes);
    const asOf = new Date();
    const bytes = await simulationWorkbook(agreement, sim, {
      user: c.var.identity.user,
      asOf,
      expectedVolumes: query.expectedVolumes ?? [],
    });
    c.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    c.header(
      'content-disposition',
      `attachment; filename="simulatie-${agreement.reference.replace(/[^A-Za-z0-9._-]/g, '_')}-${stamp()}.xlsx"`,
    );
    return c.body(new Uint8Array(bytes));
  });

  app.get('/usage/:agreementId/:member/:file', allow, async (c) => {
    const { agreementId, member, file } = c.req.param();
    const match = /^(\d{4})\.(xlsx|pdf)$/.exec(file);
    const year = match ? Number(match[1]) : 0;
    if (
      !match ||
      year < 2000 ||
      year > 2100 ||
      !idSchema().safeParse(agreementId).success ||
      !SPACE_PATTERN.test(member)
    )
      return c.json({ error: { code: 'NOT_FOUND', message: 'Statement not found' } }, 404);
    // Read as `usage.statement` reads it: a foreign agreement, or another member's statement, is NOT_FOUND.
    const statement = await c.var.repos.usage.statement(agreementId, member, year);
    const about = { user: c.var.identity.user, asOf: new Date() };
    if (match[2] === 'pdf') {
      c.header('content-type', 'application/pdf');
      c.header('content-disposition', `attachment; filename="${statementFileName(statement, 'pdf')}"`);
      return c.body(new Uint8Array(await usageStatementPdf(statement, about)));
    }
    c.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    c.header('content-disposition', `attachment; filename="${statementFileName(statement, 'xlsx')}"`);
    return c.body(new Uint8Array(await usageStatementWorkbook(statement, about)));
  });

  app.get('/audit/:file', allow, async (c) => {
    const file = c.req.param('file');
    const id = file.endsWith('.jsonl') ? file.slice(0, -6) : '';
    if (!idSchema().safeParse(id).success)
      return c.json({ error: { code: 'NOT_FOUND', message: 'Agreement not found' } }, 404);
    const events = await c.var.repos.agreements.history(id);
    c.header('content-type', 'application/x-ndjson; charset=utf-8');
    c.header('content-disposition', `attachment; filename="audit-${id}.jsonl"`);
    return c.body(auditJsonLines(events));
  });

  return app;
}
