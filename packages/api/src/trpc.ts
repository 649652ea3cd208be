import { createHash } from 'node:crypto';
import { DomainError, type Role } from '@regie/core';
import { initTRPC, TRPCError } from '@trpc/server';
import type { Context } from './context.ts';
import { issuesOf, reasonOf, toTRPCError } from './errors.ts';

/** Every procedure declares who may call it; a procedure without `roles` is denied (deny by default). */
export interface Meta {
  roles?: readonly Role[];
  /**
   * The result carries a secret (a feed link): an Idempotency-Key retry hears that the request was done, and the
   * result itself is never written to the idempotency record.
   */
  secretResult?: true;
}

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    isDev: false, // never put stack traces in responses
    errorFormatter({ shape, error }) {
      const { stack: _stack, ...data } = shape.data;
      // An unexpected error says nothing about its cause to the caller; it is logged server-side.
      const issues = issuesOf(error);
      const message =
        error.code === 'INTERNAL_SERVER_ERROR'
          ? 'Internal error'
          : issues && error.code === 'BAD_REQUEST'
            ? issues.map((issue) => `${issue.path || 'input'}: ${issue.message}`).join('; ')
            : shape.message;
      // The stable key and its params (SPEC §7): the UI's text comes from the key, the message is for logs.
      const { reason, params } = reasonOf(error);
      return { ...shape, message, data: { ...data, reason, params, issues } };
    },
  });

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Domain errors become API errors here, in one place. */
const toApiError = <R extends { ok: boolean; error?: { cause?: unknown } }>(result: R): R => {
  if (!result.ok && result.error?.cause instanceof DomainError) throw toTRPCError(result.error.cause);
  return result;
};

const mapErrors = t.middleware(async ({ next }) => toApiError(await next()));

export const publicProcedure = t.procedure.use(mapErrors);

/**
 * A verified caller with a space and roles, checked against the procedure's declared roles; domain errors of
 * what follows become API errors. One middleware rather than two (error mapping, then the role check): every
 * tRPC layer copies the call's options and context per request (docs/benchmarks.md, floors).
 */
export const procedure = t.procedure.use(async ({ ctx, meta, next }) => {
  if (!ctx.identity || !ctx.repos || !ctx.scope)
    throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in first' });
  const declared = meta?.roles;
  if (!declared || !ctx.identity.roles.some((role) => declared.includes(role))) {
    throw toTRPCError(
      new DomainError('FORBIDDEN', 'request.forbidden', { message: 'Your role may not do this' }),
    );
  }
  // Only the narrowed fields: tRPC merges them into the context.
  return toApiError(await next({ ctx: { identity: ctx.identity, repos: ctx.repos, scope: ctx.scope } }));
});

/**
 * Mutations honour an optional Idempotency-Key header (SPEC §7): a retry with the same key returns
 * the first result and has no second effect.
 */
export const mutationProcedure = procedure.use(async ({ ctx, meta, path, getRawInput, next }) => {
  if (ctx.idempotencyKey === null) return next();
  if (ctx.idempotencyKey === 'invalid') {
    throw new DomainError('BAD_REQUEST', 'idempotency.keyInvalid', {
      message: 'Idempotency-Key must be 8–128 characters [A-Za-z0-9_.:-]',
    });
  }
  const fingerprint = createHash('sha256')
    .update(`${path}\n${JSON.stringify(await getRawInput())}`)
    .digest('hex');
  const claim = await ctx.repos.idempotency.claim(ctx.idempotencyKey, fingerprint);
  if (claim.state === 'done') {
    // A stored result: answer as the first call did, without running the procedure again.
    return { ok: true as const, data: claim.result, marker: undefined as never };
  }
  const result = await next();
  if (!result.ok) {
    await ctx.repos.idempotency.release(ctx.idempotencyKey);
    return result;
  }
  try {
    await ctx.repos.idempotency.complete(ctx.idempotencyKey, result.data, { secret: meta?.secretResult });
  } catch (error) {
    // The change is committed: answer it. The claim stays pending until PENDING_CLAIM_SECONDS (@regie/db/limits)
    // and a retry after that runs again, where versions and unique references refuse a second effect.
    console.error(
      JSON.stringify({
        level: 'error',
        requestId: ctx.requestId,
        path,
        message: `idempotency completion failed: ${error instanceof Error ? error.message : String(error)}`,
      }),
    );
  }
  return result;
});
