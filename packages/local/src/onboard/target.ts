import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { DomainError } from '@regie/core';
import { createDocumentClient, type Db, platformKeys } from '@regie/db';
import type { Target } from './args.ts';

/** A target that cannot be reached or named; its message is the one line the user sees. */
export class TargetError extends Error {
  override name = 'TargetError';
}

/** A deployed stage's outputs by stack name (CloudFormation DescribeStacks in the CLI, a fake in tests). */
export type StackOutputs = (stackName: string) => Promise<Record<string, string>>;

/** The stack names and output keys infra/lib/regie-app.ts and its stacks define. */
export const stageStacks = (stage: string) => ({
  data: `Regie-${stage}-Data`,
  auth: `Regie-${stage}-Auth`,
  tableOutput: 'TableName',
  userPoolOutput: 'UserPoolId',
});

/** The deployed table and user pool: from the flags where given, else from the stacks' outputs. */
export async function resolveStage(
  target: Extract<Target, { kind: 'stage' }>,
  outputs: StackOutputs,
): Promise<{ tableName: string; userPoolId: string }> {
  const stacks = stageStacks(target.stage);
  const read = async (stack: string, key: string, flag: string) => {
    let values: Record<string, string>;
    try {
      values = await outputs(stack);
    } catch (error) {
      throw new TargetError(
        `Could not read the outputs of stack ${stack} (${firstLine(error)}); check your AWS credentials and region, or give ${flag}`,
      );
    }
    const value = values[key];
    if (!value) throw new TargetError(`Stack ${stack} has no output ${key}; deploy it first or give ${flag}`);
    return value;
  };
  return {
    tableName: target.table ?? (await read(stacks.data, stacks.tableOutput, '--table')),
    userPoolId: target.userPool ?? (await read(stacks.auth, stacks.userPoolOutput, '--user-pool')),
  };
}

/** The running local stack's DynamoDB Local (`npm start`), checked to answer and to hold the table. */
export async function connectLocal(options: { dynamoPort: number; tableName: string }): Promise<Db> {
  const endpoint = `http://127.0.0.1:${options.dynamoPort}`;
  const db: Db = { doc: createDocumentClient({ endpoint }), tableName: options.tableName };
  await probe(db, {
    unreachable: `DynamoDB Local does not answer on ${endpoint}; start Regie with \`npm start\` (or set DYNAMO_PORT to the port it runs on)`,
    noTable: `DynamoDB Local on ${endpoint} has no table ${options.tableName}; start Regie with \`npm start\` once (or set TABLE_NAME)`,
  });
  return db;
}

/** A deployed stage's table, with the credentials and region of the caller's AWS configuration. */
export async function connectStage(options: { tableName: string; awsRegion?: string }): Promise<Db> {
  const db: Db = {
    doc: createDocumentClient({ region: options.awsRegion, requestTimeoutMs: 10_000 }),
    tableName: options.tableName,
  };
  await probe(db, {
    unreachable: `DynamoDB does not answer for table ${options.tableName}; check your AWS credentials and region`,
    noTable: `Table ${options.tableName} does not exist in this account and region; check --stage, --table or --aws-region`,
  });
  return db;
}

/** One cheap read (of the platform's list of spaces) that fails the way a missing stack or table does. */
async function probe(db: Db, messages: { unreachable: string; noTable: string }): Promise<void> {
  try {
    await db.doc.send(new GetCommand({ TableName: db.tableName, Key: platformKeys.space('GM0000') }));
  } catch (error) {
    db.doc.destroy();
    if ((error as Error)?.name === 'ResourceNotFoundException') throw new TargetError(messages.noTable);
    if (error instanceof DomainError || isConnectionError(error)) throw new TargetError(messages.unreachable);
    throw new TargetError(`${messages.unreachable} (${firstLine(error)})`);
  }
}

function isConnectionError(error: unknown): boolean {
  const e = error as { code?: string; name?: string; cause?: unknown; errors?: unknown[] } | undefined;
  if (!e) return false;
  if (['ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH', 'TimeoutError'].includes(e.code ?? e.name ?? ''))
    return true;
  return (e.errors ?? []).some(isConnectionError) || (e.cause !== undefined && isConnectionError(e.cause));
}

const firstLine = (error: unknown) => String((error as Error)?.message ?? error).split('\n')[0];
