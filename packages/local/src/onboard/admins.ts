import { type Accounts, createUserWithAccount } from '@regie/api';
import { DomainError } from '@regie/core';
import {
  type Db,
  OnboardingError,
  type PlatformActor,
  platformScope,
  readLogin,
  readUserByEmail,
} from '@regie/db';
import { createLocalAccounts } from '../accounts-local.ts';
import type { AdminState } from './plan.ts';
import type { AdminPort } from './run.ts';

/**
 * The first administrator through the people's own path (createUserWithAccount: the account first, then the user
 * record with its `user.invite` event on the space's chain, the account removed again if the record fails) — the
 * same code `user.invite` runs, behind the Accounts port: Cognito for a stage, the local login item locally.
 */
export function accountsAdminPort(
  db: Db,
  who: PlatformActor,
  accounts: Accounts,
  /** Where an address already signs in, when the target can tell (locally: the login item). */
  findLogin: (email: string) => Promise<{ space: string; key: string } | null> = async () => null,
): AdminPort {
  return {
    async find(space, email): Promise<AdminState> {
      const user = await readUserByEmail(db, space, email);
      if (user) return { state: 'present', space, key: user.key, roles: user.roles, name: user.name };
      const login = await findLogin(email);
      if (login && login.space !== space)
        return { state: 'present', space: login.space, key: login.key, roles: [] };
      return { state: 'absent' };
    },
    async create({ space, email, name, role }) {
      try {
        const result = await createUserWithAccount(db, platformScope(space, who), accounts, {
          space,
          email,
          name,
          roles: [role],
        });
        return result.created ? 'created' : 'exists';
      } catch (error) {
        if (error instanceof DomainError && error.reason === 'user.emailInUse') {
          throw new OnboardingError(`${email} already has an account elsewhere; give another e-mail address`);
        }
        throw error;
      }
    },
  };
}

/**
 * Locally: the login item is the account. A login of this space without its user record (a run stopped between the
 * two) is taken up again instead of refused, so running the command again finishes the job.
 */
export function localAdminPort(db: Db, who: PlatformActor): AdminPort {
  const base = createLocalAccounts(db);
  const accounts: Accounts = {
    ...base,
    async create(input) {
      const login = await readLogin(db, input.email);
      if (login && login.space === input.space) return { key: login.key };
      return base.create(input);
    },
  };
  return accountsAdminPort(db, who, accounts, (email) => readLogin(db, email));
}
