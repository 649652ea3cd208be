import { createHash, createHmac } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';
import { runtimeCredentials, runtimeRegion } from '../shared/env.ts';

/**
 * STS AssumeRole over its Query API, signed with Signature V4: what the API Lambda needs of STS, without the
 * ~35 KB of `@aws-sdk/client-sts` (its XML protocol stack and multi-region signer) in a bundle that must stay
 * under 500 KB. The request is the documented one (Action=AssumeRole, Version=2011-06-15, form-encoded), sent
 * to the regional endpoint with the execution role's credentials from the environment; the answer's four
 * credential fields are read from its XML. Errors name STS's error code only: never a credential, never the
 * request or the response body.
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

/** SHA-256 and HMAC-SHA256 from node:crypto in the shape SignatureV4 asks for. */
class NodeSha256 {
  private readonly hash;
  constructor(secret?: string | ArrayBuffer | ArrayBufferView) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', toBuffer(secret));
  }
  update(data: string | ArrayBuffer | ArrayBufferView): void {
    this.hash.update(toBuffer(data));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
}

function toBuffer(data: string | ArrayBuffer | ArrayBufferView): Buffer {
  if (typeof data === 'string') return Buffer.from(data, 'utf8');
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return Buffer.from(data);
}

/** The form body of an AssumeRole request (the Query API's member-list encoding for tags). */
export function assumeRoleBody(input: AssumeRoleInput): string {
  const params = new URLSearchParams({
    Action: 'AssumeRole',
    Version: '2011-06-15',
    RoleArn: input.RoleArn,
    RoleSessionName: input.RoleSessionName,
    DurationSeconds: String(input.DurationSeconds),
    Policy: input.Policy,
  });
  input.Tags.forEach((tag, i) => {
    params.set(`Tags.member.${i + 1}.Key`, tag.Key);
    params.set(`Tags.member.${i + 1}.Value`, tag.Value);
  });
  return params.toString();
}

const field = (xml: string, name: string) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1];

/** The credentials of an AssumeRole response, or null when it holds none. */
export function parseAssumeRoleResponse(xml: string): StsCredentials | null {
  const credentials = /<Credentials>([\s\S]*?)<\/Credentials>/.exec(xml)?.[1];
  if (!credentials) return null;
  const accessKeyId = field(credentials, 'AccessKeyId');
  const secretAccessKey = field(credentials, 'SecretAccessKey');
  const sessionToken = field(credentials, 'SessionToken');
  const expiration = field(credentials, 'Expiration');
  if (!accessKeyId || !secretAccessKey || !sessionToken || !expiration) return null;
  const unescapeXml = (s: string) =>
    s
      .replaceAll('&lt;', '<')
      .replaceAll('&gt;', '>')
      .replaceAll('&quot;', '"')
      .replaceAll('&apos;', "'")
      .replaceAll('&amp;', '&');
  const at = new Date(expiration);
  if (Number.isNaN(at.getTime())) return null;
  return {
    accessKeyId,
    secretAccessKey: unescapeXml(secretAccessKey),
    sessionToken: unescapeXml(sessionToken),
    expiration: at,
  };
}

export interface StsOptions {
  region?: string;
  /** The caller's own credentials; in Lambda those of the execution role, from the environment. */
  credentials?: () => Promise<{ accessKeyId: string; secretAccessKey: string; sessionToken?: string }>;
  fetch?: typeof fetch;
  /** Attempts for throttling and 5xx answers (with a short back-off). */
  maxAttempts?: number;
}

const fromEnvironment = async () => {
  const credentials = runtimeCredentials();
  if (!credentials) throw new Error('No AWS credentials in the environment for STS');
  return credentials;
};

/** An AssumeRole function over the regional STS endpoint. */
export function createAssumeRole(
  options: StsOptions = {},
): (input: AssumeRoleInput) => Promise<StsCredentials> {
  const region = options.region ?? runtimeRegion() ?? 'eu-central-1';
  const hostname = `sts.${region}.amazonaws.com`;
  const signer = new SignatureV4({
    service: 'sts',
    region,
    credentials: options.credentials ?? fromEnvironment,
    sha256: NodeSha256,
  });
  const send = options.fetch ?? fetch;
  const maxAttempts = options.maxAttempts ?? 3;
  return async (input) => {
    const body = assumeRoleBody(input);
    for (let attempt = 1; ; attempt++) {
      const signed = await signer.sign({
        method: 'POST',
        protocol: 'https:',
        hostname,
        path: '/',
        query: {},
        headers: { host: hostname, 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
        body,
      });
      const response = await send(`https://${hostname}/`, {
        method: 'POST',
        headers: signed.headers,
        body,
        signal: AbortSignal.timeout(3000),
      });
      const text = await response.text();
      if (response.ok) {
        const credentials = parseAssumeRoleResponse(text);
        if (!credentials) throw new Error('STS AssumeRole returned no credentials');
        return credentials;
      }
      const code = field(text, 'Code') ?? `HTTP ${response.status}`;
      const retryable = response.status >= 500 || /Throttl/.test(code);
      if (!retryable || attempt >= maxAttempts) throw new Error(`STS AssumeRole failed: ${code}`);
      await new Promise((r) => setTimeout(r, 100 * 2 ** (attempt - 1)));
    }
  };
}
