import { AssumeRoleCommand, type AssumeRoleCommandOutput, STSClient } from '@aws-sdk/client-sts';
import { runtimeRegion } from '../shared/env.ts';

/**
 * STS AssumeRole through the official client (`@aws-sdk/client-sts`), for the tenant, public-read and benchmark
 * sessions. Until issue 17 this was a hand-written Query-API request signed with Signature V4, to keep ~35 KB out of
 * a bundle that had to stay under 500 KB; the size cap is gone and the measured cold start does not need it
 * (docs/benchmarks.md, "Floors"). Errors name STS's error code only: never a credential, never the request or the
 * response body.
 */

export interface AssumeRoleInput {
  RoleArn: string;
  RoleSessionName: string;
  DurationSeconds: number;
  Tags: { Key: string; Value: string }[];
  Policy: string;
}

export interface StsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: Date;
}

export interface StsOptions {
  region?: string;
  /** The caller's own credentials; by default the SDK's (in Lambda: the execution role's, from the environment). */
  credentials?: () => Promise<{ accessKeyId: string; secretAccessKey: string; sessionToken?: string }>;
  /** Only for tests and benchmarks against a loopback STS; never set in AWS (the regional endpoint is used). */
  endpoint?: string;
  /** Attempts for throttling and 5xx answers (the SDK's standard retry strategy). */
  maxAttempts?: number;
}

/** An AssumeRole function over the regional STS endpoint. */
export function createAssumeRole(
  options: StsOptions = {},
): (input: AssumeRoleInput) => Promise<StsCredentials> {
  const client = new STSClient({
    region: options.region ?? runtimeRegion() ?? 'eu-central-1',
    maxAttempts: options.maxAttempts ?? 3,
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...(options.credentials ? { credentials: options.credentials } : {}),
    requestHandler: { connectionTimeout: 1000, requestTimeout: 3000 },
  });
  return async (input) => {
    let answer: AssumeRoleCommandOutput;
    try {
      answer = await client.send(new AssumeRoleCommand(input));
    } catch (error) {
      // The SDK's error may quote STS's message (which can name the caller); only its code goes on.
      const code = (error as { name?: string } | null)?.name ?? 'Error';
      throw new Error(`STS AssumeRole failed: ${code}`);
    }
    const c = answer.Credentials;
    if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken || !c.Expiration) {
      throw new Error('STS AssumeRole returned no credentials');
    }
    return {
      accessKeyId: c.AccessKeyId,
      secretAccessKey: c.SecretAccessKey,
      sessionToken: c.SessionToken,
      expiration: c.Expiration,
    };
  };
}
