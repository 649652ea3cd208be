import { DomainError } from '@regie/core';

const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'TimeoutError',
  'RequestTimeout',
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'InternalServerError',
  'ServiceUnavailable',
]);

function isUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const e = error as Error & { code?: string; $metadata?: { httpStatusCode?: number }; cause?: unknown };
  if (UNAVAILABLE_CODES.has(e.name) || (e.code && UNAVAILABLE_CODES.has(e.code))) return true;
  if ((e.$metadata?.httpStatusCode ?? 0) >= 500) return true;
  if (e.cause && e.cause !== error) return isUnavailable(e.cause);
  const agg = error as { errors?: unknown[] };
  return Array.isArray(agg.errors) && agg.errors.some(isUnavailable);
}

/** Runs one database call; turns an unreachable or overloaded database into a DomainError('UNAVAILABLE'). */
export async function guard<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof DomainError) throw error;
    if (isUnavailable(error))
      throw new DomainError('UNAVAILABLE', 'database.unavailable', {
        message: 'The database is unavailable; try again shortly',
      });
    throw error;
  }
}

/** For a cancelled transaction: the index of the first item whose condition failed, or -1. */
export function failedConditionIndex(error: unknown): number {
  const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons;
  if (!Array.isArray(reasons)) return -1;
  return reasons.findIndex((r) => r?.Code === 'ConditionalCheckFailed');
}

export function isConditionFailure(error: unknown): boolean {
  const name = (error as Error)?.name;
  return (
    name === 'ConditionalCheckFailedException' ||
    (name === 'TransactionCanceledException' && failedConditionIndex(error) >= 0)
  );
}
