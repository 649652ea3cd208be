import type { Role } from '@regie/core';
import {
  createSpaceRecord,
  type Db,
  joinRegion,
  type OnboardingOutcome,
  type PlatformActor,
  readSpace,
  type SpaceRecord,
} from '@regie/db';
import type { Command } from './args.ts';
import {
  type AdminState,
  describe,
  formatPlan,
  planOnboarding,
  type Step,
  spacesToRead,
  subjectSpace,
} from './plan.ts';

/** How the command finds and creates the first administrator (the user record with its account). */
export interface AdminPort {
  /** The user holding the e-mail address in `space`, or where else it signs in, if the target can tell. */
  find(space: string, email: string): Promise<AdminState>;
  /** Creates the user with its account (Cognito or the local login); `exists` when the e-mail is taken meanwhile. */
  create(input: { space: string; email: string; name: string; role: Role }): Promise<OnboardingOutcome>;
}

export interface RunDeps {
  db: Db;
  admins: AdminPort;
  who: PlatformActor;
  /** Where output lines go (stdout in the CLI, an array in tests). */
  print(line: string): void;
  /** Told just before the first write (a failure after it leaves the steps before it done). */
  onApply?(): void;
}

export interface RunResult {
  steps: Step[];
  /** Per step, what the run did (a dry run does nothing: empty). */
  outcomes: OnboardingOutcome[];
}

type RunCommand = Exclude<Command, { command: 'help' }>;

/** What exists of what the command names. */
export async function readSnapshot(db: Db, admins: AdminPort, command: RunCommand) {
  const spaces: Record<string, SpaceRecord | null> = {};
  for (const space of spacesToRead(command)) spaces[space] = await readSpace(db, space);
  const admin: AdminState = command.admin
    ? await admins.find(subjectSpace(command), command.admin.email)
    : { state: 'absent' };
  return { spaces, admin };
}

/**
 * Plans the command against what exists, then (unless a dry run) carries out each step in order: the space, its
 * memberships, its first administrator. Each step is idempotent on its own, so a run stopped halfway is finished by
 * running it again.
 */
export async function runOnboarding(command: RunCommand, deps: RunDeps): Promise<RunResult> {
  const steps = planOnboarding(command, await readSnapshot(deps.db, deps.admins, command));
  if (command.dryRun) {
    deps.print('Dry run: nothing is written. The plan:');
    deps.print(formatPlan(steps));
    return { steps, outcomes: [] };
  }
  const outcomes: OnboardingOutcome[] = [];
  deps.onApply?.();
  for (const step of steps) {
    const outcome = step.status === 'exists' ? 'exists' : await apply(step, deps);
    outcomes.push(outcome);
    deps.print(
      outcome === 'created'
        ? `  created          ${describe(step.what)}`
        : `  already exists   ${describe(step.what)}${step.note ? ` — ${step.note}` : ''}`,
    );
  }
  const created = outcomes.filter((o) => o === 'created').length;
  deps.print(
    created === 0
      ? 'Nothing to do: everything already exists.'
      : `Done: ${created} created, ${outcomes.length - created} already existed.`,
  );
  return { steps, outcomes };
}

function apply(step: Step, deps: RunDeps): Promise<OnboardingOutcome> {
  const what = step.what;
  switch (what.item) {
    case 'space':
      return createSpaceRecord(deps.db, deps.who, what);
    case 'membership':
      return joinRegion(deps.db, deps.who, what);
    case 'admin':
      return deps.admins.create(what);
  }
}
