import { ROLES, type SpaceKind, spaceKind } from '@regie/core';
import { readSpace } from '@regie/db';
import { lazy } from '@trpc/server';
import * as z from 'zod/mini';
import { procedure, router } from '../trpc.ts';

/** A space the caller can reach; a region also lists its member municipalities. */
export interface ReachEntry {
  space: string;
  name: string;
  kind: SpaceKind;
  members?: { space: string; name: string }[];
}

export const meRouter = lazy(async () =>
  router({
    /** Who am I: user, organisation, roles and the spaces I can reach. */
    get: procedure
      .meta({ roles: ROLES })
      // No input; anything sent is refused rather than ignored.
      .input(z.optional(z.strictObject({})))
      .query(async ({ ctx }) => {
        const { identity } = ctx;
        const spaces = await Promise.all(identity.reach.map((space) => readSpace(ctx.db, space)));
        const named = identity.reach.map((space, i): ReachEntry => {
          const record = spaces[i];
          const entry: ReachEntry = { space, name: record?.name ?? space, kind: spaceKind(space) };
          // A region names its members on its own record, so no read leaves the caller's reach.
          if (record?.kind === 'region') {
            entry.members = (record.members ?? []).map((m) => ({
              space: m,
              name: record.memberNames?.[m] ?? m,
            }));
          }
          return entry;
        });
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
  }),
);
