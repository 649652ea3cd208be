import type { AppRouter } from '@regie/api';
import {
  AGREEMENT_WRITE_ROLES,
  RELATION_ANSWERS as ANSWERS,
  CONTACT_SIDES,
  ESCALATION_LEVELS,
  EVENT_DUTIES,
  GOVERNANCE_EXECUTION_VARIANTS as EXECUTION_VARIANTS,
  KPI_DEPTHS,
  MEETING_CADENCES,
  personKey,
  RELATION_QUESTIONS as QUESTIONS,
  RELATION_TYPES,
  REPORTING_FREQUENCIES,
  STEERING_ROLE_KEYS as ROLE_KEYS,
  ROLES_WITH_PORTFOLIO_HOLDER,
} from '@regie/core/browser';
import type { inferInput, inferOutput, TRPCOptionsProxy } from '@trpc/tanstack-react-query';

type Api = TRPCOptionsProxy<AppRouter>;

/** Steering of one agreement (SPEC §4.1–4.2), as `steering.get` and `steering.update` answer. */
export type Steering = inferOutput<Api['steering']['get']>;
export type StoredRelation = NonNullable<Steering['relation']>;
export type SteeringWarning = Steering['warnings'][number];
/** The relation designer's proposal for a set of answers (`steering.propose`). */
export type RelationProposal = inferOutput<Api['steering']['propose']>;
export type Governance = RelationProposal['governance'];
export type RelationAnswers = inferInput<Api['steering']['propose']>['answers'];
export type SteeringUpdateInput = inferInput<Api['steering']['update']>;
export type RelationDecisionInput = NonNullable<SteeringUpdateInput['relation']>;
export type SteeringRoles = NonNullable<SteeringUpdateInput['roles']>;
export type Contact = NonNullable<SteeringRoles['contacts']>[number];
export type RoleConflict = inferOutput<Api['steering']['roleConflicts']>['items'][number];

// The constants are core's (`@regie/core/browser`), named as this feature has always named them.
export {
  ANSWERS,
  CONTACT_SIDES,
  ESCALATION_LEVELS,
  EVENT_DUTIES,
  EXECUTION_VARIANTS,
  KPI_DEPTHS,
  MEETING_CADENCES,
  personKey,
  QUESTIONS,
  RELATION_TYPES,
  REPORTING_FREQUENCIES,
  ROLE_KEYS,
  ROLES_WITH_PORTFOLIO_HOLDER,
};
export type Question = (typeof QUESTIONS)[number];
export type RelationType = (typeof RELATION_TYPES)[number];
export type RoleKey = (typeof ROLE_KEYS)[number];
export type ContactSide = (typeof CONTACT_SIDES)[number];

/** Where the ladder's add and remove buttons stop, and the typing room of a level: the schema decides regardless. */
export const LADDER_LIMITS = { min: 1, max: 6, level: 60 } as const;

function oneOf<T extends string>(list: readonly T[]) {
  return (value: string | null | undefined): value is T => (list as readonly string[]).includes(value ?? '');
}

export const isRelationType = oneOf(RELATION_TYPES);
export const isReportingFrequency = oneOf(REPORTING_FREQUENCIES);
export const isKpiDepth = oneOf(KPI_DEPTHS);
export const isMeetingCadence = oneOf(MEETING_CADENCES);
export const isExecutionVariant = oneOf(EXECUTION_VARIANTS);
export const isEventDuty = oneOf(EVENT_DUTIES);
export const isEscalationLevel = oneOf(ESCALATION_LEVELS);
export const isContactSide = oneOf(CONTACT_SIDES);

export function isAnswer<Q extends Question>(question: Q, value: string): value is RelationAnswers[Q] {
  return (ANSWERS[question] as readonly string[]).includes(value);
}

/** Roles that may change steering (as `steering.update` declares). */
export const STEERING_WRITE_ROLES: readonly string[] = AGREEMENT_WRITE_ROLES;

export function canSteer(me: { roles: readonly string[] } | undefined): boolean {
  return me?.roles.some((role) => STEERING_WRITE_ROLES.includes(role)) ?? false;
}

/**
 * What of an agreement's steering the caller may change (`assertMayWriteSteering` in core): all of it in the
 * owner's space; on a region's GR a member municipality's writer only its own row of the roles per member.
 */
export function steeringAccess(
  me: { roles: readonly string[]; space: string } | undefined,
  a: { space: string; kind: string },
): 'all' | 'ownRow' | 'none' {
  if (!me || !canSteer(me)) return 'none';
  if (me.space === a.space) return 'all';
  return a.kind === 'joint_arrangement' ? 'ownRow' : 'none';
}
