import {
  MUNICIPAL_ROLES,
  WGR_WRITE_ROLES,
  wgrGetSchema,
  wgrPlanSchema,
  wgrRecordOpinionSchema,
} from '@regie/core';
import { lazy } from '@trpc/server';
import { mutationProcedure, procedure, router } from '../trpc.ts';

/**
 * The Wgr planning & control calendar of a GR per budget year (SPEC §5.6). Every municipal user who can read
 * the GR (the region and its members) reads it. The write roles are checked here; the repository then allows
 * the region's own users to plan and to record any council's opinion, and a member municipality's users to
 * record only their own council's (the griffie of Ermelo records Ermelo's opinion).
 */
export const wgrRouter = lazy(async () =>
  router({
    get: procedure
      .meta({ roles: MUNICIPAL_ROLES })
      .input(wgrGetSchema)
      .query(({ ctx, input }) => ctx.repos.wgr.get(input.agreementId, input.year)),

    plan: mutationProcedure
      .meta({ roles: WGR_WRITE_ROLES })
      .input(wgrPlanSchema)
      .mutation(({ ctx, input }) => ctx.repos.wgr.plan(input)),

    recordOpinion: mutationProcedure
      .meta({ roles: WGR_WRITE_ROLES })
      .input(wgrRecordOpinionSchema)
      .mutation(({ ctx, input }) => ctx.repos.wgr.recordOpinion(input)),
  }),
);
