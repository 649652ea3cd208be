/** The API Lambda's configuration, read and validated in this one place (fails at cold start, not per request). */
export interface ApiEnv {
  tableName: string;
  jwksUrl: URL;
  issuer: string;
  audience: string;
  /** Only for tests against DynamoDB Local; never set in AWS. */
  dynamoEndpoint?: string;
}

export function readApiEnv(env: NodeJS.ProcessEnv = process.env): ApiEnv {
  const missing = ['TABLE_NAME', 'JWKS_URL', 'JWT_ISSUER', 'JWT_AUDIENCE'].filter((name) => !env[name]);
  if (missing.length) throw new Error(`Missing environment: ${missing.join(', ')}`);
  const jwksUrl = new URL(env.JWKS_URL!);
  const local = ['127.0.0.1', 'localhost'].includes(jwksUrl.hostname);
  if (jwksUrl.protocol !== 'https:' && !local) throw new Error('JWKS_URL must use https');
  return {
    tableName: env.TABLE_NAME!,
    jwksUrl,
    issuer: env.JWT_ISSUER!,
    audience: env.JWT_AUDIENCE!,
    dynamoEndpoint: env.DYNAMO_ENDPOINT || undefined,
  };
}
