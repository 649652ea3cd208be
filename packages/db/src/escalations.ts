import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import {
  DomainError,
  type Escalation,
  escalate,
  ladderOf,
  newId,
  openEscalation,
  resolveEscalation,
} from '@regie/core';
import {
  type AgreementAccess,
  accessAgreement,
  auditInCollection,
  queryCollection,
  type Widen,
} from './agreement-access.ts';
import type { Db } from './client.ts';
import { guard, isConditionFailure } from './errors.ts';
import { keys, SEP } from './keys.ts';
import type { Scope } from './scope.ts';

export interface OpenEscalationRow {
  id: string;
  agreementId: string;
  reference: string;
  title: string;
  subject: string;
  level: number;
  levelName: string;
  deadline: string;
  overdue: boolean;
}

const strip = (item: Record<string, unknown>): Escalation => {
  const {
    pk: _pk,
    sk: _sk,
    type: _t,
    gsi1pk: _g,
    gsi1sk: _s,
    reference: _r,
    agreementTitle: _a,
    ...rest
  } = item;
  return rest as unknown as Escalation;
};

/** Escalations per agreement (SPEC §4.6). Either side may open one and take it up the ladder. */
export function escalationRepository(base: Db, scope: Scope, widen: Widen) {
  const by = (access: AgreementAccess) => ({
    actor: scope.actor,
    side: access.side,
    at: new Date().toISOString(),
  });

  async function ladderFor(access: AgreementAccess) {
    const steering = await guard(() =>
      access.db.doc.send(
        new GetCommand({
          TableName: access.db.tableName,
          Key: keys.steering(access.agreement.space, access.agreement.id),
        }),
      ),
    );
    return ladderOf(steering.Item?.relation?.governance?.escalationLadder);
  }

  /** Writes the escalation with its audit event; while open it sits on the space's index by deadline. */
  async function save(
    access: AgreementAccess,
    escalation: Escalation,
    previousVersion: number | null,
    action: string,
  ) {
    const { db, agreement } = access;
    const item = {
      ...keys.escalation(agreement.space, agreement.id, escalation.id),
      type: 'escalation',
      ...escalation,
      reference: agreement.reference,
      agreementTitle: agreement.title,
      ...(escalation.status === 'open'
        ? {
            gsi1pk: keys.openEscalations(agreement.space),
            gsi1sk: `${escalation.deadline}${SEP}${agreement.id}${SEP}${escalation.id}`,
          }
        : {}),
    };
    const last = escalation.steps.at(-1)!;
    try {
      await guard(() =>
        db.doc.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: db.tableName,
                  Item: item,
                  ...(previousVersion === null
                    ? { ConditionExpression: 'attribute_not_exists(pk)' }
                    : {
                        ConditionExpression: 'version = :v',
                        ExpressionAttributeValues: { ':v': previousVersion },
                      }),
                },
              },
              ...auditInCollection(access, scope, {
                at: last.at,
                action,
                objectType: 'escalation',
                changes: {
                  [`escalation.${escalation.id}`]: {
                    before: null,
                    after: { level: last.levelName, status: escalation.status, note: last.note },
                  },
                },
              }),
            ],
          }),
        ),
      );
    } catch (error) {
      if (isConditionFailure(error))
        throw new DomainError('CONFLICT', 'The escalation was changed meanwhile; reload and try again');
      throw error;
    }
    return escalation;
  }

  async function load(
    access: AgreementAccess,
    escalationId: string,
    expectedVersion: number,
  ): Promise<Escalation> {
    const result = await guard(() =>
      access.db.doc.send(
        new GetCommand({
          TableName: access.db.tableName,
          Key: keys.escalation(access.agreement.space, access.agreement.id, escalationId),
          ConsistentRead: true,
        }),
      ),
    );
    if (!result.Item) throw new DomainError('NOT_FOUND', 'Escalation not found');
    const escalation = strip(result.Item);
    if (escalation.version !== expectedVersion) {
      throw new DomainError(
        'CONFLICT',
        `The escalation was changed (version ${escalation.version}, you sent ${expectedVersion})`,
      );
    }
    return escalation;
  }

  return {
    async open(input: { agreementId: string; subject: string; description: string }): Promise<Escalation> {
      const access = await accessAgreement(base, scope, widen, input.agreementId);
      const escalation = openEscalation({ ...input, id: newId() }, await ladderFor(access), by(access));
      return save(access, escalation, null, 'escalation.open');
    },

    async escalate(input: {
      agreementId: string;
      escalationId: string;
      expectedVersion: number;
      note: string;
    }) {
      const access = await accessAgreement(base, scope, widen, input.agreementId);
      const current = await load(access, input.escalationId, input.expectedVersion);
      return save(access, escalate(current, input.note, by(access)), current.version, 'escalation.escalate');
    },

    async resolve(input: {
      agreementId: string;
      escalationId: string;
      expectedVersion: number;
      note: string;
    }) {
      const access = await accessAgreement(base, scope, widen, input.agreementId);
      const current = await load(access, input.escalationId, input.expectedVersion);
      return save(
        access,
        resolveEscalation(current, input.note, by(access)),
        current.version,
        'escalation.resolve',
      );
    },

    /** The escalations of one agreement, open ones first. */
    async list(agreementId: string): Promise<Escalation[]> {
      const { db, agreement } = await accessAgreement(base, scope, widen, agreementId);
      const items = await queryCollection<Record<string, unknown>>(
        db,
        agreement.space,
        agreement.id,
        keys.escalationPrefix,
      );
      return items.map(strip).sort((a, b) => (a.status === b.status ? 0 : a.status === 'open' ? -1 : 1));
    },

    /** A space's open escalations by deadline (cost grows with what is open, not with the register). */
    async openInSpace(filter: { space?: string; limit: number }): Promise<OpenEscalationRow[]> {
      const space = filter.space ?? scope.space;
      if (!scope.reach.includes(space)) throw new DomainError('NOT_FOUND', 'Space not found');
      const page = await guard(() =>
        base.doc.send(
          new QueryCommand({
            TableName: base.tableName,
            IndexName: 'gsi1',
            KeyConditionExpression: 'gsi1pk = :pk',
            ExpressionAttributeValues: { ':pk': keys.openEscalations(space) },
            Limit: filter.limit,
          }),
        ),
      );
      const today = new Date().toISOString().slice(0, 10);
      return (page.Items ?? []).map((i) => ({
        id: i.id,
        agreementId: i.agreementId,
        reference: i.reference,
        title: i.agreementTitle,
        subject: i.subject,
        level: i.level,
        levelName: i.ladder[i.level].level,
        deadline: i.deadline,
        overdue: i.deadline < today,
      }));
    },
  };
}
