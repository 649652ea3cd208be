import { idSchema, MUNICIPAL_ROLES, PROVIDER_ROLES } from '@regie/core';
import { lazy } from '@trpc/server';
import * as z from 'zod/mini';
import { mutationProcedure, procedure, router } from '../trpc.ts';

const period = () => z.string().check(z.regex(/^\d{4}(-(0[1-9]|1[0-2]|Q[1-4]|H[12]))?$/, 'Invalid period'));

/**
 * Result-linked payment on the KPIs (issue 15 point 2). The arrangement itself is part of the terms
 * (`agreement.update` with `data.incentives`); these read its outcome per period and settle a period.
 */
export const incentiveRouter = lazy(async () =>
  router({
    /**
     * The arrangement, and per KPI period and provider party the computed bonus or malus (with the reason and
     * whether the yearly cap cut it) and the settled amount: both sides, a provider party only its own.
     */
    periods: procedure
      .meta({ roles: [...MUNICIPAL_ROLES, ...PROVIDER_ROLES] })
      .input(z.strictObject({ agreementId: idSchema() }))
      .query(({ ctx, input }) => ctx.repos.incentives.periods(input.agreementId)),

    /**
     * Settles one elapsed period as computed now: a settlement per provider party and the audit event in one
     * transaction, with the agreement's version seen. Settling a period twice is refused. Settled amounts appear
     * in `budget.get`'s burn-down as a series of their own.
     */
    settle: mutationProcedure
      .meta({ roles: ['contractmanager'] })
      .input(
        z.strictObject({
          agreementId: idSchema(),
          expectedVersion: z.int().check(z.gte(1), z.lte(1_000_000_000)),
          period: period(),
        }),
      )
      .mutation(({ ctx, input }) => ctx.repos.incentives.settle(input)),
  }),
);
