import {
  csvTable,
  LEGAL_FORMS_NL,
  PARAGRAPH_COLUMNS,
  type Paragraph,
  PC_PARAGRAPH_ROLES,
  paragraphCells,
  wgrYear,
} from '@regie/core';
import ExcelJS from 'exceljs';
import type { Hono } from 'hono';
import type { FilesDeps } from './app.ts';
import { type CallerEnv, caller } from './caller.ts';

/**
 * The paragraaf verbonden partijen of the caller's own municipality (issue 16 point 5, BBV art. 15), under
 * `/files/exports/verbonden-partijen/<year>.csv|xlsx`: the rows of `pc.paragraph`, grouped by legal form, money in
 * euros. Only the caller's own space is ever read (there is no space parameter).
 */
export function paragraphRoutes(app: Hono<CallerEnv>, deps: FilesDeps): void {
  const allow = caller(deps, PC_PARAGRAPH_ROLES);

  app.get('/verbonden-partijen/:file', allow, async (c) => {
    const match = /^(\d{4})\.(csv|xlsx)$/.exec(c.req.param('file'));
    const year = match ? wgrYear().safeParse(Number(match[1])) : null;
    if (!match || !year?.success)
      return c.json({ error: { code: 'BAD_REQUEST', message: 'Ask for <year>.csv or <year>.xlsx' } }, 400);
    if (Object.keys(c.req.query()).length > 0)
      return c.json({ error: { code: 'BAD_REQUEST', message: 'This export takes no parameters' } }, 400);
    const paragraph = await c.var.repos.pc.paragraph(year.data);
    const name = `verbonden-partijen-${paragraph.space}-${paragraph.year}`;
    c.header('x-regie-rows', String(paragraph.groups.reduce((n, g) => n + g.rows.length, 0)));
    if (match[2] === 'csv') {
      c.header('content-type', 'text/csv; charset=utf-8');
      c.header('content-disposition', `attachment; filename="${name}.csv"`);
      return c.body(
        csvTable(
          PARAGRAPH_COLUMNS.map((col) => col.header),
          paragraphCells(paragraph),
          true,
        ),
      );
    }
    const bytes = await paragraphWorkbook(paragraph, c.var.identity.user);
    c.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    c.header('content-disposition', `attachment; filename="${name}.xlsx"`);
    return c.body(new Uint8Array(bytes));
  });
}

/** The paragraaf as a workbook: one typed sheet of all rows, and a sheet saying what, for whom and how complete. */
export async function paragraphWorkbook(paragraph: Paragraph, user: string): Promise<ArrayBuffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Regie';
  book.created = new Date();
  const sheet = book.addWorksheet('Verbonden partijen', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = PARAGRAPH_COLUMNS.map((col) => ({
    header: col.header,
    key: col.key,
    width: col.type === 'text' ? 30 : 18,
    style:
      col.type === 'money' ? { numFmt: '"€" #,##0.00;-"€" #,##0.00' } : { alignment: { wrapText: true } },
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.addRows(paragraphCells(paragraph));
  const about = book.addWorksheet('Toelichting');
  about.addRows([
    ['Paragraaf verbonden partijen', 'BBV art. 15'],
    ['Gemeente', paragraph.space],
    ['Jaar', paragraph.year],
    ['Categorieën', paragraph.groups.map((g) => LEGAL_FORMS_NL[g.legalForm]).join('; ')],
    ['Volledig', paragraph.complete ? 'Ja' : 'Nee: niet alle velden zijn ingevuld op de regeling'],
    ['Gemaakt op', new Date().toISOString()],
    ['Door', user],
  ]);
  about.getColumn(1).font = { bold: true };
  about.getColumn(1).width = 28;
  about.getColumn(2).width = 60;
  return (await book.xlsx.writeBuffer()) as ArrayBuffer;
}
