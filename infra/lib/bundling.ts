import { Duration } from 'aws-cdk-lib';
import {
  ApplicationLogLevel,
  Architecture,
  LoggingFormat,
  Runtime,
  SystemLogLevel,
} from 'aws-cdk-lib/aws-lambda';
import { type NodejsFunctionProps, OutputFormat, SourceMapMode } from 'aws-cdk-lib/aws-lambda-nodejs';
import { paths } from './paths.ts';

/** ESM bundles have no `require`; some CommonJS dependencies still call it. */
export const ESM_REQUIRE_BANNER =
  "import { createRequire } from 'module'; const require = createRequire(import.meta.url);";

/**
 * Modules replaced in every Lambda bundle (esbuild `--alias`), each by a small file in functions/bundle/:
 * - `@aws-sdk/credential-provider-node`: environment credentials only, which is what Lambda provides
 *   (−136 KB of SSO/INI/IMDS providers and their nested clients).
 * - `@smithy/core/event-streams` (NO_EVENT_STREAMS_ALIASES, not for the files function: the S3 client imports it
 *   eagerly): imported lazily by the SDK's HTTP protocol for event-stream operations only, which DynamoDB has none
 *   of (−20 KB).
 * - `mnemonist/lru-cache`: the DynamoDB client's endpoint-discovery cache, the same LRU on a Map (−7 KB).
 */
export const LAMBDA_BUNDLE_ALIASES: Readonly<Record<string, string>> = {
  '@aws-sdk/credential-provider-node': paths.lambdaCredentialsShim,
  'mnemonist/lru-cache': paths.lruCacheShim,
};

/** Also for functions whose SDK clients (DynamoDB, STS) never touch event streams: all but the files function. */
export const NO_EVENT_STREAMS_ALIASES: Readonly<Record<string, string>> = {
  '@smithy/core/event-streams': paths.noEventStreamsShim,
};

/**
 * Node.js 22 on arm64, ESM, one minified file with the AWS SDK inside (a pinned, tree-shaken SDK instead of
 * whatever the runtime ships), JSON logs. Shared by every function so they are built and run alike.
 */
export function nodeFunctionDefaults(
  options: { withoutEventStreams?: boolean } = {},
): Pick<
  NodejsFunctionProps,
  | 'projectRoot'
  | 'depsLockFilePath'
  | 'runtime'
  | 'architecture'
  | 'loggingFormat'
  | 'applicationLogLevelV2'
  | 'systemLogLevelV2'
  | 'bundling'
> {
  return {
    projectRoot: paths.repoRoot,
    depsLockFilePath: paths.lockFile,
    runtime: Runtime.NODEJS_22_X,
    architecture: Architecture.ARM_64,
    loggingFormat: LoggingFormat.JSON,
    applicationLogLevelV2: ApplicationLogLevel.INFO,
    systemLogLevelV2: SystemLogLevel.WARN,
    bundling: {
      format: OutputFormat.ESM,
      target: 'node22',
      mainFields: ['module', 'main'],
      minify: true,
      // A linked external map: readable stack traces with --enable-source-maps, no inline bloat.
      sourceMap: true,
      sourceMapMode: SourceMapMode.DEFAULT,
      externalModules: [],
      banner: ESM_REQUIRE_BANNER,
      esbuildArgs: {
        '--alias': Object.entries({
          ...LAMBDA_BUNDLE_ALIASES,
          ...(options.withoutEventStreams ? NO_EVENT_STREAMS_ALIASES : {}),
        }).map(([from, to]) => `${from}=${to}`),
      },
    },
  };
}

/** Cognito waits at most 5 s for a trigger. */
export const TRIGGER_TIMEOUT = Duration.seconds(5);
