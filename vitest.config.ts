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

export default defineConfig({
  test: {
    passWithNoTests: false,
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
          exclude: ignore,
          globalSetup: ['test/setup/dynamo.global.ts'],
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
