import type { AppRouter } from '@regie/api';
import type { inferInput, inferOutput, TRPCOptionsProxy } from '@trpc/tanstack-react-query';

type Api = TRPCOptionsProxy<AppRouter>;

/** What applying a relation decision would change (`steering.governancePreview`). */
export type GovernancePreview = inferOutput<Api['steering']['governancePreview']>;
export type DutyDiff = GovernancePreview['duties'];
export type Duty = DutyDiff['added'][number];
export type ApplyInput = inferInput<Api['steering']['applyGovernance']>;

/** The user's answer to one proposed change: take it or not, and the term (days) it gets. */
export interface Choice {
  accept: boolean;
  days: string;
}

export interface Choices {
  added: Choice[];
  changed: Choice[];
  /** Per duty proposed for removal: whether it goes (true) or stays. */
  removed: boolean[];
}

/** The days a duty's term is in: after the period for a report, working days to respond for an event. */
export const termOf = (duty: Duty) => (duty.kind === 'periodic' ? duty.dueDays : duty.responseDays);

/** Everything proposed is accepted by default, with the proposed terms. */
export function initialChoices(diff: DutyDiff): Choices {
  return {
    added: diff.added.map((d) => ({ accept: true, days: String(termOf(d) ?? '') })),
    changed: diff.changed.map((c) => ({ accept: true, days: String(termOf(c.after) ?? '') })),
    removed: diff.removed.map(() => true),
  };
}

const BOUNDS = { periodic: [0, 180], event: [1, 60] } as const;

/** Whether the days typed fit the duty's term: a whole number within the schema's bounds. */
export function validDays(duty: Duty, days: string): boolean {
  const [min, max] = BOUNDS[duty.kind];
  if (!/^\d{1,3}$/.test(days.trim())) return false;
  const n = Number(days.trim());
  return n >= min && n <= max;
}

/** The ids of the accepted rows whose days are wrong, in the order shown: added first, then changed. */
export function invalidRows(diff: DutyDiff, choices: Choices): { id: string; duty: Duty }[] {
  return [
    ...diff.changed.flatMap((c, i) =>
      choices.changed[i]!.accept && !validDays(c.after, choices.changed[i]!.days)
        ? [{ id: rowId('changed', i), duty: c.after }]
        : [],
    ),
    ...diff.added.flatMap((d, i) =>
      choices.added[i]!.accept && !validDays(d, choices.added[i]!.days)
        ? [{ id: rowId('added', i), duty: d }]
        : [],
    ),
  ];
}

export const rowId = (group: 'added' | 'changed' | 'removed', i: number) => `governance-${group}-${i}`;

const withDays = (duty: Duty, days: string): Duty =>
  duty.kind === 'periodic'
    ? { ...duty, dueDays: Number(days.trim()) }
    : { ...duty, responseDays: Number(days.trim()) };

/** The duty list to apply: kept ones, removals declined, accepted changes and additions with their terms. */
export function acceptedDuties(diff: DutyDiff, choices: Choices): Duty[] {
  return [
    ...diff.kept,
    ...diff.removed.filter((_, i) => !choices.removed[i]),
    ...diff.changed.map((c, i) =>
      choices.changed[i]!.accept ? withDays(c.after, choices.changed[i]!.days) : c.before,
    ),
    ...diff.added.flatMap((d, i) => (choices.added[i]!.accept ? [withDays(d, choices.added[i]!.days)] : [])),
  ];
}
