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
 * - `@aws-sdk/credential-provider-node`: environment credentials only, which is what Lambda provides (−117 KB of
 *   SSO/INI/IMDS providers and their nested clients). Kept by measurement: without it the API's cold start is
 *   slower (0.84–0.94× with it in three bench runs of 2026-12-02; docs/benchmarks.md, "Floors"). Issue 17 dropped the other two shortcuts (a Map-based stand-in for
 *   `mnemonist/lru-cache`, −7 KB, and an empty `@smithy/core/event-streams`, −16 KB): neither changed the
 *   measured cold start, and each was one more place to break on an SDK upgrade.
 */
export const LAMBDA_BUNDLE_ALIASES: Readonly<Record<string, string>> = {
  '@aws-sdk/credential-provider-node': paths.lambdaCredentialsShim,
};

/**
 * Node.js 22 on arm64, ESM, one minified file with the AWS SDK inside (a pinned, tree-shaken SDK instead of
 * whatever the runtime ships), JSON logs. Shared by every function so they are built and run alike.
 */
export function nodeFunctionDefaults(): Pick<
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
      sourcesContent: false,
      externalModules: [],
      banner: ESM_REQUIRE_BANNER,
      esbuildArgs: {
        '--alias': Object.entries(LAMBDA_BUNDLE_ALIASES).map(([from, to]) => `${from}=${to}`),
      },
    },
  };
}

/** Cognito waits at most 5 s for a trigger. */
export const TRIGGER_TIMEOUT = Duration.seconds(5);
