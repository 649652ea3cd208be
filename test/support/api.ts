import { createServer } from 'node:http';
import { serve } from '@hono/node-server';
import { createApp } from '@regie/api';
import { createFilesApp, createIcalApp } from '@regie/api/files';
import type { Db } from '@regie/db';
import { createDocumentStore, type DocumentStore } from '@regie/db/documents';
import { createDevIssuer, createLocalAccounts, freePort } from '@regie/local';
import { inject } from 'vitest';
import { type MutationPath, type ProcedureInput, type QueryPath, rawQueryUrl } from './procedures.ts';

export type { MutationPath, ProcedureInput, ProcedurePath, QueryPath } from './procedures.ts';

/** A tRPC response body as tests read it: loosely typed on purpose, the assertions check its shape. */
// biome-ignore lint/suspicious/noExplicitAny: test helper; each assertion states the shape it expects
type Body = any;

/** An HTTP response of the API: its status, and its JSON body (`result.data` or `error`). */
export interface ApiResponse {
  status: number;
  body: Body;
}

/**
 * The untyped calls: any path, any input. Only for tests that mean to send what the schema refuses or to walk
 * every procedure by name (fuzz, the isolation and co-party matrices, a 400 on a malformed input).
 */
export interface RawApi {
  query(path: string, input: unknown, token?: string): Promise<ApiResponse>;
  mutate(
    path: string,
    input: unknown,
    token?: string,
    headers?: Record<string, string>,
  ): Promise<ApiResponse>;
}

export interface TestApi {
  url: string;
  db: Db;
  /** The files app's document store: a bucket of its own on the tier's s3rver. */
  documents: DocumentStore;
  publicJwks: { keys: Record<string, unknown>[] };
  token(user: string): Promise<string>;
  /** A query by its path, with the input its schema accepts: a renamed procedure or a changed input fails tsc. */
  query<P extends QueryPath>(path: P, input: ProcedureInput<P>, token?: string): Promise<ApiResponse>;
  /** A mutation by its path, with the input its schema accepts. */
  mutate<P extends MutationPath>(
    path: P,
    input: ProcedureInput<P>,
    token?: string,
    headers?: Record<string, string>,
  ): Promise<ApiResponse>;
  /** Deliberately untyped calls, for bad or foreign inputs sent on purpose. */
  raw: RawApi;
  close(): Promise<void>;
}

/**
 * The real Hono app with dev auth on a real HTTP port, over a seeded test table, with the files app (`/files`)
 * on a bucket of its own in the integration tier's S3-compatible server.
 */
export async function startTestApi(
  db: Db,
  options: { s3Endpoint?: string; anchorPublicKey?: string } = {},
): Promise<TestApi> {
  const { dev, verifyToken, publicJwks } = await createDevIssuer(db);
  const app = createApp({
    db,
    verifyToken,
    dev,
    accounts: createLocalAccounts(db),
    logError: () => {},
    anchorPublicKey: options.anchorPublicKey,
  });
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
  const read = async (response: Response): Promise<ApiResponse> => ({
    status: response.status,
    body: await response.json().catch(() => null),
  });
  const token = async (user: string) => {
    if (!tokens.has(user)) {
      const response = await fetch(`${url}/dev/token`, { method: 'POST', body: JSON.stringify({ user }) });
      if (!response.ok) throw new Error(`no token for ${user}: ${response.status}`);
      tokens.set(user, ((await response.json()) as { token: string }).token);
    }
    return tokens.get(user)!;
  };
  const raw: RawApi = {
    async query(path, input, token) {
      return read(
        await fetch(`${url}${rawQueryUrl(path, input)}`, {
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
  };
  return {
    url,
    db,
    documents,
    publicJwks,
    token,
    query: (path, input, token) => raw.query(path, input, token),
    mutate: (path, input, token, headers) => raw.mutate(path, input, token, headers),
    raw,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      documents.destroy();
    },
  };
}
