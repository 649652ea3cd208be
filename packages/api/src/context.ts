import { createRepositories, type Db, type Repositories, type Scope } from '@regie/db';
import type { Accounts } from './accounts.ts';
import type { Identity, TokenVerifier } from './auth.ts';
import { processUserStatus, type UserStatus } from './user-status.ts';

export interface Context {
  db: Db;
  identity: Identity | null;
  /** The caller as repositories see it; null for anonymous callers. */
  scope: Scope | null;
  /** Repositories bound to the caller's space; null for anonymous callers. */
  repos: Repositories | null;
  /** Where logins live (Cognito in AWS, login items locally); null where none is configured. */
  accounts: Accounts | null;
  userStatus: UserStatus;
  idempotencyKey: string | null;
  requestId: string;
  /** The audit anchor key (SPKI PEM) `agreement.verifyAudit` checks anchors with; null where none is configured. */
  anchorPublicKey: string | null;
}

export interface ContextDeps {
  db: Db;
  verifyToken: TokenVerifier;
  /**
   * In AWS: a database handle whose credentials only reach the caller's spaces (IAM
   * `dynamodb:LeadingKeys`, see functions/api/tenant-credentials.ts). Without it, `db` is used.
   */
  dbFor?: DbFor;
  /** The Accounts port (user.invite, user.update); without it inviting answers UNAVAILABLE. */
  accounts?: Accounts;
  /** Whether a caller is disabled; the process-wide cache by default. */
  userStatus?: UserStatus;
  /** The public key of the audit anchors (SPKI PEM; issue 17 point 2). */
  anchorPublicKey?: string;
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
  const userStatus = deps.userStatus ?? processUserStatus;
  let identity = known !== undefined ? known : await identify(deps.verifyToken, req);
  const rawKey = req.headers.get('idempotency-key');
  let db = identity && deps.dbFor ? await deps.dbFor(identity) : deps.db;
  // A disabled user's token is still valid until it expires: it counts as no token at all (issue 13).
  if (identity && (await userStatus.isDisabled(db, identity))) {
    identity = null;
    db = deps.db;
  }
  const scope = identity ? scopeOf(identity) : null;
  const caller = identity;
  return {
    db,
    identity,
    scope,
    repos:
      caller && scope
        ? createRepositories(db, scope, async (collections) =>
            deps.dbFor ? deps.dbFor(caller, { collections }) : db,
          )
        : null,
    accounts: deps.accounts ?? null,
    userStatus,
    idempotencyKey:
      rawKey !== null && IDEMPOTENCY_KEY.test(rawKey) ? rawKey : rawKey === null ? null : 'invalid',
    requestId,
    anchorPublicKey: deps.anchorPublicKey ?? null,
  };
}

/** The caller as repositories bind to it: taken from the verified token only. */
export function scopeOf(identity: Identity): Scope {
  return {
    space: identity.space,
    reach: identity.reach,
    actor: identity.user,
    actorName: identity.name,
    organisation: identity.space,
    roles: identity.roles,
  };
}
