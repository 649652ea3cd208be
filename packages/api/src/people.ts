import {
  adminRoleOf,
  DomainError,
  spaceKind,
  type User,
  type UserInviteInput,
  type UserUpdateInput,
} from '@regie/core';
import type { Db, Repositories, Scope } from '@regie/db';
import { type Accounts, createUserWithAccount } from './accounts.ts';
import type { Identity } from './auth.ts';
import type { UserStatus } from './user-status.ts';

/**
 * People of the caller's own space (issue 13): what `user.invite` and `user.update` do beyond the repository — the
 * login (Accounts port) next to the record, and the process's disabled-cache dropped where the change was made.
 */
interface PeopleContext {
  db: Db;
  identity: Identity;
  scope: Scope;
  repos: Repositories;
  accounts: Accounts | null;
  userStatus: UserStatus;
}

/** Only the admin role of the caller's own kind of space manages its people (a token could hold nothing else). */
function assertSpaceAdmin(identity: Identity): void {
  if (!identity.roles.includes(adminRoleOf(spaceKind(identity.space)))) {
    throw new DomainError('FORBIDDEN', 'request.forbidden', { message: 'Your role may not do this' });
  }
}

function accountsOf(ctx: PeopleContext): Accounts {
  if (!ctx.accounts) {
    throw new DomainError('UNAVAILABLE', 'server.unavailable', {
      message: 'No account directory configured',
    });
  }
  return ctx.accounts;
}

export function listUsers(ctx: PeopleContext, page: { cursor?: string; limit: number }) {
  assertSpaceAdmin(ctx.identity);
  return ctx.repos.users.list(page);
}

/** A login (Cognito e-mails a temporary password) and the user record with its audit event. */
export async function inviteUser(ctx: PeopleContext, input: UserInviteInput): Promise<{ key: string }> {
  assertSpaceAdmin(ctx.identity);
  const created = await createUserWithAccount(ctx.db, ctx.scope, accountsOf(ctx), {
    space: ctx.identity.space,
    ...input,
  });
  if (!created.created) {
    throw new DomainError('CONFLICT', 'user.emailInUse', {
      field: 'email',
      message: 'There already is a user with this e-mail address',
    });
  }
  return { key: created.key };
}

/**
 * Roles and the disabled flag (core's rules, users.ts). Disabling also ends the account's sessions; a new role
 * reaches the person at their next token. Asking to disable or enable again, when the record already says so,
 * repeats the account step (a retry after the account call failed).
 */
export async function updateUser(ctx: PeopleContext, input: UserUpdateInput): Promise<User> {
  assertSpaceAdmin(ctx.identity);
  const { before, after, changed } = await ctx.repos.users.update(input);
  ctx.userStatus.forget(ctx.db, after.space, after.key);
  if (input.disabled !== undefined && (!changed || before.disabled !== after.disabled)) {
    await accountsOf(ctx).setEnabled({
      space: after.space,
      key: after.key,
      email: after.email,
      enabled: !after.disabled,
    });
  }
  return after;
}
