import * as z from 'zod/mini';
import { ROLES, type Role } from './roles.ts';
import { text } from './schema.ts';

/**
 * People of a space (SPEC §1, issue 13): listed, invited and changed by the space's own administrator — `admin` in a
 * municipality or region, `provider_admin` in a provider. Roles are data on the user's record and reach the API only
 * inside the next token (a role change takes effect at the next sign-in or token refresh).
 */

/** A user's key: the Cognito `sub` in AWS, the e-mail address for users invited locally, `ermelo.inkoper` for seeds. */
export const USER_KEY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._@+-]{0,253}$/;
export const userKeySchema = () =>
  z.string().check(z.maxLength(254), z.regex(USER_KEY_PATTERN, 'Invalid user key'));

/** An e-mail address, compared and stored in lower case (Cognito signs in case-insensitively). */
export const emailSchema = () =>
  z.pipe(
    z
      .string()
      .check(z.maxLength(254), z.regex(/^[^\s@]{1,64}@[^\s@]+\.[^\s@]{2,}$/, 'Invalid e-mail address')),
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
