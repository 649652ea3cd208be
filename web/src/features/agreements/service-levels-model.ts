import type { LevelHistory } from '@regie/core/browser';

/** A period as `service.report` takes it: `2026-10` (month), `2026-Q4` (quarter) or `2026` (year). */
export function checkPeriod(period: string): boolean {
  return /^\d{4}(-(0[1-9]|1[0-2]|Q[1-4]))?$/.test(period);
}

/**
 * The filled fields of the report form as values to send (in catalogue order), and the levels whose field holds
 * no number ≥ 0; an empty field is not reported.
 */
export function parseLevelValues(
  levels: readonly Pick<LevelHistory, 'serviceId' | 'levelId'>[],
  fields: Record<string, string>,
  parse: (s: string) => number | null,
): { values: { serviceId: string; levelId: string; value: number }[]; invalid: string[] } {
  const values: { serviceId: string; levelId: string; value: number }[] = [];
  const invalid: string[] = [];
  for (const l of levels) {
    const text = (fields[l.levelId] ?? '').trim();
    if (text === '') continue;
    const value = parse(text);
    if (value === null || value < 0 || value > 1_000_000) invalid.push(l.levelId);
    else values.push({ serviceId: l.serviceId, levelId: l.levelId, value });
  }
  return { values, invalid };
}

type Caller = { roles: readonly string[]; space: string } | undefined;

/**
 * Whether the caller is offered the report form (core `serviceReporter` decides on the server): a provider party's
 * reporter in its party view; where no provider party has a portal (a joint body), the owner's own contract manager
 * or coordinator — on a region's agreement the region's users, not a member's.
 */
export function mayReportServiceLevels(
  me: Caller,
  a: { view: 'internal' | 'party'; space?: string; providerParties: number },
): boolean {
  if (!me) return false;
  if (a.view === 'party') return me.roles.includes('provider_reporter');
  return (
    a.providerParties === 0 &&
    me.space === a.space &&
    me.roles.some((r) => r === 'contractmanager' || r === 'coordinator')
  );
}

/** Whether the caller may set the agreement's threshold: the owner's own users with a writing role. */
export function mayConfigureServiceLevels(
  me: Caller,
  a: { view: 'internal' | 'party'; space?: string },
): boolean {
  return (
    !!me &&
    a.view === 'internal' &&
    me.space === a.space &&
    me.roles.some((r) => r === 'contractmanager' || r === 'inkoper' || r === 'coordinator')
  );
}
