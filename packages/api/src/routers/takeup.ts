import { MUNICIPAL_ROLES, TAKEUP_WRITE_ROLES, takeupListSchema, takeupSetSchema } from '@regie/core';
import { mutationProcedure, procedure, router } from '../trpc.ts';

/**
 * Per-member take-up of a region's service agreement (issue 16 point 3). The region and its members read it (a
 * member sees its own take-up in full and the others only as totals); the region's own users with a write role
 * record it — a member's inkoper passes the role check here and is refused FORBIDDEN by the repository.
 */
export const takeupRouter = router({
  list: procedure
    .meta({ roles: MUNICIPAL_ROLES })
    .input(takeupListSchema)
    .query(({ ctx, input }) => ctx.repos.takeup.list(input.agreementId)),

  set: mutationProcedure
    .meta({ roles: TAKEUP_WRITE_ROLES })
    .input(takeupSetSchema)
    .mutation(({ ctx, input }) => ctx.repos.takeup.set(input)),
});
