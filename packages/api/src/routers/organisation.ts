import {
  MUNICIPAL_ROLES,
  ORGANISATION_WRITE_ROLES,
  organisationCreateInput,
  spacePageInput,
} from '@regie/core';
import { lazy } from '@trpc/server';
import { mutationProcedure, procedure, router } from '../trpc.ts';

export const organisationRouter = lazy(async () =>
  router({
    create: mutationProcedure
      .meta({ roles: ORGANISATION_WRITE_ROLES })
      .input(organisationCreateInput)
      .mutation(({ ctx, input }) => ctx.repos.organisations.create(input)),

    find: procedure
      .meta({ roles: MUNICIPAL_ROLES })
      .input(spacePageInput())
      .query(({ ctx, input }) => ctx.repos.organisations.find({ ...input, limit: input?.limit ?? 50 })),
  }),
);
