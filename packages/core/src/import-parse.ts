import type { Cell } from './csv.ts';
import { csvTable } from './csv.ts';
import { issueReason, type ParamValue, type Reason, type SchemaIssueLike } from './errors.ts';
import { IMPORT_MAX_ROWS, type ImportRow, importRowSchema } from './import.ts';
import {
  type CellResult,
  cellText,
  type ImportCell,
  type ImportParty,
  isEmptyCell,
  normaliseName,
  readImportAmount,
  readImportDate,
  readImportDomain,
  readImportInteger,
  readImportKind,
  readImportKvk,
  readImportParties,
  readImportStatus,
} from './import-cells.ts';
import { registerHeader } from './register-columns.ts';

export type { CellResult, ImportCell, ImportParty } from './import-cells.ts';

/**
 * Reading a file for the register import (issue 13 point 3), pure and browser-safe: which column holds which
 * field (recognised by the template's and the register export's own Dutch headers and their aliases, or mapped by
 * hand), and each row as an `ImportRow` or its field errors with reason keys. The server checks every row again
 * (`agreement.import`); this is what a person sees before anything is sent.
 */

/** What a column of the file can hold. `parties` is a list in one cell; `partyName` + `partyKvk` one party. */
export const IMPORT_FIELDS = [
  'reference',
  'title',
  'kind',
  'status',
  'domain',
  'parties',
  'partyName',
  'partyKvk',
  'startDate',
  'endDate',
  'noticePeriodMonths',
  'valueCeiling',
  'description',
  'space',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export interface ImportColumn {
  field: ImportField;
  /** The template's Dutch header: the register export's own where it has the column. */
  header: string;
  required: boolean;
  /** Other headers that mean this field (compared without case, accents, spaces and punctuation). */
  aliases: readonly string[];
  /** The template's example cell; columns without one are recognised but not in the template. */
  example?: Cell;
}

export const IMPORT_COLUMNS: readonly ImportColumn[] = [
  {
    field: 'reference',
    header: registerHeader('reference'),
    required: true,
    aliases: ['referentie', 'reference', 'contractnummer', 'nummer', 'zaaknummer', 'dossiernummer'],
    example: 'VB-2026-001',
  },
  {
    field: 'title',
    header: registerHeader('title'),
    required: true,
    aliases: ['title', 'naam', 'onderwerp', 'naam overeenkomst', 'contractnaam'],
    example: 'Ambulante jeugdhulp (voorbeeld)',
  },
  {
    field: 'kind',
    header: registerHeader('kind'),
    required: true,
    aliases: ['kind', 'type', 'soort overeenkomst', 'contractsoort'],
    example: 'Inkoopcontract',
  },
  {
    field: 'status',
    header: registerHeader('status'),
    required: true,
    aliases: ['state', 'fase'],
    example: 'actief',
  },
  {
    field: 'domain',
    header: registerHeader('domain'),
    required: true,
    aliases: ['domain', 'beleidsveld', 'taakveld'],
    example: 'Jeugd',
  },
  {
    field: 'parties',
    header: registerHeader('parties'),
    required: false,
    aliases: ['parties', 'contractpartijen', 'leveranciers', 'aanbieders'],
    example: 'Voorbeeld Zorg B.V. (KvK 12345678)',
  },
  {
    field: 'partyName',
    header: 'Partij',
    required: false,
    aliases: ['party', 'leverancier', 'aanbieder', 'contractpartij', 'naam partij', 'partijnaam'],
  },
  {
    field: 'partyKvk',
    header: 'KvK partij',
    required: false,
    aliases: ['kvk', 'kvk nummer', 'kvknummer', 'kvk leverancier', 'kvk aanbieder', 'kvk number'],
  },
  {
    field: 'startDate',
    header: registerHeader('startDate'),
    required: true,
    aliases: ['startdatum', 'ingangsdatum', 'start', 'start date', 'startdate', 'van'],
    example: '01-01-2026',
  },
  {
    field: 'endDate',
    header: registerHeader('endDate'),
    required: true,
    aliases: ['eind', 'end date', 'enddate', 'looptijd tot', 'tot', 'vervaldatum'],
    example: '31-12-2027',
  },
  {
    field: 'noticePeriodMonths',
    header: registerHeader('noticePeriodMonths'),
    required: false,
    aliases: ['opzegtermijn', 'notice period months', 'noticeperiodmonths'],
    example: 3,
  },
  {
    field: 'valueCeiling',
    header: registerHeader('valueCeiling'),
    required: false,
    aliases: ['plafond', 'waarde', 'contractwaarde', 'bedrag', 'budget', 'value ceiling', 'plafondbedrag'],
    example: '1.250.000,00',
  },
  {
    field: 'description',
    header: 'Omschrijving',
    required: false,
    aliases: ['beschrijving', 'description', 'toelichting', 'opmerkingen'],
    example: 'Voorbeeldregel: vervang of verwijder deze rij.',
  },
  {
    field: 'space',
    header: registerHeader('space'),
    required: false,
    aliases: ['owner', 'space', 'register'],
  },
];

export const REQUIRED_IMPORT_FIELDS: readonly ImportField[] = IMPORT_COLUMNS.filter((c) => c.required).map(
  (c) => c.field,
);

export function importColumn(field: ImportField): ImportColumn {
  return IMPORT_COLUMNS.find((c) => c.field === field)!;
}

/** A header as compared: `Opzegtermijn (maanden)` → `opzegtermijnmaanden`. */
export function normaliseHeader(header: ImportCell): string {
  return normaliseName(cellText(header)).replace(/[^\p{L}\p{N}]/gu, '');
}

/** Which column of the file (0-based) holds each field; a field without a column is absent. */
export type ColumnMapping = Partial<Record<ImportField, number>>;

/**
 * The mapping a file's headers suggest: a header equal to a field's template header or one of its aliases. Each
 * column serves one field; the register export's computed columns (Besteed, Versie, Laatst gewijzigd) match none.
 */
export function guessMapping(headers: readonly ImportCell[]): ColumnMapping {
  const names = headers.map(normaliseHeader);
  const mapping: ColumnMapping = {};
  const used = new Set<number>();
  // Template headers first, so `Partij` is never taken by a looser alias of another field.
  for (const pass of ['header', 'alias'] as const) {
    for (const column of IMPORT_COLUMNS) {
      if (mapping[column.field] !== undefined) continue;
      const wanted = pass === 'header' ? [column.header] : column.aliases;
      const candidates = new Set(wanted.map(normaliseHeader));
      const index = names.findIndex((name, i) => !used.has(i) && name !== '' && candidates.has(name));
      if (index >= 0) {
        mapping[column.field] = index;
        used.add(index);
      }
    }
  }
  return mapping;
}

export interface ImportProblem {
  /** The field of `ImportRow` it is about (`parties` for the party columns, `valueCeilingCents` for the amount). */
  field: string;
  reason: Reason;
  params: Record<string, ParamValue>;
}

/** The required fields that no column holds: `import.columnMissing` with the template's header. */
export function mappingProblems(mapping: ColumnMapping): ImportProblem[] {
  return REQUIRED_IMPORT_FIELDS.filter((field) => mapping[field] === undefined).map((field) => ({
    field,
    reason: 'import.columnMissing',
    params: { column: importColumn(field).header },
  }));
}

/** A file's header and its data rows, each with its line number in the file (the header's line is 1 or more). */
export interface ImportTable {
  headers: string[];
  rows: { line: number; cells: ImportCell[] }[];
}

/**
 * The table of a file's rows as read (CSV or XLSX): the first non-empty row is the header, empty rows are
 * skipped. An empty file and one of more than IMPORT_MAX_ROWS rows are refused as a whole.
 */
export function importTable(raw: readonly (readonly ImportCell[])[]): CellResult<ImportTable> {
  const filled = (row: readonly ImportCell[]) => row.some((cell) => !isEmptyCell(cell));
  const headerIndex = raw.findIndex(filled);
  if (headerIndex < 0) return { ok: false, reason: 'import.fileEmpty', params: {} };
  const rows: ImportTable['rows'] = [];
  for (let i = headerIndex + 1; i < raw.length; i++)
    if (filled(raw[i]!)) rows.push({ line: i + 1, cells: [...raw[i]!] });
  if (rows.length === 0) return { ok: false, reason: 'import.fileEmpty', params: {} };
  if (rows.length > IMPORT_MAX_ROWS)
    return { ok: false, reason: 'import.tooManyRows', params: { rows: rows.length, max: IMPORT_MAX_ROWS } };
  return { ok: true, value: { headers: raw[headerIndex]!.map(cellText), rows } };
}

/** One row read: the row to send, or what is wrong with it. `reference` is the cell as it came, for the report. */
export type ParsedImportRow =
  | { line: number; reference: string; row: ImportRow; problems?: undefined }
  | { line: number; reference: string; row?: undefined; problems: ImportProblem[] };

/** One data row of the file through the mapping: cells read, then the server's own schema. */
export function parseImportRow(cells: readonly ImportCell[], line: number, mapping: ColumnMapping) {
  const problems: ImportProblem[] = [];
  const cell = (field: ImportField): ImportCell =>
    mapping[field] === undefined ? undefined : cells[mapping[field]!];
  const read = <T>(field: ImportField, rowField: string, reader: (c: ImportCell) => CellResult<T>) => {
    const value = cell(field);
    if (isEmptyCell(value)) {
      if (importColumn(field).required)
        problems.push({ field: rowField, reason: 'import.valueMissing', params: {} });
      return undefined;
    }
    const result = reader(value);
    if (result.ok) return result.value;
    problems.push({ field: rowField, reason: result.reason, params: result.params });
    return undefined;
  };
  const text = (field: ImportField) => read(field, field, (c) => ({ ok: true, value: cellText(c) }));

  const reference = cellText(cell('reference'));
  const candidate = {
    line,
    reference: text('reference'),
    title: text('title'),
    kind: read('kind', 'kind', readImportKind),
    status: read('status', 'status', readImportStatus),
    domain: read('domain', 'domain', readImportDomain),
    space: text('space'),
    startDate: read('startDate', 'startDate', readImportDate),
    endDate: read('endDate', 'endDate', readImportDate),
    noticePeriodMonths: read('noticePeriodMonths', 'noticePeriodMonths', readImportInteger),
    valueCeilingCents: read('valueCeiling', 'valueCeilingCents', readImportAmount),
    description: text('description'),
    parties: partiesOf(read('parties', 'parties', readImportParties) ?? [], cell, problems),
  };
  if (candidate.startDate && candidate.endDate && candidate.endDate < candidate.startDate)
    problems.push({ field: 'endDate', reason: 'agreement.endBeforeStart', params: {} });
  if (problems.length > 0) return { line, reference, problems } satisfies ParsedImportRow;

  const row = Object.fromEntries(Object.entries(candidate).filter(([, value]) => value !== undefined));
  const checked = importRowSchema.safeParse(row);
  if (checked.success) return { line, reference, row: checked.data } satisfies ParsedImportRow;
  return {
    line,
    reference,
    problems: checked.error.issues.map((issue) => ({
      field: String(issue.path[0] ?? ''),
      ...issueReason(issue as unknown as SchemaIssueLike),
    })),
  } satisfies ParsedImportRow;
}

/** The list in one cell plus the party of the `Partij` / `KvK partij` columns, each KvK once. */
function partiesOf(
  listed: ImportParty[],
  cell: (field: ImportField) => ImportCell,
  problems: ImportProblem[],
): ImportParty[] {
  const name = cellText(cell('partyName'));
  const kvkCell = cell('partyKvk');
  const parties = [...listed];
  if (name !== '' || !isEmptyCell(kvkCell)) {
    const kvk = readImportKvk(kvkCell);
    if (!kvk.ok) problems.push({ field: 'parties', reason: kvk.reason, params: kvk.params });
    else if (name === '')
      problems.push({ field: 'parties', reason: 'import.partyInvalid', params: { value: kvk.value } });
    else if (!parties.some((p) => p.kvkNumber === kvk.value)) parties.push({ name, kvkNumber: kvk.value });
  }
  return parties;
}

/**
 * Every data row of a table through the mapping. A reference an earlier row of the file already has (in the same
 * register, without regard to case, as the register keys references) is refused with the server's own reason,
 * `import.duplicateInFile`: the server would write the first and report the second.
 */
export function parseImportRows(table: ImportTable, mapping: ColumnMapping): ParsedImportRow[] {
  const firstLine = new Map<string, number>();
  const spaceColumn = mapping.space;
  return table.rows.map(({ line, cells }) => {
    const parsed = parseImportRow(cells, line, mapping);
    if (parsed.reference === '') return parsed;
    const space = spaceColumn === undefined ? '' : cellText(cells[spaceColumn]);
    const key = `${space}\u0000${parsed.reference.toUpperCase()}`;
    const earlier = firstLine.get(key);
    if (earlier === undefined) {
      firstLine.set(key, line);
      return parsed;
    }
    const repeated: ImportProblem = {
      field: 'reference',
      reason: 'import.duplicateInFile',
      params: { reference: parsed.reference, line: earlier },
    };
    return { line, reference: parsed.reference, problems: [repeated, ...(parsed.problems ?? [])] };
  });
}

/** The template: the Dutch headers of the columns it holds and one example row. */
export function importTemplate(): { headers: string[]; example: Cell[] } {
  const columns = IMPORT_COLUMNS.filter((c) => c.example !== undefined);
  return { headers: columns.map((c) => c.header), example: columns.map((c) => c.example ?? null) };
}

/** The template as a CSV for Excel with Dutch settings: `;`-separated, UTF-8 with a byte-order mark. */
export function importTemplateCsv(): string {
  const { headers, example } = importTemplate();
  return csvTable(headers, [example], true, ';');
}
