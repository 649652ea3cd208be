import { toPublicKeyPem } from '@regie/core';

/** The API Lambda's configuration, read and validated in this one place (fails at cold start, not per request). */
export interface ApiEnv {
  tableName: string;
  jwksUrl: URL;
  issuer: string;
  audience: string;
  /** Only for tests against DynamoDB Local; never set in AWS. */
  dynamoEndpoint?: string;
  /** Only for tests and benchmarks with a loopback STS (test/bench/floors/lambda.ts); never set in AWS. */
  stsEndpoint?: string;
  /**
   * In AWS: the tenant role assumed per caller scope, and the table its session policy names. Unset against
   * DynamoDB Local, which checks no IAM; then the one client of `tableName` is used.
   */
  tenant?: {
    roleArn: string;
    tableArn: string;
    /** The read-only role of the anonymous routes (public register, iCal feeds): public-credentials.ts. */
    publicRoleArn: string;
  };
  /** The secret CloudFront adds as `x-origin-verify`; in AWS every request without it answers 403. */
  originSecret?: string;
  /**
   * The Cognito user pool where `user.invite` creates logins (issue 13). Required in AWS (with the tenant role);
   * without it — tests against DynamoDB Local — inviting answers UNAVAILABLE.
   */
  userPoolId?: string;
  /**
   * The public key of the audit anchors (issue 17 point 2) as SPKI PEM, from `AUDIT_ANCHOR_PUBLIC_KEY` (PEM or
   * the base64 DER of `aws kms get-public-key`); without it `agreement.verifyAudit` reports anchors as unchecked.
   */
  anchorPublicKey?: string;
}

const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/;
const USER_POOL_ID = /^[a-z]{2}(-[a-z]+)+-\d_[0-9A-Za-z]+$/;
const TABLE_ARN = /^arn:aws[a-z-]*:dynamodb:[a-z0-9-]+:\d{12}:table\/[A-Za-z0-9_.-]+$/;

/**
 * `userPool`: the deployable creates logins (the API function) and so needs USER_POOL_ID in AWS; the files function
 * shares this configuration without it.
 */
export function readApiEnv(
  env: NodeJS.ProcessEnv = process.env,
  options: { userPool?: boolean } = {},
): ApiEnv {
  const missing = ['TABLE_NAME', 'JWKS_URL', 'JWT_ISSUER', 'JWT_AUDIENCE'].filter((name) => !env[name]);
  if (env.TENANT_ROLE_ARN && !env.TABLE_ARN) missing.push('TABLE_ARN');
  if (env.TENANT_ROLE_ARN && !env.PUBLIC_ROLE_ARN) missing.push('PUBLIC_ROLE_ARN');
  if (options.userPool && env.TENANT_ROLE_ARN && !env.USER_POOL_ID) missing.push('USER_POOL_ID');
  if (missing.length) throw new Error(`Missing environment: ${missing.join(', ')}`);
  const jwksUrl = new URL(env.JWKS_URL!);
  const local = ['127.0.0.1', 'localhost'].includes(jwksUrl.hostname);
  if (jwksUrl.protocol !== 'https:' && !local) throw new Error('JWKS_URL must use https');
  let tenant: ApiEnv['tenant'];
  if (env.TENANT_ROLE_ARN) {
    if (!ROLE_ARN.test(env.TENANT_ROLE_ARN)) throw new Error('TENANT_ROLE_ARN is not an IAM role ARN');
    if (!TABLE_ARN.test(env.TABLE_ARN!)) throw new Error('TABLE_ARN is not a DynamoDB table ARN');
    if (!env.TABLE_ARN!.endsWith(`:table/${env.TABLE_NAME}`)) {
      throw new Error('TABLE_ARN does not name TABLE_NAME');
    }
    if (!ROLE_ARN.test(env.PUBLIC_ROLE_ARN!)) throw new Error('PUBLIC_ROLE_ARN is not an IAM role ARN');
    tenant = { roleArn: env.TENANT_ROLE_ARN, tableArn: env.TABLE_ARN!, publicRoleArn: env.PUBLIC_ROLE_ARN! };
  }
  if (env.ORIGIN_SECRET !== undefined && env.ORIGIN_SECRET.length < 32) {
    throw new Error('ORIGIN_SECRET must be at least 32 characters');
  }
  if (env.STS_ENDPOINT) {
    const sts = new URL(env.STS_ENDPOINT);
    if (!['127.0.0.1', 'localhost'].includes(sts.hostname)) throw new Error('STS_ENDPOINT must be loopback');
  }
  if (env.USER_POOL_ID && !USER_POOL_ID.test(env.USER_POOL_ID))
    throw new Error('USER_POOL_ID is not a user pool id');
  return {
    tableName: env.TABLE_NAME!,
    jwksUrl,
    issuer: env.JWT_ISSUER!,
    audience: env.JWT_AUDIENCE!,
    dynamoEndpoint: env.DYNAMO_ENDPOINT || undefined,
    stsEndpoint: env.STS_ENDPOINT || undefined,
    tenant,
    userPoolId: env.USER_POOL_ID || undefined,
    originSecret: env.ORIGIN_SECRET || undefined,
    anchorPublicKey: env.AUDIT_ANCHOR_PUBLIC_KEY ? toPublicKeyPem(env.AUDIT_ANCHOR_PUBLIC_KEY) : undefined,
  };
}
