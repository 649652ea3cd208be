import { ROLES, spaceKind } from '@regie/core';
import { readSpace } from '@regie/db';
import * as z from 'zod/mini';
import { procedure, router } from '../trpc.ts';

export const meRouter = router({
  /** Who am I: user, organisation, roles and the spaces I can reach. */
  get: procedure
    .meta({ roles: ROLES })
    // No input; anything sent is refused rather than ignored.
    .input(z.optional(z.strictObject({})))
    .query(async ({ ctx }) => {
      const { identity } = ctx;
      const spaces = await Promise.all(identity.reach.map((space) => readSpace(ctx.db, space)));
      const named = identity.reach.map((space, i) => ({
        space,
        name: spaces[i]?.name ?? space,
        kind: spaceKind(space),
      }));
      const home = named.find((s) => s.space === identity.space)!;
      return {
        key: identity.user,
        name: identity.name,
        organisation: { id: home.space, name: home.name, kind: home.kind },
        space: identity.space,
        roles: identity.roles,
        reach: named,
      };
    }),
});
