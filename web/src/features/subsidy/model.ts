import type { AppRouter } from '@regie/api';
import { AWB_ROLES } from '@regie/core/browser';
import type { inferOutput, TRPCOptionsProxy } from '@trpc/tanstack-react-query';
import type { Me } from '../../lib/agreements/model';

type Api = TRPCOptionsProxy<AppRouter>;

export type Regulation = inferOutput<Api['subsidy']['regulation']>;
export type SubsidyView = inferOutput<Api['subsidy']['get']>;

/** Who may record applications, grant, settle and create regulations (the server checks again). */
export function canDecide(me: Pick<Me, 'roles'> | undefined): boolean {
  return me?.roles.some((role) => AWB_ROLES.includes(role)) ?? false;
}

/** The share of the ceiling granted, in basis points (0–10,000); null without a ceiling. */
export function ceilingUse(r: Pick<Regulation, 'ceilingCents' | 'grantedCents'>): number | null {
  if (r.ceilingCents === null) return null;
  if (r.ceilingCents === 0) return 10_000;
  return Math.min(10_000, Math.floor((r.grantedCents * 10_000) / r.ceilingCents));
}
