import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { createTokenVerifier } from '@regie/api';
import { createFilesApp, createIcalApp, originGuard } from '@regie/api/files';
import { createDocumentClient, createSpaceRegistry } from '@regie/db';
import { createDocumentStore } from '@regie/db/documents';
import { Hono } from 'hono';
import { createRemoteJWKSet } from 'jose';
import { createPublicDbFor } from '../api/public-credentials.ts';
import { createTenantDbFor } from '../api/tenant-credentials.ts';
import { httpHandler } from '../shared/http-handler.ts';
import { createStackMapper, withMappedStack } from '../shared/stack-map.ts';
import { createScopedDocumentsFor } from './document-credentials.ts';
import { readFilesEnv } from './env.ts';

/**
 * The files Lambda (`ANY /files/{proxy+}`): agreement documents and PDFs (pdf-lib), kept out of the API function
 * so that one stays small. The same files app as the local server; the same token verification and tenant-scoped
 * database credentials as the API function; S3 through credentials scoped to the one agreement's key prefix.
 */
const env = readFilesEnv();
const logger = new Logger({ serviceName: 'regie-files' });
// Stacks in error logs name the TypeScript sources, mapped when logged (stack-map.ts; no --enable-source-maps).
const mapStack = createStackMapper(import.meta.url);
const metrics = new Metrics({ namespace: 'Regie', serviceName: 'regie-files' });

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

// The read-only role of the anonymous iCal feeds, per space, in a small cache of its own (public-credentials.ts).
const publicDbFor = env.tenant
  ? createPublicDbFor({
      roleArn: env.tenant.publicRoleArn,
      tableArn: env.tenant.tableArn,
      tableName: env.tableName,
      onAssumeRole: () => metrics.addMetric('PublicCredentialsIssued', MetricUnit.Count, 1),
    })
  : undefined;

// One client for the files and the iCal routes (created once per execution environment); in AWS its role may
// read the platform's list of spaces and nothing else.
const db = { doc: createDocumentClient({ endpoint: env.dynamoEndpoint }), tableName: env.tableName };

const app = new Hono();
// Only through CloudFront (and its WAF): a request without the origin secret answers 403 (docs/security.md).
if (env.originSecret) app.use('*', originGuard(env.originSecret));
app.route(
  '/files',
  createFilesApp({
    db,
    dbFor,
    documents: createDocumentStore({ bucket: env.documents.bucket, endpoint: env.documents.endpoint }),
    documentsFor: env.documents.roleArn
      ? createScopedDocumentsFor({ roleArn: env.documents.roleArn, bucket: env.documents.bucket })
      : undefined,
    verifyToken: async (token) => {
      const identity = await verifyToken(token);
      if (identity) logger.appendKeys({ space: identity.space });
      return identity;
    },
    logError: ({ level: _level, message, ...details }) =>
      logger.error(String(message), withMappedStack(mapStack, details)),
  }),
);
// Personal iCal feeds (`GET /ical/{proxy+}`, public): the secret's form is checked first, then whether the space
// exists (a cached registry read, no role), then that one space's feed is read with the public read-only role.
app.route(
  '/ical',
  createIcalApp({
    db,
    spaceRegistry: createSpaceRegistry(db),
    feedDbFor: publicDbFor ? (space) => publicDbFor('ical', space) : undefined,
  }),
);
app.notFound((c) => c.json({ error: { code: 'NOT_FOUND', message: 'Not found' } }, 404));

export const handler = httpHandler(app, logger, metrics);
