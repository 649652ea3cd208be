import * as z from 'zod/mini';
import { DomainError } from './errors.ts';
import { rolesFitSpace } from './offer.ts';
import { ROLES, type Role } from './roles.ts';
import { text } from './schema.ts';
import { type SpaceKind, spaceKind } from './spaces.ts';

/**
 * People of a space (SPEC §1, issue 13): listed, invited and changed by the space's own administrator — `admin` in a
 * municipality or region, `provider_admin` in a provider. Roles are data on the user's record and reach the API only
 * inside the next token (a role change takes effect at the next sign-in or token refresh).
 */

/** A user's key: the Cognito `sub` in AWS, the e-mail address for users invited locally, `ermelo.inkoper` for seeds. */
export const USER_KEY_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9._%'@+-]{0,253}$/;

/**
 * The e-mail addresses Regie accepts: the usual local-part characters (no `#`, which separates key parts, and no
 * quoting), so that an address used as a local user key is always a valid key.
 */
const EMAIL_PATTERN =
  /^[A-Za-z0-9_][A-Za-z0-9._%'+-]{0,63}@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}$/;
export const userKeySchema = () =>
  z.string().check(z.maxLength(254), z.regex(USER_KEY_PATTERN, 'Invalid user key'));

/** An e-mail address, compared and stored in lower case (Cognito signs in case-insensitively). */
export const emailSchema = () =>
  z.pipe(
    z.string().check(z.maxLength(254), z.regex(EMAIL_PATTERN, 'Invalid e-mail address')),
    z.transform((value) => value.trim().toLowerCase()),
  );

const rolesSchema = () =>
  z.array(z.enum(ROLES)).check(
    z.minLength(1),
    z.maxLength(ROLES.length),
    z.refine((list) => new Set(list).size === list.length, 'Each role once'),
  );

/** `user.invite {name, email, roles}` → `{key}` (SPEC §7). */
export const userInviteInput = z.strictObject({
  name: text(200, 1),
  email: emailSchema(),
  roles: rolesSchema(),
});
export type UserInviteInput = z.infer<typeof userInviteInput>;

/** `user.update {key, expectedVersion, roles?, disabled?}` (SPEC §7). */
export const userUpdateInput = z.strictObject({
  key: userKeySchema(),
  expectedVersion: z.int().check(z.gte(1), z.lte(1_000_000_000)),
  roles: z.optional(rolesSchema()),
  disabled: z.optional(z.boolean()),
});
export type UserUpdateInput = z.infer<typeof userUpdateInput>;

/** A user as `user.list` shows it to its space's administrator. */
export interface User {
  key: string;
  name: string;
  /** Absent on records written before issue 13 (the seed users). */
  email: string | null;
  space: string;
  roles: Role[];
  disabled: boolean;
  version: number;
  createdAt: string | null;
  updatedAt: string | null;
}

/** The role that manages a space's people: `provider_admin` in a provider, `admin` in a municipality or region. */
export function adminRoleOf(kind: SpaceKind): Role {
  return kind === 'provider' ? 'provider_admin' : 'admin';
}

/** Whether a user counts as an administrator of its space: active and holding the space's admin role. */
export function isActiveAdmin(user: Pick<User, 'space' | 'roles' | 'disabled'>): boolean {
  return !user.disabled && user.roles.includes(adminRoleOf(spaceKind(user.space)));
}

/** Roles must fit the space's kind (municipal roles in a municipality or region, provider roles in a provider). */
export function assertRolesFitSpace(space: string, roles: readonly Role[]): void {
  const kind = spaceKind(space);
  if (!rolesFitSpace(kind, roles)) {
    throw new DomainError('BAD_REQUEST', 'user.rolesDoNotFit', {
      params: { spaceKind: kind },
      field: 'roles',
      message: `A role does not fit a ${kind} space`,
    });
  }
}

/** A user record as stored: fields written before issue 13 may be absent. */
export interface StoredUser {
  key: string;
  name: string;
  space: string;
  roles: Role[];
  email?: string;
  disabled?: boolean;
  version?: number;
  createdAt?: string;
  updatedAt?: string;
  createdBy?: string;
}

/** The `User` of a stored record: a record without a version is at 1, without `disabled` active. */
export function toUser(record: StoredUser): User {
  return {
    key: record.key,
    name: record.name,
    email: record.email ?? null,
    space: record.space,
    roles: [...record.roles],
    disabled: record.disabled === true,
    version: record.version ?? 1,
    createdAt: record.createdAt ?? null,
    updatedAt: record.updatedAt ?? null,
  };
}

export interface UserChange {
  /** Who asks (the token's subject). */
  actor: string;
  /** The user as read, in the caller's own space. */
  target: User;
  expectedVersion: number;
  roles?: readonly Role[];
  disabled?: boolean;
  /**
   * The other active administrators of the space (keys), read after the space's chain head so a concurrent
   * change fails the write; only consulted when the change would take the target's admin rights away.
   */
  otherActiveAdmins: () => readonly string[];
}

/**
 * The rules of `user.update` (pure): the version the admin saw, roles that fit the space, no disabling oneself,
 * and never leaving the space without an active administrator. Returns the user as it will be stored.
 */
export function applyUserChange(change: UserChange): User {
  const { target, actor } = change;
  if (target.version !== change.expectedVersion) {
    throw new DomainError('CONFLICT', 'user.versionConflict', {
      params: { version: target.version, expectedVersion: change.expectedVersion },
      message: `The user was changed (version ${target.version}, you sent ${change.expectedVersion}); reload and try again`,
    });
  }
  const roles = change.roles ? [...change.roles] : target.roles;
  if (change.roles) assertRolesFitSpace(target.space, roles);
  const disabled = change.disabled ?? target.disabled;
  if (disabled && !target.disabled && target.key === actor) {
    throw new DomainError('BAD_REQUEST', 'user.selfDisable', {
      field: 'disabled',
      message: 'You cannot disable yourself',
    });
  }
  const next: User = { ...target, roles, disabled };
  if (isActiveAdmin(target) && !isActiveAdmin(next) && change.otherActiveAdmins().length === 0) {
    throw new DomainError('CONFLICT', 'user.lastAdmin', {
      params: { role: adminRoleOf(spaceKind(target.space)) },
      message: 'The space would be left without an active administrator',
    });
  }
  return next;
}

/** Whether a change changes anything at all (a no-op is answered without a write). */
export function userChanged(before: User, after: User): boolean {
  return (
    before.disabled !== after.disabled ||
    before.roles.length !== after.roles.length ||
    before.roles.some((role, i) => after.roles[i] !== role)
  );
}
