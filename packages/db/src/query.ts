import { QueryCommand, type QueryCommandInput, type QueryCommandOutput } from '@aws-sdk/lib-dynamodb';
import type { Db } from './client.ts';
import { decodeCursor, encodeCursor, type Page } from './cursor.ts';
import { guard } from './errors.ts';

export type Key = Record<string, unknown>;
/** An item as the SDK returns it. */
export type Item = NonNullable<QueryCommandOutput['Items']>[number];
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

/** How to read one page of a gsi1 partition (see `gsi1Page`). */
export interface Gsi1Read {
  limit: number;
  /** Resume here; checked to point into the partition read. */
  cursor?: string;
  /** Descending sort keys (newest first); ascending by default. */
  descending?: boolean;
  /** Only sort keys below this one. */
  before?: string;
}

/** One page of a gsi1 partition — the shape of every list a space's index answers (due, signals, open …). */
export async function gsi1Page(db: Db, pk: string, read: Gsi1Read): Promise<Page<Item>> {
  const page = await guard(() =>
    db.doc.send(
      new QueryCommand({
        TableName: db.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: `gsi1pk = :pk${read.before === undefined ? '' : ' AND gsi1sk < :before'}`,
        ExpressionAttributeValues: {
          ':pk': pk,
          ...(read.before === undefined ? {} : { ':before': read.before }),
        },
        ...(read.descending ? { ScanIndexForward: false } : {}),
        Limit: read.limit,
        ...(read.cursor ? { ExclusiveStartKey: decodeCursor(read.cursor, 'gsi1pk', pk) } : {}),
      }),
    ),
  );
  return { items: page.Items ?? [], nextCursor: encodeCursor(page.LastEvaluatedKey) };
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
  const from = item as Record<string, unknown>;
  // for…in over a plain item (no prototype properties): no [key, value] pair allocated per attribute.
  for (const k in from) if (!STORAGE_KEYS.has(k) && !also.includes(k)) out[k] = from[k];
  return out as T;
}
