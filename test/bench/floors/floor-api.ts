import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { serve } from '@hono/node-server';
import { initTRPC, TRPCError } from '@trpc/server';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { Hono } from 'hono';
import * as z from 'zod/mini';

/**
 * The API floor of issue 17 point 7: the least a Hono + tRPC app does to answer `agreement.get` — one procedure
 * whose input is validated with zod/mini, and one GetItem of the item through the SDK's document client on the
 * same DynamoDB Local. No token, no tenant, no Regie code: what any app on this stack pays. It runs in a process
 * of its own, started like the bench API (test/bench/api-server.ts), so both sides pay the same process costs.
 */
export interface FloorApi {
  url: string;
  stop(): Promise<void>;
}

const self = fileURLToPath(import.meta.url);

export async function startFloorApi(endpoint: string, tableName: string, key: Record<string, string>) {
  const child: ChildProcess = spawn(
    process.execPath,
    [
      // BENCH_CPU_PROF=<dir>: a V8 CPU profile of this process, written when it stops (as the bench API's).
      ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_CPU_PROF] : []),
      '--import',
      'tsx',
      self,
      endpoint,
      tableName,
      JSON.stringify(key),
    ],
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
    child.once('exit', (code) => reject(new Error(`floor API exited with ${code}`)));
  });
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  } satisfies FloorApi;
}

/** The floor app: Hono, tRPC's fetch adapter, one query, one GetItem. */
export function floorApp(endpoint: string, tableName: string, key: Record<string, string>) {
  const doc = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint,
      region: 'local',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    }),
  );
  const t = initTRPC.create();
  const router = t.router({
    agreement: t.router({
      get: t.procedure.input(z.object({ id: z.string().check(z.maxLength(40)) })).query(async ({ input }) => {
        // The same item as Regie's agreement.get reads; the id is only checked, the key is the item's own.
        if (!key.pk?.endsWith(input.id) && !key.sk?.endsWith(input.id))
          throw new TRPCError({ code: 'NOT_FOUND' });
        const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: key }));
        if (!Item) throw new TRPCError({ code: 'NOT_FOUND' });
        return Item;
      }),
    }),
  });
  const app = new Hono();
  app.all('/trpc/*', (c) => fetchRequestHandler({ endpoint: '/trpc', req: c.req.raw, router }));
  return app;
}

// As a child process: serve until terminated.
if (process.argv[1] === self) {
  const [endpoint, tableName, key] = process.argv.slice(2) as [string, string, string];
  const app = floorApp(endpoint, tableName, JSON.parse(key) as Record<string, string>);
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1', createServer }, (info) =>
    console.log(JSON.stringify({ url: `http://127.0.0.1:${info.port}` })),
  );
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
}
