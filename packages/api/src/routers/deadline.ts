import {
  addDays,
  deadlineUpcomingSchema,
  inboxMarkReadSchema,
  MUNICIPAL_ROLES,
  PROVIDER_ROLES,
  ROLES,
} from '@regie/core';
import { lazy } from '@trpc/server';
import * as z from 'zod/mini';
import { mutationProcedure, procedure, router } from '../trpc.ts';

/** Procedures that take no input still refuse any. */
const NOTHING = z.optional(z.strictObject({}));

const today = () => new Date().toISOString().slice(0, 10);

/** The deadline engine's views (SPEC §5.3): what is coming up in the caller's spaces. */
export const deadlineRouter = lazy(async () =>
  router({
    upcoming: procedure
      .meta({ roles: MUNICIPAL_ROLES })
      .input(deadlineUpcomingSchema)
      .query(({ ctx, input }) => {
        const from = input?.from ?? today();
        return ctx.repos.deadlines.upcoming({
          space: input?.space,
          from,
          through: addDays(from, (input?.days ?? 90) - 1),
          limit: input?.limit ?? 50,
          cursor: input?.cursor,
        });
      }),
  }),
);

/** Each user's in-app inbox: the signals for their roles in the spaces they reach. */
export const inboxRouter = lazy(async () =>
  router({
    list: procedure
      .meta({ roles: [...MUNICIPAL_ROLES, ...PROVIDER_ROLES] })
      .input(z.optional(z.strictObject({ limit: z.optional(z.int().check(z.gte(1), z.lte(50))) })))
      .query(({ ctx, input }) => ctx.repos.inbox.list({ limit: input?.limit })),

    markRead: mutationProcedure
      .meta({ roles: [...MUNICIPAL_ROLES, ...PROVIDER_ROLES] })
      .input(inboxMarkReadSchema)
      .mutation(({ ctx, input }) => ctx.repos.inbox.markRead(input.ids)),
  }),
);

/** The personal iCal feed: a secret URL, shown once, revocable. */
export const icalRouter = lazy(async () =>
  router({
    status: procedure
      .meta({ roles: ROLES })
      .input(NOTHING)
      .query(({ ctx }) => ctx.repos.ical.status()),
    create: mutationProcedure
      .meta({ roles: ROLES, secretResult: true })
      .input(NOTHING)
      .mutation(async ({ ctx }) => {
        const { secret, createdAt } = await ctx.repos.ical.create();
        return { path: `/ical/${ctx.identity.space}/${secret}.ics`, createdAt };
      }),
    revoke: mutationProcedure
      .meta({ roles: ROLES })
      .input(NOTHING)
      .mutation(({ ctx }) => ctx.repos.ical.revoke()),
  }),
);
