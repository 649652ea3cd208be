import { DomainError } from '@regie/core';
import { describe, expect, it } from 'vitest';
import { type CognitoSender, createCognitoAccounts } from './accounts-cognito.ts';

/** A stand-in for the SDK client: records each command's name and input, answers or throws as told. */
function fakeCognito(answer: (name: string) => unknown = () => ({})) {
  const calls: { name: string; input: Record<string, unknown> }[] = [];
  const client: CognitoSender = {
    async send(command) {
      const { constructor: kind, input } = command as {
        constructor: { name: string };
        input: Record<string, unknown>;
      };
      calls.push({ name: kind.name, input });
      const result = answer(kind.name);
      if (result instanceof Error) throw result;
      return result;
    },
  };
  return { client, calls };
}

const named = (name: string) => Object.assign(new Error(name), { name });

describe('the Cognito Accounts adapter', () => {
  it('creates a user by e-mail with its space, lets Cognito mail the password, and keys it by sub', async () => {
    const { client, calls } = fakeCognito(() => ({
      User: { Attributes: [{ Name: 'sub', Value: '7f3c2a9e-1b4d-4e8a-9c1f-2d3e4f5a6b7c' }] },
    }));
    const accounts = createCognitoAccounts({ userPoolId: 'eu-central-1_Pool', client });
    expect(await accounts.create({ space: 'GM0200', email: 'beheer@apeldoorn.nl', name: 'Anna' })).toEqual({
      key: '7f3c2a9e-1b4d-4e8a-9c1f-2d3e4f5a6b7c',
    });
    expect(calls).toEqual([
      {
        name: 'AdminCreateUserCommand',
        input: {
          UserPoolId: 'eu-central-1_Pool',
          Username: 'beheer@apeldoorn.nl',
          UserAttributes: [
            { Name: 'email', Value: 'beheer@apeldoorn.nl' },
            { Name: 'email_verified', Value: 'true' },
            { Name: 'name', Value: 'Anna' },
            { Name: 'custom:space', Value: 'GM0200' },
          ],
          DesiredDeliveryMediums: ['EMAIL'],
        },
      },
    ]);
  });

  it('answers a taken address with user.emailInUse', async () => {
    for (const error of ['UsernameExistsException', 'AliasExistsException']) {
      const { client } = fakeCognito(() => named(error));
      const refused = await createCognitoAccounts({ userPoolId: 'p', client })
        .create({ space: 'GM0200', email: 'a@b.nl', name: 'A' })
        .catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(DomainError);
      expect((refused as DomainError).reason).toBe('user.emailInUse');
    }
  });

  it('disables with a global sign-out, enables, and removes by sub', async () => {
    const { client, calls } = fakeCognito();
    const accounts = createCognitoAccounts({ userPoolId: 'p', client });
    await accounts.setEnabled({ space: 'GM0200', key: 'sub-1', email: 'a@b.nl', enabled: false });
    await accounts.setEnabled({ space: 'GM0200', key: 'sub-1', email: 'a@b.nl', enabled: true });
    await accounts.remove({ space: 'GM0200', key: 'sub-1', email: 'a@b.nl' });
    expect(calls.map((c) => [c.name, c.input.Username])).toEqual([
      ['AdminDisableUserCommand', 'sub-1'],
      ['AdminUserGlobalSignOutCommand', 'sub-1'],
      ['AdminEnableUserCommand', 'sub-1'],
      ['AdminDeleteUserCommand', 'sub-1'],
    ]);
  });

  it('treats removing a user that is already gone as done', async () => {
    const { client } = fakeCognito(() => named('UserNotFoundException'));
    await expect(
      createCognitoAccounts({ userPoolId: 'p', client }).remove({
        space: 'GM0200',
        key: 's',
        email: 'a@b.nl',
      }),
    ).resolves.toBeUndefined();
  });
});
