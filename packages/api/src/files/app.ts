import type { DocumentStore } from '@regie/db/documents';
import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { Identity } from '../auth.ts';
import type { ContextDeps } from '../context.ts';
import { httpErrorHandler } from '../errors.ts';
import { documentRoutes } from './documents.ts';
import { exportRoutes } from './exports.ts';

export { ORIGIN_SECRET_HEADER, originGuard } from '../origin-guard.ts';
export { createIcalApp, type IcalDeps } from './ical.ts';

/**
 * The files app (`/files/*`): documents and exports that are not JSON and need libraries too big for the main
 * API function (pdf-lib). Same authentication as tRPC (the bearer token verified by `deps.verifyToken`, the
 * identity and per-request repositories built by `createContext`), same JSON errors, its own body limits.
 * Locally it is mounted next to `createApp` (`app.route('/files', createFilesApp(deps))`); in AWS it is its own
 * Lambda behind `ANY /files/{proxy+}` (functions/files/handler.ts).
 *
 * Routes are grouped per module and mounted here, one line each.
 */
export interface FilesDeps extends ContextDeps {
  /** The document store (S3 in AWS, s3rver locally). */
  documents: DocumentStore;
  /**
   * In AWS: a store whose credentials reach only the given key prefixes (the agreement's documents). Without it,
   * `documents` serves every request.
   */
  documentsFor?: (identity: Identity, prefixes: readonly string[]) => Promise<DocumentStore>;
  /** Where unexpected errors go; never receives tokens or request bodies. */
  logError?: (entry: Record<string, unknown>) => void;
}

export function createFilesApp(deps: FilesDeps): Hono {
  const logError = deps.logError ?? ((entry) => console.error(JSON.stringify(entry)));
  const app = new Hono();
  app.use('*', secureHeaders());
  app.use('*', async (c, next) => {
    await next();
    // Tenant documents are never cached by a shared cache.
    if (!c.res.headers.has('cache-control')) c.header('cache-control', 'private, no-store');
  });

  app.route('/agreements', documentRoutes(deps));
  app.route('/exports', exportRoutes(deps));

  app.notFound((c) => c.json({ error: { code: 'NOT_FOUND', message: 'Not found' } }, 404));
  app.onError(httpErrorHandler(logError));
  return app;
}
