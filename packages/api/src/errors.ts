import { DomainError, issueReason, type ParamValue, type Reason } from '@regie/core';
import { TRPCError } from '@trpc/server';
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';
import type { Context, ErrorHandler } from 'hono';

/**
 * The one mapping from a domain refusal to the API: its HTTP status and its code on the wire (the tRPC code, which
 * tRPC turns into the same status). The db's unreachable, overloaded or timed-out database arrives here as
 * `UNAVAILABLE` (`guard` in packages/db), so it is mapped here too.
 */
const REFUSALS: Record<
  DomainError['code'],
  { status: 400 | 403 | 404 | 409 | 503; code: TRPC_ERROR_CODE_KEY }
> = {
  BAD_REQUEST: { status: 400, code: 'BAD_REQUEST' },
  FORBIDDEN: { status: 403, code: 'FORBIDDEN' },
  NOT_FOUND: { status: 404, code: 'NOT_FOUND' },
  CONFLICT: { status: 409, code: 'CONFLICT' },
  UNAVAILABLE: { status: 503, code: 'SERVICE_UNAVAILABLE' },
};

/** What an unauthenticated route says instead of the refusal's own message (it names nothing). */
const GENERIC: Partial<Record<DomainError['code'], string>> = {
  NOT_FOUND: 'Not found',
  UNAVAILABLE: 'Try again shortly',
};

export interface HttpError {
  status: 400 | 403 | 404 | 409 | 500 | 503;
  body: {
    error: {
      code: string;
      message: string;
      field?: string;
      reason?: Reason;
      params?: Record<string, ParamValue>;
    };
  };
  /** Not a refusal but a fault: log it; the caller hears only "Internal error". */
  unexpected: boolean;
}

/**
 * Any error as the JSON answer of the HTTP routes (files, public register, iCal, the app's `onError`): a domain
 * refusal with its status, code, message, field, reason key and params; anything else a bare 500. `generic`
 * (public routes) replaces the message with one that says nothing about the data, and sends no field, reason or
 * params.
 */
export function toHttpError(error: unknown, options: { generic?: boolean } = {}): HttpError {
  if (!(error instanceof DomainError)) {
    return {
      status: 500,
      body: { error: { code: 'INTERNAL_SERVER_ERROR', message: 'Internal error' } },
      unexpected: true,
    };
  }
  const { status, code } = REFUSALS[error.code];
  const message = (options.generic && GENERIC[error.code]) || error.message;
  if (options.generic) return { status, body: { error: { code, message } }, unexpected: false };
  const field = error.field ? { field: error.field } : {};
  return {
    status,
    body: { error: { code, message, ...field, reason: error.reason, params: { ...error.params } } },
    unexpected: false,
  };
}

/** The Hono apps' `onError`: the mapping above, with unexpected errors logged (never tokens or bodies). */
export function httpErrorHandler(logError: (entry: Record<string, unknown>) => void): ErrorHandler {
  return (error, c) => {
    const http = toHttpError(error);
    if (http.unexpected)
      logError({ level: 'error', path: c.req.path, message: error.message, stack: error.stack });
    return c.json(http.body, http.status);
  };
}

/**
 * For an unauthenticated route (public register, iCal feed): a refusal — in practice the database unavailable —
 * answered with its status and a generic message; a fault is thrown on to the app's `onError`.
 */
export function publicRefusal(c: Context, error: unknown): Response {
  const http = toHttpError(error, { generic: true });
  if (http.unexpected) throw error;
  return c.json(http.body, http.status);
}

export interface Issue {
  path: string;
  message: string;
  /** Stable key of the issue (`validation.too_big`, or a domain rule's key) and its parameters. */
  reason: Reason;
  params: Record<string, ParamValue>;
}

/** A tRPC code → the key an error without one of its own gets, so every refusal carries a reason. */
const FALLBACK: Partial<Record<TRPC_ERROR_CODE_KEY, Reason>> = {
  BAD_REQUEST: 'request.invalid',
  UNAUTHORIZED: 'request.unauthorized',
  FORBIDDEN: 'request.forbidden',
  NOT_FOUND: 'request.notFound',
  CONFLICT: 'request.conflict',
  TOO_MANY_REQUESTS: 'request.tooManyRequests',
  INTERNAL_SERVER_ERROR: 'server.internal',
  SERVICE_UNAVAILABLE: 'server.unavailable',
};

/** The reason key and params an API error answers with (SPEC §7: `error.data.reason`, `error.data.params`). */
export function reasonOf(error: TRPCError): { reason: Reason; params: Record<string, ParamValue> } {
  if (error.cause instanceof DomainError)
    return { reason: error.cause.reason, params: { ...error.cause.params } };
  return { reason: FALLBACK[error.code] ?? 'request.failed', params: {} };
}

/** Turns a domain error into the API's error; anything unknown becomes a bare 500 with no details. */
export function toTRPCError(error: unknown): TRPCError {
  if (error instanceof TRPCError) return error;
  if (error instanceof DomainError)
    return new TRPCError({ code: REFUSALS[error.code].code, message: error.message, cause: error });
  return new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'Internal error', cause: error as Error });
}

/** The issues of a validation error (zod or any Standard Schema), with dotted paths. */
export function issuesOf(error: TRPCError): Issue[] | undefined {
  const cause = error.cause as
    | {
        issues?: {
          path?: readonly (PropertyKey | { key: PropertyKey })[];
          message: string;
          code?: string;
          [extra: string]: unknown;
        }[];
      }
    | undefined;
  if (cause instanceof DomainError)
    return cause.field
      ? [{ path: cause.field, message: cause.message, reason: cause.reason, params: { ...cause.params } }]
      : undefined;
  if (!Array.isArray(cause?.issues)) return undefined;
  return cause.issues.slice(0, 20).map((issue) => ({
    path: (issue.path ?? []).map((p) => String(typeof p === 'object' ? p.key : p)).join('.'),
    message: issue.message,
    ...issueReason(issue),
  }));
}
