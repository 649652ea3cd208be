import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { createApp, createTokenVerifier } from '@regie/api';
import { createCognitoAccounts } from '@regie/api/accounts-cognito';
import { createDocumentClient } from '@regie/db';
import { createRemoteJWKSet } from 'jose';
import { httpHandler } from '../shared/http-handler.ts';
import { readApiEnv } from './env.ts';
import { createTenantDbFor } from './tenant-credentials.ts';

/**
 * The API Lambda: the same Hono app as the local server, wrapped for API Gateway HTTP API (v2) events.
 * Built once per execution environment; no dev routes exist here.
 *
 * In AWS every authenticated request reads and writes through tenant-scoped credentials (`dbFor`); the
 * function's own role has no table access at all, so the shared `db` below only serves callers that never
 * reach a repository (anonymous requests are refused before any database call).
 */
const env = readApiEnv(undefined, { userPool: true });
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
  // Logins of invited people: Cognito users in the pool (user.invite / user.update).
  accounts: env.userPoolId ? createCognitoAccounts({ userPoolId: env.userPoolId }) : undefined,
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

export const handler = httpHandler(app, logger, metrics);
