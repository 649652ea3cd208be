import { randomUUID } from 'node:crypto';
import type { Role } from '@regie/core';
import type { Repositories } from '@regie/db';
import type { MiddlewareHandler } from 'hono';
import type { Identity } from '../auth.ts';
import { type ContextDeps, createContext } from '../context.ts';

export type CallerEnv = { Variables: { identity: Identity; repos: Repositories } };

/**
 * The caller of a files route, from the verified bearer token exactly as for tRPC (`createContext`): its identity
 * and repositories bound to its space, checked against the route's declared roles (undeclared = denied).
 */
export function caller(deps: ContextDeps, roles: readonly Role[]): MiddlewareHandler<CallerEnv> {
  return async (c, next) => {
    const requestId = c.req.header('x-request-id')?.slice(0, 100) ?? randomUUID();
    const ctx = await createContext(deps, c.req.raw, requestId);
    if (!ctx.identity || !ctx.repos)
      return c.json({ error: { code: 'UNAUTHORIZED', message: 'Sign in first' } }, 401);
    if (!ctx.identity.roles.some((role) => roles.includes(role)))
      return c.json({ error: { code: 'FORBIDDEN', message: 'Your role may not do this' } }, 403);
    c.set('identity', ctx.identity);
    c.set('repos', ctx.repos);
    await next();
  };
}
