import { type Db, readUser } from '@regie/db';
import type { Identity } from './auth.ts';

/** How long a user's disabled flag is trusted in one process (issue 13: a disabled user's token stops within it). */
export const USER_STATUS_TTL_MS = 60_000;
const MAX_ENTRIES = 5_000;

export interface UserStatus {
  /** Whether the caller's own record says disabled (a GetItem in its own space, then cached). */
  isDisabled(db: Db, identity: Identity): Promise<boolean>;
  /** Drops what is known of a user at once (the process that made the change). */
  forget(db: Db, space: string, key: string): void;
}

/**
 * A token stays valid until it expires, so the API checks the bearer's record: a user disabled by the space's
 * administrator is answered as if it sent no token (401). The answer is cached per process for at most
 * `ttlMs`, keyed by table, space and user (tests run several tables in one process).
 */
export function createUserStatus(ttlMs = USER_STATUS_TTL_MS, now: () => number = Date.now): UserStatus {
  const known = new Map<string, { disabled: boolean; until: number }>();
  const id = (db: Db, space: string, key: string) => `${db.tableName}\n${space}\n${key}`;
  return {
    async isDisabled(db, identity) {
      const entry = id(db, identity.space, identity.user);
      const hit = known.get(entry);
      if (hit && now() < hit.until) return hit.disabled;
      const user = await readUser(db, identity.space, identity.user);
      const disabled = user?.disabled === true;
      known.delete(entry);
      if (known.size >= MAX_ENTRIES) known.delete(known.keys().next().value!);
      known.set(entry, { disabled, until: now() + ttlMs });
      return disabled;
    },
    forget(db, space, key) {
      known.delete(id(db, space, key));
    },
  };
}

/** The process's own cache, shared by the tRPC and files apps of this process. */
export const processUserStatus = createUserStatus();
