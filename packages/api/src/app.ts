import { randomUUID } from 'node:crypto';
import { isCbsMunicipalityCode, toCsv } from '@regie/core';
import {
  createDaySignals,
  createSpaceRegistry,
  type Db,
  readOnlyFor,
  readPublicRegister,
  runBenchmark,
  type SpaceRegistry,
} from '@regie/db';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import type { Accounts } from './accounts.ts';
import type { TokenVerifier } from './auth.ts';
import { createContext, type DbFor, identify } from './context.ts';
import { httpErrorHandler, publicRefusal } from './errors.ts';
import { createFairShare } from './fair-share.ts';
import { originGuard } from './origin-guard.ts';
import { appRouter } from './router.ts';

/** Local-only login: lists the seed users and signs tokens for them. Never passed in the Lambda build. */
export interface DevAuth {
  listUsers(): Promise<{ key: string; name: string; organisation: string; roles: string[] }[]>;
  /** A signed token for a seed user's key or an invited user's e-mail, or null (no such user, or disabled). */
  issueToken(userKeyOrEmail: string): Promise<string | null>;
}

export interface AppDeps {
  db: Db;
  verifyToken: TokenVerifier;
  /** In AWS: credentials that may only read the given municipality's public register. */
  publicDbFor?: (space: string) => Promise<Db>;
  /**
   * Whether a space exists, asked before `publicDbFor` (so an unknown space assumes no role); by default a
   * cached read of `db` (space-registry.ts).
   */
  spaceRegistry?: SpaceRegistry;
  /** See ContextDeps.dbFor: tenant-scoped credentials in AWS. */
  dbFor?: DbFor;
  /** See ContextDeps.anchorPublicKey: the key `agreement.verifyAudit` checks audit anchors with. */
  anchorPublicKey?: string;
  dev?: DevAuth;
  /** Where logins live: Cognito in AWS (accounts-cognito.ts), login items locally (packages/local). */
  accounts?: Accounts;
  /**
   * Requests of one tenant in progress at once in this process, alone and beside others, and its request budget
   * (a token bucket per space: `burst` requests, refilled at `perSecond`; fair-share.ts).
   */
  fairShare?: { alone?: number; shared?: number; budget?: { burst: number; perSecond: number } };
  /**
   * The secret CloudFront adds to every request it forwards (`x-origin-verify`); when set, a request without it
   * answers 403 before anything else runs, so the API is reached through CloudFront (and its WAF) only.
   */
  originSecret?: string;
  /** Where unexpected errors go; never receives tokens or request bodies. */
  logError?: (entry: Record<string, unknown>) => void;
}

const MAX_BODY = 256 * 1024;

const tooLarge = bodyLimit({
  maxSize: MAX_BODY,
  onError: (c) =>
    c.json({ error: { code: 'PAYLOAD_TOO_LARGE', message: `Request body over ${MAX_BODY} bytes` } }, 413),
});

/**
 * The one HTTP app. The local server (`@hono/node-server`) and the Lambda handler (`hono/aws-lambda`)
 * both serve exactly this, so what is tested locally is what runs in AWS.
 */
export function createApp(deps: AppDeps): Hono {
  const logError = deps.logError ?? ((entry) => console.error(JSON.stringify(entry)));
  const app = new Hono();
  app.use('*', secureHeaders());
  if (deps.originSecret) app.use('*', originGuard(deps.originSecret));
  const registry = deps.spaceRegistry ?? createSpaceRegistry(deps.db);
  const notFound = (c: Context) => {
    // A short shared-cache lifetime: CloudFront answers a repeated unknown code itself.
    c.header('cache-control', 'public, max-age=60');
    return c.json({ error: { code: 'NOT_FOUND', message: 'Not found' } }, 404);
  };

  app.get('/health', (c) => c.json({ status: 'ok' }));

  // The public Woo register of a municipality (SPEC §5.4): no auth, public fields only, cacheable briefly.
  const publicRegister = (format: 'json' | 'csv') => async (c: Context) => {
    const code = c.req.param('code') ?? '';
    if (!isCbsMunicipalityCode(code)) return notFound(c);
    // An unknown code ends here: one cached registry read, no role assumed, no client opened.
    const known = await registry.has(code).catch((error: unknown) => publicRefusal(c, error));
    if (known instanceof Response) return known;
    if (!known) return notFound(c);
    const register = await readPublicRegister(
      deps.publicDbFor ? await deps.publicDbFor(code) : deps.db,
      code,
    ).catch((error: unknown) => publicRefusal(c, error));
    if (register instanceof Response) return register;
    if (!register) return notFound(c);
    c.header('cache-control', 'public, max-age=300');
    if (format === 'csv') {
      c.header('content-type', 'text/csv; charset=utf-8');
      c.header('content-disposition', `attachment; filename="${code}-register.csv"`);
      return c.body(toCsv(register.records));
    }
    return c.json({ publisher: register.publisher, code, records: register.records });
  };
  app.get('/public/:code/register.json', publicRegister('json'));
  app.get('/public/:code/register.csv', publicRegister('csv'));

  if (deps.dev) {
    const dev = deps.dev;
    app.get('/dev/users', async (c) => c.json({ users: await dev.listUsers() }));
    // Runs the scheduled deadline job for a day, as EventBridge does in AWS (local only: demos and browser tests).
    app.post('/dev/jobs/deadlines', tooLarge, async (c) => {
      const body = (await c.req.json().catch(() => null)) as { day?: unknown } | null;
      const day = body?.day ?? new Date().toISOString().slice(0, 10);
      if (typeof day !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(day))) {
        return c.json({ error: { code: 'BAD_REQUEST', message: 'Body must be {"day": "YYYY-MM-DD"}' } }, 400);
      }
      return c.json(await createDaySignals(deps.db, day));
    });
    // Runs the scheduled benchmark job (issue 15) for a day: each participant read through a handle bound to it.
    app.post('/dev/jobs/benchmark', tooLarge, async (c) => {
      const body = (await c.req.json().catch(() => null)) as { day?: unknown } | null;
      const day = body?.day ?? new Date().toISOString().slice(0, 10);
      if (typeof day !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(day))) {
        return c.json({ error: { code: 'BAD_REQUEST', message: 'Body must be {"day": "YYYY-MM-DD"}' } }, 400);
      }
      return c.json(await runBenchmark(deps.db, async (space) => readOnlyFor(deps.db, space), day));
    });
    app.post('/dev/token', tooLarge, async (c) => {
      const body = (await c.req.json().catch(() => null)) as { user?: unknown } | null;
      if (!body || typeof body.user !== 'string' || body.user.length === 0 || body.user.length > 254) {
        return c.json(
          {
            error: {
              code: 'BAD_REQUEST',
              message: 'Body must be {"user": "<seed user key or e-mail address>"}',
            },
          },
          400,
        );
      }
      const token = await dev.issueToken(body.user);
      if (!token) return c.json({ error: { code: 'NOT_FOUND', message: `No user ${body.user}` } }, 404);
      return c.json({ token });
    });
  }

  // Queries (GET) carry no body and tRPC reads none; asking a request for its body makes @hono/node-server build a
  // whole fetch Request from its light one, about 70 µs of every query's CPU here (docs/benchmarks.md, Floors).
  app.use('/trpc/*', (c, next) => (c.req.method === 'GET' ? next() : tooLarge(c, next)));
  const share = createFairShare({
    alone: deps.fairShare?.alone ?? 4,
    shared: deps.fairShare?.shared ?? 1,
    queue: 512,
    windowMs: 250,
    budget: deps.fairShare?.budget,
  });
  app.all('/trpc/*', async (c) => {
    const requestId = c.req.header('x-request-id')?.slice(0, 100) ?? randomUUID();
    // The caller's tenant is known before the procedure runs, so each tenant gets its fair share (fair-share.ts);
    // the token is verified once, here, and the context takes that result.
    const identity = await identify(deps.verifyToken, c.req.raw);
    const release = identity ? await share.enter(identity.space) : () => {};
    if (typeof release === 'object' && release !== null) {
      // This tenant has spent its budget: it waits, others are served (fair-share.ts).
      c.header('retry-after', String(release.retryAfterSeconds));
      return c.json(
        {
          error: {
            code: 'TOO_MANY_REQUESTS',
            message: 'This organisation sends more requests than its share; try again shortly',
            reason: 'request.tenantBudget',
            params: {},
          },
        },
        429,
      );
    }
    if (!release) {
      c.header('retry-after', '1');
      return c.json(
        {
          error: {
            code: 'TOO_MANY_REQUESTS',
            message: 'Too many requests at once',
            reason: 'request.tooManyRequests',
            params: {},
          },
        },
        429,
      );
    }
    try {
      return await fetchRequestHandler({
        endpoint: '/trpc',
        req: c.req.raw,
        // One HTTP request is one procedure call: a batch would let one request (one admission slot, one WAF
        // count) carry many calls. The web client uses `httpLink`.
        allowBatching: false,
        router: appRouter,
        createContext: () => createContext(deps, c.req.raw, requestId, identity),
        onError({ error, path, ctx }) {
          if (error.code === 'INTERNAL_SERVER_ERROR') {
            logError({
              level: 'error',
              requestId,
              path,
              space: ctx?.identity?.space,
              message: error.cause?.message ?? error.message,
              stack: error.cause?.stack,
            });
          }
        },
      });
    } finally {
      release();
    }
  });

  app.notFound((c) => c.json({ error: { code: 'NOT_FOUND', message: 'Not found' } }, 404));
  app.onError(httpErrorHandler(logError));
  return app;
}
