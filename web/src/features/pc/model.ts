/** The year of the last annual accounts (Dutch time): the year the P&C pages open on by default. */
export function paragraphDefaultYear(now = new Date()): number {
  return (
    Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric' }).format(now)) -
    1
  );
}
