import type { LineField, TermField } from './labels';

/**
 * The difference between two versions of an agreement's terms (SPEC §3: amendments stay readable and diffable).
 * Pure: the page formats the values. Product lines are compared line by line (matched by id, then by product
 * code), so a changed tariff reads as one change of one line rather than "the lines changed".
 */

/** What a version of the terms holds (the API's terms snapshot, as far as the diff reads it). */
export interface Terms {
  title: string;
  description: string;
  domain: string;
  startDate: string;
  endDate: string;
  noticePeriodMonths: number | null;
  valueCeilingCents: number | null;
  parties: readonly { organisationId: string; role: string; name: string }[];
  productLines: readonly DiffLine[];
  renewal: { options: number; monthsEach: number; used: number } | null;
  allocationKey: unknown;
  parentId: string | null;
  /** Information duties (absent in versions stored before duties existed). */
  duties?: readonly unknown[];
  /** A service agreement's catalogue (absent in versions stored before catalogues existed). */
  services?: readonly unknown[];
}

export interface DiffLine {
  id: string;
  productCode: string;
  [field: string]: unknown;
}

export type DiffRow =
  | { kind: 'field'; field: TermField; before: unknown; after: unknown }
  | { kind: 'line'; code: string; field: LineField; before: unknown; after: unknown }
  | { kind: 'lineAdded'; code: string; line: DiffLine }
  | { kind: 'lineRemoved'; code: string; line: DiffLine };

/** The fields compared, in the order the detail page shows them. Status moves are in the audit trail. */
export const TERM_FIELDS = [
  'title',
  'description',
  'domain',
  'startDate',
  'endDate',
  'noticePeriodMonths',
  'valueCeilingCents',
  'renewal',
  'parties',
  'allocationKey',
  'parentId',
  'duties',
  'services',
] as const satisfies readonly TermField[];

export const LINE_FIELDS = [
  'category',
  'productCode',
  'description',
  'variant',
  'unit',
  'frequency',
  'tariffCents',
  'volumeCeiling',
  'moneyCeilingCents',
  'lumpSumCents',
  'population',
] as const satisfies readonly LineField[];

/** JSON with object keys sorted at every depth: equal values compare equal whatever their key order. */
export function canonical(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
}

const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);

/** Parties as agreed: who and in which role (a later rename of the organisation is no amendment). */
const partyKeys = (parties: Terms['parties']) => parties.map((p) => `${p.organisationId}/${p.role}`).sort();

function diffLines(before: readonly DiffLine[], after: readonly DiffLine[]): DiffRow[] {
  const rows: DiffRow[] = [];
  const unmatched = new Set(before);
  const pairs: [DiffLine | undefined, DiffLine][] = after.map((line) => {
    const match =
      [...unmatched].find((old) => old.id === line.id) ??
      [...unmatched].find((old) => old.productCode === line.productCode);
    if (match) unmatched.delete(match);
    return [match, line];
  });
  for (const [old, line] of pairs) {
    if (!old) {
      rows.push({ kind: 'lineAdded', code: line.productCode, line });
      continue;
    }
    for (const field of LINE_FIELDS) {
      if (!same(old[field], line[field])) {
        rows.push({
          kind: 'line',
          code: line.productCode,
          field,
          before: old[field] ?? null,
          after: line[field] ?? null,
        });
      }
    }
  }
  for (const old of unmatched) rows.push({ kind: 'lineRemoved', code: old.productCode, line: old });
  return rows;
}

/** What changed from `before` to `after`; `before` null means the first version (nothing to compare). */
export function diffTerms(before: Terms | null, after: Terms): DiffRow[] {
  if (!before) return [];
  const rows: DiffRow[] = [];
  for (const field of TERM_FIELDS) {
    const changed =
      field === 'parties'
        ? !same(partyKeys(before.parties), partyKeys(after.parties))
        : field === 'duties' || field === 'services'
          ? !same(before[field] ?? [], after[field] ?? [])
          : !same(before[field], after[field]);
    if (changed)
      rows.push({ kind: 'field', field, before: before[field] ?? null, after: after[field] ?? null });
  }
  rows.push(...diffLines(before.productLines, after.productLines));
  return rows;
}
