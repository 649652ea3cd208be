import {
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminUserGlobalSignOutCommand,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { DomainError } from '@regie/core';
import type { Accounts } from './accounts.ts';

/** What the adapter needs of the SDK client (a stand-in in unit tests). */
export interface CognitoSender {
  send(command: unknown): Promise<unknown>;
}

const emailInUse = () =>
  new DomainError('CONFLICT', 'user.emailInUse', { field: 'email', message: 'E-mail address in use' });

/**
 * The Accounts port on a Cognito user pool (AWS). The pool signs in by e-mail (username attribute), so a new
 * user's key is its `sub`; Cognito e-mails the temporary password itself. The admin calls name the user by that
 * `sub`, which the pool accepts as the username. Disabling also signs the user out everywhere (refresh tokens
 * revoked); the pre token trigger refuses a disabled user from the user record anyway (functions/auth/claims.ts).
 * The API function's role may call exactly these five actions on this pool (infra/lib/stacks/api-stack.ts).
 */
export function createCognitoAccounts(options: { userPoolId: string; client?: CognitoSender }): Accounts {
  // Built on the first account change, not at start: most execution environments never make one, and a client's
  // configuration is resolved when it is constructed (part of the Lambda cold start, docs/benchmarks.md).
  let built: CognitoSender | undefined = options.client;
  const client: CognitoSender = {
    send(command) {
      if (!built) built = new CognitoIdentityProviderClient({ maxAttempts: 2 });
      return built.send(command as never);
    },
  };
  const UserPoolId = options.userPoolId;
  return {
    async create({ space, email, name }) {
      let output: { User?: { Attributes?: { Name?: string; Value?: string }[] } };
      try {
        output = (await client.send(
          new AdminCreateUserCommand({
            UserPoolId,
            Username: email,
            UserAttributes: [
              { Name: 'email', Value: email },
              { Name: 'email_verified', Value: 'true' },
              { Name: 'name', Value: name },
              { Name: 'custom:space', Value: space },
            ],
            DesiredDeliveryMediums: ['EMAIL'],
          }),
        )) as typeof output;
      } catch (error) {
        const code = (error as Error)?.name;
        if (code === 'UsernameExistsException' || code === 'AliasExistsException') throw emailInUse();
        throw error;
      }
      const sub = output.User?.Attributes?.find((a) => a.Name === 'sub')?.Value;
      if (!sub) throw new Error('Cognito created a user without a sub');
      return { key: sub };
    },
    async setEnabled({ key, enabled }) {
      if (enabled) {
        await client.send(new AdminEnableUserCommand({ UserPoolId, Username: key }));
        return;
      }
      await client.send(new AdminDisableUserCommand({ UserPoolId, Username: key }));
      await client.send(new AdminUserGlobalSignOutCommand({ UserPoolId, Username: key }));
    },
    async remove({ key }) {
      try {
        await client.send(new AdminDeleteUserCommand({ UserPoolId, Username: key }));
      } catch (error) {
        if ((error as Error)?.name !== 'UserNotFoundException') throw error;
      }
    },
  };
}
