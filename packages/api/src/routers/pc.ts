import {
  MUNICIPAL_ROLES,
  PC_PARAGRAPH_ROLES,
  PC_WRITE_ROLES,
  pcAgreeSchema,
  pcGetSchema,
  pcMemberSchema,
  pcParagraphSchema,
  pcRecordValuesSchema,
  pcSetFinancialsSchema,
  pcSetIndicatorsSchema,
  pcSetProfileSchema,
} from '@regie/core';
import { lazy } from '@trpc/server';
import { mutationProcedure, procedure, router } from '../trpc.ts';

/**
 * P&C harmonised in content (issue 16 point 5): a GR's indicator set agreed by its members, targets and realised
 * values per budget year, the verbonden-partij fields, a member's view and the municipality's paragraaf
 * verbonden partijen (BBV art. 15). The region and its members read; the write roles are checked here and the
 * repository then lets the region's own users edit, and a member's users agree only for their own municipality.
 */
export const pcRouter = lazy(async () =>
  router({
    get: procedure
      .meta({ roles: MUNICIPAL_ROLES })
      .input(pcGetSchema)
      .query(({ ctx, input }) => ctx.repos.pc.get(input.agreementId, input.year)),

    member: procedure
      .meta({ roles: MUNICIPAL_ROLES })
      .input(pcMemberSchema)
      .query(({ ctx, input }) => ctx.repos.pc.member(input.agreementId, input.year, input.member)),

    /** The caller's own municipality's paragraaf; the controller (`viewer`) first among its readers. */
    paragraph: procedure
      .meta({ roles: PC_PARAGRAPH_ROLES })
      .input(pcParagraphSchema)
      .query(({ ctx, input }) => ctx.repos.pc.paragraph(input.year)),

    setIndicators: mutationProcedure
      .meta({ roles: PC_WRITE_ROLES })
      .input(pcSetIndicatorsSchema)
      .mutation(({ ctx, input }) => ctx.repos.pc.setIndicators(input)),

    setProfile: mutationProcedure
      .meta({ roles: PC_WRITE_ROLES })
      .input(pcSetProfileSchema)
      .mutation(({ ctx, input }) => ctx.repos.pc.setProfile(input)),

    agree: mutationProcedure
      .meta({ roles: PC_WRITE_ROLES })
      .input(pcAgreeSchema)
      .mutation(({ ctx, input }) => ctx.repos.pc.agree(input)),

    recordValues: mutationProcedure
      .meta({ roles: PC_WRITE_ROLES })
      .input(pcRecordValuesSchema)
      .mutation(({ ctx, input }) => ctx.repos.pc.recordValues(input)),

    setFinancials: mutationProcedure
      .meta({ roles: PC_WRITE_ROLES })
      .input(pcSetFinancialsSchema)
      .mutation(({ ctx, input }) => ctx.repos.pc.setFinancials(input)),
  }),
);
