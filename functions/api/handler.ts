import { createApp, createTokenVerifier } from '@regie/api';
import { createDocumentClient } from '@regie/db';
import { handle } from 'hono/aws-lambda';
import { createRemoteJWKSet } from 'jose';
import { readApiEnv } from './env.ts';

/**
 * The API Lambda: the same Hono app as the local server, wrapped for API Gateway HTTP API (v2) events.
 * Built once per execution environment; no dev routes exist here.
 */
const env = readApiEnv();
const app = createApp({
  db: { doc: createDocumentClient({ endpoint: env.dynamoEndpoint }), tableName: env.tableName },
  verifyToken: createTokenVerifier({
    jwks: createRemoteJWKSet(env.jwksUrl, { cacheMaxAge: 10 * 60_000 }),
    issuer: env.issuer,
    audience: env.audience,
  }),
});

export const handler = handle(app);
