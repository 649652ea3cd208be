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
  readonly web: {
    /** The built SPA; deployed only when present at synth time so synth works before a web build. */
    readonly assetsPath: string | undefined;
  };
}

/** Placeholders so `cdk synth` works without credentials; a real deploy sets CDK_DEFAULT_ACCOUNT/REGION. */
const DEFAULT_ACCOUNT = '123456789012';
const DEFAULT_REGION = 'eu-central-1';

export function devConfig(env: NodeJS.ProcessEnv = process.env): StageConfig {
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
  const prefix = env.REGIE_AUTH_DOMAIN_PREFIX;
  if (prefix !== undefined && !/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(prefix)) {
    throw new Error(
      `REGIE_AUTH_DOMAIN_PREFIX must be lower-case letters, digits and hyphens, got "${prefix}"`,
    );
  }

  return {
    stage: 'dev',
    env: { account, region },
    api: {
      entry: paths.apiEntry,
      reservedConcurrency: 20,
      throttle: { burstLimit: 100, rateLimit: 50 },
    },
    auth: {
      preTokenEntry: paths.preTokenEntry,
      // REGIE_WEB_URL: the deployed web app (the CloudFront URL or your own domain), added after the first deploy.
      callbackUrls: [...webUrls.map((u) => `${u}/auth/callback`), 'http://localhost:5173/auth/callback'],
      logoutUrls: [...webUrls.map((u) => `${u}/login`), 'http://localhost:5173/login'],
      domainPrefix: env.REGIE_AUTH_DOMAIN_PREFIX ?? `regie-dev-${account}`,
    },
    jobs: {
      entry: paths.jobsEntry,
      schedule: { hour: '4', minute: '0' },
      benchmarkEntry: paths.benchmarkEntry,
      benchmarkSchedule: { hour: '4', minute: '30' },
    },
    web: { assetsPath: existsSync(paths.webDist) ? paths.webDist : undefined },
  };
}
