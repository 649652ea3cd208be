/**
 * Dates as ISO `YYYY-MM-DD` strings, computed in UTC so a server's time zone never shifts a day.
 * Working days follow the Algemene termijnenwet (Atw, art. 3): not a Saturday or Sunday and not an
 * algemeen erkende feestdag — Nieuwjaarsdag, tweede Paasdag, Hemelvaartsdag, tweede Pinksterdag, the
 * King's birthday (27 April, or 26 April when the 27th is a Sunday), 5 May (Bevrijdingsdag) and both
 * Christmas days. Good Friday is not one under the Atw.
 */
const DAY = 86_400_000;

export function toDate(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

export function toIso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  return toIso(new Date(toDate(iso).getTime() + days * DAY));
}

export function daysBetween(from: string, to: string): number {
  return Math.round((toDate(to).getTime() - toDate(from).getTime()) / DAY);
}

/** Easter Sunday (Meeus/Jones/Butcher, Gregorian calendar). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const holidayCache = new Map<number, Set<string>>();

/** The algemeen erkende feestdagen of a year under the Atw. */
export function holidays(year: number): Set<string> {
  const cached = holidayCache.get(year);
  if (cached) return cached;
  const easter = easterSunday(year);
  const kingsDay = toDate(`${year}-04-27`).getUTCDay() === 0 ? `${year}-04-26` : `${year}-04-27`;
  const set = new Set([
    `${year}-01-01`,
    addDays(easter, 1), // tweede Paasdag
    addDays(easter, 39), // Hemelvaartsdag
    addDays(easter, 50), // tweede Pinksterdag
    kingsDay,
    `${year}-05-05`,
    `${year}-12-25`,
    `${year}-12-26`,
  ]);
  holidayCache.set(year, set);
  return set;
}

export function isWorkingDay(iso: string): boolean {
  const weekday = toDate(iso).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidays(Number(iso.slice(0, 4))).has(iso);
}

/** The date `n` working days after `iso` (n ≥ 0; 0 gives the next working day on or after it). */
export function addWorkingDays(iso: string, n: number): string {
  let date = iso;
  while (!isWorkingDay(date)) date = addDays(date, 1);
  for (let left = n; left > 0; ) {
    date = addDays(date, 1);
    if (isWorkingDay(date)) left--;
  }
  return date;
}

/**
 * Atw art. 1: a statutory term that ends on a Saturday, Sunday or feestdag runs on to the next working
 * day.
 */
export function extendToWorkingDay(iso: string): string {
  let date = iso;
  while (!isWorkingDay(date)) date = addDays(date, 1);
  return date;
}
