import { defineConfig } from 'vitest/config';

/**
 * One run, four tiers, told apart by file name (ARCHITECTURE.md):
 * - unit:        `*.test.ts` next to the code, pure, no database
 * - integration: `*.integration.test.ts`, against DynamoDB Local started by the global setup
 * - infra:       `infra/test/*.test.ts`, CDK synth assertions
 * - e2e:         `test/e2e/*.e2e.test.ts`, the whole local stack in a real Chromium
 */
// The SDK's Node 20 notice is noise in test output (global setups run in this process too).
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const env = { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };
const ignore = ['**/node_modules/**', '**/cdk.out/**', '**/dist/**'];
/**
 * Tests that time themselves against the machine: they run alone, after the parallel group (a project with
 * `maxWorkers: 1` is Vitest's sequential group), with only the idle e2e stack beside them.
 */
const solo = [
  'test/integration/faults.integration.test.ts',
  'test/integration/load-isolation.integration.test.ts',
];

export default defineConfig({
  test: {
    passWithNoTests: false,
    // Vitest's default is one worker fewer than the cores: on the 2-core CI machine one file at a time, with a core
    // mostly idle while a file waits on DynamoDB Local's JVM, s3rver or esbuild. Two workers keep both cores busy.
    // The unit, integration and infra projects share this number (one group); the e2e and integration-solo
    // projects run after them, one file at a time. `VITEST_MAX_WORKERS` overrides it.
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'unit',
          env,
          include: [
            'packages/*/src/**/*.test.ts',
            'functions/**/*.test.ts',
            'web/src/**/*.test.ts',
            'test/support/**/*.test.ts',
          ],
          exclude: [...ignore, '**/*.integration.test.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          env,
          include: ['**/*.integration.test.ts'],
          exclude: [...ignore, ...solo],
          globalSetup: ['test/setup/dynamo.global.ts'],
          testTimeout: 30_000,
          // Setups that seed a table and bundle functions with esbuild take well over a minute while another worker
          // runs; a hook that really hangs still fails.
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: 'integration-solo',
          env,
          include: solo,
          exclude: ignore,
          globalSetup: ['test/setup/dynamo.global.ts'],
          maxWorkers: 1,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'infra',
          env,
          include: ['infra/test/**/*.test.ts'],
          exclude: ignore,
          testTimeout: 120_000,
          // Synthesising the app happens in beforeAll; on a busy machine it takes well over the default 10 s.
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          env,
          include: ['test/e2e/**/*.e2e.test.ts'],
          exclude: ignore,
          globalSetup: ['test/setup/stack.global.ts'],
          // A failed browser test prints what its pages showed (alerts, recent and unanswered API calls, console errors).
          setupFiles: ['test/setup/e2e-failures.ts'],
          fileParallelism: false,
          // Tests marked concurrent (the page sweep's users) run two at a time.
          maxConcurrency: 2,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
