import { cents, MUNICIPAL_ROLES } from '@regie/core';
import * as z from 'zod/mini';
import { mutationProcedure, procedure, router } from '../trpc.ts';

/** Settings of the caller's own municipality (SPEC §1: the tenant admin manages them). */
export const tenantRouter = router({
  settings: procedure
    .meta({ roles: MUNICIPAL_ROLES })
    .input(z.optional(z.strictObject({})))
    .query(({ ctx }) => ctx.repos.tenant.settings()),

  /** The mandate threshold above which sending for signature needs an approver (SPEC §5.1). */
  updateSettings: mutationProcedure
    .meta({ roles: ['admin'] })
    .input(z.strictObject({ mandateThresholdCents: z.nullable(cents()) }))
    .mutation(({ ctx, input }) => ctx.repos.tenant.update(input)),
});
