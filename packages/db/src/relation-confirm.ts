import { GetCommand } from '@aws-sdk/lib-dynamodb';
import {
  type Agreement,
  type AnswerState,
  assertAnswerable,
  type ConfirmationState,
  type ConfirmingParty,
  confirmationState,
  confirmingParties,
  DomainError,
  newId,
  notFound,
  type PartyConfirmation,
  partyConfirmations,
  type RelationAnswer,
  type RelationRound,
  type SharedRelation,
  type Steering,
  type SteeringRoles,
  shareableRelation,
  shareableRoles,
} from '@regie/core';
import {
  type AgreementAccess,
  accessAgreement,
  auditInCollection,
  queryCollection,
  type TransactItem,
  type Widen,
} from './agreement-access.ts';
import type { Db } from './client.ts';
import { guard } from './errors.ts';
import { keys, SEP } from './keys.ts';
import type { Scope } from './scope.ts';
import { transact } from './transact.ts';

/** Answers per party in the agreement's collection, in the order given: `RELANS#<party>#<at>#<id>`. */
const ANSWER_PREFIX = `RELANS${SEP}`;
/** The (re-)decisions that started a round: `RELROUND#<round>`. */
const ROUND_PREFIX = `RELROUND${SEP}`;

/**
 * The item that marks a new round, written in the same transaction as the steering change that starts it
 * (steering.ts `update`), so the history shows each re-opening beside the answers.
 */
export function roundItem(
  db: Db,
  agreement: { space: string; id: string },
  round: RelationRound,
): TransactItem {
  return {
    Put: {
      TableName: db.tableName,
      Item: {
        pk: keys.agreement(agreement.space, agreement.id).pk,
        sk: `${ROUND_PREFIX}${String(round.round).padStart(6, '0')}`,
        type: 'relationRound',
        ...round,
      },
    },
  };
}

/** The municipality's view: per party its state, the current round, and the whole history. */
export interface ConfirmationOverview {
  round: number;
  parties: PartyConfirmation[];
  answers: RelationAnswer[];
  rounds: RelationRound[];
}

/** What one provider party sees of the relation and its own answers (`steering.partyView`). */
export interface RelationPartyView {
  agreementId: string;
  reference: string;
  title: string;
  ownerName: string;
  party: { party: string; partyName: string };
  round: number;
  state: ConfirmationState;
  answer: RelationAnswer | null;
  /** Its own answers over the rounds. */
  history: RelationAnswer[];
  relation: SharedRelation | null;
  roles: SteeringRoles;
}

type StoredSteering = Pick<Steering, 'relation' | 'roles' | 'round' | 'version'>;

/**
 * Confirmation of the relation by each party (issue 14 point 2). A provider answers for its own party; the
 * municipality records the answer of a party without users (a GR's joint body) from its board's decision. Each
 * answer is its own item, audited on the agreement's chain in the same transaction, and counts only in its round.
 */
export function relationConfirmRepository(base: Db, scope: Scope, widen: Widen) {
  async function steeringOf(access: AgreementAccess): Promise<StoredSteering> {
    const result = await guard(() =>
      access.db.doc.send(
        new GetCommand({
          TableName: access.db.tableName,
          Key: keys.steering(access.agreement.space, access.agreement.id),
          ConsistentRead: true,
        }),
      ),
    );
    const item = result.Item;
    const relation = item?.relation ?? null;
    return {
      relation,
      roles: item?.roles ?? {},
      // Items stored before rounds were kept: a decided relation is in its first round.
      round: item?.round ?? (relation ? 1 : 0),
      version: item?.version ?? 0,
    };
  }

  const answersOf = (access: AgreementAccess, party?: string) =>
    queryCollection<RelationAnswer & { type?: string; id?: string }>(
      access.db,
      access.agreement.space,
      access.agreement.id,
      party ? `${ANSWER_PREFIX}${party}${SEP}` : ANSWER_PREFIX,
    ).then((items) => items.map(({ type: _t, id: _i, ...a }) => a as RelationAnswer).sort(byTime));

  async function answer(
    access: AgreementAccess,
    party: ConfirmingParty,
    input: { round: number; state: AnswerState; reason?: string; onBehalf?: RelationAnswer['onBehalf'] },
  ): Promise<PartyConfirmation> {
    const steering = await steeringOf(access);
    assertAnswerable(steering.relation !== null, input.round, steering.round);
    const previous = (await answersOf(access, party.party)).at(-1) ?? null;
    const at = new Date().toISOString();
    const stored: RelationAnswer = {
      party: party.party,
      partyName: party.partyName,
      round: input.round,
      state: input.state,
      ...(input.reason ? { reason: input.reason } : {}),
      ...(input.onBehalf ? { onBehalf: input.onBehalf } : {}),
      by: scope.actor,
      ...(scope.actorName ? { byName: scope.actorName } : {}),
      at,
    };
    const { db, agreement } = access;
    await transact(
      db,
      [
        {
          Put: {
            TableName: db.tableName,
            Item: {
              pk: keys.agreement(agreement.space, agreement.id).pk,
              sk: `${ANSWER_PREFIX}${party.party}${SEP}${at}${SEP}${newId()}`,
              type: 'relationAnswer',
              ...stored,
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        // The answer is to the decision as read: a re-decision meanwhile makes it stale.
        {
          ConditionCheck: {
            TableName: db.tableName,
            Key: keys.steering(agreement.space, agreement.id),
            ConditionExpression: 'version = :v',
            ExpressionAttributeValues: { ':v': steering.version },
          },
        },
        ...auditInCollection(access, scope, {
          at,
          action: input.onBehalf ? 'relation.recordConfirmation' : `relation.${input.state}`,
          objectType: 'relation',
          changes: {
            [`relation.${party.party}`]: {
              before: { state: confirmationState(previous, steering.round), round: steering.round },
              after: {
                state: input.state,
                round: input.round,
                ...(input.reason ? { reason: input.reason } : {}),
                ...(input.onBehalf ? input.onBehalf : {}),
              },
            },
          },
        }),
      ],
      new DomainError('CONFLICT', 'relation.changedMeanwhile', {
        message: 'The relation or an answer was changed meanwhile; reload and try again',
      }),
    );
    return { ...party, state: input.state, round: steering.round, answer: stored };
  }

  /** A provider answers for its own party only, and only on an agreement it sees (else NOT_FOUND). */
  async function ownParty(agreementId: string) {
    const access = await accessAgreement(base, scope, widen, agreementId);
    if (access.side !== 'provider') throw notFound('Agreement');
    const party = confirmingParties(access.agreement).find((p) => p.party === scope.space);
    if (!party) throw notFound('Agreement');
    return { access, party };
  }

  return {
    async overview(agreementId: string): Promise<ConfirmationOverview> {
      const access = await accessAgreement(base, scope, widen, agreementId);
      if (access.side !== 'municipality') throw notFound('Agreement');
      return overviewOf(access, await steeringOf(access), await answersOf(access));
    },

    async partyView(agreementId: string): Promise<RelationPartyView> {
      const { access, party } = await ownParty(agreementId);
      const steering = await steeringOf(access);
      const history = await answersOf(access, party.party);
      const last = history.at(-1) ?? null;
      return {
        agreementId,
        reference: access.agreement.reference,
        title: access.agreement.title,
        ownerName: access.ownerName,
        party: { party: party.party, partyName: party.partyName },
        round: steering.round,
        state: confirmationState(last, steering.round),
        answer: last,
        history,
        relation: steering.relation ? shareableRelation(steering.relation) : null,
        roles: shareableRoles(steering.roles),
      };
    },

    async confirm(input: { agreementId: string; round: number }) {
      const { access, party } = await ownParty(input.agreementId);
      return answer(access, party, { round: input.round, state: 'confirmed' });
    },

    async askChange(input: { agreementId: string; round: number; reason: string }) {
      const { access, party } = await ownParty(input.agreementId);
      return answer(access, party, { round: input.round, state: 'change_asked', reason: input.reason });
    },

    /** The municipality records the board's confirmation for a party that has no users of its own. */
    async recordConfirmation(input: {
      agreementId: string;
      round: number;
      party: string;
      decisionRef: string;
      date: string;
    }) {
      const access = await accessAgreement(base, scope, widen, input.agreementId);
      if (access.side !== 'municipality') throw notFound('Agreement');
      const party = confirmingParties(access.agreement).find((p) => p.party === input.party);
      if (!party)
        throw new DomainError('BAD_REQUEST', 'relation.partyUnknown', {
          field: 'party',
          message: 'This organisation is not a party to this agreement',
        });
      if (party.portal)
        throw new DomainError('BAD_REQUEST', 'relation.partyHasPortal', {
          field: 'party',
          message: 'This party has users of its own and confirms itself',
        });
      return answer(access, party, {
        round: input.round,
        state: 'confirmed',
        onBehalf: { decisionRef: input.decisionRef, date: input.date },
      });
    },
  };

  async function overviewOf(
    access: AgreementAccess,
    steering: StoredSteering,
    answers: RelationAnswer[],
  ): Promise<ConfirmationOverview> {
    const rounds = (
      await queryCollection<RelationRound & { type?: string }>(
        access.db,
        access.agreement.space,
        access.agreement.id,
        ROUND_PREFIX,
      )
    ).map(({ type: _t, ...r }) => r as RelationRound);
    return {
      round: steering.round,
      parties: partyConfirmations(confirmingParties(access.agreement as Agreement), answers, steering.round),
      answers,
      rounds,
    };
  }
}

const byTime = (a: { at: string }, b: { at: string }) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0);
