import {
  AGREEMENT_STATUSES,
  AGREEMENT_WRITE_ROLES,
  agreementCreateInput,
  agreementFindInput,
  agreementImportInput,
  agreementPageSchema,
  agreementTermsPatch,
  agreementViewSchema,
  type InternalView,
  idSchema,
  internalViewSchema,
  MUNICIPAL_ROLES,
  type PartyView,
  PROVIDER_ROLES,
  spaceKind,
  text,
} from '@regie/core';
import type { Page } from '@regie/db';
import { lazy } from '@trpc/server';
import * as z from 'zod/mini';
import { mutationProcedure, procedure, router } from '../trpc.ts';

const READ = MUNICIPAL_ROLES;
const WRITE = AGREEMENT_WRITE_ROLES;
/** Provider users read their party views through the same procedures. */
const READ_AS_PARTY = [...MUNICIPAL_ROLES, ...PROVIDER_ROLES];

const version = () => z.int().check(z.gte(1), z.lte(1_000_000_000));

const byId = z.strictObject({ id: idSchema() });

export const agreementRouter = lazy(async () =>
  router({
    /** The register: internal rows for municipal users, party views for provider users. */
    find: procedure
      .meta({ roles: READ_AS_PARTY })
      .input(z.optional(agreementFindInput))
      .output(agreementPageSchema)
      .query(({ ctx, input }): Promise<Page<InternalView> | Page<PartyView>> => {
        const filter = { ...input, limit: input?.limit ?? 50 };
        return spaceKind(ctx.identity.space) === 'provider'
          ? ctx.repos.agreements.findAsParty(filter)
          : ctx.repos.agreements.find(filter);
      }),

    get: procedure
      .meta({ roles: READ_AS_PARTY })
      .input(byId)
      .output(agreementViewSchema)
      .query(
        ({ ctx, input }): Promise<InternalView | PartyView> =>
          spaceKind(ctx.identity.space) === 'provider'
            ? ctx.repos.agreements.getAsParty(input.id)
            : ctx.repos.agreements.get(input.id),
      ),

    create: mutationProcedure
      .output(internalViewSchema)
      .meta({ roles: WRITE })
      .input(agreementCreateInput)
      .mutation(({ ctx, input }) => ctx.repos.agreements.create(input)),

    /**
     * The register import (issue 13): a batch of rows from the municipality's own register, each checked and (unless
     * `dryRun`) written like a create in the file's status; a result per row (docs/api.md).
     */
    import: mutationProcedure
      .meta({ roles: WRITE })
      .input(agreementImportInput)
      .mutation(async ({ ctx, input }) => ({
        results: await ctx.repos.imports.import(input.rows, input.dryRun),
      })),

    update: mutationProcedure
      .output(internalViewSchema)
      .meta({ roles: WRITE })
      .input(z.strictObject({ id: idSchema(), expectedVersion: version(), data: agreementTermsPatch }))
      .mutation(({ ctx, input }) => ctx.repos.agreements.update(input.id, input.expectedVersion, input.data)),

    transition: mutationProcedure
      .output(internalViewSchema)
      .meta({ roles: [...WRITE, 'approver'] })
      .input(
        z.strictObject({
          id: idSchema(),
          expectedVersion: version(),
          to: z.enum(AGREEMENT_STATUSES),
          note: z.optional(text(1000)),
        }),
      )
      .mutation(({ ctx, input }) =>
        ctx.repos.agreements.transition(input.id, input.expectedVersion, input.to, input.note),
      ),

    renew: mutationProcedure
      .output(internalViewSchema)
      .meta({ roles: WRITE })
      .input(z.strictObject({ id: idSchema(), expectedVersion: version() }))
      .mutation(({ ctx, input }) => ctx.repos.agreements.renew(input.id, input.expectedVersion)),

    /** Shares a draft with its provider parties for negotiation, or withdraws the share (issue 11 point 2). */
    share: mutationProcedure
      .output(internalViewSchema)
      .meta({ roles: WRITE })
      .input(z.strictObject({ id: idSchema(), expectedVersion: version(), shared: z.boolean() }))
      .mutation(({ ctx, input }) =>
        ctx.repos.agreements.share(input.id, input.expectedVersion, input.shared),
      ),

    versions: procedure
      .meta({ roles: READ })
      .input(byId)
      .query(({ ctx, input }) => ctx.repos.agreements.versions(input.id)),

    history: procedure
      .meta({ roles: READ })
      .input(byId)
      .query(({ ctx, input }) => ctx.repos.agreements.history(input.id)),

    verifyAudit: procedure
      .meta({ roles: READ })
      .input(byId)
      .query(({ ctx, input }) => ctx.repos.agreements.verify(input.id, ctx.anchorPublicKey)),
  }),
);
