import {
  idSchema,
  MUNICIPAL_ROLES,
  PROVIDER_ROLES,
  serviceCorrectSchema,
  serviceLevelSettingsSchema,
  serviceReportSchema,
} from '@regie/core';
import { lazy } from '@trpc/server';
import * as z from 'zod/mini';
import { mutationProcedure, procedure, router } from '../trpc.ts';

/**
 * Who reports for the provider: a provider party's reporter; where the provider is a joint body without a portal,
 * the owner's own users — a region's coordinator or contract manager, a municipality's contract manager (core
 * `serviceReporter`; a member of a region passes the role check and is refused FORBIDDEN by the repository).
 */
const REPORT_ROLES = ['provider_reporter', 'contractmanager', 'coordinator'] as const;

/** Service-level reports on a service agreement's catalogue (issue 16 point 2, SPEC §3.4). */
export const serviceRouter = lazy(async () =>
  router({
    /** The measured values of a period, validated against the catalogue, in one transaction with its audit event. */
    report: mutationProcedure
      .meta({ roles: REPORT_ROLES })
      .input(serviceReportSchema)
      .mutation(({ ctx, input }) => ctx.repos.serviceLevels.report(input)),

    /** A correction of one reported value, on its version as read (versioned, audited). */
    correct: mutationProcedure
      .meta({ roles: REPORT_ROLES })
      .input(serviceCorrectSchema)
      .mutation(({ ctx, input }) => ctx.repos.serviceLevels.correct(input)),

    /** The agreement's own threshold of missed periods in a row (default 2): the owner's own users. */
    configure: mutationProcedure
      .meta({ roles: ['contractmanager', 'inkoper', 'coordinator'] })
      .input(serviceLevelSettingsSchema)
      .mutation(({ ctx, input }) => ctx.repos.serviceLevels.configure(input)),

    /** The threshold, and per party and level: values by period, met or not, trend, the missed-in-a-row signal. */
    levels: procedure
      .meta({ roles: [...MUNICIPAL_ROLES, ...PROVIDER_ROLES] })
      .input(z.strictObject({ agreementId: idSchema() }))
      .query(({ ctx, input }) => ctx.repos.serviceLevels.levels(input.agreementId)),
  }),
);
