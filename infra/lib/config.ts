import { existsSync } from 'node:fs';
import { paths } from './paths.ts';

/**
 * Everything that differs per deployment stage, validated in one place and passed down as stack props.
 * Stacks never read `process.env` themselves.
 */
export interface StageConfig {
  /** Short stage name, used as a prefix for stack names. */
  readonly stage: string;
  readonly env: { readonly account: string; readonly region: string };
  readonly api: {
    /** Absolute path of the Lambda entry (Hono app wrapped with `handle()`). */
    readonly entry: string;
    /** Caps the blast radius of a runaway client; the account must keep ≥ 10 unreserved. */
    readonly reservedConcurrency: number;
    readonly throttle: { readonly burstLimit: number; readonly rateLimit: number };
    /**
     * The API's own host name and its ACM certificate (in the stage's region). When set, CloudFront reaches the API
     * there and the execute-api default endpoint is disabled; the name needs a DNS record (CNAME) to the custom
     * domain's regional target (output `ApiDomainTarget`). Unset: the execute-api endpoint stays, guarded by the
     * origin secret alone (docs/deployment.md).
     */
    readonly domain?: { readonly name: string; readonly certificateArn: string };
  };
  /** Rate-based WAF rules: requests per IP in any 5 minutes (WAF's evaluation window), then blocked. */
  readonly waf: {
    /** Every request through CloudFront. */
    readonly perIp: number;
    /** `/public/*` and `/ical/*`: anonymous routes, cached or personal, never needed at a high rate. */
    readonly publicPerIp: number;
    /** Cognito's sign-in (managed login and its API), on the user pool's own regional web ACL. */
    readonly signInPerIp: number;
  };
  readonly auth: {
    /** Absolute path of the Cognito pre token generation trigger's entry. */
    readonly preTokenEntry: string;
    readonly callbackUrls: readonly string[];
    readonly logoutUrls: readonly string[];
    /** Cognito domain prefix of the sign-in pages; must be unique in the region. */
    readonly domainPrefix: string;
  };
  readonly jobs: {
    /** Absolute path of the scheduled deadline function's entry. */
    readonly entry: string;
    /** Daily, in UTC: 04:00 UTC is 05:00 or 06:00 in the Netherlands, before the working day starts. */
    readonly schedule: { readonly hour: string; readonly minute: string };
    /** The regional benchmark job's entry (issue 15); it runs daily after the deadline job. */
    readonly benchmarkEntry: string;
    readonly benchmarkSchedule: { readonly hour: string; readonly minute: string };
  };
  /** The anchored audit (issue 17 point 2; docs/security.md). */
  readonly audit: {
    /** The daily anchor job's entry and time (UTC): after the night, before the working day. */
    readonly anchorEntry: string;
    readonly anchorSchedule: { readonly hour: string; readonly minute: string };
    /** How long each signed anchor is locked (S3 Object Lock, compliance mode: nobody can shorten it). */
    readonly anchorRetentionDays: number;
    /**
     * The anchor key's public key (base64 DER, `aws kms get-public-key --key-id <AuditAnchorKeyArn> --query
     * PublicKey --output text`) for `agreement.verifyAudit`; known only after the first deploy of the Data stack
     * (REGIE_AUDIT_ANCHOR_PUBLIC_KEY). Without it the API reports anchors as unchecked (`noKey`).
     */
    readonly anchorPublicKey?: string;
  };
  readonly web: {
    /** The built SPA; deployed only when present at synth time so synth works before a web build. */
    readonly assetsPath: string | undefined;
  };
}

/** Placeholders so `cdk synth` works without credentials; a real deploy sets CDK_DEFAULT_ACCOUNT/REGION. */
const DEFAULT_ACCOUNT = '123456789012';
const DEFAULT_REGION = 'eu-central-1';

/** The deployable stages. Only `dev` lets the local web app (Vite on localhost:5173) sign in through Cognito. */
export const STAGES = ['dev', 'prod'] as const;
export type Stage = (typeof STAGES)[number];

/** The stage `cdk synth`/`deploy` builds: `REGIE_STAGE` (default `dev`). */
export function stageConfig(env: NodeJS.ProcessEnv = process.env): StageConfig {
  const stage = env.REGIE_STAGE ?? 'dev';
  if (!(STAGES as readonly string[]).includes(stage)) {
    throw new Error(`REGIE_STAGE must be one of ${STAGES.join(', ')}, got "${stage}"`);
  }
  return configFor(stage as Stage, env);
}

export function devConfig(env: NodeJS.ProcessEnv = process.env): StageConfig {
  return configFor('dev', env);
}

/**
 * Production: the sign-in callbacks are exactly the deployed web app's (REGIE_WEB_URL, required), never
 * localhost — a local page could otherwise receive a production user's authorization code.
 */
export function prodConfig(env: NodeJS.ProcessEnv = process.env): StageConfig {
  return configFor('prod', env);
}

/** Sign-in callback and logout URLs of a stage's web app. */
export function signInUrls(stage: Stage, webUrls: readonly string[]) {
  const origins = stage === 'dev' ? [...webUrls, 'http://localhost:5173'] : [...webUrls];
  if (origins.length === 0) {
    throw new Error(
      `REGIE_WEB_URL is required for stage ${stage}: its sign-in callbacks are the web app's only`,
    );
  }
  return {
    callbackUrls: origins.map((u) => `${u}/auth/callback`),
    logoutUrls: origins.map((u) => `${u}/login`),
  };
}

function configFor(stage: Stage, env: NodeJS.ProcessEnv): StageConfig {
  const account = env.CDK_DEFAULT_ACCOUNT ?? DEFAULT_ACCOUNT;
  const region = env.CDK_DEFAULT_REGION ?? DEFAULT_REGION;
  if (!/^\d{12}$/.test(account)) throw new Error(`CDK_DEFAULT_ACCOUNT must be 12 digits, got "${account}"`);
  if (!/^[a-z]{2}(-[a-z]+)+-\d$/.test(region)) throw new Error(`CDK_DEFAULT_REGION is invalid: "${region}"`);

  const webUrls = (env.REGIE_WEB_URL ?? '')
    .split(',')
    .map((u) => u.trim().replace(/\/$/, ''))
    .filter(Boolean);
  for (const url of webUrls) {
    if (!/^https:\/\/[a-z0-9.-]+$/.test(url))
      throw new Error(`REGIE_WEB_URL must be https://<host>, got "${url}"`);
  }
  const apiDomain = env.REGIE_API_DOMAIN;
  const apiCertificate = env.REGIE_API_CERTIFICATE_ARN;
  if ((apiDomain === undefined) !== (apiCertificate === undefined)) {
    throw new Error('REGIE_API_DOMAIN and REGIE_API_CERTIFICATE_ARN are set together or not at all');
  }
  if (
    apiDomain !== undefined &&
    !/^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/.test(apiDomain)
  ) {
    throw new Error(`REGIE_API_DOMAIN must be a host name, got "${apiDomain}"`);
  }
  if (
    apiCertificate !== undefined &&
    !/^arn:aws[a-z-]*:acm:[a-z0-9-]+:\d{12}:certificate\/[0-9a-f-]{36}$/.test(apiCertificate)
  ) {
    throw new Error(`REGIE_API_CERTIFICATE_ARN must be an ACM certificate ARN, got "${apiCertificate}"`);
  }
  const anchorRetentionDays = Number(env.REGIE_ANCHOR_RETENTION_DAYS ?? 3653);
  if (!Number.isInteger(anchorRetentionDays) || anchorRetentionDays < 1 || anchorRetentionDays > 36_500) {
    throw new Error(
      `REGIE_ANCHOR_RETENTION_DAYS must be whole days (1–36500), got "${env.REGIE_ANCHOR_RETENTION_DAYS}"`,
    );
  }
  const anchorPublicKey = env.REGIE_AUDIT_ANCHOR_PUBLIC_KEY?.trim() || undefined;
  if (anchorPublicKey !== undefined && !/^[A-Za-z0-9+/]{100,400}={0,2}$/.test(anchorPublicKey)) {
    throw new Error(
      'REGIE_AUDIT_ANCHOR_PUBLIC_KEY must be the base64 DER that aws kms get-public-key prints',
    );
  }
  const prefix = env.REGIE_AUTH_DOMAIN_PREFIX;
  if (prefix !== undefined && !/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(prefix)) {
    throw new Error(
      `REGIE_AUTH_DOMAIN_PREFIX must be lower-case letters, digits and hyphens, got "${prefix}"`,
    );
  }

  return {
    stage,
    env: { account, region },
    api: {
      entry: paths.apiEntry,
      reservedConcurrency: 20,
      throttle: { burstLimit: 100, rateLimit: 50 },
      domain: apiDomain && apiCertificate ? { name: apiDomain, certificateArn: apiCertificate } : undefined,
    },
    // Per IP and 5 minutes. A municipality's office is often one NAT address for all its staff: the general
    // limit leaves room for some 30 people working at once; the anonymous routes and sign-in are held tighter.
    waf: { perIp: 6000, publicPerIp: 300, signInPerIp: 300 },
    auth: {
      preTokenEntry: paths.preTokenEntry,
      // REGIE_WEB_URL: the deployed web app (the CloudFront URL or your own domain); for dev it may be added
      // after the first deploy, production needs it from the start.
      ...signInUrls(stage, webUrls),
      domainPrefix: env.REGIE_AUTH_DOMAIN_PREFIX ?? `regie-${stage}-${account}`,
    },
    jobs: {
      entry: paths.jobsEntry,
      schedule: { hour: '4', minute: '0' },
      benchmarkEntry: paths.benchmarkEntry,
      benchmarkSchedule: { hour: '4', minute: '30' },
    },
    // Ten years by default: at least as long as the agreements' own retention (docs/security.md).
    audit: {
      anchorEntry: paths.anchorEntry,
      anchorSchedule: { hour: '2', minute: '15' },
      anchorRetentionDays,
      anchorPublicKey,
    },
    web: { assetsPath: existsSync(paths.webDist) ? paths.webDist : undefined },
  };
}
