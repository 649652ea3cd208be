import { idSchema, MUNICIPAL_ROLES, PROVIDER_ROLES, reportSubmitSchema, SPACE_PATTERN } from '@regie/core';
import { lazy } from '@trpc/server';
import * as z from 'zod/mini';
import { mutationProcedure, procedure, router } from '../trpc.ts';

const EVERYONE = [...MUNICIPAL_ROLES, ...PROVIDER_ROLES];

export const reportRouter = lazy(async () =>
  router({
    /**
     * A report under a periodic duty, for the period the duty expects now from the reporting party (SPEC §4.3);
     * a contract manager names the party on an agreement with more than one.
     */
    submit: mutationProcedure
      .meta({ roles: ['provider_reporter', 'contractmanager'] })
      .input(reportSubmitSchema)
      .mutation(({ ctx, input }) => ctx.repos.reports.submit(input)),

    /** The reports delivered on an agreement, newest period first: a provider its own party's, the owner all. */
    list: procedure
      .meta({ roles: EVERYONE })
      .input(z.strictObject({ agreementId: idSchema() }))
      .query(({ ctx, input }) => ctx.repos.reports.list(input.agreementId)),

    /**
     * The delivered figures as time series (issue 15 point 3): per duty with a data specification, per field, the
     * values by period. A provider sees its own party's; the owner every party's, labelled.
     */
    series: procedure
      .meta({ roles: EVERYONE })
      .input(z.strictObject({ agreementId: idSchema() }))
      .query(({ ctx, input }) => ctx.repos.reports.series(input.agreementId)),

    /** What is expected next, soonest first, with overdue marked: per space for municipalities, per provider. */
    due: procedure
      .meta({ roles: EVERYONE })
      .input(
        z.optional(
          z.strictObject({
            space: z.optional(z.string().check(z.regex(SPACE_PATTERN, 'Invalid space'))),
            /** Only this agreement's expected reports. */
            agreementId: z.optional(idSchema()),
            limit: z.optional(z.int().check(z.gte(1), z.lte(100))),
          }),
        ),
      )
      .query(({ ctx, input }) => ctx.repos.reports.due({ ...input, limit: input?.limit ?? 50 })),
  }),
);
