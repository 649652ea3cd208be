import {
  MUNICIPAL_ROLES,
  TAKEUP_CHILD_ROLES,
  TAKEUP_WRITE_ROLES,
  takeupChildSchema,
  takeupConfigureSchema,
  takeupListSchema,
  takeupSetSchema,
} from '@regie/core';
import { lazy } from '@trpc/server';
import { mutationProcedure, procedure, router } from '../trpc.ts';

/**
 * Per-member take-up of a region's service agreement (issue 16 point 3). The region and its members read it (a
 * member sees its own take-up in full and the others only as totals); the region's own users with a write role
 * record it — a member's inkoper passes the role check here and is refused FORBIDDEN by the repository.
 */
export const takeupRouter = lazy(async () =>
  router({
    list: procedure
      .meta({ roles: MUNICIPAL_ROLES })
      .input(takeupListSchema)
      .query(({ ctx, input }) => ctx.repos.takeup.list(input.agreementId)),

    set: mutationProcedure
      .meta({ roles: TAKEUP_WRITE_ROLES })
      .input(takeupSetSchema)
      .mutation(({ ctx, input }) => ctx.repos.takeup.set(input)),

    /**
     * Whether the region shares every member's take-up details with its members (off: a member sees the others
     * only as totals). The region's own users with a write role; a member passes the role check and is refused
     * FORBIDDEN.
     */
    configure: mutationProcedure
      .meta({ roles: TAKEUP_WRITE_ROLES })
      .input(takeupConfigureSchema)
      .mutation(({ ctx, input }) => ctx.repos.takeup.configure(input)),

    /**
     * A member's own DVO as a child of the region's agreement, its take-up pre-filled: a draft in the member's own
     * register (`agreement.create`'s answer). The region, or a member without take-up, is refused.
     */
    createChild: mutationProcedure
      .meta({ roles: TAKEUP_CHILD_ROLES })
      .input(takeupChildSchema)
      .mutation(({ ctx, input }) => ctx.repos.takeup.createChild(input)),
  }),
);
