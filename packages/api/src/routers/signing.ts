import { idSchema, MUNICIPAL_ROLES, PROVIDER_ROLES, signInputSchema } from '@regie/core';
import { lazy } from '@trpc/server';
import * as z from 'zod/mini';
import { mutationProcedure, procedure, router } from '../trpc.ts';

/**
 * Signing (SPEC §5.2): the state of an agreement's document and signers, and the signature itself. Documents
 * are generated and uploaded through the files app (`/files/agreements/:id/document…`), which needs pdf-lib.
 */
export const signingRouter = lazy(async () =>
  router({
    /** The current document (with its SHA-256), the signers in order with their state, and whether it is your turn. */
    status: procedure
      .meta({ roles: [...MUNICIPAL_ROLES, ...PROVIDER_ROLES] })
      .input(z.strictObject({ agreementId: idSchema() }))
      .query(({ ctx, input }) => ctx.repos.signing.status(input.agreementId)),

    /** Every document placed on the agreement, newest first (earlier ones were replaced). */
    documents: procedure
      .meta({ roles: MUNICIPAL_ROLES })
      .input(z.strictObject({ agreementId: idSchema() }))
      .query(({ ctx, input }) => ctx.repos.signing.documents(input.agreementId)),

    /** Agreements out for signature that you can see, with their signing state (providers: their own). */
    inbox: procedure
      .meta({ roles: [...MUNICIPAL_ROLES, ...PROVIDER_ROLES] })
      .input(z.optional(z.strictObject({ limit: z.optional(z.int().check(z.gte(1), z.lte(50))) })))
      .query(({ ctx, input }) => ctx.repos.signing.inbox({ limit: input?.limit ?? 20 })),

    /** Signs the current document: `{agreementId, documentHash, consent: true}`. */
    sign: mutationProcedure
      .meta({ roles: ['provider_signer', 'approver'] })
      .input(signInputSchema)
      .mutation(({ ctx, input }) => ctx.repos.signing.sign(input, { name: ctx.identity.name })),
  }),
);
