/** The calendar day in the Netherlands (Europe/Amsterdam), which is the day deadlines are counted in. */
export function dutchToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Amsterdam',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}
