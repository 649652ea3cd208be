import { DomainError } from '@regie/core';
import type { DocumentStore } from '@regie/db/documents';
import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { Identity } from '../auth.ts';
import type { ContextDeps } from '../context.ts';
import { documentRoutes } from './documents.ts';
import { exportRoutes } from './exports.ts';

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

const STATUS: Record<DomainError['code'], 400 | 403 | 404 | 409 | 503> = {
  BAD_REQUEST: 400,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  UNAVAILABLE: 503,
};
const CODE: Record<DomainError['code'], string> = {
  BAD_REQUEST: 'BAD_REQUEST',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  UNAVAILABLE: 'SERVICE_UNAVAILABLE',
};

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
  app.onError((error, c) => {
    if (error instanceof DomainError) {
      return c.json(
        {
          error: {
            code: CODE[error.code],
            message: error.message,
            ...(error.field ? { field: error.field } : {}),
          },
        },
        STATUS[error.code],
      );
    }
    logError({ level: 'error', path: c.req.path, message: error.message, stack: error.stack });
    return c.json({ error: { code: 'INTERNAL_SERVER_ERROR', message: 'Internal error' } }, 500);
  });
  return app;
}
