import { benchmarkRegionSchema, MUNICIPAL_ROLES } from '@regie/core';
import { lazy } from '@trpc/server';
import { procedure, router } from '../trpc.ts';

/**
 * The regional benchmark (SPEC §4.8, §7; issue 15 point 4): what the scheduled job computed into the region's
 * space. The region's own users and the users of an opted-in member read it; a member that has not opted in gets
 * FORBIDDEN `benchmark.notOptedIn`, any other caller NOT_FOUND.
 */
export const benchmarkRouter = lazy(async () =>
  router({
    region: procedure
      .meta({ roles: MUNICIPAL_ROLES })
      .input(benchmarkRegionSchema)
      .query(({ ctx, input }) => ctx.repos.benchmark.region(input)),
  }),
);
