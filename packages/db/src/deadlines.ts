import {
  type Agreement,
  agreementDeadlines,
  type Deadline,
  type DeadlineKind,
  DomainError,
  ESCALATION_DEADLINE_ROLES,
  NOTIFICATION_ROLES,
  REPORT_ROLES,
  type Role,
} from '@regie/core';
import type { Db } from './client.ts';
import { queryCollection } from './collection.ts';
import { keys, SEP } from './keys.ts';
import { queryPages } from './query.ts';
import type { TransactItem } from './transact.ts';

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
    // A meeting stays on the open-meetings index until a dialogue record marks it held (governance.ts).
    ...(d.kind === 'meeting'
      ? { gsi2pk: keys.openMeetings(d.space), gsi2sk: `${d.date}${SEP}${d.agreementId}${SEP}${d.key}` }
      : {}),
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

/** One row of the upcoming list, the inbox and the iCal feed: a stored deadline or a report that is due. */
export interface DeadlineRow {
  /** Stable id: `<agreementId>.<key>.<date>`. */
  id: string;
  space: string;
  kind: DeadlineKind;
  key: string;
  date: string;
  agreementId: string;
  reference: string;
  title: string;
  label: string;
  params: Record<string, string>;
  roles: Role[];
}

function rowOf(item: Record<string, unknown>): DeadlineRow {
  if (item.type === 'escalation') {
    // An open escalation on the space's index by its current step's deadline (escalations.ts).
    const level = Number(item.level);
    const key = `esc-${item.id}-${level}`;
    const ladder = item.ladder as { level: string }[];
    return {
      id: `${item.agreementId}.${key}.${item.deadline}`,
      space: String(item.gsi1pk).split(SEP)[0]!,
      kind: 'escalation',
      key,
      date: String(item.deadline),
      agreementId: String(item.agreementId),
      reference: String(item.reference),
      title: String(item.agreementTitle),
      label: 'escalation',
      params: { subject: String(item.subject ?? ''), level: ladder[level]?.level ?? '' },
      roles: ESCALATION_DEADLINE_ROLES,
    };
  }
  if (item.type === 'notification') {
    // A provider's event notification the municipality has not answered, by its response deadline (notifications.ts).
    const key = `notif-${item.id}`;
    return {
      id: `${item.agreementId}.${key}.${item.deadline}`,
      space: String(item.gsi1pk).split(SEP)[0]!,
      kind: 'notification',
      key,
      date: String(item.deadline),
      agreementId: String(item.agreementId),
      reference: String(item.reference),
      title: String(item.agreementTitle),
      label: 'notification',
      params: {
        duty: String(item.dutyTitle ?? ''),
        event: String(item.event ?? ''),
        party: String(item.partyName ?? item.party ?? ''),
      },
      roles: NOTIFICATION_ROLES,
    };
  }
  if (item.type === 'due') {
    // A periodic report the owner expects (reports.ts keeps one due item per duty and provider party).
    const key = item.party ? `report-${item.dutyId}-${item.party}` : `report-${item.dutyId}`;
    return {
      id: `${item.agreementId}.${key}.${item.dueDate}`,
      space: String(item.gsi1pk).split(SEP)[0]!,
      kind: 'report_due',
      key,
      date: String(item.dueDate),
      agreementId: String(item.agreementId),
      reference: String(item.reference),
      title: String(item.title),
      label: 'report_due',
      params: {
        duty: String(item.dutyTitle ?? ''),
        period: String(item.period ?? ''),
        ...(item.party ? { party: String(item.partyName ?? item.party) } : {}),
      },
      roles: REPORT_ROLES,
    };
  }
  return {
    id: `${item.agreementId}.${item.key}.${item.date}`,
    space: String(item.space),
    kind: item.kind as DeadlineKind,
    key: String(item.key),
    date: String(item.date),
    agreementId: String(item.agreementId),
    reference: String(item.reference),
    title: String(item.title),
    label: String(item.label),
    params: (item.params as Record<string, string>) ?? {},
    roles: item.roles as Role[],
  };
}

/** Index partitions that hold dated things of a space: its deadlines, the reports it expects, open escalations. */
function sourcesOf(space: string, which: DatedSources): string[] {
  if (which === 'deadlines') return [keys.deadlineIndex(space)];
  if (which === 'reports') return [keys.dueIndex(space)];
  if (which === 'escalations') return [keys.openEscalations(space)];
  if (which === 'notifications') return [keys.openNotifications(space)];
  return [
    keys.deadlineIndex(space),
    keys.dueIndex(space),
    keys.openEscalations(space),
    keys.openNotifications(space),
  ];
}

/**
 * Which dated indexes to read: stored deadlines, reports that are due, open escalations, unanswered
 * notifications, or all of them.
 */
export type DatedSources = 'deadlines' | 'reports' | 'escalations' | 'notifications' | 'both';

/** Reads one index partition between two dates, after a sort key, at most `limit` items. */
async function readRange(
  db: Db,
  pk: string,
  from: string,
  through: string,
  after: string | undefined,
  limit: number,
): Promise<Record<string, unknown>[]> {
  const lower = after ?? from;
  const upper = `${through}${SEP}~`;
  if (lower >= upper) return [];
  const out: Record<string, unknown>[] = [];
  const query = () => ({
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk BETWEEN :lo AND :hi',
    ExpressionAttributeValues: { ':pk': pk, ':lo': lower, ':hi': upper },
    Limit: limit - out.length + (after ? 1 : 0),
  });
  for await (const page of queryPages(db, query)) {
    for (const item of page.Items ?? []) if (item.gsi1sk !== after) out.push(item);
    if (out.length >= limit) break;
  }
  return out.slice(0, limit);
}

const MAX_CURSOR = 2048;

function decodeAfter(cursor: string | undefined, sources: readonly string[]): Record<string, string> {
  if (!cursor) return {};
  let parsed: unknown;
  try {
    if (cursor.length > MAX_CURSOR) throw new Error('long');
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new DomainError('BAD_REQUEST', 'cursor.invalid', { field: 'cursor', message: 'Invalid cursor' });
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new DomainError('BAD_REQUEST', 'cursor.invalid', { field: 'cursor', message: 'Invalid cursor' });
  const after: Record<string, string> = {};
  for (const [source, sk] of Object.entries(parsed)) {
    // A cursor only ever names partitions this caller reads anyway; anything else is refused.
    if (!sources.includes(source) || typeof sk !== 'string' || sk.length > 300)
      throw new DomainError('BAD_REQUEST', 'cursor.invalid', { field: 'cursor', message: 'Invalid cursor' });
    after[source] = sk;
  }
  return after;
}

/**
 * The dated things of some spaces between two dates, in date order, one page at a time: a k-way merge
 * over each space's deadline index and due index. Each page reads at most `limit` items per partition,
 * so its cost grows with the page and the number of spaces, never with the register.
 */
export async function readDeadlines(
  db: Db,
  spaces: readonly string[],
  range: { from: string; through: string; limit: number; cursor?: string; which?: DatedSources },
): Promise<{ items: DeadlineRow[]; cursor: string | null }> {
  const sources = spaces.flatMap((space) => sourcesOf(space, range.which ?? 'both'));
  const after = decodeAfter(range.cursor, sources);
  const reads = await Promise.all(
    sources.map(async (source) => ({
      source,
      items: await readRange(db, source, range.from, range.through, after[source], range.limit),
    })),
  );
  const merged = reads
    .flatMap(({ source, items }) => items.map((item) => ({ source, item, sk: String(item.gsi1sk) })))
    .sort((x, y) => (x.sk < y.sk ? -1 : x.sk > y.sk ? 1 : x.source < y.source ? -1 : 1));
  const page = merged.slice(0, range.limit);
  const more = merged.length > page.length || reads.some((r) => r.items.length === range.limit);
  const next = { ...after };
  for (const { source, sk } of page) next[source] = sk;
  // Partitions that had nothing left in range keep their position; the next page skips what was read.
  return {
    items: page.map(({ item }) => rowOf(item)),
    cursor: more && page.length > 0 ? Buffer.from(JSON.stringify(next)).toString('base64url') : null,
  };
}

/**
 * When an agreement's reference or title changes, the copies of them that other items keep get the new names in
 * the same transaction: every stored deadline the change does not rewrite itself (Wgr dates and the like) and
 * every escalation (shown on the dashboard and on the deadline list by the agreement's name). One query of the
 * agreement's own collection per kind, only on a rename. `touched` are the sort keys this transaction already
 * writes (DynamoDB allows one operation per item in a transaction).
 */
export async function renamedCopyItems(
  db: Db,
  prev: Agreement | null,
  next: Agreement,
  touched: ReadonlySet<string>,
): Promise<TransactItem[]> {
  if (!prev || (prev.title === next.title && prev.reference === next.reference)) return [];
  const [deadlines, escalations, notifications] = await Promise.all([
    queryCollection<{ key: string }>(db, next.space, next.id, keys.deadlinePrefix),
    queryCollection<{ id: string }>(db, next.space, next.id, keys.escalationPrefix),
    queryCollection<{ id: string }>(db, next.space, next.id, keys.notificationPrefix),
  ]);
  const rename = (key: { pk: string; sk: string }, titleAttribute: string): TransactItem => ({
    Update: {
      TableName: db.tableName,
      Key: key,
      UpdateExpression: 'SET #reference = :reference, #title = :title',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeNames: { '#reference': 'reference', '#title': titleAttribute },
      ExpressionAttributeValues: { ':reference': next.reference, ':title': next.title },
    },
  });
  return [
    ...deadlines
      .map((item) => keys.deadline(next.space, next.id, item.key))
      .filter((key) => !touched.has(key.sk))
      .map((key) => rename(key, 'title')),
    ...escalations
      .map((item) => keys.escalation(next.space, next.id, item.id))
      .filter((key) => !touched.has(key.sk))
      .map((key) => rename(key, 'agreementTitle')),
    ...notifications
      .map((item) => keys.notification(next.space, next.id, item.id))
      .filter((key) => !touched.has(key.sk))
      .map((key) => rename(key, 'agreementTitle')),
  ];
}
