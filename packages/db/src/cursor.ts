import { DomainError } from '@regie/core';

type Key = Record<string, unknown>;

/** One page of a listing and the cursor to the next (null at the end). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Opaque cursor: base64url JSON of the last evaluated key. */
export function encodeCursor(key: Key | undefined): string | null {
  return key ? Buffer.from(JSON.stringify(key)).toString('base64url') : null;
}

/**
 * Decodes a cursor and checks that it points into the partition the query reads, so a cursor can never
 * be used to read another space's keys.
 */
export function decodeCursor(
  cursor: string | undefined,
  indexPk: string,
  expectedPk: string,
): Key | undefined {
  if (!cursor) return undefined;
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new DomainError('BAD_REQUEST', 'cursor.invalid', { field: 'cursor', message: 'Invalid cursor' });
  }
  if (
    !key ||
    typeof key !== 'object' ||
    Array.isArray(key) ||
    (key as Key)[indexPk] !== expectedPk ||
    Object.values(key as Key).some((v) => typeof v !== 'string')
  ) {
    throw new DomainError('BAD_REQUEST', 'cursor.invalid', { field: 'cursor', message: 'Invalid cursor' });
  }
  return key as Key;
}
