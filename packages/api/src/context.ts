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

/** The caller of a request: its bearer token verified, or null without a (valid) one. */
export async function identify(verifyToken: TokenVerifier, req: Request): Promise<Identity | null> {
  const header = req.headers.get('authorization');
  const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : null;
  return token && token.length < 8192 ? verifyToken(token) : null;
}

/**
 * The context of one request. `known` is the caller when the transport has identified it already (the HTTP app
 * does, for the fair share), so the token is verified once per request.
 */
export async function createContext(
  deps: ContextDeps,
  req: Request,
  requestId: string,
  known?: Identity | null,
): Promise<Context> {
  const identity = known !== undefined ? known : await identify(deps.verifyToken, req);
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
            actorName: identity.name,
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
