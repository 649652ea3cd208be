import type { Accounts } from '@regie/api';
import type { Db } from '@regie/db';
import { describe, expect, it } from 'vitest';
import { type ConnectDeps, connect } from './connect.ts';
import { resolveStage, TargetError } from './target.ts';

const local = { dynamoPort: 8000, tableName: 'regie', webPort: 5173 };
const who = { actor: 'platform:test' };

/** Fakes of the outside world, recording what they were asked. */
function fakes(outputs: Record<string, Record<string, string>>) {
  const asked: string[] = [];
  const fakeDb = (tableName: string): Db =>
    ({ tableName, doc: { destroy: () => asked.push(`destroy ${tableName}`) } }) as unknown as Db;
  const accounts: Accounts = {
    create: async () => ({ key: 'sub-1' }),
    setEnabled: async () => {},
    remove: async () => {},
  };
  const deps: ConnectDeps = {
    connectLocal: async (options) => {
      asked.push(`local ${options.dynamoPort} ${options.tableName}`);
      return fakeDb(options.tableName);
    },
    connectStage: async (options) => {
      asked.push(`stage table ${options.tableName} ${options.awsRegion ?? '-'}`);
      return fakeDb(options.tableName);
    },
    stackOutputs: () =>
      Object.assign(
        async (stack: string) => {
          asked.push(`outputs ${stack}`);
          const found = outputs[stack];
          if (!found) throw new Error(`Stack with id ${stack} does not exist`);
          return found;
        },
        { destroy: () => asked.push('outputs closed') },
      ),
    cognitoAccounts: (options) => {
      asked.push(`cognito ${options.userPoolId} ${options.awsRegion ?? '-'}`);
      return accounts;
    },
  };
  return { deps, asked };
}

const deployed = {
  'Regie-dev-Data': { TableName: 'Regie-dev-Data-TableCD117FA1-ABC' },
  'Regie-dev-Auth': { UserPoolId: 'eu-central-1_AbC123', WebClientId: 'x' },
};

describe('connect', () => {
  it('locally uses DynamoDB Local at DYNAMO_PORT and the table npm start uses', async () => {
    const { deps, asked } = fakes({});
    const connection = await connect({ kind: 'local' }, local, who, deps);
    expect(asked).toEqual(['local 8000 regie']);
    expect(connection.where).toBe('the local stack (DynamoDB Local on port 8000, table regie)');
    expect(connection.signIn('a@b.nl')).toBe(
      'The administrator signs in on http://127.0.0.1:5173 with the e-mail address a@b.nl.',
    );
  });

  it('with --stage reads the table and user pool from the stacks’ outputs and uses Cognito', async () => {
    const { deps, asked } = fakes(deployed);
    const connection = await connect(
      { kind: 'stage', stage: 'dev', awsRegion: 'eu-west-1' },
      local,
      who,
      deps,
    );
    expect(asked).toEqual([
      'outputs Regie-dev-Data',
      'outputs Regie-dev-Auth',
      'outputs closed',
      'stage table Regie-dev-Data-TableCD117FA1-ABC eu-west-1',
      'cognito eu-central-1_AbC123 eu-west-1',
    ]);
    expect(connection.where).toBe(
      'stage dev (table Regie-dev-Data-TableCD117FA1-ABC, user pool eu-central-1_AbC123)',
    );
    expect(connection.signIn('a@b.nl')).toMatch(/^Cognito e-mails a@b\.nl a temporary password/);
    connection.close();
    expect(asked.at(-1)).toBe('destroy Regie-dev-Data-TableCD117FA1-ABC');
  });

  it('takes --table and --user-pool instead of the outputs', async () => {
    const { deps, asked } = fakes({});
    await connect(
      { kind: 'stage', stage: 'prod', table: 't1', userPool: 'eu-central-1_X' },
      local,
      who,
      deps,
    );
    // Without --aws-region the table and pool are reached in the region the pool's id names.
    expect(asked).toEqual([
      'outputs closed',
      'stage table t1 eu-central-1',
      'cognito eu-central-1_X eu-central-1',
    ]);
  });
});

describe('resolveStage', () => {
  it('says which stack or output is missing and which flag replaces it', async () => {
    const { deps } = fakes({ 'Regie-dev-Data': {} });
    await expect(resolveStage({ kind: 'stage', stage: 'dev' }, deps.stackOutputs())).rejects.toThrow(
      new TargetError('Stack Regie-dev-Data has no output TableName; deploy it first or give --table'),
    );
    await expect(
      resolveStage({ kind: 'stage', stage: 'dev', table: 't' }, deps.stackOutputs()),
    ).rejects.toThrow(
      /^Could not read the outputs of stack Regie-dev-Auth \(Stack with id Regie-dev-Auth does not exist\).*--user-pool$/,
    );
  });
});
