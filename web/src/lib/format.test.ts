import { describe, expect, it } from 'vitest';
import {
  formatAmount,
  formatDate,
  formatDateLong,
  formatMoney,
  formatMonth,
  formatNumber,
  formatPercent,
  isIsoDate,
  localeFor,
  parseMoneyToCents,
  readCents,
  readDate,
  readDecimal,
  readWholeNumber,
} from './format';

const nbsp = '\u00a0';

describe('Dutch formats', () => {
  it('formats calendar dates as d-M-yyyy without a time-zone shift', () => {
    expect(formatDate('2026-01-03')).toBe('3-1-2026');
    expect(formatDate('2026-12-31')).toBe('31-12-2026');
    expect(formatDateLong('2026-01-03')).toBe('3 januari 2026');
    expect(formatDateLong('2026-01-03', 'en-GB')).toBe('3 January 2026');
    expect(formatDate('not a date')).toBe('not a date');
  });

  it('formats months, long and short', () => {
    expect(formatMonth('2026-11')).toBe('november 2026');
    expect(formatMonth('2026-03', 'en-GB')).toBe('March 2026');
    expect(formatMonth('2026-03', 'nl-NL', true)).toBe('mrt');
    expect(formatMonth('2026-13')).toBe('2026-13');
  });

  it('formats money from cents', () => {
    expect(formatMoney(123456)).toBe(`€${nbsp}1.234,56`);
    expect(formatMoney(0)).toBe(`€${nbsp}0,00`);
    expect(formatMoney(123456, 'en-GB')).toBe('€1,234.56');
    expect(formatNumber(1234567)).toBe('1.234.567');
  });

  it('formats amounts for editing and percentages', () => {
    expect(formatAmount(123456)).toBe('1.234,56');
    expect(formatAmount(5)).toBe('0,05');
    expect(formatAmount(123456, 'en-GB')).toBe('1,234.56');
    expect(parseMoneyToCents(formatAmount(123456789))).toEqual({ ok: true, cents: 123456789 });
    expect(formatPercent(3000)).toBe('30%');
    expect(formatPercent(3333)).toBe('33,33%');
  });

  it('follows the language', () => {
    expect(localeFor('nl')).toBe('nl-NL');
    expect(localeFor('en')).toBe('en-GB');
    expect(localeFor(undefined)).toBe('nl-NL');
  });

  it('checks calendar dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-2-1')).toBe(false);
  });
});

describe('parseMoneyToCents', () => {
  it.each([
    ['1.234,56', 123456],
    ['1234,56', 123456],
    ['€ 1.234,56', 123456],
    ['1.234', 123400],
    ['1.234.567,8', 123456780],
    ['12,5', 1250],
    ['12.50', 1250],
    ['0', 0],
    [' 42 ', 4200],
  ])('reads %s (nl) as %i cents', (input, cents) => {
    expect(parseMoneyToCents(input)).toEqual({ ok: true, cents });
  });

  it('reads English separators', () => {
    expect(parseMoneyToCents('1,234.56', 'en-GB')).toEqual({ ok: true, cents: 123456 });
    expect(parseMoneyToCents('12,50', 'en-GB')).toEqual({ ok: true, cents: 1250 });
  });

  it('treats empty input as no amount', () => {
    expect(parseMoneyToCents('  ')).toEqual({ ok: true, cents: null });
  });

  it.each(['abc', '1,234,56', '12,345', '1.23.4', '1,999', '1e5', '12,'])('refuses %s', (input) => {
    expect(parseMoneyToCents(input)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses negative amounts with their own reason', () => {
    expect(parseMoneyToCents('-5')).toEqual({ ok: false, reason: 'negative' });
  });
});

describe('reading typed input for the schema', () => {
  it('reads whole numbers, and hands anything else to the schema as text', () => {
    expect(readWholeNumber(' 12 ')).toBe(12);
    expect(readWholeNumber('')).toBeUndefined();
    expect(readWholeNumber('1,5')).toBe('1,5');
    expect(readWholeNumber('-3')).toBe('-3');
  });

  it('reads decimals with a comma or a point', () => {
    expect(readDecimal('7,5')).toBe(7.5);
    expect(readDecimal('7.5')).toBe(7.5);
    expect(readDecimal('-2')).toBe(-2);
    expect(readDecimal('   ')).toBeUndefined();
    expect(readDecimal('zeven')).toBe('zeven');
  });

  it('reads Dutch amounts as cents, a negative one as negative cents', () => {
    expect(readCents('1.234,56')).toBe(123_456);
    expect(readCents('1,234.56', 'en-GB')).toBe(123_456);
    expect(readCents('-12,50')).toBe(-1250);
    expect(readCents('12,345')).toBe('12,345');
    expect(readCents('')).toBeUndefined();
  });

  it('reads Dutch dates and date-input values as YYYY-MM-DD', () => {
    expect(readDate('31-12-2026')).toBe('2026-12-31');
    expect(readDate('1/2/2027')).toBe('2027-02-01');
    expect(readDate('2027-01-01')).toBe('2027-01-01');
    expect(readDate('')).toBeUndefined();
    // Not a date by its form: left to the schema, which refuses it.
    expect(readDate('morgen')).toBe('morgen');
  });
});
