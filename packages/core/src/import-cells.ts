import type { ParamValue, Reason } from './errors.ts';
import { isKvkNumber } from './identifiers.ts';
import {
  AGREEMENT_KINDS,
  AGREEMENT_STATUSES,
  type AgreementKind,
  type AgreementStatus,
  DOMAINS,
  type Domain,
} from './lists.ts';
import { DOMAIN_BY_NL, KIND_BY_NL, STATUS_BY_NL } from './register-columns.ts';

/**
 * Reading one cell of an import file (issue 13) into the domain's units: Dutch dates and amounts as people type
 * them, what an XLSX holds (date cells, numbers), the register export's own Dutch names. Each reader answers the
 * value or a reason key with the cell as it came, for the dry-run report. Browser-safe, no schema library.
 */

/** A cell as a CSV (text) or an XLSX reader (numbers, booleans, date cells) hands it over. */
export type ImportCell = string | number | boolean | Date | null | undefined;

export type CellResult<T> =
  | { ok: true; value: T }
  | { ok: false; reason: Reason; params: Record<string, ParamValue> };

const ok = <T>(value: T): CellResult<T> => ({ ok: true, value });
const refuse = <T>(reason: Reason, cell: ImportCell): CellResult<T> => ({
  ok: false,
  reason,
  params: { value: cellText(cell).slice(0, 100) },
});

/** A cell as text, trimmed; an XLSX date cell as `YYYY-MM-DD`; empty is ''. */
export function cellText(cell: ImportCell): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  return String(cell)
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim();
}

export const isEmptyCell = (cell: ImportCell) => cellText(cell) === '';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A real calendar date (no 31 February) as `YYYY-MM-DD`, or null. */
function calendarDate(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2999) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** Excel's day numbers count from 30 December 1899 (its 1900 leap-year bug is before any contract date). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/**
 * A date: an XLSX date cell, an Excel day number (a date cell read as a plain number), `31-12-2026`, `1-2-2026`,
 * `31/12/2026`, `31.12.2026` (day first, as in Dutch) or ISO `2026-12-31` (also with a time after it).
 */
export function readImportDate(cell: ImportCell): CellResult<string> {
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return refuse('import.dateInvalid', cell);
    const date = calendarDate(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate());
    return date ? ok(date) : refuse('import.dateInvalid', cell);
  }
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell) || cell < 1 || cell >= 2_958_466) return refuse('import.dateInvalid', cell);
    const day = new Date(EXCEL_EPOCH + Math.floor(cell) * 86_400_000);
    const date = calendarDate(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate());
    return date ? ok(date) : refuse('import.dateInvalid', cell);
  }
  const text = cellText(cell);
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+Z?)?$/.exec(text);
  const dutch = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})$/.exec(text);
  const date = iso
    ? calendarDate(Number(iso[1]), Number(iso[2]), Number(iso[3]))
    : dutch
      ? calendarDate(Number(dutch[4]), Number(dutch[3]), Number(dutch[1]))
      : null;
  return date ? ok(date) : refuse('import.dateInvalid', cell);
}

/**
 * An amount in euros as integer cents: an XLSX number (`1234.56`), or text as Dutch people write it (`1.234,56`,
 * `€ 1.234`, `1234,5`), a number a program wrote (`1234.56`, the register export's CSV) and the English
 * `1,234.56`. A lone `.` or `,` before one or two digits is a decimal point; before three, a thousands separator
 * (Dutch: `1.234` is a thousand and more). Negative amounts and fractions of a cent are refused.
 */
export function readImportAmount(cell: ImportCell): CellResult<number> {
  if (typeof cell === 'number') {
    const cents = Math.round(cell * 100);
    if (!Number.isFinite(cell) || cell < 0 || Math.abs(cents - cell * 100) > 1e-6 * Math.max(1, cell * 100))
      return refuse('import.amountInvalid', cell);
    return Number.isSafeInteger(cents) ? ok(cents) : refuse('import.amountInvalid', cell);
  }
  const text = cellText(cell)
    .replace(/^(€|EUR)\s*/i, '')
    .replace(/\s*(€|EUR)$/i, '')
    .replace(/[\s']/g, '')
    .replace(/,-$/, '');
  const patterns: [RegExp, string, string][] = [
    [/^\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?$/, '.', ','], // 1.234.567,89
    [/^\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?$/, ',', '.'], // 1,234,567.89
    [/^\d+(?:,\d{1,2})?$/, '', ','], // 1234567,89
    [/^\d+(?:\.\d{1,2})?$/, '', '.'], // 1234567.89
  ];
  for (const [pattern, group, decimal] of patterns) {
    if (!pattern.test(text)) continue;
    const [whole = '', fraction = ''] = (group ? text.replaceAll(group, '') : text).split(decimal);
    const cents = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
    return Number.isSafeInteger(cents) ? ok(cents) : refuse('import.amountInvalid', cell);
  }
  return refuse('import.amountInvalid', cell);
}

/** A whole number (months): an XLSX number or digits. */
export function readImportInteger(cell: ImportCell): CellResult<number> {
  if (typeof cell === 'number')
    return Number.isInteger(cell) && cell >= 0 ? ok(cell) : refuse('import.numberInvalid', cell);
  const text = cellText(cell);
  return /^\d{1,6}$/.test(text) ? ok(Number(text)) : refuse('import.numberInvalid', cell);
}

/** Lower case, no accents, single spaces: `Beëindigd ` → `beeindigd`. */
export function normaliseName(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ')
    .trim();
}

/** A closed list's reader: the register export's Dutch names, the codes, and a few common other names. */
function listReader<T extends string>(
  codes: readonly T[],
  byDutch: ReadonlyMap<string, T>,
  extra: Record<string, T>,
  reason: Reason,
) {
  const names = new Map<string, T>();
  for (const code of codes) names.set(normaliseName(code), code);
  for (const [name, code] of byDutch) names.set(normaliseName(name), code);
  for (const [name, code] of Object.entries(extra)) names.set(normaliseName(name), code);
  return (cell: ImportCell): CellResult<T> => {
    const code = names.get(normaliseName(cellText(cell)));
    return code ? ok(code) : refuse(reason, cell);
  };
}

export const readImportKind = listReader<AgreementKind>(
  AGREEMENT_KINDS,
  KIND_BY_NL,
  {
    contract: 'contract',
    inkoop: 'contract',
    gr: 'joint_arrangement',
    'gemeenschappelijke regeling (gr)': 'joint_arrangement',
    'joint arrangement': 'joint_arrangement',
    dvo: 'service_agreement',
    'service agreement': 'service_agreement',
    subsidy: 'subsidy',
  },
  'import.kindUnknown',
);

export const readImportStatus = listReader<AgreementStatus>(
  AGREEMENT_STATUSES,
  STATUS_BY_NL,
  { lopend: 'active', 'in uitvoering': 'active', opgezegd: 'terminated', afgelopen: 'expired' },
  'import.statusUnknown',
);

export const readImportDomain = listReader<Domain>(
  DOMAINS,
  DOMAIN_BY_NL,
  { jeugdhulp: 'youth', jeugdzorg: 'youth', 'sociaal domein overig': 'other', overige: 'other' },
  'import.domainUnknown',
);

/**
 * A KvK number: eight digits, spaces and dots allowed between them. An XLSX number cell of fewer digits gets its
 * leading zeros back (a spreadsheet drops them from `01234567`); text must have all eight.
 */
export function readImportKvk(cell: ImportCell): CellResult<string> {
  if (typeof cell === 'number' && Number.isInteger(cell) && cell > 0 && cell < 1e8)
    return ok(String(cell).padStart(8, '0'));
  const digits = cellText(cell)
    .replace(/^kvk(?:-?nummer)?:?\s*/i, '')
    .replace(/[\s.]/g, '');
  return isKvkNumber(digits) ? ok(digits) : refuse('import.kvkInvalid', cell);
}

export interface ImportParty {
  name: string;
  kvkNumber: string;
}

/**
 * The parties of one cell as the register export writes them: `Naam (KvK 12345678); Naam 2 (KvK 87654321)`. The
 * KvK label is optional (`Naam (12345678)`); a line break separates like `;`.
 */
export function readImportParties(cell: ImportCell): CellResult<ImportParty[]> {
  const raw = typeof cell === 'string' ? cell : cellText(cell);
  const parts = raw
    .split(/[;\r\n]/)
    .map(cellText)
    .filter((part) => part !== '');
  const parties: ImportParty[] = [];
  for (const part of parts) {
    const match = /^(.*\S)\s*\(\s*(?:kvk(?:-?nummer)?:?\s*)?([\d\s.]+)\)$/i.exec(part);
    if (!match) return { ok: false, reason: 'import.partyInvalid', params: { value: part.slice(0, 100) } };
    const kvk = readImportKvk(match[2]!);
    if (!kvk.ok) return kvk;
    parties.push({ name: match[1]!.trim(), kvkNumber: kvk.value });
  }
  return ok(parties);
}
