import type { AppRouter } from '@regie/api';
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

export const RELATION_TYPES = ['boss', 'customer', 'partner'] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

/** The designer's questions in the order asked; question 2 has two parts (control over what, over how). */
export const QUESTIONS = ['complexity', 'controlWhat', 'controlHow', 'alignment'] as const;
export type Question = (typeof QUESTIONS)[number];

export const ANSWERS = {
  complexity: ['low', 'medium', 'high'],
  controlWhat: ['low', 'medium', 'high'],
  controlHow: ['low', 'medium', 'high'],
  alignment: ['divergent', 'partial', 'aligned'],
} as const satisfies { [Q in Question]: readonly RelationAnswers[Q][] };

export const REPORTING_FREQUENCIES = ['monthly', 'quarterly', 'half_yearly', 'yearly'] as const;
export const KPI_DEPTHS = ['input', 'output', 'outcome'] as const;
export const MEETING_CADENCES = ['monthly', 'bimonthly', 'quarterly', 'half_yearly'] as const;
export const EXECUTION_VARIANTS = ['effort', 'output', 'task'] as const;
/** The standard event duties (SPEC §4.3) by key, as the API names them. */
export const EVENT_DUTIES = [
  'waiting_time',
  'ceiling_80',
  'calamity',
  'ownership_change',
  'financial_trouble',
  'staff_quality',
  'complaints',
] as const;
/** The usual escalation levels, lowest first; the API stores the level as text, so others are allowed. */
export const ESCALATION_LEVELS = ['contractmanager', 'regisseur', 'directie', 'portefeuillehouder'] as const;

/** RTRA roles (SPEC §4.2) in the order the page shows them. */
export const ROLE_KEYS = [
  'opdrachtgever',
  'eigenaar',
  'opdrachtnemer',
  'uitvoerder',
  'bestuurlijkOpdrachtgever',
  'ambtelijkOpdrachtgever',
] as const;
export type RoleKey = (typeof ROLE_KEYS)[number];
/** Roles whose portfolio holder is asked: the rule "not the same portfolio holder" is about these two. */
export const ROLES_WITH_PORTFOLIO_HOLDER: readonly RoleKey[] = ['opdrachtgever', 'eigenaar'];

export const CONTACT_SIDES = ['municipality', 'contractor'] as const;
export type ContactSide = (typeof CONTACT_SIDES)[number];

/** Limits as the API checks them (packages/core/src/relation.ts and steering.ts). */
export const STEERING_LIMITS = {
  motivation: 1000,
  level: 60,
  ladderMin: 1,
  ladderMax: 6,
  daysMin: 1,
  daysMax: 120,
  duties: 20,
  name: 120,
  contactRole: 80,
  email: 200,
  contacts: 20,
} as const;

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
export const STEERING_WRITE_ROLES: readonly string[] = ['inkoper', 'contractmanager'];

export function canSteer(me: { roles: readonly string[] } | undefined): boolean {
  return me?.roles.some((role) => STEERING_WRITE_ROLES.includes(role)) ?? false;
}

/**
 * The same person however it is typed (case, accents, spacing), as the API compares portfolio holders
 * (`personKey` in packages/core/src/steering.ts); the server decides regardless.
 */
export function personKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
