import {
  MUNICIPAL_ROLES,
  USAGE_WRITE_ROLES,
  usageListSchema,
  usageSetSchema,
  usageStatementSchema,
} from '@regie/core';
import { lazy } from '@trpc/server';
import { mutationProcedure, procedure, router } from '../trpc.ts';

/**
 * Usage-based settlement of a region's service agreement (issue 16 point 4). The region and its members read it
 * (a member sees its own usage and statement in full and only the region's totals of the others); the region's
 * own users with a write role record a member's usage of a month — a member's inkoper passes the role check here
 * and is refused FORBIDDEN by the repository.
 */
export const usageRouter = lazy(async () =>
  router({
    /** Every member's usage and statement of a year as the caller may see them, with the region's totals. */
    list: procedure
      .meta({ roles: MUNICIPAL_ROLES })
      .input(usageListSchema)
      .query(({ ctx, input }) => ctx.repos.usage.list(input.agreementId, input.year)),

    /** One member's settlement statement of a year: the region any member's, a member only its own. */
    statement: procedure
      .meta({ roles: MUNICIPAL_ROLES })
      .input(usageStatementSchema)
      .query(({ ctx, input }) => ctx.repos.usage.statement(input.agreementId, input.member, input.year)),

    /** Records or corrects one member's measured usage of a month (expectedVersion 0 for a new month). */
    set: mutationProcedure
      .meta({ roles: USAGE_WRITE_ROLES })
      .input(usageSetSchema)
      .mutation(({ ctx, input }) => ctx.repos.usage.set(input)),
  }),
);
