import { createServer } from 'node:http';
import { serve } from '@hono/node-server';
import { createApp } from '@regie/api';
import { createFilesApp, createIcalApp } from '@regie/api/files';
import type { Db } from '@regie/db';
import { createDocumentStore, type DocumentStore } from '@regie/db/documents';
import { createDevIssuer, freePort } from '@regie/local';
import { inject } from 'vitest';

/** A tRPC response body as tests read it: loosely typed on purpose, the assertions check its shape. */
// biome-ignore lint/suspicious/noExplicitAny: test helper; each assertion states the shape it expects
type Body = any;

export interface TestApi {
  url: string;
  db: Db;
  /** The files app's document store: a bucket of its own on the tier's s3rver. */
  documents: DocumentStore;
  publicJwks: { keys: Record<string, unknown>[] };
  token(user: string): Promise<string>;
  query(path: string, input: unknown, token?: string): Promise<{ status: number; body: Body }>;
  mutate(
    path: string,
    input: unknown,
    token?: string,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: Body }>;
  close(): Promise<void>;
}

/**
 * The real Hono app with dev auth on a real HTTP port, over a seeded test table, with the files app (`/files`)
 * on a bucket of its own in the integration tier's S3-compatible server.
 */
export async function startTestApi(db: Db, options: { s3Endpoint?: string } = {}): Promise<TestApi> {
  const { dev, verifyToken, publicJwks } = await createDevIssuer(db);
  const app = createApp({ db, verifyToken, dev, logError: () => {} });
  const documents = createDocumentStore({
    bucket: `docs-${db.tableName.toLowerCase().replace(/[^a-z0-9]/g, '-')}`,
    endpoint: options.s3Endpoint ?? inject('s3Endpoint'),
  });
  await documents.ensureBucket();
  app.route('/files', createFilesApp({ db, verifyToken, documents, logError: () => {} }));
  app.route('/ical', createIcalApp({ db }));
  const port = await freePort();
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port, hostname: '127.0.0.1', createServer }, () => resolve(s));
  });
  const url = `http://127.0.0.1:${port}`;
  const tokens = new Map<string, string>();
  const read = async (response: Response) => ({
    status: response.status,
    body: await response.json().catch(() => null),
  });
  return {
    url,
    db,
    documents,
    publicJwks,
    async token(user) {
      if (!tokens.has(user)) {
        const response = await fetch(`${url}/dev/token`, { method: 'POST', body: JSON.stringify({ user }) });
        if (!response.ok) throw new Error(`no token for ${user}: ${response.status}`);
        tokens.set(user, ((await response.json()) as { token: string }).token);
      }
      return tokens.get(user)!;
    },
    async query(path, input, token) {
      const qs = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
      return read(
        await fetch(`${url}/trpc/${path}${qs}`, {
          headers: token ? { authorization: `Bearer ${token}` } : {},
        }),
      );
    },
    async mutate(path, input, token, headers = {}) {
      return read(
        await fetch(`${url}/trpc/${path}`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(token ? { authorization: `Bearer ${token}` } : {}),
            ...headers,
          },
          body: JSON.stringify(input),
        }),
      );
    },
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      documents.destroy();
    },
  };
}
