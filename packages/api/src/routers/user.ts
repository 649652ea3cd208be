import { text, userInviteInput, userUpdateInput } from '@regie/core';
import { lazy } from '@trpc/server';
import * as z from 'zod/mini';
import { inviteUser, listUsers, updateUser } from '../people.ts';
import { mutationProcedure, procedure, router } from '../trpc.ts';

/** The space's administrators: `admin` of a municipality or region, `provider_admin` of a provider. */
const SPACE_ADMINS = ['admin', 'provider_admin'] as const;

/** People of the caller's own space (SPEC §7, issue 13); nothing here names another space. */
export const userRouter = lazy(async () =>
  router({
    list: procedure
      .meta({ roles: SPACE_ADMINS })
      .input(
        z.optional(
          z.strictObject({
            cursor: z.optional(text(2048, 1)),
            limit: z.optional(z.int().check(z.gte(1), z.lte(100))),
          }),
        ),
      )
      .query(({ ctx, input }) => listUsers(ctx, { cursor: input?.cursor, limit: input?.limit ?? 50 })),

    invite: mutationProcedure
      .meta({ roles: SPACE_ADMINS })
      .input(userInviteInput)
      .mutation(({ ctx, input }) => inviteUser(ctx, input)),

    update: mutationProcedure
      .meta({ roles: SPACE_ADMINS })
      .input(userUpdateInput)
      .mutation(({ ctx, input }) => updateUser(ctx, input)),
  }),
);
