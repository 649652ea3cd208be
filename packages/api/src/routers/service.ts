import { idSchema, MUNICIPAL_ROLES, PROVIDER_ROLES, serviceReportSchema } from '@regie/core';
import * as z from 'zod/mini';
import { mutationProcedure, procedure, router } from '../trpc.ts';

/** Service-level reports on a service agreement's catalogue (issue 16 point 2, SPEC §3.4). */
export const serviceRouter = router({
  /**
   * The measured values of a period, validated against the catalogue, in one transaction with its audit event:
   * a provider party for itself; the owner's contract manager only where no provider party has a portal.
   */
  report: mutationProcedure
    .meta({ roles: ['provider_reporter', 'contractmanager'] })
    .input(serviceReportSchema)
    .mutation(({ ctx, input }) => ctx.repos.serviceLevels.report(input)),

  /** Per party and level: values by period, met or not, trend, and the missed-in-a-row signal. */
  levels: procedure
    .meta({ roles: [...MUNICIPAL_ROLES, ...PROVIDER_ROLES] })
    .input(
      z.strictObject({
        agreementId: idSchema(),
        /** How many missed periods in a row raise the signal (default 2). */
        missedCount: z.optional(z.int().check(z.gte(1), z.lte(12))),
      }),
    )
    .query(({ ctx, input }) => ctx.repos.serviceLevels.levels(input.agreementId, input.missedCount)),
});
