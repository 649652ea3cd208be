import * as z from 'zod/mini';
import { DomainError } from './errors.ts';
import { canonicalJson } from './json.ts';
import { proposeRelation, type RelationAnswers, type RelationType } from './relation.ts';
import { idSchema, isoDate, text } from './schema.ts';
import type { RelationDecision, SteeringRoles } from './steering.ts';

/**
 * Agreed by both sides (issue 14 point 2, SPEC §4.1): each party of an agreement confirms the relation the
 * municipality chose — or asks for a change — per round. A round starts whenever the decision is set or changed,
 * so an answer to an earlier round no longer counts: the party's state falls back to `proposed`. Browser-safe.
 */
export const CONFIRMATION_STATES = ['proposed', 'confirmed', 'change_asked'] as const;
export type ConfirmationState = (typeof CONFIRMATION_STATES)[number];
export type AnswerState = Exclude<ConfirmationState, 'proposed'>;

export const CHANGE_REASON_MAX = 1000;
export const DECISION_REF_MAX = 200;

/** One answer of one party in one round; each is kept (the history), the last of a party counts. */
export interface RelationAnswer {
  /** The party: its provider space (`PV…`) where it has a portal, else its organisation id (a joint body). */
  party: string;
  partyName: string;
  round: number;
  state: AnswerState;
  /** Why a change is asked. */
  reason?: string;
  /** Recorded by the municipality on behalf of a party without users: the board's decision. */
  onBehalf?: { decisionRef: string; date: string };
  by: string;
  byName?: string;
  at: string;
}

/** A (re-)decision of the relation that started a round: everyone's answers are asked again. */
export interface RelationRound {
  round: number;
  /** The chosen type, or null when the decision was withdrawn. */
  chosen: RelationType | null;
  by: string;
  byName?: string;
  at: string;
}

/** A party that confirms, with whether it has users of its own (a portal) to do so itself. */
export interface ConfirmingParty {
  party: string;
  partyName: string;
  portal: boolean;
}

/** What the municipality sees per party: the state in the current round and the party's last answer. */
export interface PartyConfirmation extends ConfirmingParty {
  state: ConfirmationState;
  round: number;
  answer: RelationAnswer | null;
}

/** The state rule: an answer counts only in the round it was given for. */
export function confirmationState(
  answer: Pick<RelationAnswer, 'round' | 'state'> | null | undefined,
  currentRound: number,
): ConfirmationState {
  return answer && currentRound > 0 && answer.round === currentRound ? answer.state : 'proposed';
}

/** Each party of the agreement once (a provider by its space, a joint body by its organisation). */
export function confirmingParties(agreement: {
  parties: readonly { organisationId: string; name: string; providerSpace: string | null }[];
}): ConfirmingParty[] {
  const out: ConfirmingParty[] = [];
  for (const p of agreement.parties) {
    const party = p.providerSpace ?? p.organisationId;
    if (!out.some((o) => o.party === party))
      out.push({ party, partyName: p.name, portal: p.providerSpace !== null });
  }
  return out;
}

/** Per party: its state in the current round and its last answer (answers in the order given). */
export function partyConfirmations(
  parties: readonly ConfirmingParty[],
  answers: readonly RelationAnswer[],
  currentRound: number,
): PartyConfirmation[] {
  return parties.map((p) => {
    const answer = answers.filter((a) => a.party === p.party).at(-1) ?? null;
    return { ...p, state: confirmationState(answer, currentRound), round: currentRound, answer };
  });
}

/** Refuses an answer when there is nothing to answer, or when it answers another round than the current one. */
export function assertAnswerable(decided: boolean, round: number, currentRound: number): void {
  if (!decided) {
    throw new DomainError('BAD_REQUEST', 'relation.notDecided', {
      message: 'No relation has been decided for this agreement yet',
    });
  }
  if (round !== currentRound) {
    throw new DomainError('CONFLICT', 'relation.staleRound', {
      params: { round, currentRound },
      field: 'round',
      message: `The relation was decided again (round ${currentRound}); you answered round ${round}`,
    });
  }
}

/** Municipal-only fields of a relation decision: never shown to a party, and changing them re-opens nothing. */
/**
 * What the municipality keeps to itself: its internal note on the decision, and a GR's roles per member (how the
 * member municipalities divide their own roles). Authorities stay visible: who may decide what is part of the deal.
 */
const INTERNAL_FIELDS = ['internalNote', 'members'] as const;

/** The part of a decision the parties agree to, in a stable form: a change of it starts a new round. */
function sharedSignature(relation: Partial<RelationDecision> | null | undefined): string {
  if (!relation) return 'none';
  const shared = withoutInternal(relation) as Record<string, unknown>;
  return canonicalJson(shared);
}

/**
 * The round after a change of the steering: the next one when what the parties agree to changed — the relation
 * decision, or (while a relation is decided) the roles and contacts they are shown (`shareableRoles`). Internal
 * fields (a note, a GR's roles per member) re-open nothing.
 */
export function nextRound(
  currentRound: number,
  before: Partial<RelationDecision> | null | undefined,
  after: Partial<RelationDecision> | null | undefined,
  roles?: { before: SteeringRoles; after: SteeringRoles },
): number {
  if (sharedSignature(before) !== sharedSignature(after)) return currentRound + 1;
  if (
    after &&
    roles &&
    canonicalJson(shareableRoles(roles.before)) !== canonicalJson(shareableRoles(roles.after))
  )
    return currentRound + 1;
  return currentRound;
}

/** A deep copy without the municipality's internal fields, whatever else the object holds. */
export function withoutInternal<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutInternal) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([k]) => !(INTERNAL_FIELDS as readonly string[]).includes(k))
        .map(([k, v]) => [k, withoutInternal(v)]),
    ) as T;
  }
  return value;
}

/** What a party sees of the relation: the type, why (which type each question points to), the motivation. */
export interface SharedRelation {
  chosen: RelationType;
  proposed: RelationType;
  /** Per question of the designer, the types it points to — not the municipality's answers themselves. */
  rationale: { question: keyof RelationAnswers; supports: RelationType[] }[];
  /** The municipality's motivation for the choice, when it chose otherwise than proposed. */
  motivation?: string;
  governance: RelationDecision['governance'];
}

export function shareableRelation(relation: RelationDecision & { proposed: RelationType }): SharedRelation {
  return {
    chosen: relation.chosen,
    proposed: relation.proposed,
    rationale: proposeRelation(relation.answers).rationale.map(({ question, supports }) => ({
      question,
      supports,
    })),
    ...(relation.motivation ? { motivation: relation.motivation } : {}),
    governance: withoutInternal(relation.governance),
  };
}

/** The roles and contact persons as a party sees them: everything but what is marked internal. */
export function shareableRoles(roles: SteeringRoles): SteeringRoles {
  return withoutInternal(roles);
}

const round = () => z.int().check(z.gte(1), z.lte(1_000_000));

export const confirmRelationInput = z.strictObject({ agreementId: idSchema(), round: round() });
export const askRelationChangeInput = z.strictObject({
  agreementId: idSchema(),
  round: round(),
  reason: z.string().check(z.trim(), z.minLength(1), z.maxLength(CHANGE_REASON_MAX)),
});
export const recordConfirmationInput = z.strictObject({
  agreementId: idSchema(),
  round: round(),
  /** The party without users: its organisation id (or provider space). */
  party: text(40, 1),
  decisionRef: z.string().check(z.trim(), z.minLength(1), z.maxLength(DECISION_REF_MAX)),
  date: isoDate(),
});
