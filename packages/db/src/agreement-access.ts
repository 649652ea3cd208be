import { GetCommand } from '@aws-sdk/lib-dynamodb';
import {
  type Agreement,
  type AuditEvent,
  agreementState,
  DomainError,
  notFound,
  type PartyLabel,
  providerParties,
  spaceKind,
} from '@regie/core';
import { loadAgreement } from './agreements.ts';
import { nextAuditEvent } from './audit-store.ts';
import type { Db } from './client.ts';
import { readSpace } from './directory.ts';
import { guard } from './errors.ts';
import { keys } from './keys.ts';
import type { Scope } from './scope.ts';
import type { TransactItem } from './transact.ts';

/**
 * A database handle that may also reach exactly the given item collections (partition keys) — how a
 * provider's request reaches the one agreement collection it works in (docs/steering-design.md). In AWS
 * that is a session policy naming those keys; locally the same handle serves.
 */
export type Widen = (collections: readonly string[]) => Promise<Db>;

export type { TransactItem } from './transact.ts';

export interface AgreementAccess {
  /** The handle to use for the agreement's own collection. */
  db: Db;
  agreement: Agreement & { auditSeq: number; auditHash: string };
  ownerName: string;
  /** Whether the caller acts as the provider (party) or for the owning municipality or region. */
  side: 'provider' | 'municipality';
}

/**
 * The agreement a caller may work on, with the handle to reach it. A municipal caller reads it from its own
 * reach. A provider only through its own party view, and then only that agreement's item collection — an
 * agreement it is not party to answers NOT_FOUND, exactly like a missing one.
 */
export async function accessAgreement(
  base: Db,
  scope: Scope,
  widen: Widen,
  agreementId: string,
): Promise<AgreementAccess> {
  if (spaceKind(scope.space) !== 'provider') {
    const agreement = await loadAgreement(base, scope.reach, agreementId);
    const ownerName = (await readSpace(base, agreement.space))?.name ?? agreement.space;
    return { db: base, agreement, ownerName, side: 'municipality' };
  }
  const view = await guard(() =>
    base.doc.send(
      new GetCommand({
        TableName: base.tableName,
        Key: keys.partyView(scope.space, agreementId),
        ConsistentRead: true,
      }),
    ),
  );
  if (!view.Item) throw notFound('Agreement');
  const owner = view.Item.ownerSpace as string;
  const db = await widen([keys.agreement(owner, agreementId).pk]);
  return {
    db,
    agreement: await loadAgreement(db, [owner], agreementId),
    ownerName: view.Item.ownerName as string,
    side: 'provider',
  };
}

/**
 * The provider party an item the caller writes belongs to (SPEC §2 rule 6). A provider always writes for its own
 * party; naming another answers NOT_FOUND, like any object outside its visibility. A municipal caller acting on
 * behalf of a party names it where the agreement has more than one provider party; with one it is that one;
 * with none (a joint body without a portal) the item has no party.
 */
export function actingParty(access: AgreementAccess, scope: Scope, requested?: string): PartyLabel | null {
  const parties = providerParties(access.agreement);
  if (access.side === 'provider') {
    if (requested !== undefined && requested !== scope.space) throw notFound('Party');
    return parties.find((p) => p.party === scope.space) ?? { party: scope.space, partyName: scope.space };
  }
  if (requested !== undefined) {
    const named = parties.find((p) => p.party === requested);
    if (!named)
      throw new DomainError('BAD_REQUEST', 'party.notProvider', {
        field: 'party',
        message: 'This agreement has no provider party with that space',
      });
    return named;
  }
  if (parties.length > 1)
    throw new DomainError('BAD_REQUEST', 'party.nameRequired', {
      field: 'party',
      message: 'This agreement has several provider parties: name the party',
    });
  return parties[0] ?? null;
}

/** The items of an agreement's collection the caller may read: a provider only its own party's. */
export function ownPartyOnly<T extends { party?: string }>(
  access: AgreementAccess,
  scope: Scope,
  items: readonly T[],
): T[] {
  return access.side === 'provider' ? items.filter((i) => i.party === scope.space) : [...items];
}

/**
 * One item of the agreement's collection as the caller may see it: read consistently, and another provider party's
 * item answers as a missing one (null), so a co-party cannot tell the two apart.
 */
export async function readOwnPartyItem(
  access: AgreementAccess,
  scope: Scope,
  key: Record<string, string>,
): Promise<Record<string, unknown> | null> {
  const result = await guard(() =>
    access.db.doc.send(new GetCommand({ TableName: access.db.tableName, Key: key, ConsistentRead: true })),
  );
  if (!result.Item || ownPartyOnly(access, scope, [result.Item]).length === 0) return null;
  return result.Item;
}

/**
 * The audit event for a change in an agreement's collection and the conditional advance of its chain head,
 * to put in the same transaction as the change (the agreement's terms and version stay untouched).
 */
export function auditInCollection(
  access: AgreementAccess,
  scope: Scope,
  event: { action: string; objectType: string; changes: AuditEvent['changes']; at: string },
  extraSet: Record<string, unknown> = {},
): TransactItem[] {
  const { db, agreement } = access;
  const audit = nextAuditEvent(db, agreement.space, agreement, {
    at: event.at,
    actor: scope.actor,
    actorName: scope.actorName,
    organisation: scope.organisation,
    action: event.action,
    objectType: event.objectType,
    objectId: agreement.id,
    changes: event.changes,
    // The agreement as this change leaves it: its fields as loaded with those the change sets.
    state: agreementState({ ...agreement, ...extraSet }),
  });
  const names = Object.keys(extraSet);
  return [
    {
      Update: {
        TableName: db.tableName,
        Key: keys.agreement(agreement.space, agreement.id),
        UpdateExpression: `SET auditSeq = :seq, auditHash = :hash${names.map((_n, i) => `, #x${i} = :x${i}`).join('')}`,
        ConditionExpression: 'auditSeq = :head',
        ExpressionAttributeNames: names.length
          ? Object.fromEntries(names.map((n, i) => [`#x${i}`, n]))
          : undefined,
        ExpressionAttributeValues: {
          ':seq': audit.head.auditSeq,
          ':hash': audit.head.auditHash,
          ':head': agreement.auditSeq,
          ...Object.fromEntries(names.map((n, i) => [`:x${i}`, extraSet[n]])),
        },
      },
    },
    audit.put,
  ];
}

export { queryCollection } from './collection.ts';
