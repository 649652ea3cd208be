import {
  idSchema,
  kpiCommentSchema,
  kpiRecordSchema,
  MUNICIPAL_ROLES,
  meetingActionDoneSchema,
  meetingRecordSchema,
  meetingScoreSchema,
  PROVIDER_ROLES,
} from '@regie/core';
import { lazy } from '@trpc/server';
import * as z from 'zod/mini';
import { mutationProcedure, procedure, router } from '../trpc.ts';

const BOTH_SIDES_READ = [...MUNICIPAL_ROLES, ...PROVIDER_ROLES];
const BOTH_SIDES_TALK = ['contractmanager', 'inkoper', 'provider_signer', 'provider_reporter'] as const;

/**
 * KPIs and joint accountability (SPEC §4.5): a provider party and the municipality see the same figures of that
 * party, with comments per period; other parties none.
 */
export const kpiRouter = lazy(async () =>
  router({
    record: mutationProcedure
      .meta({ roles: ['provider_reporter', 'contractmanager'] })
      .input(kpiRecordSchema)
      .mutation(({ ctx, input }) => ctx.repos.accountability.recordKpi(input)),

    comment: mutationProcedure
      .meta({ roles: BOTH_SIDES_TALK })
      .input(kpiCommentSchema)
      .mutation(({ ctx, input }) => ctx.repos.accountability.commentKpi(input)),

    results: procedure
      .meta({ roles: BOTH_SIDES_READ })
      .input(z.strictObject({ agreementId: idSchema() }))
      .query(({ ctx, input }) => ctx.repos.accountability.kpis(input.agreementId)),
  }),
);

/** The dialogue about the collaboration itself (SPEC §4.7). */
export const dialogueRouter = lazy(async () =>
  router({
    record: mutationProcedure
      .meta({ roles: BOTH_SIDES_TALK })
      .input(meetingRecordSchema)
      .mutation(({ ctx, input }) => ctx.repos.accountability.recordMeeting(input)),

    score: mutationProcedure
      .meta({ roles: BOTH_SIDES_TALK })
      .input(meetingScoreSchema)
      .mutation(({ ctx, input }) => ctx.repos.accountability.scoreMeeting(input)),

    list: procedure
      .meta({ roles: BOTH_SIDES_READ })
      .input(z.strictObject({ agreementId: idSchema() }))
      .query(({ ctx, input }) => ctx.repos.accountability.meetings(input.agreementId)),

    /** Both sides' collaboration ratings over time and the active signals (a provider: its own and the municipality's). */
    trend: procedure
      .meta({ roles: BOTH_SIDES_READ })
      .input(z.strictObject({ agreementId: idSchema() }))
      .query(({ ctx, input }) => ctx.repos.collaboration.trend(input.agreementId)),

    /** Marks an agreed action done; its deadline goes (audited). */
    actionDone: mutationProcedure
      .meta({ roles: BOTH_SIDES_TALK })
      .input(meetingActionDoneSchema)
      .mutation(({ ctx, input }) => ctx.repos.collaboration.actionDone(input)),
  }),
);
