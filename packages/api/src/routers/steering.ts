import {
  AGREEMENT_WRITE_ROLES,
  askRelationChangeInput,
  confirmRelationInput,
  governanceApplySchema,
  governanceDefaults,
  governancePreviewSchema,
  idSchema,
  MUNICIPAL_ROLES,
  PROVIDER_ROLES,
  proposeRelation,
  recordConfirmationInput,
  relationAnswersSchema,
  relationDecisionSchema,
  SPACE_PATTERN,
  spacePageInput,
  steeringRolesSchema,
} from '@regie/core';
import { lazy } from '@trpc/server';
import * as z from 'zod/mini';
import { mutationProcedure, procedure, router } from '../trpc.ts';

/** Who writes steering: the agreement writers (the coordinator in its region); a GR's member only its own row. */
const WRITE = AGREEMENT_WRITE_ROLES;
/** Who answers for a provider party: its signer or its administrator (a reporter reads only). */
const PROVIDER_ANSWER = ['provider_signer', 'provider_admin'] as const;
/** Who records a board's confirmation for a party without users (the coordinator in its region). */
const RECORD = ['inkoper', 'contractmanager', 'coordinator'] as const;

export const steeringRouter = lazy(async () =>
  router({
    /** The relation designer's proposal for a set of answers, with the governance that fits it (no storage). */
    propose: procedure
      .meta({ roles: MUNICIPAL_ROLES })
      .input(z.strictObject({ answers: relationAnswersSchema }))
      .query(({ input }) => {
        const proposal = proposeRelation(input.answers);
        return { ...proposal, governance: governanceDefaults(proposal.type) };
      }),

    get: procedure
      .meta({ roles: MUNICIPAL_ROLES })
      .input(z.strictObject({ agreementId: idSchema() }))
      .query(async ({ ctx, input }) => ({
        ...(await ctx.repos.steering.get(input.agreementId)),
        /** Per party: its state in the current round, its last answer; and every answer and re-opening. */
        confirmation: await ctx.repos.relationConfirm.overview(input.agreementId),
      })),

    /** What the caller's provider party sees of the relation, roles and contacts, and its own answers. */
    partyView: procedure
      .meta({ roles: PROVIDER_ROLES })
      .input(z.strictObject({ agreementId: idSchema() }))
      .query(({ ctx, input }) => ctx.repos.relationConfirm.partyView(input.agreementId)),

    /** The provider party confirms the relation of the given (current) round. */
    confirm: mutationProcedure
      .meta({ roles: PROVIDER_ANSWER })
      .input(confirmRelationInput)
      .mutation(({ ctx, input }) => ctx.repos.relationConfirm.confirm(input)),

    /** The provider party asks for a change of the relation of the given (current) round, with its reason. */
    askChange: mutationProcedure
      .meta({ roles: PROVIDER_ANSWER })
      .input(askRelationChangeInput)
      .mutation(({ ctx, input }) => ctx.repos.relationConfirm.askChange(input)),

    /** The municipality records the confirmation of a party without users, from its board's decision. */
    recordConfirmation: mutationProcedure
      .meta({ roles: RECORD })
      .input(recordConfirmationInput)
      .mutation(({ ctx, input }) => ctx.repos.relationConfirm.recordConfirmation(input)),

    update: mutationProcedure
      .meta({ roles: WRITE })
      .input(
        z.strictObject({
          agreementId: idSchema(),
          /** The steering version you saw; 0 when none was stored yet. */
          expectedVersion: z.int().check(z.gte(0), z.lte(1_000_000_000)),
          relation: z.optional(z.nullable(relationDecisionSchema)),
          roles: z.optional(steeringRolesSchema),
        }),
      )
      .mutation(({ ctx, input }) =>
        ctx.repos.steering.update(input.agreementId, input.expectedVersion, {
          relation: input.relation,
          roles: input.roles,
        }),
      ),

    /**
     * What applying a relation decision would change on an agreement (issue 14): the duty diff, the report due
     * dates, the KPI level, the meetings from the cadence, each product line's variant against the preferred one
     * and the contradiction warnings with their reasons and sources. Writes nothing.
     */
    governancePreview: procedure
      .meta({ roles: MUNICIPAL_ROLES })
      .input(governancePreviewSchema)
      .query(({ ctx, input }) => ctx.repos.governance.preview(input.agreementId, input.relation)),

    /**
     * Applies a relation decision with the duty list the user accepted: the relation, the duties, the report due
     * items and the meeting deadlines in one transaction with one audit event (`governance`).
     */
    applyGovernance: mutationProcedure
      .meta({ roles: WRITE })
      .input(governanceApplySchema)
      .mutation(({ ctx, input }) => ctx.repos.governance.apply(input)),

    /**
     * The steering dashboard of a space: agreements per relation type, overdue duties, ceilings at risk, open
     * escalations and role conflicts — each row pointing at its agreement.
     */
    dashboard: procedure
      .meta({ roles: MUNICIPAL_ROLES })
      .input(
        z.optional(
          z.strictObject({ space: z.optional(z.string().check(z.regex(SPACE_PATTERN, 'Invalid space'))) }),
        ),
      )
      .query(({ ctx, input }) => ctx.repos.dashboard.get({ space: input?.space })),

    /** Tenant-wide report: agreements whose opdrachtgever and eigenaar share a portfolio holder. */
    roleConflicts: procedure
      .meta({ roles: MUNICIPAL_ROLES })
      .input(spacePageInput())
      .query(({ ctx, input }) => ctx.repos.steering.roleConflicts({ ...input, limit: input?.limit ?? 50 })),

    /**
     * Tenant-wide report across agreements in reach: a portfolio holder who is eigenaar of a GR and opdrachtgever
     * of another agreement — `delivers` when that agreement is a DVO the GR delivers (SPEC §4.2).
     */
    conflicts: procedure
      .meta({ roles: MUNICIPAL_ROLES })
      .input(z.optional(z.strictObject({})))
      .query(async ({ ctx }) => ({ items: await ctx.repos.steering.crossConflicts() })),
  }),
);
