import type { Accounts } from '@regie/api';
import { type Db, deleteLogin, putLogin } from '@regie/db';

/**
 * The local Accounts adapter: a person invited locally signs in with their e-mail address (POST /dev/token), which
 * is also their user key. The login item (`PLATFORM#LOGINS`, one per address) tells the dev issuer the person's
 * space. Enabling and disabling need nothing here: the dev issuer reads `disabled` from the user's record.
 */
export function createLocalAccounts(db: Db): Accounts {
  return {
    async create({ space, email }) {
      await putLogin(db, { email, space, key: email });
      return { key: email };
    },
    async setEnabled() {},
    async remove({ email }) {
      await deleteLogin(db, email);
    },
  };
}
