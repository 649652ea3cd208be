import { type AuditEvent, GENESIS_HASH, sealEvent, type VerifyResult, verifyChain } from '@regie/core';
import type { Db } from './client.ts';
import { keys } from './keys.ts';
import { queryAll, stripKeys } from './query.ts';
import type { Scope } from './scope.ts';
import type { TransactItem } from './transact.ts';

/** The head of a space's own audit chain, kept on its space record (absent until the first event). */
export interface SpaceHead {
  auditSeq?: number;
  auditHash?: string;
}

/**
 * The space's own audit trail (settings, organisations): events at `keys.spaceEvent`, hash-chained exactly like an
 * agreement's (audit-store.ts), the head on the space record. Returns the event's Put and what the space record's
 * Update must add to advance the head only if nobody else did meanwhile.
 */
export function nextSpaceEvent(
  db: Db,
  scope: Scope,
  space: string,
  head: SpaceHead,
  event: Pick<AuditEvent, 'at' | 'action' | 'objectType' | 'objectId' | 'changes'>,
) {
  const seq = (head.auditSeq ?? 0) + 1;
  const sealed = sealEvent({
    ...event,
    seq,
    actor: scope.actor,
    actorName: scope.actorName,
    organisation: scope.organisation,
    prevHash: head.auditHash ?? GENESIS_HASH,
  });
  const put: TransactItem = {
    Put: {
      TableName: db.tableName,
      Item: { ...keys.spaceEvent(space, seq), type: 'audit', ...sealed },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
  return {
    put,
    set: 'auditSeq = :seq, auditHash = :hash',
    condition: head.auditSeq === undefined ? 'attribute_not_exists(auditSeq)' : 'auditSeq = :seen',
    values: {
      ':seq': seq,
      ':hash': sealed.hash,
      ...(head.auditSeq === undefined ? {} : { ':seen': head.auditSeq }),
    } as Record<string, unknown>,
  };
}

/** Every event of a space's own chain, oldest first. */
export async function readSpaceChain(db: Db, space: string): Promise<AuditEvent[]> {
  const items = await queryAll(db, {
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': keys.space(space).pk, ':prefix': keys.auditPrefix },
    ConsistentRead: true,
  });
  return items.map((item) => stripKeys<AuditEvent>(item));
}

/** Recomputes the space's chain and checks its last link against the head on the space record. */
export function verifySpaceChain(events: AuditEvent[], head: SpaceHead): VerifyResult {
  const result = verifyChain(events);
  if (!result.valid) return result;
  const seq = head.auditSeq ?? 0;
  if (events.length !== seq || (seq > 0 && events.at(-1)?.hash !== head.auditHash)) {
    return {
      valid: false,
      events: events.length,
      brokenAt: Math.min(events.length, seq) + 1,
      reason: 'chain is shorter than its head',
    };
  }
  return result;
}
