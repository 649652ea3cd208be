import { cents, MUNICIPAL_ROLES } from '@regie/core';
import { lazy } from '@trpc/server';
import * as z from 'zod/mini';
import { mutationProcedure, procedure, router } from '../trpc.ts';

/** Settings of the caller's own municipality (SPEC §1: the tenant admin manages them). */
export const tenantRouter = lazy(async () =>
  router({
    settings: procedure
      .meta({ roles: MUNICIPAL_ROLES })
      .input(z.optional(z.strictObject({})))
      .query(({ ctx }) => ctx.repos.tenant.settings()),

    /**
     * The mandate threshold (SPEC §5.1), the budget signal thresholds (SPEC §4.4) and, for a member municipality,
     * whether it shares its figures with its regions' benchmark (issue 15; audited like every setting).
     */
    updateSettings: mutationProcedure
      .meta({ roles: ['admin'] })
      .input(
        z.strictObject({
          /** The settings' version the admin saw; a stale one is a CONFLICT. */
          expectedVersion: z.int().check(z.gte(1), z.lte(1_000_000_000)),
          mandateThresholdCents: z.optional(z.nullable(cents())),
          /** Percentages of a ceiling at which budget signals go out (SPEC §4.4: configurable). */
          signalThresholds: z.optional(
            z.array(z.int().check(z.gte(1), z.lte(200))).check(
              z.minLength(1),
              z.maxLength(5),
              z.refine((list) => new Set(list).size === list.length, 'Each threshold once'),
            ),
          ),
          benchmarkOptIn: z.optional(z.boolean()),
        }),
      )
      .mutation(({ ctx, input: { expectedVersion, ...settings } }) =>
        ctx.repos.tenant.update(expectedVersion, settings),
      ),

    /** The space's own audit trail — settings and organisations — and whether its chain verifies (admins). */
    history: procedure
      .meta({ roles: ['admin', 'viewer'] })
      .input(z.optional(z.strictObject({})))
      .query(({ ctx }) => ctx.repos.tenant.history()),
  }),
);
