import { GetCommand } from '@aws-sdk/lib-dynamodb';
import {
  DomainError,
  type Escalation,
  escalate,
  ladderOf,
  mayResolve,
  newId,
  openEscalation,
  resolveEscalation,
  respondEscalation,
} from '@regie/core';
import {
  type AgreementAccess,
  accessAgreement,
  actingParty,
  auditInCollection,
  ownPartyOnly,
  queryCollection,
  readOwnPartyItem,
  type Widen,
} from './agreement-access.ts';
import type { Db } from './client.ts';
import { guard } from './errors.ts';
import { keys, SEP } from './keys.ts';
import { gsi1Page, stripKeys } from './query.ts';
import { assertReach, type Scope } from './scope.ts';
import { transact } from './transact.ts';

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
  /** The provider party it is about, and its name. */
  party?: string;
  partyName?: string;
}

const strip = (item: Record<string, unknown>): Escalation => {
  const e = stripKeys<Escalation>(item, ['reference', 'agreementTitle']);
  // Escalations stored before the opening side was kept: the side of their first step.
  return { ...e, side: e.side ?? e.steps[0]!.side };
};

/** The ladder in force on an agreement: its governance's, or the default one. */
export async function escalationLadder(access: AgreementAccess) {
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

/**
 * The stored escalation: in the agreement's collection, and while open on the space's index by deadline. Also
 * written by a notification turned into an escalation (notifications.ts), in that change's one transaction.
 */
export function escalationItem(
  access: AgreementAccess,
  escalation: Escalation & { notificationId?: string },
) {
  const { agreement } = access;
  return {
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
}

/**
 * Escalations per agreement (SPEC §4.6). Either side may open one; each is about one provider party, which alone
 * (with the owner) sees it. The opening side resolves it (or the owner's roles); the other side responds or takes
 * it a level up (docs/steering-design.md).
 */
export function escalationRepository(base: Db, scope: Scope, widen: Widen) {
  const by = (access: AgreementAccess) => ({
    actor: scope.actor,
    actorName: scope.actorName,
    side: access.side,
    at: new Date().toISOString(),
  });

  const ladderFor = escalationLadder;

  /** Writes the escalation with its audit event; while open it sits on the space's index by deadline. */
  async function save(
    access: AgreementAccess,
    escalation: Escalation,
    previousVersion: number | null,
    action: string,
  ) {
    const { db } = access;
    const item = escalationItem(access, escalation);
    const last = escalation.steps.at(-1)!;
    await transact(
      db,
      [
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
      new DomainError('CONFLICT', 'escalation.changedMeanwhile', {
        message: 'The escalation was changed meanwhile; reload and try again',
      }),
    );
    return escalation;
  }

  async function load(
    access: AgreementAccess,
    escalationId: string,
    expectedVersion: number,
  ): Promise<Escalation> {
    // Another party's escalation answers like a missing one.
    const item = await readOwnPartyItem(
      access,
      scope,
      keys.escalation(access.agreement.space, access.agreement.id, escalationId),
    );
    if (!item) throw new DomainError('NOT_FOUND', 'escalation.notFound', { message: 'Escalation not found' });
    const escalation = strip(item);
    if (escalation.version !== expectedVersion) {
      throw new DomainError('CONFLICT', 'escalation.versionConflict', {
        params: { version: escalation.version, expectedVersion },
        message: `The escalation was changed (version ${escalation.version}, you sent ${expectedVersion})`,
      });
    }
    return escalation;
  }

  return {
    async open(input: {
      agreementId: string;
      subject: string;
      description: string;
      party?: string;
    }): Promise<Escalation> {
      const access = await accessAgreement(base, scope, widen, input.agreementId);
      const party = actingParty(access, scope, input.party);
      const escalation = openEscalation(
        {
          agreementId: input.agreementId,
          subject: input.subject,
          description: input.description,
          id: newId(),
          ...(party ?? {}),
        },
        await ladderFor(access),
        by(access),
      );
      return save(access, escalation, null, 'escalation.open');
    },

    /** The other side's answer (or either side's note) on an open escalation, at its current level. */
    async respond(input: {
      agreementId: string;
      escalationId: string;
      expectedVersion: number;
      note: string;
    }) {
      const access = await accessAgreement(base, scope, widen, input.agreementId);
      const current = await load(access, input.escalationId, input.expectedVersion);
      return save(
        access,
        respondEscalation(current, input.note, by(access)),
        current.version,
        'escalation.respond',
      );
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
      const ownerRole =
        scope.space === access.agreement.space &&
        scope.roles.some((r) => r === 'contractmanager' || r === 'inkoper');
      if (!mayResolve(current, { side: access.side, ownerRole })) {
        throw new DomainError('FORBIDDEN', 'escalation.resolveForbidden', {
          field: 'escalationId',
          message:
            'Only the side that opened this escalation, or the owner’s contract manager or purchaser, resolves it; respond or escalate instead',
        });
      }
      return save(
        access,
        resolveEscalation(current, input.note, by(access)),
        current.version,
        'escalation.resolve',
      );
    },

    /** The escalations of one agreement, open ones first. */
    async list(agreementId: string): Promise<Escalation[]> {
      const access = await accessAgreement(base, scope, widen, agreementId);
      const { db, agreement } = access;
      const items = await queryCollection<Record<string, unknown> & { party?: string }>(
        db,
        agreement.space,
        agreement.id,
        keys.escalationPrefix,
      );
      return ownPartyOnly(access, scope, items)
        .map(strip)
        .sort((a, b) => (a.status === b.status ? 0 : a.status === 'open' ? -1 : 1));
    },

    /** A space's open escalations by deadline (cost grows with what is open, not with the register). */
    async openInSpace(filter: { space?: string; limit: number }): Promise<OpenEscalationRow[]> {
      const space = filter.space ?? scope.space;
      assertReach(scope, space);
      const page = await gsi1Page(base, keys.openEscalations(space), { limit: filter.limit });
      const today = new Date().toISOString().slice(0, 10);
      return page.items.map((i) => ({
        id: i.id,
        agreementId: i.agreementId,
        reference: i.reference,
        title: i.agreementTitle,
        subject: i.subject,
        level: i.level,
        levelName: i.ladder[i.level].level,
        deadline: i.deadline,
        overdue: i.deadline < today,
        ...(i.party ? { party: i.party, partyName: i.partyName ?? i.party } : {}),
      }));
    },
  };
}
