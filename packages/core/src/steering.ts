import * as z from 'zod/mini';
import { DomainError } from './errors.ts';
import {
  governanceSchema,
  proposeRelation,
  RELATION_TYPES,
  type RelationType,
  relationAnswersSchema,
} from './relation.ts';
import { text } from './schema.ts';

/**
 * Steering data of one agreement (SPEC §4.1, §4.2): the relation assessment with its governance, and the
 * roles, tasks, responsibilities and authorities. Internal to the owning municipality or region: never
 * part of a party view.
 */
const person = z.strictObject({
  name: text(120, 1),
  /** The portfolio holder (wethouder) under whom the role sits. */
  portfolioHolder: z.optional(text(120, 1)),
});

/** RTRA roles (SPEC §4.2) in the order they are shown. */
export const STEERING_ROLE_KEYS = [
  'opdrachtgever',
  'eigenaar',
  'opdrachtnemer',
  'uitvoerder',
  'bestuurlijkOpdrachtgever',
  'ambtelijkOpdrachtgever',
] as const;
export type SteeringRoleKey = (typeof STEERING_ROLE_KEYS)[number];
/** The roles whose portfolio holder is asked: the rule "not the same portfolio holder" is about these two. */
export const ROLES_WITH_PORTFOLIO_HOLDER: readonly SteeringRoleKey[] = ['opdrachtgever', 'eigenaar'];
export const CONTACT_SIDES = ['municipality', 'contractor'] as const;

export const steeringRolesSchema = z.strictObject({
  opdrachtgever: z.optional(person),
  eigenaar: z.optional(person),
  opdrachtnemer: z.optional(person),
  uitvoerder: z.optional(person),
  /** The bestuurlijk opdrachtgever: the portfolio holder. */
  bestuurlijkOpdrachtgever: z.optional(person),
  /** The ambtelijk opdrachtgever: the regisseur. */
  ambtelijkOpdrachtgever: z.optional(person),
  contacts: z.optional(
    z
      .array(
        z.strictObject({
          side: z.enum(CONTACT_SIDES),
          name: text(120, 1),
          role: text(80, 1),
          email: z.optional(
            z
              .string()
              .check(z.maxLength(200), z.regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'Invalid e-mail address')),
          ),
          phone: z.optional(z.string().check(z.regex(/^[+0-9 ()-]{6,20}$/, 'Invalid phone number'))),
        }),
      )
      .check(z.maxLength(20)),
  ),
});
export type SteeringRoles = z.infer<typeof steeringRolesSchema>;

export const relationDecisionSchema = z.strictObject({
  answers: relationAnswersSchema,
  /** The type the user chose; may differ from the proposal, which is kept beside it. */
  chosen: z.enum(RELATION_TYPES),
  governance: governanceSchema,
  /** Why the user chose otherwise than proposed, when they did. */
  motivation: z.optional(text(1000)),
  /** The municipality's own assessment notes: internal, never shown to a party (relation-confirm.ts). */
  internalNote: z.optional(text(2000)),
});
export type RelationDecision = z.infer<typeof relationDecisionSchema>;

export interface Steering {
  agreementId: string;
  version: number;
  /** The confirmation round: bumped whenever the relation is set or changed (relation-confirm.ts). */
  round: number;
  relation: (RelationDecision & { proposed: RelationType }) | null;
  roles: SteeringRoles;
  updatedAt: string | null;
  updatedBy: string | null;
  /** The person's name next to the key, when it was recorded (older items have none: readers show the key). */
  updatedByName?: string;
}

export type SteeringWarning = { code: 'owner_and_client_same_portfolio_holder'; portfolioHolder: string };

/** The same person however it is typed: case, accents and spacing do not matter. */
export function personKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * SPEC §4.2: the opdrachtgever role and the eigenaar role must not sit with the same portfolio holder
 * (owner's and client's interests conflict, typically in a GR).
 */
export function steeringWarnings(roles: SteeringRoles): SteeringWarning[] {
  const client = roles.opdrachtgever?.portfolioHolder;
  const owner = roles.eigenaar?.portfolioHolder;
  if (client && owner && personKey(client) === personKey(owner)) {
    return [{ code: 'owner_and_client_same_portfolio_holder', portfolioHolder: client }];
  }
  return [];
}

/** Choosing otherwise than the designer proposes is allowed, with the reason on record (SPEC §4.1). */
export function motivationMissing(
  decision: Pick<RelationDecision, 'answers' | 'chosen' | 'motivation'>,
): boolean {
  return decision.chosen !== proposeRelation(decision.answers).type && !decision.motivation?.trim();
}

/** A relation decision as stored: the proposal is recomputed from the answers, never taken from input. */
export function decideRelation(decision: RelationDecision): NonNullable<Steering['relation']> {
  const proposed = proposeRelation(decision.answers).type;
  if (motivationMissing(decision)) {
    throw new DomainError('BAD_REQUEST', 'steering.motivationRequired', {
      params: { chosen: decision.chosen, proposed },
      field: 'relation.motivation',
      message: `Give a motivation for choosing ${decision.chosen} instead of ${proposed}`,
    });
  }
  return { ...decision, proposed };
}
