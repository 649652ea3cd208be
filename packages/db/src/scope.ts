import { type NotFoundSubject, notFound, type Role } from '@regie/core';

/** Who is asking, taken from the verified token only. Repositories are bound to it per request. */
export interface Scope {
  /** The caller's home space (a municipality or provider). Writes go here unless a reachable region is named. */
  space: string;
  /** Every space the caller may read: the home space plus the regions its municipality belongs to. */
  reach: readonly string[];
  /** The user key, recorded as actor in audit events. */
  actor: string;
  /**
   * The person's display name (the token's `name` claim), stored next to the key wherever the caller is recorded
   * as having done something, so a read shows a name without a lookup. Absent, readers fall back to the key.
   */
  actorName?: string;
  /** The caller's organisation id, recorded in audit events. */
  organisation: string;
  roles: readonly Role[];
}

/**
 * The one reach check: a space outside the caller's reach answers NOT_FOUND exactly like a missing object
 * (`what not found`), so a caller cannot tell another tenant's space from one that does not exist.
 */
export function assertReach(scope: Scope, space: string, what: NotFoundSubject = 'Space'): void {
  if (!scope.reach.includes(space)) throw notFound(what);
}
