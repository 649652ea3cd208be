import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const VERIFIER = fileURLToPath(new URL('../../scripts/verify-audit.ts', import.meta.url));

/**
 * Runs the offline audit verifier as `npm run verify-audit` does (`node --import tsx scripts/verify-audit.ts`),
 * without blocking this process: the test API in it keeps answering (and closing idle sockets) meanwhile.
 */
export function runVerifyAudit(
  args: string[],
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', VERIFIER, ...args],
      { encoding: 'utf8' },
      (error, stdout, stderr) =>
        resolve({ status: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr }),
    );
  });
}
