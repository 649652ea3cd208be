import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { createApp } from '@regie/api';
import { createDocumentClient } from '@regie/db';
import { createDevIssuer, freePort } from '@regie/local';

/**
 * The API for the benchmarks: the real Hono app with dev auth, in a process of its own (as in AWS, where the
 * API never shares a process with its callers), over a table on the benchmark's DynamoDB Local.
 */
export interface BenchApi {
  url: string;
  token(user: string): Promise<string>;
  stop(): Promise<void>;
}

const self = fileURLToPath(import.meta.url);

export async function startBenchApi(endpoint: string, tableName: string): Promise<BenchApi> {
  // BENCH_CPU_PROF=<dir>: the API process writes a V8 CPU profile there when it stops (node --cpu-prof).
  const profile = process.env.BENCH_CPU_PROF
    ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_CPU_PROF]
    : [];
  const child: ChildProcess = spawn(
    process.execPath,
    [...profile, '--import', 'tsx', self, endpoint, tableName],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve((JSON.parse(line) as { url: string }).url);
    });
    child.once('exit', (code) => reject(new Error(`bench API exited with ${code}`)));
  });
  const tokens = new Map<string, string>();
  return {
    url,
    async token(user) {
      if (!tokens.has(user)) {
        const response = await fetch(`${url}/dev/token`, { method: 'POST', body: JSON.stringify({ user }) });
        if (!response.ok) throw new Error(`no token for ${user}: ${response.status}`);
        tokens.set(user, ((await response.json()) as { token: string }).token);
      }
      return tokens.get(user)!;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

// As a child process: serve until terminated.
if (process.argv[1] === self) {
  const [endpoint, tableName] = process.argv.slice(2) as [string, string];
  const db = { doc: createDocumentClient({ endpoint }), tableName };
  const { dev, verifyToken } = await createDevIssuer(db);
  const app = createApp({
    db,
    verifyToken,
    dev,
    logError: (e) => console.error(JSON.stringify(e)),
    // For experiments only: BENCH_FAIR_SHARE=alone,shared overrides the fair share (packages/api/src/fair-share.ts).
    fairShare: process.env.BENCH_FAIR_SHARE
      ? (([alone, shared]) => ({ alone: alone!, shared: shared! }))(
          process.env.BENCH_FAIR_SHARE.split(',').map(Number),
        )
      : undefined,
  });
  const port = await freePort();
  const server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1', createServer }, () =>
    console.log(JSON.stringify({ url: `http://127.0.0.1:${port}` })),
  );
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
}
