import type { Accounts } from '@regie/api';
import type { Db, PlatformActor } from '@regie/db';
import { accountsAdminPort, localAdminPort } from './admins.ts';
import type { Target } from './args.ts';
import type { AdminPort } from './run.ts';
import { resolveStage, type StackOutputs } from './target.ts';

/** Where a run writes, and what it says about it. */
export interface Connection {
  db: Db;
  admins: AdminPort;
  /** One line naming the table (and user pool) written to. */
  where: string;
  /** What the administrator does next, once it exists. */
  signIn(email: string): string;
  close(): void;
}

/** The outside world a connection is made of; the CLI passes the real ones, tests fakes. */
export interface ConnectDeps {
  connectLocal(options: { dynamoPort: number; tableName: string }): Promise<Db>;
  connectStage(options: { tableName: string; awsRegion?: string }): Promise<Db>;
  stackOutputs(awsRegion?: string): StackOutputs & { destroy?(): void };
  cognitoAccounts(options: { userPoolId: string; awsRegion?: string }): Accounts & { destroy?(): void };
}

export async function connect(
  target: Target,
  local: { dynamoPort: number; tableName: string; webPort: number },
  who: PlatformActor,
  deps: ConnectDeps,
): Promise<Connection> {
  if (target.kind === 'local') {
    const db = await deps.connectLocal(local);
    return {
      db,
      admins: localAdminPort(db, who),
      where: `the local stack (DynamoDB Local on port ${local.dynamoPort}, table ${local.tableName})`,
      signIn: (email) =>
        `The administrator signs in on http://127.0.0.1:${local.webPort} with the e-mail address ${email}.`,
      close: () => db.doc.destroy(),
    };
  }
  const outputs = deps.stackOutputs(target.awsRegion);
  let names: { tableName: string; userPoolId: string };
  try {
    names = await resolveStage(target, outputs);
  } finally {
    outputs.destroy?.();
  }
  // The table lives in the stage's region, which the user pool's id names (`eu-central-1_AbC123`).
  const awsRegion = target.awsRegion ?? names.userPoolId.split('_')[0];
  const db = await deps.connectStage({ tableName: names.tableName, awsRegion });
  const accounts = deps.cognitoAccounts({ userPoolId: names.userPoolId, awsRegion });
  return {
    db,
    admins: accountsAdminPort(db, who, accounts),
    where: `stage ${target.stage} (table ${names.tableName}, user pool ${names.userPoolId})`,
    signIn: (email) =>
      `Cognito e-mails ${email} a temporary password; the administrator signs in on the stage's web app with it.`,
    close: () => {
      db.doc.destroy();
      accounts.destroy?.();
    },
  };
}
