import {
  draftTerms,
  expectedVolumesSchema,
  idSchema,
  MUNICIPAL_ROLES,
  scenariosSchema,
  simulate,
  simulationTermsSchema,
} from '@regie/core';
import { lazy } from '@trpc/server';
import * as z from 'zod/mini';
import { procedure, router } from '../trpc.ts';

/** The volume-incentive simulator (SPEC §4.8, §7): what the terms reward. Never writes. */
export const simulationRouter = lazy(async () =>
  router({
    /** A stored agreement: its terms, its realisations' run rate and its relation type. */
    agreement: procedure
      .meta({ roles: MUNICIPAL_ROLES })
      .input(
        z.strictObject({
          id: idSchema(),
          scenarios: z.optional(scenariosSchema),
          expectedVolumes: z.optional(expectedVolumesSchema),
        }),
      )
      .query(({ ctx, input }) =>
        ctx.repos.simulation.agreement(input.id, input.scenarios, input.expectedVolumes),
      ),

    /** A draft's terms while they are edited: nothing is read or stored. */
    terms: procedure
      .meta({ roles: MUNICIPAL_ROLES })
      .input(
        z.strictObject({
          terms: simulationTermsSchema,
          scenarios: z.optional(scenariosSchema),
          expectedVolumes: z.optional(expectedVolumesSchema),
        }),
      )
      .query(({ input }) => simulate(draftTerms(input.terms), [], input.scenarios, input.expectedVolumes)),
  }),
);
