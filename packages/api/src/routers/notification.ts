import {
  idSchema,
  MUNICIPAL_ROLES,
  notificationEscalateSchema,
  notificationFileSchema,
  notificationRespondSchema,
  PROVIDER_ROLES,
} from '@regie/core';
import { lazy } from '@trpc/server';
import * as z from 'zod/mini';
import { mutationProcedure, procedure, router } from '../trpc.ts';

/**
 * Event notifications (meldingen, SPEC §7, issue 14 point 3): a provider party files one under an event duty; the
 * owning municipality acknowledges and answers within the duty's response time, or turns it into an escalation.
 */
const RESPOND = ['contractmanager', 'inkoper'] as const;

export const notificationRouter = lazy(async () =>
  router({
    file: mutationProcedure
      .meta({ roles: ['provider_reporter', 'provider_signer'] })
      .input(notificationFileSchema)
      .mutation(({ ctx, input }) => ctx.repos.notifications.file(input)),

    /** The municipality sees every party's; a provider only its own party's (and the ceiling signals). */
    list: procedure
      .meta({ roles: [...MUNICIPAL_ROLES, ...PROVIDER_ROLES] })
      .input(z.strictObject({ agreementId: idSchema() }))
      .query(({ ctx, input }) => ctx.repos.notifications.list(input.agreementId)),

    respond: mutationProcedure
      .meta({ roles: RESPOND })
      .input(notificationRespondSchema)
      .mutation(({ ctx, input }) => ctx.repos.notifications.respond(input)),

    /** Closes the notification and opens an escalation about its party, linked both ways, in one transaction. */
    escalate: mutationProcedure
      .meta({ roles: RESPOND })
      .input(notificationEscalateSchema)
      .mutation(({ ctx, input }) => ctx.repos.notifications.escalate(input)),
  }),
);
