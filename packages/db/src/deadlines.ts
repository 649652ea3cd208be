import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { type Agreement, agreementDeadlines, type Deadline } from '@regie/core';
import type { Db } from './client.ts';
import { keys, SEP } from './keys.ts';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** What a deadline names besides its date: enough to show it in an inbox or a calendar without a second read. */
export interface DeadlineSubject {
  reference: string;
  title: string;
}

/**
 * A stored deadline: in the agreement's item collection (so it moves and is removed with the agreement's
 * writes) and on the owning space's deadline index (gsi1) by date, which is all the upcoming list, the
 * iCal feed and the scheduled job ever read.
 */
export function deadlineItem(d: Deadline, subject: DeadlineSubject) {
  return {
    ...keys.deadline(d.space, d.agreementId, d.key),
    type: 'deadline',
    kind: d.kind,
    key: d.key,
    date: d.date,
    agreementId: d.agreementId,
    space: d.space,
    roles: d.roles,
    label: d.label,
    params: d.params ?? {},
    reference: subject.reference,
    title: subject.title,
    gsi1pk: keys.deadlineIndex(d.space),
    gsi1sk: `${d.date}${SEP}${d.agreementId}${SEP}${d.key}`,
  };
}

export type StoredDeadline = ReturnType<typeof deadlineItem>;

/**
 * The transaction items that bring an agreement's stored deadlines from `before` to `after`: a Put for every
 * new or changed one (or all of them when the subject's names changed), a Delete for every one that no longer
 * applies. Used by every writer of deadlines (agreements, subsidy terms, Wgr calendars) in the same
 * transaction as the change that moves them.
 */
export function deadlineChanges(
  db: Db,
  before: readonly Deadline[],
  after: readonly Deadline[],
  subject: DeadlineSubject,
  subjectChanged = false,
): TransactItem[] {
  const items: TransactItem[] = [];
  const same = (x: Deadline, y: Deadline) => JSON.stringify(x) === JSON.stringify(y);
  for (const d of after) {
    const prev = before.find((b) => b.key === d.key && b.agreementId === d.agreementId);
    if (!prev || !same(prev, d) || subjectChanged)
      items.push({ Put: { TableName: db.tableName, Item: deadlineItem(d, subject) } });
  }
  for (const b of before) {
    if (!after.some((d) => d.key === b.key && d.agreementId === b.agreementId))
      items.push({ Delete: { TableName: db.tableName, Key: keys.deadline(b.space, b.agreementId, b.key) } });
  }
  return items;
}

/** The deadline items an agreement write changes (its own dates: notice, renewal decision, end). */
export function agreementDeadlineChanges(db: Db, prev: Agreement | null, next: Agreement): TransactItem[] {
  return deadlineChanges(
    db,
    prev ? agreementDeadlines(prev) : [],
    agreementDeadlines(next),
    next,
    !!prev && (prev.title !== next.title || prev.reference !== next.reference),
  );
}
