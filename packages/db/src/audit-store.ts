import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { type AuditEvent, GENESIS_HASH, sealEvent } from '@regie/core';
import type { Db } from './client.ts';
import { guard } from './errors.ts';
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
export async function readChain(db: Db, space: string, agreementId: string): Promise<AuditEvent[]> {
  const events: AuditEvent[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await guard(() =>
      db.doc.send(
        new QueryCommand({
          TableName: db.tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :ev)',
          ExpressionAttributeValues: {
            ':pk': keys.agreement(space, agreementId).pk,
            ':ev': keys.auditPrefix,
          },
          ExclusiveStartKey: start,
          ConsistentRead: true,
        }),
      ),
    );
    for (const item of page.Items ?? []) {
      const { pk: _pk, sk: _sk, type: _type, ...event } = item;
      events.push(event as AuditEvent);
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return events;
}
