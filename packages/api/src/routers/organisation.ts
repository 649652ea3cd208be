import {
  MUNICIPAL_ROLES,
  ORGANISATION_WRITE_ROLES,
  organisationCreateInput,
  SPACE_PATTERN,
  text,
} from '@regie/core';
import { lazy } from '@trpc/server';
import * as z from 'zod/mini';
import { mutationProcedure, procedure, router } from '../trpc.ts';

export const organisationRouter = lazy(async () =>
  router({
    create: mutationProcedure
      .meta({ roles: ORGANISATION_WRITE_ROLES })
      .input(organisationCreateInput)
      .mutation(({ ctx, input }) => ctx.repos.organisations.create(input)),

    find: procedure
      .meta({ roles: MUNICIPAL_ROLES })
      .input(
        z.optional(
          z.strictObject({
            space: z.optional(z.string().check(z.regex(SPACE_PATTERN, 'Invalid space'))),
            cursor: z.optional(text(2048, 1)),
            limit: z.optional(z.int().check(z.gte(1), z.lte(100))),
          }),
        ),
      )
      .query(({ ctx, input }) => ctx.repos.organisations.find({ ...input, limit: input?.limit ?? 50 })),
  }),
);
