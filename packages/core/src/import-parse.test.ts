import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv-read.ts';
import { csvTable, REGISTER_COLUMNS, registerRow } from './exports.ts';
import { IMPORT_MAX_ROWS, importRowSchema } from './import.ts';
import {
  guessMapping,
  IMPORT_COLUMNS,
  type ImportCell,
  importTable,
  importTemplate,
  importTemplateCsv,
  mappingProblems,
  parseImportRow,
  parseImportRows,
} from './import-parse.ts';
import type { InternalView } from './views.ts';

/** The fields of an agreement the register export writes (the rest of the view is not read by it). */
function view(fields: Partial<InternalView> = {}): InternalView {
  return {
    reference: 'ERM-2025-JH01',
    title: 'Jeugdhulp, regio "Noord"',
    kind: 'contract',
    status: 'terminated',
    domain: 'youth',
    space: 'GM0233',
    parties: [
      { name: 'Jeugdhulp Kompas B.V.', kvkNumber: '81234567' },
      { name: 'Stichting Wijkracht Noord-Veluwe', kvkNumber: '40123456' },
    ],
    startDate: '2025-01-01',
    endDate: '2026-12-31',
    noticePeriodMonths: 3,
    renewal: { options: 2, used: 1, monthsEach: 12 },
    valueCeilingCents: 123_456_789,
    budget: { spentCents: 1000, usedBasisPoints: 10 },
    version: 4,
    updatedAt: '2026-01-02T03:04:05.000Z',
    ...fields,
  } as unknown as InternalView;
}

const TEMPLATE_HEADERS = [
  'Kenmerk',
  'Titel',
  'Soort',
  'Status',
  'Domein',
  'Partijen',
  'Begindatum',
  'Einddatum',
  'Opzegtermijn (maanden)',
  'Plafond (EUR)',
  'Omschrijving',
];

describe('recognising the columns of a file', () => {
  it("maps the register export's own headers and ignores its computed columns", () => {
    const headers = REGISTER_COLUMNS.map((c) => c.header);
    const mapping = guessMapping(headers);
    expect(mapping).toEqual({
      reference: 0,
      title: 1,
      kind: 2,
      status: 3,
      domain: 4,
      space: 5,
      parties: 6,
      startDate: 7,
      endDate: 8,
      noticePeriodMonths: 9,
      valueCeiling: 11,
    });
    expect(mappingProblems(mapping)).toEqual([]);
  });

  it('maps the template, and other names for the same fields regardless of case and punctuation', () => {
    expect(Object.keys(guessMapping(importTemplate().headers))).toHaveLength(11);
    const mapping = guessMapping([
      'Contractnummer',
      'ONDERWERP',
      'type',
      'Status ',
      'beleidsveld',
      'Leverancier',
      'KvK-nummer',
      'Ingangsdatum',
      'Einddatum',
      'Opzegtermijn',
      'Contractwaarde',
      'Besteed (EUR)',
    ]);
    expect(mapping).toEqual({
      reference: 0,
      title: 1,
      kind: 2,
      status: 3,
      domain: 4,
      partyName: 5,
      partyKvk: 6,
      startDate: 7,
      endDate: 8,
      noticePeriodMonths: 9,
      valueCeiling: 10,
    });
  });

  it('names each required field that no column holds, by its Dutch header', () => {
    const problems = mappingProblems(guessMapping(['Kenmerk', 'Titel', 'Onbekend']));
    expect(problems.map((p) => p.params.column)).toEqual([
      'Soort',
      'Status',
      'Domein',
      'Begindatum',
      'Einddatum',
    ]);
    expect(problems.every((p) => p.reason === 'import.columnMissing')).toBe(true);
  });
});

describe('the table of a file', () => {
  it('takes the first non-empty row as the header, skips empty rows and keeps file line numbers', () => {
    const table = importTable([[], ['Kenmerk', 'Titel'], ['A', 'a'], [null, ''], ['B', 'b']]);
    expect(table).toEqual({
      ok: true,
      value: {
        headers: ['Kenmerk', 'Titel'],
        rows: [
          { line: 3, cells: ['A', 'a'] },
          { line: 5, cells: ['B', 'b'] },
        ],
      },
    });
  });

  it('refuses an empty file and one larger than the import takes', () => {
    expect(importTable([])).toMatchObject({ ok: false, reason: 'import.fileEmpty' });
    expect(importTable([['Kenmerk']])).toMatchObject({ ok: false, reason: 'import.fileEmpty' });
    const big = [['Kenmerk'], ...Array.from({ length: IMPORT_MAX_ROWS + 1 }, (_, i) => [`R-${i}`])];
    expect(importTable(big)).toEqual({
      ok: false,
      reason: 'import.tooManyRows',
      params: { rows: IMPORT_MAX_ROWS + 1, max: IMPORT_MAX_ROWS },
    });
    expect(importTable(big.slice(0, -1)).ok).toBe(true);
  });
});

describe('reading rows', () => {
  it('reads a register export (CSV) back into rows the server accepts, with the same values', () => {
    const agreements = [
      view(),
      view({ reference: 'ERM-2026-W1', kind: 'subsidy', status: 'requested', domain: 'wmo', parties: [] }),
      view({ reference: 'RG-GR-1', kind: 'joint_arrangement', status: 'active', valueCeilingCents: null }),
      view({ reference: 'X-1', title: '-minus vooraan', noticePeriodMonths: null, valueCeilingCents: 50 }),
    ];
    const csv = csvTable(
      REGISTER_COLUMNS.map((c) => c.header),
      agreements.map(registerRow),
      true,
    );
    const table = importTable(parseCsv(csv));
    if (!table.ok) throw new Error(table.reason);
    const parsed = parseImportRows(table.value, guessMapping(table.value.headers));
    expect(parsed.map((p) => p.problems)).toEqual([undefined, undefined, undefined, undefined]);
    const [first, subsidy, gr, last] = parsed.map((p) => p.row!);
    expect(first).toEqual({
      line: 2,
      reference: 'ERM-2025-JH01',
      title: 'Jeugdhulp, regio "Noord"',
      kind: 'contract',
      status: 'terminated',
      domain: 'youth',
      space: 'GM0233',
      startDate: '2025-01-01',
      endDate: '2026-12-31',
      noticePeriodMonths: 3,
      valueCeilingCents: 123_456_789,
      parties: [
        { name: 'Jeugdhulp Kompas B.V.', kvkNumber: '81234567' },
        { name: 'Stichting Wijkracht Noord-Veluwe', kvkNumber: '40123456' },
      ],
    });
    expect(subsidy).toMatchObject({ kind: 'subsidy', status: 'requested', domain: 'wmo', parties: [] });
    expect(gr).toMatchObject({ kind: 'joint_arrangement', status: 'active' });
    expect(gr).not.toHaveProperty('valueCeilingCents');
    expect(last).toMatchObject({ title: '-minus vooraan', valueCeilingCents: 50 });
    expect(last).not.toHaveProperty('noticePeriodMonths');
    for (const row of [first, subsidy, gr, last]) expect(importRowSchema.safeParse(row).success).toBe(true);
  });

  it('reads an XLSX-shaped row: date cells, numbers, a KvK number without its zero, separate party columns', () => {
    const headers = ['Kenmerk', 'Titel', 'Soort', 'Status', 'Domein', 'Partij', 'KvK partij', 'Begindatum'];
    const mapping = guessMapping([...headers, 'Einddatum', 'Plafond (EUR)', 'Opzegtermijn (maanden)']);
    const cells: ImportCell[] = [
      2025001,
      'Beschermd wonen',
      'Dienstverleningsovereenkomst',
      'Concept',
      'Wmo',
      'Zorg & Co',
      1234567,
      new Date(Date.UTC(2026, 0, 1)),
      46387, // 31-12-2026 as a day number
      1234.5,
      6,
    ];
    expect(parseImportRow(cells, 7, mapping)).toEqual({
      line: 7,
      reference: '2025001',
      row: {
        line: 7,
        reference: '2025001',
        title: 'Beschermd wonen',
        kind: 'service_agreement',
        status: 'draft',
        domain: 'wmo',
        startDate: '2026-01-01',
        endDate: '2026-12-31',
        noticePeriodMonths: 6,
        valueCeilingCents: 123_450,
        parties: [{ name: 'Zorg & Co', kvkNumber: '01234567' }],
      },
    });
  });

  it('names every field a row gets wrong, with its reason key and the cell', () => {
    const mapping = guessMapping(TEMPLATE_HEADERS);
    const row = [
      '',
      'Titel',
      'Raamcontract',
      'actief',
      'Jeugd',
      'Kompas',
      '31-02-2026',
      '2026-12-31',
      'drie',
      '-5',
      '',
    ];
    expect(parseImportRow(row, 4, mapping)).toEqual({
      line: 4,
      reference: '',
      problems: [
        { field: 'reference', reason: 'import.valueMissing', params: {} },
        { field: 'kind', reason: 'import.kindUnknown', params: { value: 'Raamcontract' } },
        { field: 'startDate', reason: 'import.dateInvalid', params: { value: '31-02-2026' } },
        { field: 'noticePeriodMonths', reason: 'import.numberInvalid', params: { value: 'drie' } },
        { field: 'valueCeilingCents', reason: 'import.amountInvalid', params: { value: '-5' } },
        { field: 'parties', reason: 'import.partyInvalid', params: { value: 'Kompas' } },
      ],
    });
  });

  it("checks the rest with the server's schema and the order of the dates", () => {
    const mapping = guessMapping(TEMPLATE_HEADERS);
    const base = ['A-1', 'T', 'Subsidie', 'aangevraagd', 'Wmo', '', '01-01-2026', '31-12-2026', '', '', ''];
    const withCell = (index: number, cell: string) => base.map((c, i) => (i === index ? cell : c));
    expect(parseImportRow(withCell(7, '31-12-2025'), 2, mapping).problems).toEqual([
      { field: 'endDate', reason: 'agreement.endBeforeStart', params: {} },
    ]);
    expect(parseImportRow(withCell(0, '#1 fout'), 2, mapping).problems).toEqual([
      { field: 'reference', reason: 'validation.invalid_format', params: { format: 'regex' } },
    ]);
    expect(parseImportRow(withCell(1, 'x'.repeat(201)), 2, mapping).problems).toEqual([
      { field: 'title', reason: 'validation.too_big', params: { maximum: 200, origin: 'string' } },
    ]);
    expect(parseImportRow(withCell(8, '121'), 2, mapping).problems?.[0]).toMatchObject({
      field: 'noticePeriodMonths',
      reason: 'validation.too_big',
    });
  });

  it('refuses a reference an earlier row of the file has (in any case), naming that row', () => {
    const table = importTable([
      TEMPLATE_HEADERS,
      ['A-1', 'Een', 'Subsidie', 'aangevraagd', 'Wmo', '', '01-01-2026', '31-12-2026'],
      ['a-1', 'Twee', 'Subsidie', 'aangevraagd', 'Wmo', '', '01-01-2026', '31-12-2026'],
    ]);
    if (!table.ok) throw new Error(table.reason);
    const [first, second] = parseImportRows(table.value, guessMapping(TEMPLATE_HEADERS));
    expect(first!.row).toBeDefined();
    expect(second!.problems).toEqual([
      { field: 'reference', reason: 'import.duplicateInFile', params: { reference: 'a-1', line: 2 } },
    ]);
  });
});

describe('the template', () => {
  it('has the Dutch headers and an example row that reads as a valid row', () => {
    const { headers, example } = importTemplate();
    expect(headers).toEqual(TEMPLATE_HEADERS);
    expect(headers.slice(0, 5)).toEqual(REGISTER_COLUMNS.slice(0, 5).map((c) => c.header));
    const parsed = parseImportRow(example, 2, guessMapping(headers));
    expect(parsed.problems).toBeUndefined();
    expect(parsed.row).toMatchObject({ kind: 'contract', status: 'active', valueCeilingCents: 125_000_000 });
  });

  it('downloads as a `;` CSV with a byte-order mark that reads back the same', () => {
    const csv = importTemplateCsv();
    expect(csv.startsWith('\uFEFFKenmerk;Titel;Soort;')).toBe(true);
    const { headers, example } = importTemplate();
    expect(parseCsv(csv)).toEqual([headers, example.map((c) => String(c))]);
  });

  it('offers every required field', () => {
    const inTemplate = new Set(importTemplate().headers);
    for (const column of IMPORT_COLUMNS.filter((c) => c.required))
      expect(inTemplate.has(column.header), column.field).toBe(true);
  });
});
