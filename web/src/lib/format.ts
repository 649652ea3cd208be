/**
 * Dutch-first formatting through Intl. The locale follows the chosen language (nl → nl-NL, en → en-GB, both
 * day-month-year and euro); nl-NL is the default. Calendar dates (`YYYY-MM-DD`) are formatted as dates, not as
 * instants, so no time zone can move them a day.
 */

export type AppLocale = 'nl-NL' | 'en-GB';

export function localeFor(language: string | undefined): AppLocale {
  return language?.toLowerCase().startsWith('en') ? 'en-GB' : 'nl-NL';
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date in `YYYY-MM-DD` form (rejects 2026-02-30). */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function calendarDate(value: string): Date | null {
  if (!isIsoDate(value)) return null;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function dateFormat(locale: AppLocale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${locale}|${JSON.stringify(options)}`;
  let format = formatters.get(key) as Intl.DateTimeFormat | undefined;
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, format);
  }
  return format;
}

function numberFormat(locale: AppLocale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n|${locale}|${JSON.stringify(options)}`;
  let format = formatters.get(key) as Intl.NumberFormat | undefined;
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    formatters.set(key, format);
  }
  return format;
}

/** `2026-01-03` → `3-1-2026` (nl) / `3/1/2026` (en). An unreadable value is shown as it came. */
export function formatDate(value: string, locale: AppLocale = 'nl-NL'): string {
  const date = calendarDate(value);
  if (!date) return value;
  return dateFormat(locale, { day: 'numeric', month: 'numeric', year: 'numeric', timeZone: 'UTC' }).format(
    date,
  );
}

/** `2026-01-03` → `3 januari 2026` (nl) / `3 January 2026` (en). */
export function formatDateLong(value: string, locale: AppLocale = 'nl-NL'): string {
  const date = calendarDate(value);
  if (!date) return value;
  return dateFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** An ISO instant, shown in Dutch time: `23 november 2026 om 14:05`. */
export function formatDateTime(value: string, locale: AppLocale = 'nl-NL'): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return dateFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Amsterdam' }).format(
    date,
  );
}

/** A month `YYYY-MM` → `november 2026` (nl) / `November 2026` (en); `short` → `nov` / `Nov`. Else as it came. */
export function formatMonth(value: string, locale: AppLocale = 'nl-NL', short = false): string {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(value);
  if (!match) return value;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1));
  const options: Intl.DateTimeFormatOptions = short
    ? { month: 'short', timeZone: 'UTC' }
    : { month: 'long', year: 'numeric', timeZone: 'UTC' };
  return dateFormat(locale, options).format(date).replace(/\.$/, '');
}

/** Integer euro cents → `€ 1.234,56` (nl) / `€1,234.56` (en). */
export function formatMoney(cents: number, locale: AppLocale = 'nl-NL'): string {
  return numberFormat(locale, { style: 'currency', currency: 'EUR' }).format(cents / 100);
}

export function formatNumber(value: number, locale: AppLocale = 'nl-NL'): string {
  return numberFormat(locale, {}).format(value);
}

/** Integer euro cents → an amount to edit in a form, without the euro sign: `1.234,56` (nl) / `1,234.56` (en). */
export function formatAmount(cents: number, locale: AppLocale = 'nl-NL'): string {
  return numberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(cents / 100);
}

/** Basis points → a percentage: `3000` → `30%`, `3333` → `33,33%` (nl). */
export function formatPercent(basisPoints: number, locale: AppLocale = 'nl-NL'): string {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(basisPoints / 10_000);
}

export type MoneyParseResult =
  | { ok: true; cents: number | null }
  | { ok: false; reason: 'invalid' | 'negative' };

/**
 * Reads an amount in euros as typed by a person into integer cents, without floating point:
 * `1.234,56`, `1234,56`, `€ 1.234`, `12,5` (nl). In English the separators swap (`1,234.56`). An amount with a
 * single separator followed by one or two digits is read as decimals in either language (`12.50`, `12,50`).
 * Empty input is `{ ok: true, cents: null }` (no amount).
 */
export function parseMoneyToCents(input: string, locale: AppLocale = 'nl-NL'): MoneyParseResult {
  const compact = input.replace(/[\s\u00a0\u202f]/g, '').replace(/^(€|EUR)/i, '');
  if (compact === '') return { ok: true, cents: null };
  if (/^[-−]/.test(compact)) return { ok: false, reason: 'negative' };
  const [group, decimal] = locale === 'nl-NL' ? ['\\.', ','] : [',', '\\.'];

  // 1.234.567,89 or 1234567,89 (nl); the grouping separator only between groups of three.
  const grouped = new RegExp(`^(\\d{1,3}(?:${group}\\d{3})+|\\d+)(?:${decimal}(\\d{1,2}))?$`).exec(compact);
  // 12.50 or 12,50: one separator with one or two digits after it is a decimal separator in either language.
  const plain = /^(\d+)[.,](\d{1,2})$/.exec(compact);
  const match = grouped ?? plain;
  if (!match) return { ok: false, reason: 'invalid' };
  const whole = (match[1] ?? '').replace(/[.,]/g, '');
  const fraction = (match[2] ?? '').padEnd(2, '0');
  const cents = Number(whole) * 100 + Number(fraction);
  if (!Number.isSafeInteger(cents)) return { ok: false, reason: 'invalid' };
  return { ok: true, cents };
}

/**
 * A month as `YYYY-MM`. Besides the month field's own value, what people type where a browser shows a plain
 * text box: `11-2026`, `11/2026`, `2026/11`, `2026-1`.
 */
export function parseMonth(input: string): string | null {
  const text = input.trim();
  const yearFirst = /^(\d{4})[-/](\d{1,2})$/.exec(text);
  const monthFirst = /^(\d{1,2})[-/](\d{4})$/.exec(text);
  const [year, month] = yearFirst
    ? [yearFirst[1], yearFirst[2]]
    : monthFirst
      ? [monthFirst[2], monthFirst[1]]
      : [undefined, undefined];
  if (!year || !month) return null;
  const m = Number(month);
  if (m < 1 || m > 12) return null;
  return `${year}-${String(m).padStart(2, '0')}`;
}

/** A whole number as typed (`1.200`, ` 12 `): null when empty, NaN when it is not one. */
export function parseWholeNumber(input: string): number | null {
  const text = input.trim().replace(/[.\s\u00a0\u202f]/g, '');
  if (text === '') return null;
  return /^\d{1,15}$/.test(text) ? Number(text) : Number.NaN;
}

/*
 * Reading what a person typed, before core's schema checks it. Each reader returns the API's value when the text
 * reads as one, and otherwise the text itself, so the schema refuses it at the same path with the same rule as
 * the API does (no second copy of the bounds here). Empty text is `undefined`: no value.
 */

/** A whole number as typed (`12`, ` 6 `); other text is returned as it came. */
export function readWholeNumber(input: string): number | string | undefined {
  const text = input.trim();
  if (text === '') return undefined;
  return /^\d{1,15}$/.test(text) ? Number(text) : text;
}

/** A decimal number as typed: `7,5` and `7.5` alike, `-2`; other text is returned as it came. */
export function readDecimal(input: string): number | string | undefined {
  const text = input.trim().replace(/^−/, '-');
  if (text === '') return undefined;
  return /^-?\d{1,13}([.,]\d{1,6})?$/.test(text) ? Number(text.replace(',', '.')) : text;
}

/**
 * An amount in euros as typed (`1.234,56`, see `parseMoneyToCents`) as integer cents. A negative amount is read
 * as negative cents, so the schema's lower bound names it; other text is returned as it came.
 */
export function readCents(input: string, locale: AppLocale = 'nl-NL'): number | string | undefined {
  const text = input.trim();
  if (text === '') return undefined;
  const negative = /^[-−]/.test(text);
  const parsed = parseMoneyToCents(negative ? text.slice(1) : text, locale);
  if (!parsed.ok || parsed.cents === null) return text;
  return negative ? -parsed.cents : parsed.cents;
}

/**
 * A calendar date as typed: `YYYY-MM-DD` (a date input's value) or the Dutch `31-12-2026` (also `31/12/2026`,
 * `31.12.2026`), as `YYYY-MM-DD`. Whether the day exists is the schema's check; other text is returned as it came.
 */
export function readDate(input: string): string | undefined {
  const text = input.trim();
  if (text === '') return undefined;
  const dutch = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(text);
  if (!dutch) return text;
  const [, d, m, y] = dutch as unknown as [string, string, string, string];
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

/**
 * A number as a person types it: `7,5` or `7.5`, `-2`, `1.234,5` (nl grouping). Null when it is not a number.
 */
export function parseDecimal(input: string, locale: AppLocale = 'nl-NL'): number | null {
  const compact = input.replace(/[\s\u00a0\u202f]/g, '').replace('−', '-');
  if (compact === '') return null;
  const [group, decimal] = locale === 'nl-NL' ? ['.', ','] : [',', '.'];
  const grouped = new RegExp(`^-?\\d{1,3}(\\${group}\\d{3})+(\\${decimal}\\d+)?$`).test(compact);
  let normal = compact;
  if (grouped) normal = compact.split(group).join('');
  normal = normal.replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(normal)) return null;
  const value = Number(normal);
  return Number.isFinite(value) && Math.abs(value) <= 1e12 ? value : null;
}
