import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { DomainError } from '@regie/core';
import type { Db } from './client.ts';
import { guard, isConditionFailure } from './errors.ts';
import { keys } from './keys.ts';
import { PENDING_CLAIM_SECONDS, STORED_RESULT_MAX_BYTES } from './limits.ts';
import type { Scope } from './scope.ts';

const DAY_SECONDS = 24 * 3600;

export type IdempotencyClaim = { state: 'new' } | { state: 'done'; result: unknown };

/** Why a done request's result was not kept: it carried a secret, or it was too large to store. */
export type NotStored = 'secret' | 'size';

const nowSeconds = () => Math.floor(Date.now() / 1000);

/**
 * Idempotency-Key records (SPEC §7): the first request with a key claims it, runs, and stores its
 * result; a retry with the same key gets that result back without running again. Records expire
 * after a day (DynamoDB TTL). Keys are per space and user, so one caller can never see another's result.
 *
 * A claim cannot wedge: one still pending after PENDING_CLAIM_SECONDS (the API timeout plus a margin) belongs
 * to a request that can no longer finish, and a retry takes it over. A result that must not or cannot be kept
 * (a secret, or more than STORED_RESULT_MAX_BYTES) is stored as a marker; a retry then hears that the request
 * was done and that the object is to be fetched, never a second effect.
 */
export function idempotencyRepository(db: Db, scope: Scope) {
  const key = (idempotencyKey: string) => keys.idempotency(scope.space, scope.actor, idempotencyKey);
  return {
    async claim(idempotencyKey: string, fingerprint: string): Promise<IdempotencyClaim> {
      const now = nowSeconds();
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
                pendingUntil: now + PENDING_CLAIM_SECONDS,
                expiresAt: now + DAY_SECONDS,
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
      if (item.state === 'done') {
        if (item.notStored) {
          throw new DomainError('CONFLICT', 'idempotency.doneNotStored', {
            message: 'The request with this Idempotency-Key was done; fetch the object it changed',
            params: { why: item.notStored as NotStored },
          });
        }
        return { state: 'done', result: JSON.parse(item.result as string) };
      }
      const pendingUntil = typeof item.pendingUntil === 'number' ? item.pendingUntil : 0;
      if (pendingUntil > now) {
        throw new DomainError('CONFLICT', 'idempotency.inProgress', {
          message: 'A request with this Idempotency-Key is still running',
        });
      }
      // The request that claimed the key has been stopped by now: take the claim over, once.
      try {
        await guard(() =>
          db.doc.send(
            new UpdateCommand({
              TableName: db.tableName,
              Key: key(idempotencyKey),
              UpdateExpression: 'SET pendingUntil = :until',
              ConditionExpression:
                '#state = :pending AND (attribute_not_exists(pendingUntil) OR pendingUntil = :seen)',
              ExpressionAttributeNames: { '#state': 'state' },
              ExpressionAttributeValues: {
                ':until': now + PENDING_CLAIM_SECONDS,
                ':pending': 'pending',
                ':seen': pendingUntil,
              },
            }),
          ),
        );
        return { state: 'new' };
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        throw new DomainError('CONFLICT', 'idempotency.inProgress', {
          message: 'A request with this Idempotency-Key is still running',
        });
      }
    },

    /**
     * Records the result for replay; `secret` results (e.g. a feed link) are never stored, only that the request
     * was done. Answers what was kept.
     */
    async complete(
      idempotencyKey: string,
      result: unknown,
      options: { secret?: boolean } = {},
    ): Promise<'result' | NotStored> {
      const serialised = options.secret ? '' : JSON.stringify(result ?? null);
      const kept: 'result' | NotStored = options.secret
        ? 'secret'
        : Buffer.byteLength(serialised) > STORED_RESULT_MAX_BYTES
          ? 'size'
          : 'result';
      await guard(() =>
        db.doc.send(
          new UpdateCommand({
            TableName: db.tableName,
            Key: key(idempotencyKey),
            UpdateExpression:
              kept === 'result'
                ? 'SET #state = :done, #result = :result REMOVE pendingUntil'
                : 'SET #state = :done, notStored = :why REMOVE pendingUntil',
            ExpressionAttributeNames:
              kept === 'result' ? { '#state': 'state', '#result': 'result' } : { '#state': 'state' },
            ExpressionAttributeValues:
              kept === 'result'
                ? { ':done': 'done', ':result': serialised }
                : { ':done': 'done', ':why': kept },
          }),
        ),
      );
      return kept;
    },

    /** A failed request releases its key so the client may retry it. */
    async release(idempotencyKey: string): Promise<void> {
      await guard(() =>
        db.doc.send(new DeleteCommand({ TableName: db.tableName, Key: key(idempotencyKey) })),
      );
    },
  };
}
