import * as z from 'zod/mini';
import { DomainError } from './errors.ts';
import { canonicalJson } from './json.ts';
import {
  governanceSchema,
  proposeRelation,
  RELATION_TYPES,
  type RelationType,
  relationAnswersSchema,
} from './relation.ts';
import { cents, text } from './schema.ts';
import { SPACE_PATTERN } from './spaces.ts';

/**
 * Steering data of one agreement (SPEC §4.1, §4.2): the relation assessment with its governance, and the
 * roles, tasks, responsibilities and authorities. Internal to the owning municipality or region: never
 * part of a party view.
 */
/** RTVB lists (tasks, responsibilities, authorities): a role's job in a few lines, never a document. */
export const RTVB_LIST_MAX = 10;
export const RTVB_TEXT_MAX = 300;
const rtvbLine = () => text(RTVB_TEXT_MAX, 1);

/** What a role may decide on its own, and up to what amount (none: no amount named, e.g. a non-financial call). */
export const authoritySchema = z.strictObject({
  what: rtvbLine(),
  maxAmountCents: z.optional(cents()),
});
export type Authority = z.infer<typeof authoritySchema>;

/** One role's holder and its RTVB (SPEC §4.2, DOMAIN.md §h); every field but the name optional for stored items. */
const person = z.strictObject({
  name: text(120, 1),
  /** The portfolio holder (wethouder) under whom the role sits. */
  portfolioHolder: z.optional(text(120, 1)),
  tasks: z.optional(z.array(rtvbLine()).check(z.maxLength(RTVB_LIST_MAX))),
  responsibilities: z.optional(z.array(rtvbLine()).check(z.maxLength(RTVB_LIST_MAX))),
  authorities: z.optional(z.array(authoritySchema).check(z.maxLength(RTVB_LIST_MAX))),
});
export type RolePerson = z.infer<typeof person>;

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
/** A GR's roles per participating municipality: each member has its own client, owner and both opdrachtgevers. */
export const MEMBER_ROLE_KEYS = [
  'opdrachtgever',
  'eigenaar',
  'bestuurlijkOpdrachtgever',
  'ambtelijkOpdrachtgever',
] as const satisfies readonly SteeringRoleKey[];
export type MemberRoleKey = (typeof MEMBER_ROLE_KEYS)[number];
/** More members than any Dutch GR has (the largest have a few dozen). */
export const MEMBERS_MAX = 60;

export const memberRolesSchema = z.strictObject({
  /** The member municipality's space; must be one of the GR's members (checked against the region). */
  space: z.string().check(z.regex(SPACE_PATTERN, 'Invalid space')),
  opdrachtgever: z.optional(person),
  eigenaar: z.optional(person),
  bestuurlijkOpdrachtgever: z.optional(person),
  ambtelijkOpdrachtgever: z.optional(person),
});
export type MemberRoles = z.infer<typeof memberRolesSchema>;

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
  /** A GR only: the roles per participating municipality (`checkMemberRoles`). */
  members: z.optional(z.array(memberRolesSchema).check(z.maxLength(MEMBERS_MAX))),
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

export type SteeringWarning = {
  code: 'owner_and_client_same_portfolio_holder';
  portfolioHolder: string;
  /** The member municipality whose own roles clash (a GR's per-member roles); absent for the agreement's. */
  member?: string;
};

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
  const shared = (r: Pick<SteeringRoles, 'opdrachtgever' | 'eigenaar'>) => {
    const client = r.opdrachtgever?.portfolioHolder;
    const owner = r.eigenaar?.portfolioHolder;
    return client && owner && personKey(client) === personKey(owner) ? client : null;
  };
  const out: SteeringWarning[] = [];
  const own = shared(roles);
  if (own) out.push({ code: 'owner_and_client_same_portfolio_holder', portfolioHolder: own });
  // The same rule per participating municipality of a GR: each member's wethouder steers it as client or owner.
  for (const m of roles.members ?? []) {
    const holder = shared(m);
    if (holder)
      out.push({ code: 'owner_and_client_same_portfolio_holder', portfolioHolder: holder, member: m.space });
  }
  return out;
}

/**
 * Per-member roles belong to a GR only, once per member, and only to the GR's members (the region's members or
 * the spaces of its allocation key). Refuses with the field of the first wrong entry.
 */
export function checkMemberRoles(
  roles: SteeringRoles,
  agreement: { kind: string; space: string },
  members: readonly string[],
): void {
  const list = roles.members ?? [];
  if (list.length === 0) return;
  if (agreement.kind !== 'joint_arrangement') {
    throw new DomainError('BAD_REQUEST', 'steering.membersOnlyForGr', {
      field: 'roles.members',
      message: 'Only a gemeenschappelijke regeling has roles per participating municipality',
    });
  }
  const seen = new Set<string>();
  list.forEach((m, i) => {
    if (!members.includes(m.space)) {
      throw new DomainError('BAD_REQUEST', 'steering.notMember', {
        params: { space: m.space, region: agreement.space },
        field: `roles.members.${i}.space`,
        message: `${m.space} is not a member of ${agreement.space}`,
      });
    }
    if (seen.has(m.space)) {
      throw new DomainError('BAD_REQUEST', 'steering.memberTwice', {
        params: { space: m.space },
        field: `roles.members.${i}.space`,
        message: `${m.space} has its roles twice`,
      });
    }
    seen.add(m.space);
  });
}

/**
 * Who writes what of the steering (region rule 4, docs/region-rules.md): the owner's roles write all of it; on a
 * region's GR a member municipality's user writes only its own row of the roles per member (its opdrachtgever,
 * eigenaar, …) — never the relation, the GR's own roles, the contacts or another member's row. Refused with
 * FORBIDDEN, like any other write of a member on a region's agreement.
 */
export function assertMayWriteSteering(
  caller: { space: string },
  agreement: { space: string },
  current: SteeringRoles,
  change: { relation?: unknown; roles?: SteeringRoles },
): void {
  if (caller.space === agreement.space) return;
  const refuse = (message: string) =>
    new DomainError('FORBIDDEN', 'steering.memberOwnRowOnly', { params: { space: caller.space }, message });
  if (change.relation !== undefined) throw refuse('Only the region decides the relation of its agreement');
  if (!change.roles) return;
  const { members: before = [], ...restBefore } = current;
  const { members: after = [], ...restAfter } = change.roles;
  if (canonicalJson(restBefore) !== canonicalJson(restAfter))
    throw refuse('A member changes only its own roles on a GR, not the GR’s own roles or contacts');
  const others = (rows: readonly MemberRoles[]) =>
    canonicalJson(
      rows.filter((row) => row.space !== caller.space).sort((a, b) => (a.space < b.space ? -1 : 1)),
    );
  if (others(before) !== others(after))
    throw refuse('A member changes only its own row of the roles per member');
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
