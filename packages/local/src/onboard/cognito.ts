import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import type { Accounts } from '@regie/api';
import { createCognitoAccounts } from '@regie/api/accounts-cognito';

/**
 * A stage's accounts: its Cognito user pool through the people's Cognito adapter (the same one `user.invite` uses
 * in AWS; AdminCreateUser e-mails the temporary password). The pool's region is the one its id starts with unless
 * --aws-region says otherwise, so the command needs no region configured to reach it.
 */
export function cognitoAccounts(options: { userPoolId: string; awsRegion?: string }): Accounts & {
  destroy(): void;
} {
  const region = options.awsRegion ?? options.userPoolId.split('_')[0];
  const client = new CognitoIdentityProviderClient({ maxAttempts: 2, ...(region ? { region } : {}) });
  return Object.assign(createCognitoAccounts({ userPoolId: options.userPoolId, client }), {
    destroy: () => client.destroy(),
  });
}
