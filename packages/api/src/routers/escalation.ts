import {
  escalationOpenSchema,
  escalationStepSchema,
  idSchema,
  MUNICIPAL_ROLES,
  PROVIDER_ROLES,
  SPACE_PATTERN,
} from '@regie/core';
import { lazy } from '@trpc/server';
import * as z from 'zod/mini';
import { mutationProcedure, procedure, router } from '../trpc.ts';

/** Either side may raise an issue, respond and take it up the ladder (SPEC §4.6, docs/steering-design.md). */
const ACT = ['contractmanager', 'inkoper', 'provider_signer', 'provider_reporter'] as const;

export const escalationRouter = lazy(async () =>
  router({
    open: mutationProcedure
      .meta({ roles: ACT })
      .input(escalationOpenSchema)
      .mutation(({ ctx, input }) => ctx.repos.escalations.open(input)),

    escalate: mutationProcedure
      .meta({ roles: ACT })
      .input(escalationStepSchema)
      .mutation(({ ctx, input }) => ctx.repos.escalations.escalate(input)),

    /** The other side's answer on an open escalation, at its current level (the deadline stays). */
    respond: mutationProcedure
      .meta({ roles: ACT })
      .input(escalationStepSchema)
      .mutation(({ ctx, input }) => ctx.repos.escalations.respond(input)),

    /** Only the side that opened it, or the owning space's contract manager or purchaser (FORBIDDEN otherwise). */
    resolve: mutationProcedure
      .meta({ roles: ACT })
      .input(escalationStepSchema)
      .mutation(({ ctx, input }) => ctx.repos.escalations.resolve(input)),

    list: procedure
      .meta({ roles: [...MUNICIPAL_ROLES, ...PROVIDER_ROLES] })
      .input(z.strictObject({ agreementId: idSchema() }))
      .query(({ ctx, input }) => ctx.repos.escalations.list(input.agreementId)),

    /** A space's open escalations by deadline, overdue marked. */
    openInSpace: procedure
      .meta({ roles: MUNICIPAL_ROLES })
      .input(
        z.optional(
          z.strictObject({
            space: z.optional(z.string().check(z.regex(SPACE_PATTERN, 'Invalid space'))),
            limit: z.optional(z.int().check(z.gte(1), z.lte(100))),
          }),
        ),
      )
      .query(({ ctx, input }) => ctx.repos.escalations.openInSpace({ ...input, limit: input?.limit ?? 50 })),
  }),
);
