import { type ChildProcess, spawn } from 'node:child_process';
import { createServer as createHttpServer } from 'node:http';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from '@regie/api';
import { createFilesApp, createIcalApp } from '@regie/api/files';
import { type AnchorRunResult, anchorChains, createDocumentClient, type Db, ensureTable } from '@regie/db';
import { createAnchorStore } from '@regie/db/anchors';
import { createDocumentStore } from '@regie/db/documents';
import { createLocalAccounts } from './accounts-local.ts';
import { createLocalAnchorSigner } from './anchor-key.ts';
import { createDevIssuer } from './dev-issuer.ts';
import { type DynamoLocal, LocalStackError, startDynamoLocal } from './dynamo-local.ts';
import { childEnv } from './env.ts';
import { freePort } from './ports.ts';
import { type S3Local, startS3Local } from './s3-local.ts';
import { seed } from './seed.ts';
import { seedDocuments } from './seed-documents.ts';

/** A request still unanswered after this long is said on stderr while it runs, and again when it ends. */
const SLOW_MS = 5_000;

type Fetch<Rest extends unknown[]> = (request: Request, ...rest: Rest) => Response | Promise<Response>;

/**
 * The app's fetch, saying on stderr which requests take longer than `slowMs` (method and path, then status and
 * time), so a stalled request in a browser test or a local session shows in the output. Query strings and bodies
 * are never said.
 */
export function sayingSlowRequests<Rest extends unknown[]>(
  fetch: Fetch<Rest>,
  say: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
  slowMs = SLOW_MS,
): (request: Request, ...rest: Rest) => Promise<Response> {
  return async (request, ...rest) => {
    const started = Date.now();
    const what = `${request.method} ${new URL(request.url).pathname}`;
    const timer = setTimeout(() => say(`[api] ${what} still unanswered after ${slowMs} ms`), slowMs);
    try {
      const response = await fetch(request, ...rest);
      const ms = Date.now() - started;
      if (ms > slowMs) say(`[api] ${what} answered ${response.status} after ${ms} ms`);
      return response;
    } finally {
      clearTimeout(timer);
    }
  };
}

export interface ApiStack {
  dynamo: DynamoLocal;
  /** The S3-compatible document store (s3rver); documents in `<dataDir>/s3` or a temporary directory. */
  s3: S3Local;
  db: Db;
  apiUrl: string;
  seeded: boolean;
  /** The daily audit anchor job as it runs in AWS (the local key signs, s3rver bucket `regie-audit-anchors`). */
  anchorJob(): Promise<AnchorRunResult>;
  stop(): Promise<void>;
}

/**
 * DynamoDB Local, the table, the seed, the document store (s3rver, bucket `regie-documents`) and the API (with
 * dev auth, `/files` included) on 127.0.0.1:apiPort.
 */
export async function startApiStack(options: {
  dynamoPort: number;
  apiPort: number;
  dataDir?: string;
  tableName: string;
  /** The document store's port; a free one by default (only the API talks to it). */
  s3Port?: number;
}): Promise<ApiStack> {
  const dynamo = await startDynamoLocal({ port: options.dynamoPort, dataDir: options.dataDir });
  let s3: S3Local | undefined;
  try {
    s3 = await startS3Local({
      port: options.s3Port ?? (await freePort()),
      directory: options.dataDir ? join(options.dataDir, 's3') : undefined,
    });
    const documents = createDocumentStore({ bucket: 'regie-documents', endpoint: s3.endpoint });
    await documents.ensureBucket();
    const anchors = createAnchorStore({ bucket: 'regie-audit-anchors', endpoint: s3.endpoint });
    await anchors.ensureBucket();
    // The development anchor key, kept with the local data (gitignored `.data/`); in memory for a temporary stack.
    const signer = createLocalAnchorSigner({
      file: options.dataDir ? join(options.dataDir, 'keys', 'audit-anchor.pem') : undefined,
    });
    const anchorJob = () => anchorChains(db, signer, anchors);
    const doc = createDocumentClient({ endpoint: dynamo.endpoint });
    const db: Db = { doc, tableName: options.tableName };
    await ensureTable(doc, options.tableName);
    const seeded = await seed(db);
    const { dev, verifyToken } = await createDevIssuer(db);
    const app = createApp({
      db,
      verifyToken,
      dev,
      accounts: createLocalAccounts(db),
      anchorPublicKey: await signer.publicKeyPem(),
    });
    // Runs the daily audit anchor job (issue 17 point 2), as EventBridge does in AWS (local only).
    app.post('/dev/jobs/anchors', async (c) => c.json(await anchorJob()));
    const files = createFilesApp({ db, verifyToken, documents });
    app.route('/files', files);
    app.route('/ical', createIcalApp({ db }));
    if (seeded) await seedDocuments(files, dev);
    const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
      const s = serve(
        {
          fetch: sayingSlowRequests(app.fetch),
          port: options.apiPort,
          hostname: '127.0.0.1',
          createServer: createHttpServer,
        },
        () => resolve(s),
      );
      s.once('error', (error: NodeJS.ErrnoException) =>
        reject(
          error.code === 'EADDRINUSE'
            ? new LocalStackError(
                `Port ${options.apiPort} is in use; stop what uses it or set API_PORT and try again.`,
              )
            : error,
        ),
      );
    });
    const store = s3;
    return {
      dynamo,
      s3: store,
      db,
      apiUrl: `http://127.0.0.1:${options.apiPort}`,
      seeded,
      anchorJob,
      async stop() {
        await new Promise<void>((resolve) => server.close(() => resolve()));
        doc.destroy();
        documents.destroy();
        anchors.destroy();
        await store.stop();
        await dynamo.stop();
      },
    };
  } catch (error) {
    await s3?.stop();
    await dynamo.stop();
    throw error;
  }
}

/** Vite for the web app: `dev` for `npm start`, `preview` (the built app) for browser tests. */
export async function startWeb(options: {
  root: string;
  mode: 'dev' | 'preview';
  webPort: number;
  apiPort: number;
}): Promise<{ url: string; process: ChildProcess; stop(): Promise<void> }> {
  const vite = join(options.root, 'node_modules', '.bin', 'vite');
  const args = options.mode === 'dev' ? [] : ['preview'];
  const child = spawn(
    vite,
    [...args, '--host', '127.0.0.1', '--port', String(options.webPort), '--strictPort'],
    {
      cwd: join(options.root, 'web'),
      env: childEnv({ API_PORT: String(options.apiPort), WEB_PORT: String(options.webPort) }),
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    },
  );
  // While it starts, its output is kept for the error that says why it stopped. Once it serves, its output is still
  // read (a full pipe would block it) but not kept; its errors (a proxied API call that failed, say) are said.
  let output = '';
  let serving = false;
  child.stdout?.on('data', (c) => {
    if (!serving) output += c;
  });
  child.stderr?.on('data', (c) => {
    if (serving) process.stderr.write(`[web] ${c}`);
    else output += c;
  });
  const url = `http://127.0.0.1:${options.webPort}`;
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        resolve();
      }
    });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new LocalStackError(
        `The web server stopped while starting: ${output.trim().split('\n').slice(-3).join(' ')}`,
      );
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
      if (response.ok) {
        serving = true;
        output = '';
        return { url, process: child, stop };
      }
    } catch {}
    await new Promise((r) => setTimeout(r, 150));
  }
  await stop();
  throw new LocalStackError(`The web server did not answer on port ${options.webPort} within 60 s.`);
}
