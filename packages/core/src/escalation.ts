import * as z from 'zod/mini';
import { addWorkingDays } from './calendar.ts';
import { DomainError } from './errors.ts';
import { onBehalfOfSchema } from './parties.ts';
import { governanceDefaults } from './relation.ts';
import { idSchema, text } from './schema.ts';

/**
 * The escalation ladder (SPEC §4.6): an issue raised by either side goes up the agreed levels, each with a
 * time limit in working days; every step is recorded with time, actor and note, and audited.
 */
export const escalationOpenSchema = z.strictObject({
  agreementId: idSchema(),
  subject: text(200, 1),
  description: text(5000, 1),
  /** The municipality names the provider party it escalates about; required with more than one. */
  party: onBehalfOfSchema(),
});

export const escalationStepSchema = z.strictObject({
  agreementId: idSchema(),
  escalationId: idSchema(),
  expectedVersion: z.int().check(z.gte(1), z.lte(1_000_000)),
  note: text(2000, 1),
});

export interface EscalationStep {
  action: 'opened' | 'escalated' | 'responded' | 'resolved';
  level: number;
  levelName: string;
  at: string;
  by: string;
  /** The person's name when the step was taken (steps recorded before names were kept have none). */
  byName?: string;
  side: 'provider' | 'municipality';
  note: string;
}

/** Who takes a step, and when. */
export interface EscalationActor {
  actor: string;
  actorName?: string;
  side: 'provider' | 'municipality';
  at: string;
}

export interface Escalation {
  id: string;
  agreementId: string;
  subject: string;
  description: string;
  status: 'open' | 'resolved';
  level: number;
  ladder: { level: string; days: number }[];
  /** The date by which the current level must have acted (working days, Algemene termijnenwet). */
  deadline: string | null;
  steps: EscalationStep[];
  version: number;
  /** The side that opened it: that side resolves it (or the owner's roles, `mayResolve`). */
  side: 'provider' | 'municipality';
  /** The provider party it is about (the opener's own, or the one the municipality named) and its name. */
  party?: string;
  partyName?: string;
}

/**
 * Who may resolve an escalation (docs/steering-design.md): the side that opened it, or the owning space's
 * contract manager or purchaser. The other side responds (`respondEscalation`) or takes it a level up.
 */
export function mayResolve(
  e: Pick<Escalation, 'side'>,
  caller: { side: 'provider' | 'municipality'; ownerRole: boolean },
): boolean {
  return caller.side === e.side || (caller.side === 'municipality' && caller.ownerRole);
}

/** The ladder in force: the agreement's governance, or the default one. */
export function ladderOf(governanceLadder: { level: string; days: number }[] | undefined) {
  return governanceLadder?.length ? governanceLadder : governanceDefaults('customer').escalationLadder;
}

export function openEscalation(
  input: {
    id: string;
    agreementId: string;
    subject: string;
    description: string;
    party?: string;
    partyName?: string;
  },
  ladder: { level: string; days: number }[],
  by: EscalationActor,
): Escalation {
  return {
    ...input,
    side: by.side,
    status: 'open',
    level: 0,
    ladder,
    deadline: addWorkingDays(by.at.slice(0, 10), ladder[0]!.days),
    steps: [
      {
        action: 'opened',
        level: 0,
        levelName: ladder[0]!.level,
        at: by.at,
        by: by.actor,
        ...(by.actorName ? { byName: by.actorName } : {}),
        side: by.side,
        note: input.description,
      },
    ],
    version: 1,
  };
}

/** One level up, with a new deadline; refused at the top of the ladder or when resolved. */
export function escalate(e: Escalation, note: string, by: EscalationActor): Escalation {
  if (e.status !== 'open')
    throw new DomainError('BAD_REQUEST', 'escalation.resolved', {
      field: 'escalationId',
      message: 'This escalation is resolved',
    });
  const level = e.level + 1;
  if (level >= e.ladder.length) {
    throw new DomainError('BAD_REQUEST', 'escalation.atTop', {
      params: { level: e.ladder[e.level]!.level },
      field: 'escalationId',
      message: `Already at the top of the ladder (${e.ladder[e.level]!.level})`,
    });
  }
  return {
    ...e,
    level,
    deadline: addWorkingDays(by.at.slice(0, 10), e.ladder[level]!.days),
    steps: [
      ...e.steps,
      {
        action: 'escalated',
        level,
        levelName: e.ladder[level]!.level,
        at: by.at,
        by: by.actor,
        ...(by.actorName ? { byName: by.actorName } : {}),
        side: by.side,
        note,
      },
    ],
    version: e.version + 1,
  };
}

export function resolveEscalation(e: Escalation, note: string, by: EscalationActor): Escalation {
  if (e.status !== 'open')
    throw new DomainError('BAD_REQUEST', 'escalation.resolved', {
      field: 'escalationId',
      message: 'This escalation is already resolved',
    });
  return {
    ...e,
    status: 'resolved',
    deadline: null,
    steps: [
      ...e.steps,
      {
        action: 'resolved',
        level: e.level,
        levelName: e.ladder[e.level]!.level,
        at: by.at,
        by: by.actor,
        ...(by.actorName ? { byName: by.actorName } : {}),
        side: by.side,
        note,
      },
    ],
    version: e.version + 1,
  };
}

/** The other side's answer on an open escalation: a step at the current level, the deadline unchanged. */
export function respondEscalation(e: Escalation, note: string, by: EscalationActor): Escalation {
  if (e.status !== 'open')
    throw new DomainError('BAD_REQUEST', 'escalation.resolved', {
      field: 'escalationId',
      message: 'This escalation is resolved',
    });
  return {
    ...e,
    steps: [
      ...e.steps,
      {
        action: 'responded',
        level: e.level,
        levelName: e.ladder[e.level]!.level,
        at: by.at,
        by: by.actor,
        ...(by.actorName ? { byName: by.actorName } : {}),
        side: by.side,
        note,
      },
    ],
    version: e.version + 1,
  };
}
