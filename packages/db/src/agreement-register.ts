import type { Agreement, AgreementKind, AgreementStatus, Domain } from '@regie/core';
import type { Db } from './client.ts';
import { decodeCursor, encodeCursor, type Page } from './cursor.ts';
import { keys, SEP } from './keys.ts';
import { type QueryInput, queryPages } from './query.ts';
import { bucketOf, matchesAll } from './search.ts';

export interface AgreementFilter {
  kind?: AgreementKind;
  status?: AgreementStatus;
  domain?: Domain;
  /** An organisation id: agreements it is party to. */
  party?: string;
  /** A framework agreement's id: its call-offs. */
  parentId?: string;
  /** Agreements ending before this date (YYYY-MM-DD), soonest first. */
  endsBefore?: string;
  /** Search words, matched as prefixes of the reference, title and party names. */
  q?: string;
  /** 'newest' (default) or 'endDate' (soonest first). */
  sort?: 'newest' | 'endDate';
  /** The space whose register to read; defaults to the caller's home space. Must be in reach. */
  space?: string;
  cursor?: string;
  limit: number;
}

/**
 * Register indexes of an agreement (or of a party view, in the provider's space):
 * gsi1 = all, newest first; gsi2 = by kind; gsi3 = by status; gsi4 = by end date.
 */
export function indexAttributes(
  space: string,
  a: Pick<Agreement, 'id' | 'kind' | 'status' | 'createdAt' | 'endDate'>,
) {
  const sort = `${a.createdAt}${SEP}${a.id}`;
  const reg = keys.registerIndex(space);
  return {
    gsi1pk: reg,
    gsi1sk: sort,
    gsi2pk: `${reg}${SEP}KIND${SEP}${a.kind}`,
    gsi2sk: sort,
    gsi3pk: `${reg}${SEP}STATUS${SEP}${a.status}`,
    gsi3sk: sort,
    gsi4pk: reg,
    gsi4sk: `${a.endDate}${SEP}${a.id}`,
  };
}

/** A source of register rows: which index to query and how. */
export interface Source {
  index?: string;
  pkName: string;
  pk: string;
  skCondition?: { expression: string; values: Record<string, unknown> };
  forward: boolean;
  /** The key attributes of a returned item, to build a cursor that resumes right after it. */
  keyNames: string[];
}

export const partitionOf = (space: string, filter: AgreementFilter, terms: string[]): Source => {
  const reg = keys.registerIndex(space);
  const gsi = (n: number, pk: string, extra: Partial<Source> = {}): Source => ({
    index: `gsi${n}`,
    pkName: `gsi${n}pk`,
    pk,
    forward: false,
    keyNames: ['pk', 'sk', `gsi${n}pk`, `gsi${n}sk`],
    ...extra,
  });
  if (terms.length > 0) {
    // The longest term is the most selective; the others are checked on the rows it finds.
    const term = [...terms].sort((a, b) => b.length - a.length)[0]!;
    return {
      pkName: 'pk',
      pk: keys.words(space, bucketOf(term)),
      skCondition: { expression: 'begins_with(sk, :term)', values: { ':term': term } },
      forward: true,
      keyNames: ['pk', 'sk'],
    };
  }
  if (filter.parentId) {
    return {
      pkName: 'pk',
      pk: keys.childLinks(space, filter.parentId),
      forward: false,
      keyNames: ['pk', 'sk'],
    };
  }
  if (filter.party) {
    return { pkName: 'pk', pk: keys.partyLinks(space, filter.party), forward: false, keyNames: ['pk', 'sk'] };
  }
  if (filter.endsBefore || filter.sort === 'endDate') {
    return gsi(4, reg, {
      forward: true,
      skCondition: filter.endsBefore
        ? { expression: 'gsi4sk < :before', values: { ':before': filter.endsBefore } }
        : undefined,
    });
  }
  if (filter.kind) return gsi(2, `${reg}${SEP}KIND${SEP}${filter.kind}`);
  if (filter.status) return gsi(3, `${reg}${SEP}STATUS${SEP}${filter.status}`);
  return gsi(1, reg);
};

export function matches(
  a: Pick<
    Agreement,
    'kind' | 'status' | 'domain' | 'endDate' | 'reference' | 'title' | 'parties' | 'parentId'
  >,
  filter: AgreementFilter,
  terms: string[],
) {
  return (
    (!filter.kind || a.kind === filter.kind) &&
    (!filter.status || a.status === filter.status) &&
    (!filter.domain || a.domain === filter.domain) &&
    (!filter.endsBefore || a.endDate < filter.endsBefore) &&
    (!filter.party || a.parties.some((p) => p.organisationId === filter.party)) &&
    (!filter.parentId || a.parentId === filter.parentId) &&
    (terms.length === 0 || matchesAll(a, terms))
  );
}

/** Rounds of index reads one request may make while filtering, so its cost stays bounded. */
const MAX_ROUNDS = 5;

/** Reads one page of rows from a source, filtering, resuming right after the last row returned. */
export async function readRegisterPage<T>(
  db: Db,
  source: Source,
  cursor: string | undefined,
  limit: number,
  rows: (items: Record<string, unknown>[]) => Promise<{ row: T; item: Record<string, unknown> }[]>,
): Promise<Page<T>> {
  let start = decodeCursor(cursor, source.pkName, source.pk);
  const out: T[] = [];
  let round = 0;
  const query = (): QueryInput => ({
    IndexName: source.index,
    KeyConditionExpression: `${source.pkName} = :pk${source.skCondition ? ` AND ${source.skCondition.expression}` : ''}`,
    ExpressionAttributeValues: { ':pk': source.pk, ...source.skCondition?.values },
    ScanIndexForward: source.forward,
    Limit: Math.max(limit - out.length, 10),
  });
  for await (const page of queryPages(db, query, start)) {
    const found = page.Items ?? [];
    const kept = await rows(found);
    const keptByItem = new Map(kept.map((k) => [k.item, k.row]));
    for (const item of found) {
      const row = keptByItem.get(item);
      if (row !== undefined) out.push(row);
      if (out.length === limit) {
        const last: Record<string, unknown> = {};
        for (const name of source.keyNames) last[name] = item[name];
        const more = item !== found.at(-1) || page.LastEvaluatedKey !== undefined;
        return { items: out, nextCursor: more ? encodeCursor(last) : null };
      }
    }
    start = page.LastEvaluatedKey;
    if (!start) return { items: out, nextCursor: null };
    if (++round === MAX_ROUNDS) break;
  }
  return { items: out, nextCursor: encodeCursor(start) };
}
