import { createRepositories, type Db, type Repositories } from '@regie/db';
import type { Identity, TokenVerifier } from './auth.ts';

export interface Context {
  db: Db;
  identity: Identity | null;
  /** Repositories bound to the caller's space; null for anonymous callers. */
  repos: Repositories | null;
  idempotencyKey: string | null;
  requestId: string;
}

export interface ContextDeps {
  db: Db;
  verifyToken: TokenVerifier;
  /**
   * In AWS: a database handle whose credentials only reach the caller's spaces (IAM
   * `dynamodb:LeadingKeys`, see functions/api/tenant-credentials.ts). Without it, `db` is used.
   */
  dbFor?: DbFor;
}

/**
 * A database handle for one caller; `collections` widens it to exactly those item collections (a provider
 * reporting into one agreement of a municipality it is party to).
 */
export type DbFor = (identity: Identity, widen?: { collections: readonly string[] }) => Promise<Db>;

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{8,128}$/;

export async function createContext(deps: ContextDeps, req: Request, requestId: string): Promise<Context> {
  const header = req.headers.get('authorization');
  const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : null;
  const identity = token && token.length < 8192 ? await deps.verifyToken(token) : null;
  const rawKey = req.headers.get('idempotency-key');
  const db = identity && deps.dbFor ? await deps.dbFor(identity) : deps.db;
  return {
    db,
    identity,
    repos: identity
      ? createRepositories(
          db,
          {
            space: identity.space,
            reach: identity.reach,
            actor: identity.user,
            organisation: identity.space,
            roles: identity.roles,
          },
          async (collections) => (deps.dbFor ? deps.dbFor(identity, { collections }) : db),
        )
      : null,
    idempotencyKey:
      rawKey !== null && IDEMPOTENCY_KEY.test(rawKey) ? rawKey : rawKey === null ? null : 'invalid',
    requestId,
  };
}
