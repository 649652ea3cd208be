import { type AppLocale, formatAmount, parseMoneyToCents } from '../../lib/format';

/**
 * Ceilings per calendar year in the agreement form (SPEC §4.4; `yearCeilings` in packages/core/src/agreement.ts):
 * rows as typed, and their check mirroring the schema (year 2000–2100, each year once, at most 30).
 */
export const YEAR_CEILING_LIMIT = 30;

export interface YearCeilingRow {
  key: string;
  year: string;
  amount: string;
}

export type YearCeilingErrorKey = 'yearInvalid' | 'yearDuplicate' | 'amountInvalid' | 'tooMany';

let counter = 0;
export function newYearCeilingRow(year = ''): YearCeilingRow {
  counter += 1;
  return { key: `year-ceiling-${counter}`, year, amount: '' };
}

export function yearCeilingRows(
  ceilings: readonly { year: number; cents: number }[],
  locale: AppLocale,
): YearCeilingRow[] {
  return ceilings.map((c) => ({
    ...newYearCeilingRow(String(c.year)),
    amount: formatAmount(c.cents, locale),
  }));
}

/** The rows as the API takes them, with the errors by path (`yearCeilings.<i>.year` / `.cents`). */
export function validateYearCeilings(
  rows: readonly YearCeilingRow[],
  locale: AppLocale,
): { ceilings: { year: number; cents: number }[]; errors: Record<string, YearCeilingErrorKey> } {
  const errors: Record<string, YearCeilingErrorKey> = {};
  const ceilings: { year: number; cents: number }[] = [];
  if (rows.length > YEAR_CEILING_LIMIT) errors.yearCeilings = 'tooMany';
  const seen = new Set<number>();
  rows.forEach((row, i) => {
    const yearText = row.year.trim();
    const year = Number(yearText);
    let ok = true;
    if (!/^\d{4}$/.test(yearText) || year < 2000 || year > 2100) {
      errors[`yearCeilings.${i}.year`] = 'yearInvalid';
      ok = false;
    } else if (seen.has(year)) {
      errors[`yearCeilings.${i}.year`] = 'yearDuplicate';
      ok = false;
    } else seen.add(year);
    const amount = parseMoneyToCents(row.amount, locale);
    if (!amount.ok || amount.cents === null) {
      errors[`yearCeilings.${i}.cents`] = 'amountInvalid';
      ok = false;
    }
    if (ok && amount.ok && amount.cents !== null) ceilings.push({ year, cents: amount.cents });
  });
  return { ceilings: ceilings.sort((a, b) => a.year - b.year), errors };
}
