import { QueryCommand, type QueryCommandInput, type QueryCommandOutput } from '@aws-sdk/lib-dynamodb';
import type { Db } from './client.ts';
import { guard } from './errors.ts';

export type Key = Record<string, unknown>;
/** A query without the table (the bound one) and without the start key (the helper carries it). */
export type QueryInput = Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>;

/**
 * The one pagination loop: the pages of a query, each read through `guard`, following `LastEvaluatedKey`
 * until the partition is exhausted or the caller stops iterating. `input` may be a function, called before
 * every page, for a query whose `Limit` shrinks as rows are collected.
 */
export async function* queryPages(
  db: Db,
  input: QueryInput | (() => QueryInput),
  start?: Key,
): AsyncGenerator<QueryCommandOutput> {
  let next = start;
  do {
    const query = typeof input === 'function' ? input() : input;
    const page = await guard(() =>
      db.doc.send(new QueryCommand({ ...query, TableName: db.tableName, ExclusiveStartKey: next })),
    );
    yield page;
    next = page.LastEvaluatedKey;
  } while (next);
}

/**
 * Every item a query finds, in order; stops reading once `max` items are held (the result may then hold a
 * page's worth more, as the loops it replaces did).
 */
export async function queryAll(db: Db, input: QueryInput, max = Number.POSITIVE_INFINITY): Promise<Key[]> {
  const out: Key[] = [];
  for await (const page of queryPages(db, input)) {
    out.push(...(page.Items ?? []));
    if (out.length >= max) break;
  }
  return out;
}

/** Attributes that belong to the table, never to the domain object stored in an item. */
const STORAGE_KEYS = new Set([
  'pk',
  'sk',
  'gsi1pk',
  'gsi1sk',
  'gsi2pk',
  'gsi2sk',
  'gsi3pk',
  'gsi3sk',
  'gsi4pk',
  'gsi4sk',
  'type',
  'auditSeq',
  'auditHash',
]);

/** An item without its storage attributes (keys, index keys, item type, audit head) and any `also` named. */
export function stripKeys<T>(item: object, also: readonly string[] = []): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(item)) if (!STORAGE_KEYS.has(k) && !also.includes(k)) out[k] = v;
  return out as T;
}
