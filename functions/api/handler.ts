import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { createApp, createTokenVerifier } from '@regie/api';
import { createDocumentClient } from '@regie/db';
import { handle, type LambdaContext, type LambdaEvent } from 'hono/aws-lambda';
import { createRemoteJWKSet } from 'jose';
import { readApiEnv } from './env.ts';
import { loggablePath } from './log-path.ts';
import { createTenantDbFor } from './tenant-credentials.ts';

/**
 * The API Lambda: the same Hono app as the local server, wrapped for API Gateway HTTP API (v2) events.
 * Built once per execution environment; no dev routes exist here.
 *
 * In AWS every authenticated request reads and writes through tenant-scoped credentials (`dbFor`); the
 * function's own role has no table access at all, so the shared `db` below only serves callers that never
 * reach a repository (anonymous requests are refused before any database call).
 */
const env = readApiEnv();
const logger = new Logger({ serviceName: 'regie-api' });
const metrics = new Metrics({ namespace: 'Regie', serviceName: 'regie-api' });

const verifyToken = createTokenVerifier({
  jwks: createRemoteJWKSet(env.jwksUrl, { cacheMaxAge: 10 * 60_000 }),
  issuer: env.issuer,
  audience: env.audience,
});

const dbFor = env.tenant
  ? createTenantDbFor({
      roleArn: env.tenant.roleArn,
      tableArn: env.tenant.tableArn,
      tableName: env.tableName,
      onAssumeRole: () => metrics.addMetric('TenantCredentialsIssued', MetricUnit.Count, 1),
    })
  : undefined;

const app = createApp({
  db: { doc: createDocumentClient({ endpoint: env.dynamoEndpoint }), tableName: env.tableName },
  dbFor,
  // The unauthenticated Woo register reads with credentials scoped to that one municipality's keys (the app
  // has validated the CBS code first); it only ever reads that space's record and its public register.
  publicDbFor: dbFor
    ? (space) =>
        dbFor({ user: 'public-register', name: 'public register', space, roles: ['viewer'], reach: [space] })
    : undefined,
  // The tenant of every log line after the token is verified; the token itself is never logged.
  verifyToken: async (token) => {
    const identity = await verifyToken(token);
    if (identity) {
      logger.appendKeys({ space: identity.space });
      metrics.addMetadata('space', identity.space); // searchable in the EMF record, not a metric dimension
    }
    return identity;
  },
  // Unexpected errors only (message and stack, no request body, no headers).
  logError: ({ level: _level, message, ...details }) => logger.error(String(message), details),
});

const serve = handle(app);

type HttpApiEvent = Extract<LambdaEvent, { rawPath: string }>;

export async function handler(event: HttpApiEvent, context?: LambdaContext) {
  const started = Date.now();
  logger.resetKeys();
  if (context) logger.addContext(context);
  metrics.captureColdStartMetric();
  // API Gateway's id, not a client-supplied one: app errors, Powertools lines and access logs correlate.
  const requestId = event.requestContext.requestId;
  logger.appendKeys({ requestId });
  event.headers = { ...event.headers, 'x-request-id': requestId };
  try {
    const response = await serve(event, context);
    const status = response.statusCode;
    metrics.addMetric('Requests', MetricUnit.Count, 1);
    if (status >= 500) metrics.addMetric('ServerErrors', MetricUnit.Count, 1);
    // Path only: query strings carry tRPC input, which is tenant data.
    logger.info('request', {
      method: event.requestContext.http.method,
      path: loggablePath(event.rawPath),
      status,
      durationMs: Date.now() - started,
    });
    return response;
  } finally {
    metrics.publishStoredMetrics();
  }
}
