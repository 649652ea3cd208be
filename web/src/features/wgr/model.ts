import type { AppRouter } from '@regie/api';
import type { inferOutput, TRPCOptionsProxy } from '@trpc/tanstack-react-query';

type Api = TRPCOptionsProxy<AppRouter>;

/** The Wgr P&C calendar of one GR and budget year (SPEC §5.6), as `wgr.get` answers it. */
export type WgrView = inferOutput<Api['wgr']['get']>;
export type WgrMember = WgrView['members'][number];
export type WgrStepView = WgrView['steps'][number];

/** The budget year a calendar is usually worked on: next year (Dutch time). */
export function defaultYear(now = new Date()): number {
  return (
    Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric' }).format(now)) +
    1
  );
}

/** The budget years offered: last year's cycle up to the one after next. */
export function yearOptions(now = new Date()): number[] {
  const next = defaultYear(now);
  return [next - 2, next - 1, next, next + 1];
}
