import {
  cents,
  idSchema,
  MUNICIPAL_ROLES,
  regulationCreateInput,
  regulationPatch,
  SPACE_PATTERN,
  subsidyAdvanceInput,
  subsidyApplicationInput,
  subsidyGrantInput,
  subsidySettleInput,
} from '@regie/core';
import { lazy } from '@trpc/server';
import * as z from 'zod/mini';
import { mutationProcedure, procedure, router } from '../trpc.ts';

/** Municipal users read; the purchaser and the contract manager decide (the life cycle's roles for these moves). */
const READ = MUNICIPAL_ROLES;
const WRITE = ['inkoper', 'contractmanager'] as const;

const version = () => z.int().check(z.gte(1), z.lte(1_000_000_000));
const byAgreement = z.strictObject({ agreementId: idSchema() });

/**
 * Subsidies under the Awb (SPEC §3.2). Grant and settlement are procedures of their own rather than a plain
 * `agreement.transition`: they carry the decision's data (amount, settlement term, 4:46 ground, ex officio) and
 * write the regulation's granted total in the same transaction, which a bare status move cannot.
 */
export const subsidyRouter = lazy(async () =>
  router({
    /** A space's regulations, newest budget year first, each with its ceiling, granted total and room left. */
    regulations: procedure
      .meta({ roles: READ })
      .input(
        z.optional(
          z.strictObject({
            space: z.optional(z.string().check(z.regex(SPACE_PATTERN, 'Invalid space'))),
            budgetYear: z.optional(z.int().check(z.gte(2000), z.lte(2100))),
          }),
        ),
      )
      .query(({ ctx, input }) => ctx.repos.subsidy.regulations(input ?? {})),

    regulation: procedure
      .meta({ roles: READ })
      .input(z.strictObject({ id: idSchema() }))
      .query(({ ctx, input }) => ctx.repos.subsidy.regulation(input.id)),

    createRegulation: mutationProcedure
      .meta({ roles: WRITE })
      .input(regulationCreateInput)
      .mutation(({ ctx, input }) => ctx.repos.subsidy.createRegulation(input)),

    updateRegulation: mutationProcedure
      .meta({ roles: WRITE })
      .input(z.strictObject({ id: idSchema(), expectedVersion: version(), data: regulationPatch }))
      .mutation(({ ctx, input }) =>
        ctx.repos.subsidy.updateRegulation(input.id, input.expectedVersion, input.data),
      ),

    /** Recomputes a regulation's own audit chain. */
    verifyRegulation: procedure
      .meta({ roles: READ })
      .input(z.strictObject({ id: idSchema() }))
      .query(({ ctx, input }) => ctx.repos.subsidy.verifyRegulation(input.id)),

    /** The subsidy's Awb record, its regulation with room left, the 4:60 and 4:51 checks, the caller's decisions. */
    get: procedure
      .meta({ roles: READ })
      .input(byAgreement)
      .query(({ ctx, input }) => ctx.repos.subsidy.get(input.agreementId)),

    /** Records the application: regulation, date received, amount asked, book year (4:60). */
    recordApplication: mutationProcedure
      .meta({ roles: WRITE })
      .input(subsidyApplicationInput)
      .mutation(({ ctx, input }) => ctx.repos.subsidy.apply(input)),

    grant: mutationProcedure
      .meta({ roles: WRITE })
      .input(subsidyGrantInput)
      .mutation(({ ctx, input }) => ctx.repos.subsidy.grant(input)),

    settle: mutationProcedure
      .meta({ roles: WRITE })
      .input(subsidySettleInput)
      .mutation(({ ctx, input }) => ctx.repos.subsidy.settle(input)),

    /** The 4:51 check for a decision of `amountCents` on this subsidy (0 or absent: refusing or ending it). */
    /** An advance (voorschot, Awb 4:95) on a granted subsidy: in all never more than the grant. */
    advance: mutationProcedure
      .meta({ roles: WRITE })
      .input(subsidyAdvanceInput)
      .mutation(({ ctx, input }) => ctx.repos.subsidy.advance(input)),

    phaseOut: procedure
      .meta({ roles: READ })
      .input(z.strictObject({ agreementId: idSchema(), amountCents: z.optional(cents()) }))
      .query(({ ctx, input }) => ctx.repos.subsidy.phaseOut(input.agreementId, input.amountCents ?? 0)),
  }),
);
