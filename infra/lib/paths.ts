import { fileURLToPath } from 'node:url';

/** Repository root, resolved from this file so synth works from any working directory. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export const paths = {
  repoRoot,
  lockFile: fileURLToPath(new URL('package-lock.json', new URL('../../', import.meta.url))),
  apiEntry: fileURLToPath(new URL('../../functions/api/handler.ts', import.meta.url)),
  webDist: fileURLToPath(new URL('../../web/dist', import.meta.url)),
} as const;
