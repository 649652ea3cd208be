import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { createApp, createTokenVerifier } from '@regie/api';
import { createCognitoAccounts } from '@regie/api/accounts-cognito';
import { createDocumentClient, createSpaceRegistry } from '@regie/db';
import { createRemoteJWKSet } from 'jose';
import { httpHandler } from '../shared/http-handler.ts';
import { createStackMapper, withMappedStack } from '../shared/stack-map.ts';
import { readApiEnv } from './env.ts';
import { createPublicDbFor } from './public-credentials.ts';
import { createAssumeRole } from './sts.ts';
import { createTenantDbFor, stsAssumeRole } from './tenant-credentials.ts';

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
// Stacks in error logs name the TypeScript sources, mapped when logged (stack-map.ts; no --enable-source-maps).
const mapStack = createStackMapper(import.meta.url);
const metrics = new Metrics({ namespace: 'Regie', serviceName: 'regie-api' });

const verifyToken = createTokenVerifier({
  jwks: createRemoteJWKSet(env.jwksUrl, { cacheMaxAge: 10 * 60_000 }),
  issuer: env.issuer,
  audience: env.audience,
});

// The regional STS endpoint in AWS; a loopback one only in benchmarks (STS_ENDPOINT, env.ts).
const assumeRole = env.stsEndpoint ? createAssumeRole({ endpoint: env.stsEndpoint }) : stsAssumeRole();

const dbFor = env.tenant
  ? createTenantDbFor({
      assumeRole,
      endpoint: env.dynamoEndpoint,
      roleArn: env.tenant.roleArn,
      tableArn: env.tenant.tableArn,
      tableName: env.tableName,
      onAssumeRole: () => metrics.addMetric('TenantCredentialsIssued', MetricUnit.Count, 1),
    })
  : undefined;

// The anonymous Woo register reads with a read-only role of its own, scoped per session to that one
// municipality's space record and public register, from a small client cache of its own (public-credentials.ts).
const publicDbFor = env.tenant
  ? createPublicDbFor({
      assumeRole,
      endpoint: env.dynamoEndpoint,
      roleArn: env.tenant.publicRoleArn,
      tableArn: env.tenant.tableArn,
      tableName: env.tableName,
      onAssumeRole: () => metrics.addMetric('PublicCredentialsIssued', MetricUnit.Count, 1),
    })
  : undefined;

// The function's own client: in AWS its role may read the platform's list of spaces (GetItem) and nothing else.
const db = { doc: createDocumentClient({ endpoint: env.dynamoEndpoint }), tableName: env.tableName };

/**
 * A tenant's request budget per execution environment (fair-share.ts): bursts of 20, 5 a second sustained. One
 * environment serves one request at a time, ~15 a second at 60 ms, so a flooding tenant keeps at most about a
 * third of each environment's time (its refusals take a millisecond); people clicking through pages never come
 * near it (docs/security.md).
 */
const TENANT_BUDGET = { burst: 20, perSecond: 5 };

const app = createApp({
  db,
  dbFor,
  publicDbFor: publicDbFor ? (space) => publicDbFor('register', space) : undefined,
  spaceRegistry: createSpaceRegistry(db),
  fairShare: { budget: TENANT_BUDGET },
  originSecret: env.originSecret,
  anchorPublicKey: env.anchorPublicKey,
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
  logError: ({ level: _level, message, ...details }) =>
    logger.error(String(message), withMappedStack(mapStack, details)),
});

export const handler = httpHandler(app, logger, metrics);
