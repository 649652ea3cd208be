import { DomainError } from '@regie/core';
import { TRPCError } from '@trpc/server';
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';

const CODE: Record<DomainError['code'], TRPC_ERROR_CODE_KEY> = {
  BAD_REQUEST: 'BAD_REQUEST',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  FORBIDDEN: 'FORBIDDEN',
  UNAVAILABLE: 'SERVICE_UNAVAILABLE',
};

export interface Issue {
  path: string;
  message: string;
}

/** Turns a domain error into the API's error; anything unknown becomes a bare 500 with no details. */
export function toTRPCError(error: unknown): TRPCError {
  if (error instanceof TRPCError) return error;
  if (error instanceof DomainError)
    return new TRPCError({ code: CODE[error.code], message: error.message, cause: error });
  return new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'Internal error', cause: error as Error });
}

/** The issues of a validation error (zod or any Standard Schema), with dotted paths. */
export function issuesOf(error: TRPCError): Issue[] | undefined {
  const cause = error.cause as
    | { issues?: { path?: readonly (PropertyKey | { key: PropertyKey })[]; message: string }[] }
    | undefined;
  if (cause instanceof DomainError)
    return cause.field ? [{ path: cause.field, message: cause.message }] : undefined;
  if (!Array.isArray(cause?.issues)) return undefined;
  return cause.issues.slice(0, 20).map((issue) => ({
    path: (issue.path ?? []).map((p) => String(typeof p === 'object' ? p.key : p)).join('.'),
    message: issue.message,
  }));
}
