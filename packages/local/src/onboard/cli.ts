import { DomainError } from '@regie/core';
import { OnboardingError } from '@regie/db';
import { LocalStackError } from '../dynamo-local.ts';
import { type Command, parseCommand, type Target, USAGE, UsageError } from './args.ts';
import type { Connection } from './connect.ts';
import { PlanError, subjectSpace } from './plan.ts';
import { runOnboarding } from './run.ts';
import { TargetError } from './target.ts';

/** What a run of the command line needs from outside: a connection to its target, and its two outputs. */
export interface CliIo {
  connect(target: Target): Promise<Connection>;
  who: { actor: string; actorName?: string };
  print(line: string): void;
  printError(line: string): void;
}

/**
 * One run of `npm run tenant -- …`. Exit codes: 0 done (or nothing to do), 1 refused or failed, 2 bad usage.
 * Every refusal is one line starting with `tenant:`.
 */
export async function execute(argv: readonly string[], io: CliIo): Promise<number> {
  let command: Command;
  try {
    command = parseCommand(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.printError(`tenant: ${error.message}`);
    return 2;
  }
  if (command.command === 'help') {
    io.print(USAGE);
    return 0;
  }
  let connection: Connection | undefined;
  let writing = false;
  try {
    connection = await io.connect(command.target);
    io.print(`Onboarding ${subjectSpace(command)} on ${connection.where}.`);
    const result = await runOnboarding(command, {
      ...connection,
      who: io.who,
      print: io.print,
      onApply: () => {
        writing = true;
      },
    });
    const admin = result.steps.find((step) => step.what.item === 'admin')?.what;
    if (admin?.item === 'admin' && !command.dryRun) io.print(connection.signIn(admin.email));
    return 0;
  } catch (error) {
    const after = writing
      ? 'the steps listed above are done; run the command again to finish'
      : 'nothing was written';
    io.printError(`tenant: ${explain(error)}; ${after}.`);
    return 1;
  } finally {
    connection?.close();
  }
}

function explain(error: unknown): string {
  if (
    error instanceof PlanError ||
    error instanceof TargetError ||
    error instanceof OnboardingError ||
    error instanceof LocalStackError
  ) {
    return error.message;
  }
  if (error instanceof DomainError) return `${error.message} (${error.reason})`;
  return `failed: ${String((error as Error)?.message ?? error).split('\n')[0]}`;
}
