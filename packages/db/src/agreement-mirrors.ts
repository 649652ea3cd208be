import {
  type Agreement,
  type DueState,
  desiredDues,
  isPublic,
  subsidyDeadlines,
  toPartyView,
  toPublicRecord,
  visibleToParties,
} from '@regie/core';
import { indexAttributes } from './agreement-register.ts';
import type { Db } from './client.ts';
import { queryCollection } from './collection.ts';
import { agreementDeadlineChanges, deadlineChanges, renamedCopyItems } from './deadlines.ts';
import { keys, SEP } from './keys.ts';
import { bucketOf, searchWords } from './search.ts';
import type { TransactItem } from './transact.ts';

const today = () => new Date().toISOString().slice(0, 10);

/** The provider spaces whose party views an agreement in this state has (none before it is offered). */
export function visibleTo(a: Agreement): string[] {
  if (!visibleToParties(a)) return [];
  return a.parties.map((p) => p.providerSpace).filter((s): s is string => s !== null);
}

/**
 * A due item: in the agreement's collection, and on the owning space's due index by due date — one per duty and
 * provider party, each naming its party (and the party's name for display).
 */
export function dueItem(a: Pick<Agreement, 'id' | 'space' | 'reference' | 'title'>, due: DueState) {
  return {
    ...keys.due(a.space, a.id, due.dutyId, due.party),
    type: 'due',
    ...due,
    agreementId: a.id,
    reference: a.reference,
    title: a.title,
    gsi1pk: keys.dueIndex(a.space),
    gsi1sk: `${due.dueDate}${SEP}${a.id}${SEP}${due.dutyId}${due.party ? `${SEP}${due.party}` : ''}`,
  };
}

/** The due states of one agreement (its collection only). */
export async function readDues(db: Db, space: string, agreementId: string): Promise<DueState[]> {
  const items = await queryCollection<DueState & Record<string, unknown>>(
    db,
    space,
    agreementId,
    keys.duePrefix,
  );
  return items.map(
    ({ dutyId, dutyTitle, frequency, dueDays, period, periodEnd, dueDate, party, partyName }) => ({
      dutyId,
      dutyTitle,
      frequency,
      dueDays,
      period,
      periodEnd,
      dueDate,
      ...(party ? { party, partyName: partyName ?? party } : {}),
    }),
  );
}

/**
 * Every item that mirrors an agreement — party views in providers' spaces, party links and search
 * words — rewritten for the new state in the same transaction, and removed where they no longer apply.
 */
export async function mirrorsOf(
  db: Db,
  ownerName: string,
  prev: Agreement | null,
  next: Agreement,
  currentDues: readonly DueState[] = [],
): Promise<TransactItem[]> {
  const items: TransactItem[] = [];
  // Reports the agreement expects next: one item per periodic duty and provider party on the space's due index.
  const dues = desiredDues(next, currentDues, today());
  const sameDue = (x: DueState, y: DueState) => x.dutyId === y.dutyId && x.party === y.party;
  for (const due of dues) {
    const before = currentDues.find((d) => sameDue(d, due));
    if (!before || JSON.stringify(before) !== JSON.stringify(due) || prev?.title !== next.title) {
      items.push({ Put: { TableName: db.tableName, Item: dueItem(next, due) } });
    }
  }
  for (const before of currentDues) {
    if (!dues.some((d) => sameDue(d, before))) {
      items.push({
        Delete: {
          TableName: db.tableName,
          Key: keys.due(next.space, next.id, before.dutyId, before.party),
        },
      });
    }
  }
  // The agreement's own dates on the space's deadline index (notice, renewal decision, end).
  items.push(...agreementDeadlineChanges(db, prev, next));
  // A subsidy's Awb terms (decision, settlement application), kept in step with every move (subsidy.ts).
  items.push(
    ...deadlineChanges(
      db,
      prev ? subsidyDeadlines(prev) : [],
      subsidyDeadlines(next),
      next,
      !!prev && (prev.title !== next.title || prev.reference !== next.reference),
    ),
  );
  // A rename reaches the copies of the names on other items too (stored deadlines, escalations).
  const touched = new Set(
    items.flatMap((i) => {
      const key = (i.Put?.Item ?? i.Delete?.Key) as { pk?: string; sk?: string } | undefined;
      return key?.pk === keys.agreement(next.space, next.id).pk && key.sk ? [key.sk] : [];
    }),
  );
  items.push(...(await renamedCopyItems(db, prev, next, touched)));
  // The public Woo register holds only marked, decided agreements, with public fields only (SPEC §5.4).
  if (isPublic(next)) {
    items.push({
      Put: {
        TableName: db.tableName,
        Item: {
          ...keys.publicRecord(next.space, next.reference),
          type: 'public',
          ...toPublicRecord(next, ownerName),
        },
      },
    });
  } else if (prev && isPublic(prev)) {
    items.push({ Delete: { TableName: db.tableName, Key: keys.publicRecord(next.space, next.reference) } });
  }
  // A party's view exists only while the owner offers the agreement (or shares the draft): offer.ts.
  const providerSpaces = new Set(visibleTo(next));
  for (const providerSpace of providerSpaces) {
    const view = toPartyView(next, ownerName, providerSpace, dues)!;
    items.push({
      Put: {
        TableName: db.tableName,
        Item: {
          ...keys.partyView(providerSpace, next.id),
          type: 'partyView',
          ...view,
          ...indexAttributes(providerSpace, next),
        },
      },
    });
  }
  for (const space of prev ? visibleTo(prev) : []) {
    if (!providerSpaces.has(space)) {
      items.push({ Delete: { TableName: db.tableName, Key: keys.partyView(space, next.id) } });
      providerSpaces.add(space); // delete once even if listed twice
    }
  }
  const sortKey = `${next.createdAt}${SEP}${next.id}`;
  const before = new Set(prev?.parties.map((p) => p.organisationId));
  const after = new Set(next.parties.map((p) => p.organisationId));
  for (const org of after) {
    if (!before.has(org)) {
      items.push({
        Put: {
          TableName: db.tableName,
          Item: { ...keys.partyLink(next.space, org, sortKey), type: 'partyLink', agreementId: next.id },
        },
      });
    }
  }
  for (const org of before) {
    if (!after.has(org))
      items.push({ Delete: { TableName: db.tableName, Key: keys.partyLink(next.space, org, sortKey) } });
  }
  const oldWords = new Set(prev ? searchWords(prev) : []);
  const newWords = new Set(searchWords(next));
  const wordKey = (word: string) => ({
    pk: keys.words(next.space, bucketOf(word)),
    sk: `${word}${SEP}${sortKey}`,
  });
  for (const word of newWords) {
    if (!oldWords.has(word)) {
      items.push({
        Put: { TableName: db.tableName, Item: { ...wordKey(word), type: 'word', agreementId: next.id } },
      });
    }
  }
  for (const word of oldWords)
    if (!newWords.has(word)) items.push({ Delete: { TableName: db.tableName, Key: wordKey(word) } });
  if (!prev && next.parentId) {
    // A call-off keeps its framework for life, so its link is written once, at creation.
    items.push({
      Put: {
        TableName: db.tableName,
        Item: {
          ...keys.childLink(next.space, next.parentId, sortKey),
          type: 'childLink',
          agreementId: next.id,
        },
      },
    });
  }
  return items;
}
