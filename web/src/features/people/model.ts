import { ROLES, type Role, rolesFitSpace, type User } from '@regie/core/browser';

/**
 * The people of one's own space (issue 13 point 2), as the page shows and changes them. The rules themselves live
 * in core and the API (the last admin, roles that fit the space, the unique e-mail); this only decides what the
 * page offers, so nothing offered is refused for a reason the page could have known.
 */

/** The kinds of space a user belongs to (`me.get`'s organisation kind). */
export type SpaceKindName = 'municipality' | 'region' | 'provider';

/** Who manages the people of a space: its administrator — `admin` in a municipality or region, `provider_admin`. */
export const PEOPLE_ADMIN_ROLES: readonly Role[] = ['admin', 'provider_admin'];

export function managesPeople(roles: readonly string[]): boolean {
  return roles.some((role) => (PEOPLE_ADMIN_ROLES as readonly string[]).includes(role));
}

/** The roles a user of a space of this kind may hold, in the product's order (core's `rolesFitSpace`). */
export function rolesOffered(kind: string): Role[] {
  if (kind !== 'municipality' && kind !== 'region' && kind !== 'provider') return [];
  return ROLES.filter((role) => rolesFitSpace(kind, [role]));
}

/** A user's roles in the product's order (the order of the role checkboxes), unknown ones left out. */
export function orderedRoles(roles: readonly string[]): Role[] {
  return ROLES.filter((role) => roles.includes(role));
}

/** Whether two role lists hold the same roles, whatever their order. */
export function sameRoles(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((role) => b.includes(role));
}

/** Whether the page offers to disable this user: not oneself (the API refuses `user.selfDisable` too). */
export function canDisable(user: Pick<User, 'key' | 'disabled'>, me: { key: string }): boolean {
  return !user.disabled && user.key !== me.key;
}

/** Active people first, each group by name (Dutch collation). */
export function sortPeople<U extends Pick<User, 'name' | 'disabled' | 'key'>>(users: readonly U[]): U[] {
  const collator = new Intl.Collator('nl', { sensitivity: 'base' });
  return [...users].sort(
    (a, b) =>
      Number(a.disabled) - Number(b.disabled) ||
      collator.compare(a.name, b.name) ||
      a.key.localeCompare(b.key),
  );
}
