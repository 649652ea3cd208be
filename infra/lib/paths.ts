import { fileURLToPath } from 'node:url';

/** Resolved from this file, so synth and tests work from any working directory. */
const fromRoot = (relative: string) => fileURLToPath(new URL(`../../${relative}`, import.meta.url));

export const paths = {
  repoRoot: fromRoot(''),
  lockFile: fromRoot('package-lock.json'),
  apiEntry: fromRoot('functions/api/handler.ts'),
  filesEntry: fromRoot('functions/files/handler.ts'),
  preTokenEntry: fromRoot('functions/auth/pre-token.ts'),
  jobsEntry: fromRoot('functions/jobs/handler.ts'),
  benchmarkEntry: fromRoot('functions/jobs/benchmark.ts'),
  anchorEntry: fromRoot('functions/jobs/anchor.ts'),
  /** Bundle-only substitutes (see the files): English-only zod locales, environment-only AWS credentials. */
  lambdaCredentialsShim: fromRoot('functions/bundle/lambda-credentials.ts'),
  webDist: fromRoot('web/dist'),
} as const;
