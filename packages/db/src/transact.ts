import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { DomainError } from '@regie/core';
import type { Db } from './client.ts';
import { failedConditionIndex, guard, isConditionFailure } from './errors.ts';

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** What a failed condition means to the caller: one error, or one chosen by the index of the failed item. */
export type OnConflict = DomainError | ((index: number) => DomainError | Promise<DomainError>);

/**
 * The one transaction helper: writes `items` in one TransactWriteCommand through `guard`, and turns a failed
 * condition into the caller's DomainError (given the index of the first item whose condition failed).
 * `onCollision`, when given, is thrown for a transaction cancelled for another reason (AWS cancels one that
 * collides with another on the same item); without it that error passes through unchanged.
 */
export async function transact(
  db: Db,
  items: TransactItem[],
  onConflict: OnConflict,
  onCollision?: DomainError,
): Promise<void> {
  try {
    await guard(() => db.doc.send(new TransactWriteCommand({ TransactItems: items })));
  } catch (error) {
    if (isConditionFailure(error))
      throw typeof onConflict === 'function' ? await onConflict(failedConditionIndex(error)) : onConflict;
    if (onCollision && (error as Error)?.name === 'TransactionCanceledException') throw onCollision;
    throw error;
  }
}
