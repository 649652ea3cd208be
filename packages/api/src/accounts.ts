import type { Role } from '@regie/core';
import { type CreatedUser, createUser, type Db, readUserByEmail, type Scope } from '@regie/db';

/**
 * The Accounts port (issue 13): where a person's login lives. In AWS a Cognito user (accounts-cognito.ts: the key is
 * its `sub`, Cognito e-mails a temporary password); locally a login item the dev issuer reads
 * (packages/local/src/accounts-local.ts: the key is the e-mail address). The user's record — roles, disabled — is
 * always Regie's own, in the table; the account only signs the person in.
 */
export interface Accounts {
  /** A new login for the address; CONFLICT `user.emailInUse` when the address already has one. */
  create(input: { space: string; email: string; name: string }): Promise<{ key: string }>;
  /** Disabling also ends the account's sessions (Cognito: global sign-out). */
  setEnabled(input: { space: string; key: string; email: string | null; enabled: boolean }): Promise<void>;
  /** Compensation: the login created for a user whose record could not be written. */
  remove(input: { space: string; key: string; email: string }): Promise<void>;
}

/**
 * A person's login and user record, in that order (the record needs the login's key); the login is removed again
 * when the record cannot be written. Idempotent: a user holding the address in the space is reported
 * (`created: false`) without creating a login. Used by `user.invite` and by the onboarding command.
 */
export async function createUserWithAccount(
  db: Db,
  actor: Scope,
  accounts: Accounts,
  input: { space: string; name: string; email: string; roles: Role[] },
): Promise<CreatedUser> {
  const email = input.email.toLowerCase();
  const existing = await readUserByEmail(db, input.space, email);
  if (existing) return { key: existing.key, created: false };
  const { key } = await accounts.create({ space: input.space, email, name: input.name });
  try {
    const created = await createUser(db, actor, { ...input, email, key });
    // Another request took the address meanwhile with another login: this one is not needed.
    if (!created.created && created.key !== key) await accounts.remove({ space: input.space, key, email });
    return created;
  } catch (error) {
    await accounts.remove({ space: input.space, key, email }).catch(() => {});
    throw error;
  }
}
