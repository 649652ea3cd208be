import {
  agreementYearInput,
  idSchema,
  MUNICIPAL_ROLES,
  onBehalfOfSchema,
  PROVIDER_ROLES,
  realisationCorrectionSchema,
  realisationInputSchema,
  SPACE_PATTERN,
} from '@regie/core';
import { lazy } from '@trpc/server';
import * as z from 'zod/mini';
import { mutationProcedure, procedure, router } from '../trpc.ts';

export const budgetRouter = lazy(async () =>
  router({
    /**
     * A realisation (amount, volume) in a month, by the municipality or the provider; signals each threshold of
     * the ceiling once (SPEC §4.4).
     */
    record: mutationProcedure
      .meta({ roles: ['contractmanager', 'inkoper', 'provider_reporter'] })
      .input(
        z.strictObject({
          agreementId: idSchema(),
          realisation: realisationInputSchema,
          /** The municipality may name the provider party it records for; a provider's entry is its own. */
          party: onBehalfOfSchema(),
        }),
      )
      .mutation(({ ctx, input }) =>
        ctx.repos.budget.record(input.agreementId, input.realisation, input.party),
      ),

    /**
     * Corrects or reverses a wrongly entered realisation, with a reason and the version seen; the totals, the
     * signals and the audit chain move in the same transaction. A provider corrects only what its own party
     * reported (another party's entry answers NOT_FOUND); the owner any.
     */
    correct: mutationProcedure
      .meta({ roles: ['contractmanager', 'inkoper', 'provider_reporter'] })
      .input(realisationCorrectionSchema)
      .mutation(({ ctx, input }) => ctx.repos.budget.correct(input)),

    /** A provider's portal: the realisations its own party reported on one of its agreements. */
    reported: procedure
      .meta({ roles: PROVIDER_ROLES })
      .input(z.strictObject({ agreementId: idSchema() }))
      .query(({ ctx, input }) => ctx.repos.budget.reported(input.agreementId)),

    /** Spend against the ceiling, per product line, and a year's burn-down with a forecast to year end. */
    get: procedure
      .meta({ roles: MUNICIPAL_ROLES })
      .input(agreementYearInput())
      .query(({ ctx, input }) =>
        ctx.repos.budget.get(input.agreementId, input.year ?? new Date().getUTCFullYear()),
      ),

    /** A region's shared agreement: each member's provisional and definitive contribution for a year. */
    statement: procedure
      .meta({ roles: MUNICIPAL_ROLES })
      .input(agreementYearInput())
      .query(({ ctx, input }) =>
        ctx.repos.budget.statement(input.agreementId, input.year ?? new Date().getUTCFullYear()),
      ),

    /** Budget signals of a space, newest first, for the roles they address. */
    signals: procedure
      .meta({ roles: MUNICIPAL_ROLES })
      .input(
        z.optional(
          z.strictObject({
            space: z.optional(z.string().check(z.regex(SPACE_PATTERN, 'Invalid space'))),
            limit: z.optional(z.int().check(z.gte(1), z.lte(100))),
          }),
        ),
      )
      .query(({ ctx, input }) => ctx.repos.budget.signals({ ...input, limit: input?.limit ?? 50 })),
  }),
);
