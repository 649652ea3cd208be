import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { DomainError } from '@regie/core';
import type { Db } from './client.ts';
import { guard, isConditionFailure } from './errors.ts';
import { keys } from './keys.ts';
import type { Scope } from './scope.ts';

const DAY_SECONDS = 24 * 3600;

export type IdempotencyClaim = { state: 'new' } | { state: 'done'; result: unknown };

/**
 * Idempotency-Key records (SPEC §7): the first request with a key claims it, runs, and stores its
 * result; a retry with the same key gets that result back without running again. Records expire
 * after a day (DynamoDB TTL). Keys are per space and user, so one caller can never see another's result.
 */
export function idempotencyRepository(db: Db, scope: Scope) {
  const key = (idempotencyKey: string) => keys.idempotency(scope.space, scope.actor, idempotencyKey);
  return {
    async claim(idempotencyKey: string, fingerprint: string): Promise<IdempotencyClaim> {
      try {
        await guard(() =>
          db.doc.send(
            new PutCommand({
              TableName: db.tableName,
              Item: {
                ...key(idempotencyKey),
                type: 'idempotency',
                state: 'pending',
                fingerprint,
                expiresAt: Math.floor(Date.now() / 1000) + DAY_SECONDS,
              },
              ConditionExpression: 'attribute_not_exists(pk)',
            }),
          ),
        );
        return { state: 'new' };
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
      const existing = await guard(() =>
        db.doc.send(
          new GetCommand({ TableName: db.tableName, Key: key(idempotencyKey), ConsistentRead: true }),
        ),
      );
      const item = existing.Item;
      if (!item) return this.claim(idempotencyKey, fingerprint);
      if (item.fingerprint !== fingerprint) {
        throw new DomainError('CONFLICT', 'idempotency.keyReused', {
          message: 'This Idempotency-Key was used for a different request',
        });
      }
      if (item.state !== 'done')
        throw new DomainError('CONFLICT', 'idempotency.inProgress', {
          message: 'A request with this Idempotency-Key is still running',
        });
      return { state: 'done', result: JSON.parse(item.result as string) };
    },

    async complete(idempotencyKey: string, result: unknown): Promise<void> {
      await guard(() =>
        db.doc.send(
          new UpdateCommand({
            TableName: db.tableName,
            Key: key(idempotencyKey),
            UpdateExpression: 'SET #state = :done, #result = :result',
            ExpressionAttributeNames: { '#state': 'state', '#result': 'result' },
            ExpressionAttributeValues: { ':done': 'done', ':result': JSON.stringify(result ?? null) },
          }),
        ),
      );
    },

    /** A failed request releases its key so the client may retry it. */
    async release(idempotencyKey: string): Promise<void> {
      await guard(() =>
        db.doc.send(new DeleteCommand({ TableName: db.tableName, Key: key(idempotencyKey) })),
      );
    },
  };
}
