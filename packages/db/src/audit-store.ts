import { type AuditEvent, GENESIS_HASH, sealEvent } from '@regie/core';
import type { Db } from './client.ts';
import { queryCollection } from './collection.ts';
import { keys } from './keys.ts';

export interface ChainHead {
  auditSeq: number;
  auditHash: string;
}

/**
 * Builds the next event of a chain and the Put that writes it. The caller puts it in the same
 * transaction as the change it records, next to a conditional update of the chain head, so two writers
 * can never both append the same seq.
 */
export function nextAuditEvent(
  db: Db,
  space: string,
  head: ChainHead | null,
  event: Omit<AuditEvent, 'seq' | 'prevHash' | 'hash'>,
) {
  const seq = (head?.auditSeq ?? 0) + 1;
  const sealed = sealEvent({ ...event, seq, prevHash: head?.auditHash ?? GENESIS_HASH });
  const put = {
    Put: {
      TableName: db.tableName,
      Item: { ...keys.auditEvent(space, event.objectId, seq), type: 'audit', ...sealed },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
  return { event: sealed, put, head: { auditSeq: seq, auditHash: sealed.hash } };
}

/** All events of one agreement's chain, in order. Cost grows with that agreement's history only. */
export function readChain(db: Db, space: string, agreementId: string): Promise<AuditEvent[]> {
  return queryCollection<AuditEvent>(db, space, agreementId, keys.auditPrefix);
}
