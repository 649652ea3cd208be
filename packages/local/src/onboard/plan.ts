import { providerSpace, type Role, type SpaceKind } from '@regie/core';
import { membershipGaps, type SpaceRecord } from '@regie/db';
import type { AdminInput, Command } from './args.ts';

/**
 * The plan of an onboarding command: every item it names, each either still to create or already there. Pure —
 * computed from the command and a snapshot of what exists — so a dry run prints exactly what a real run would do,
 * and a second run finds everything `exists`.
 */

/** Where the administrator's e-mail address is in use, if anywhere. */
export type AdminState =
  | { state: 'absent' }
  | { state: 'present'; space: string; key: string; roles: Role[]; name?: string };

/** What exists now of what a command names (spaces missing from `spaces` count as absent). */
export interface Snapshot {
  spaces: Record<string, SpaceRecord | null>;
  admin: AdminState;
}

export type StepItem =
  | { item: 'space'; space: string; kind: SpaceKind; name: string; kvkNumber?: string }
  | { item: 'membership'; municipality: string; region: string }
  | { item: 'admin'; space: string; email: string; name: string; role: Role };

export interface Step {
  status: 'create' | 'exists';
  what: StepItem;
  /** Why an existing item differs from what was asked, when it does (it is left as it is). */
  note?: string;
}

/** A command that cannot be carried out as asked (a region that does not exist, an e-mail in another space). */
export class PlanError extends Error {
  override name = 'PlanError';
}

type RunCommand = Exclude<Command, { command: 'help' }>;

/** The space a command is about. */
export function subjectSpace(command: RunCommand): string {
  return command.command === 'provider.register' ? providerSpace(command.kvk) : command.code;
}

/** Every space whose record the plan needs. */
export function spacesToRead(command: RunCommand): string[] {
  const extra =
    command.command === 'tenant.create'
      ? command.regions
      : command.command === 'region.create'
        ? command.members
        : [];
  return [subjectSpace(command), ...extra];
}

/** The admin role of a space: `provider_admin` in a provider, `admin` in a municipality or region. */
export const adminRoleOf = (kind: SpaceKind): Role => (kind === 'provider' ? 'provider_admin' : 'admin');

export function planOnboarding(command: RunCommand, snapshot: Snapshot): Step[] {
  const spaceOf = (code: string) => snapshot.spaces[code] ?? null;
  const steps: Step[] = [];
  const space = subjectSpace(command);
  const kind: SpaceKind =
    command.command === 'tenant.create'
      ? 'municipality'
      : command.command === 'region.create'
        ? 'region'
        : 'provider';
  const existing = spaceOf(space);
  if (existing && existing.kind !== kind) {
    throw new PlanError(`${space} already exists as a ${existing.kind}, not a ${kind}`);
  }
  steps.push({
    status: existing ? 'exists' : 'create',
    what: {
      item: 'space',
      space,
      kind,
      name: command.name,
      ...(command.command === 'provider.register' ? { kvkNumber: command.kvk } : {}),
    },
    ...(existing && existing.name !== command.name
      ? { note: `its name is "${existing.name}"; left as it is` }
      : {}),
  });
  // The record a membership is judged against: the one stored, or the one this run creates.
  const self: SpaceRecord = existing ?? {
    space,
    kind,
    name: command.name,
    ...(kind === 'region'
      ? { members: [], memberNames: {} }
      : kind === 'municipality'
        ? { memberOf: [] }
        : {}),
  };

  if (command.command === 'tenant.create') {
    for (const region of command.regions) {
      const record = spaceOf(region);
      if (!record) {
        throw new PlanError(
          `Region ${region} does not exist; create it first: npm run tenant -- region create --code ${region} --name "…"`,
        );
      }
      if (record.kind !== 'region') throw new PlanError(`${region} is a ${record.kind}, not a region`);
      steps.push(membership(self, record));
    }
  }
  if (command.command === 'region.create') {
    for (const member of command.members) {
      const record = spaceOf(member);
      if (!record) {
        throw new PlanError(
          `Municipality ${member} does not exist; onboard it first: npm run tenant -- create --code ${member} …`,
        );
      }
      if (record.kind !== 'municipality')
        throw new PlanError(`${member} is a ${record.kind}, not a municipality`);
      steps.push(membership(record, self));
    }
  }
  if (command.admin) steps.push(adminStep(space, kind, command.admin, snapshot.admin));
  return steps;
}

function membership(municipality: SpaceRecord, region: SpaceRecord): Step {
  const gaps = membershipGaps(municipality, region);
  return {
    status: gaps.municipality || gaps.region ? 'create' : 'exists',
    what: { item: 'membership', municipality: municipality.space, region: region.space },
  };
}

function adminStep(space: string, kind: SpaceKind, admin: AdminInput, state: AdminState): Step {
  const role = adminRoleOf(kind);
  const what: StepItem = { item: 'admin', space, email: admin.email, name: admin.name, role };
  if (state.state === 'absent') return { status: 'create', what };
  if (state.space !== space) {
    throw new PlanError(`${admin.email} is already a user of ${state.space}; give another e-mail address`);
  }
  return {
    status: 'exists',
    what: { ...what, name: state.name ?? admin.name },
    ...(state.roles.includes(role)
      ? {}
      : {
          note: `without the ${role} role (has ${state.roles.join(', ')}); change it under Beheer → Mensen`,
        }),
  };
}

/** One line naming a step's item. */
export function describe(what: StepItem): string {
  switch (what.item) {
    case 'space':
      return `${what.kind} ${what.space} "${what.name}"${what.kvkNumber ? ` (KvK ${what.kvkNumber})` : ''}`;
    case 'membership':
      return `membership of ${what.municipality} in region ${what.region}`;
    case 'admin':
      return `administrator ${what.email} ("${what.name}", ${what.role}) of ${what.space}`;
  }
}

/** The plan as a dry run prints it. */
export function formatPlan(steps: Step[]): string {
  return steps
    .map((step) =>
      step.status === 'create'
        ? `  + create          ${describe(step.what)}`
        : `  = already exists  ${describe(step.what)}${step.note ? ` — ${step.note}` : ''}`,
    )
    .join('\n');
}
