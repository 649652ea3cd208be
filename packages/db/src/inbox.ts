import { createHash, randomBytes } from 'node:crypto';
import {
  BatchGetCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import {
  addDays,
  catchUpFrom,
  DomainError,
  REPORT_SIGNAL_LEADS,
  type Role,
  SIGNAL_LEADS,
  type SignalLead,
  signalKey,
  signalRanges,
} from '@regie/core';
import type { Db } from './client.ts';
import { type DeadlineRow, readDeadlines } from './deadlines.ts';
import { readUser } from './directory.ts';
import { guard, isConditionFailure } from './errors.ts';
import { keys, platformKeys, SEP } from './keys.ts';
import type { Scope } from './scope.ts';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** A signal in the inbox of everyone with a role in a space (SPEC §5.3). */
export interface InboxSignal extends DeadlineRow {
  /** The signal's own id: the deadline's id and the lead (days ahead; -1 = overdue). */
  signalId: string;
  lead: SignalLead;
  /** The day the signal is for: the deadline's date minus the lead. */
  createdOn: string;
  read: boolean;
}

/** Signals are kept for three months after their deadline (DynamoDB TTL), then the inbox forgets them. */
const KEEP_DAYS = 90;

/**
 * A signal item. Its sort key is the day the signal is for (the deadline's date minus the lead), not the
 * day a job happened to run, so a retry on any later day writes the very same item.
 */
function signalItem(row: DeadlineRow, role: Role, lead: SignalLead) {
  const signalId = signalKey(row, lead);
  const createdOn = addDays(row.date, -lead);
  const expires = Date.parse(`${addDays(row.date, KEEP_DAYS)}T00:00:00Z`) / 1000;
  return {
    pk: keys.inbox(row.space, role),
    sk: `${createdOn}${SEP}${signalId}`,
    type: 'signal',
    ...row,
    signalId,
    lead,
    createdOn,
    expiresAt: Math.max(expires, Math.floor(Date.now() / 1000) + 7 * 86_400),
  };
}

const INBOX_PAGE = 50;

export function inboxRepository(db: Db, scope: Scope) {
  /** The partitions a user's inbox reads: each of their roles in each space they reach. */
  const partitions = () => scope.reach.flatMap((space) => scope.roles.map((role) => keys.inbox(space, role)));

  return {
    /** The newest signals for the caller's roles, newest first, with the caller's read marks. */
    async list(input: { limit?: number } = {}): Promise<{ items: InboxSignal[]; unread: number }> {
      const limit = Math.min(input.limit ?? INBOX_PAGE, INBOX_PAGE);
      const pages = await Promise.all(
        partitions().map((pk) =>
          guard(() =>
            db.doc.send(
              new QueryCommand({
                TableName: db.tableName,
                KeyConditionExpression: 'pk = :pk',
                ExpressionAttributeValues: { ':pk': pk },
                ScanIndexForward: false,
                Limit: limit,
              }),
            ),
          ),
        ),
      );
      // One signal can reach a user through two roles; it is one signal.
      const byId = new Map<string, Record<string, unknown>>();
      for (const item of pages.flatMap((p) => p.Items ?? [])) {
        const id = `${item.space}${SEP}${item.signalId}`;
        if (!byId.has(id)) byId.set(id, item);
      }
      const items = [...byId.values()]
        .sort((x, y) => (String(x.sk) < String(y.sk) ? 1 : String(x.sk) > String(y.sk) ? -1 : 0))
        .slice(0, limit);
      const read = new Set<string>();
      if (items.length > 0) {
        const result = await guard(() =>
          db.doc.send(
            new BatchGetCommand({
              RequestItems: {
                [db.tableName]: {
                  Keys: items.map((i) =>
                    keys.inboxRead(scope.space, scope.actor, `${i.space}${SEP}${i.signalId}`),
                  ),
                },
              },
            }),
          ),
        );
        for (const r of result.Responses?.[db.tableName] ?? []) read.add(String(r.sk));
      }
      const signals = items.map((i) => {
        const { pk: _pk, sk: _sk, type: _type, expiresAt: _e, ...rest } = i;
        return { ...(rest as unknown as InboxSignal), read: read.has(`${i.space}${SEP}${i.signalId}`) };
      });
      return { items: signals, unread: signals.filter((s) => !s.read).length };
    },

    /** Marks signals as read for the caller only (personal state, not a change to any agreement). */
    async markRead(ids: readonly { space: string; signalId: string }[]): Promise<{ marked: number }> {
      for (const id of ids) {
        if (!scope.reach.includes(id.space)) throw new DomainError('NOT_FOUND', 'Signal not found');
      }
      const expiresAt = Math.floor(Date.now() / 1000) + (KEEP_DAYS + 400) * 86_400;
      await Promise.all(
        ids.map((id) =>
          guard(() =>
            db.doc.send(
              new PutCommand({
                TableName: db.tableName,
                Item: {
                  ...keys.inboxRead(scope.space, scope.actor, `${id.space}${SEP}${id.signalId}`),
                  type: 'inboxRead',
                  expiresAt,
                },
              }),
            ),
          ),
        ),
      );
      return { marked: ids.length };
    },
  };
}

// ── The personal iCal feed ────────────────────────────────────────────────────────────────────────────

const hashOf = (secret: string) => createHash('sha256').update(secret).digest('hex');
/** The pointer from a user to their current feed (same partition as the user record). */
const feedPointer = (space: string, user: string) => ({ pk: keys.user(space, user).pk, sk: 'ICAL' });

export interface FeedStatus {
  active: boolean;
  createdAt: string | null;
}

/**
 * A personal iCal feed: a secret URL per user (`/ical/<space>/<secret>.ics`). Only the secret's SHA-256 is
 * stored, so the table never holds a usable URL; creating a new one revokes the old one in one transaction.
 */
export function icalRepository(db: Db, scope: Scope) {
  async function pointer() {
    const result = await guard(() =>
      db.doc.send(
        new GetCommand({
          TableName: db.tableName,
          Key: feedPointer(scope.space, scope.actor),
          ConsistentRead: true,
        }),
      ),
    );
    return result.Item as { hash: string; createdAt: string } | undefined;
  }

  async function replace(next: { hash: string; createdAt: string } | null): Promise<void> {
    const current = await pointer();
    const items: TransactItem[] = [];
    if (current) {
      items.push({ Delete: { TableName: db.tableName, Key: keys.icalFeed(scope.space, current.hash) } });
    }
    if (next) {
      items.push({
        Put: {
          TableName: db.tableName,
          Item: {
            ...keys.icalFeed(scope.space, next.hash),
            type: 'icalFeed',
            space: scope.space,
            user: scope.actor,
            createdAt: next.createdAt,
          },
        },
      });
      items.push({
        Put: {
          TableName: db.tableName,
          Item: { ...feedPointer(scope.space, scope.actor), type: 'icalPointer', ...next },
          ...(current
            ? {
                ConditionExpression: '#h = :h',
                ExpressionAttributeNames: { '#h': 'hash' },
                ExpressionAttributeValues: { ':h': current.hash },
              }
            : { ConditionExpression: 'attribute_not_exists(pk)' }),
        },
      });
    } else if (current) {
      items.push({ Delete: { TableName: db.tableName, Key: feedPointer(scope.space, scope.actor) } });
    }
    if (items.length === 0) return;
    try {
      await guard(() => db.doc.send(new TransactWriteCommand({ TransactItems: items })));
    } catch (error) {
      if (isConditionFailure(error))
        throw new DomainError('CONFLICT', 'The feed was changed at the same time; try again');
      throw error;
    }
  }

  return {
    async status(): Promise<FeedStatus> {
      const current = await pointer();
      return { active: !!current, createdAt: current?.createdAt ?? null };
    },
    /** A new secret (shown once); any earlier URL stops working. */
    async create(): Promise<{ secret: string; createdAt: string }> {
      const secret = randomBytes(32).toString('base64url');
      const createdAt = new Date().toISOString();
      await replace({ hash: hashOf(secret), createdAt });
      return { secret, createdAt };
    },
    async revoke(): Promise<FeedStatus> {
      await replace(null);
      return { active: false, createdAt: null };
    },
  };
}

export const ICAL_SECRET = /^[A-Za-z0-9_-]{43}$/;

/** How far an iCal feed looks back and ahead, and how many events it holds at most. */
export const FEED_PAST_DAYS = 30;
export const FEED_AHEAD_DAYS = 400;
export const FEED_MAX_EVENTS = 500;

/**
 * The events of a feed, found by its secret: null when the secret is unknown or revoked, or the user is gone.
 * Reads the feed record, the user's record (their current roles) and the space's dated indexes, nothing else.
 */
export async function readFeed(
  db: Db,
  space: string,
  secret: string,
  today: string,
): Promise<{ user: string; events: DeadlineRow[] } | null> {
  if (!ICAL_SECRET.test(secret)) return null;
  const feed = await guard(() =>
    db.doc.send(new GetCommand({ TableName: db.tableName, Key: keys.icalFeed(space, hashOf(secret)) })),
  );
  if (!feed.Item) return null;
  const user = await readUser(db, space, String(feed.Item.user));
  if (!user) return null;
  const roles = new Set<string>(user.roles);
  const { items } = await readDeadlines(db, [space], {
    from: addDays(today, -FEED_PAST_DAYS),
    through: addDays(today, FEED_AHEAD_DAYS),
    limit: FEED_MAX_EVENTS,
  });
  return { user: user.key, events: items.filter((e) => e.roles.some((r) => roles.has(r))) };
}

// ── The scheduled job ─────────────────────────────────────────────────────────────────────────────────

export interface JobResult {
  spaces: number;
  /** Dated items read from the indexes (what was due in the run's windows). */
  read: number;
  /** Signals written for the first time. */
  created: number;
  /** Signals that already existed (a second run, or a retry). */
  existing: number;
}

/**
 * Budget signals (a threshold of a ceiling crossed, written with the realisation that crossed it) raised in a
 * space since its last run, into the inbox of their roles. Read from the space's signal index by time, so the
 * job reads only the run's days; a signal withdrawn by a correction before the run never arrives. Returns the
 * number of signals read.
 */
async function budgetSignalsToInbox(
  db: Db,
  space: string,
  from: string,
  today: string,
  result: JobResult,
): Promise<number> {
  if (from >= today) return 0; // this space's run for today is done
  let read = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await guard(() =>
      db.doc.send(
        new QueryCommand({
          TableName: db.tableName,
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk BETWEEN :from AND :to',
          ExpressionAttributeValues: {
            ':pk': keys.signalIndex(space),
            ':from': addDays(from, 1),
            ':to': `${today}~`,
          },
          ExclusiveStartKey: start,
        }),
      ),
    );
    for (const item of page.Items ?? []) {
      read += 1;
      if (item.kind !== 'budget_threshold') continue;
      const year = typeof item.year === 'number' ? String(item.year) : null;
      const line = item.line as { id: string; productCode: string; measure: string } | undefined;
      const row: DeadlineRow = {
        id: '',
        space,
        kind: 'budget_threshold',
        key: line
          ? `budget-line-${line.id}-${line.measure}-${item.threshold}`
          : `budget-${year ?? 'all'}-${item.threshold}`,
        date: String(item.at).slice(0, 10),
        agreementId: String(item.agreementId),
        reference: String(item.reference),
        title: String(item.title),
        label: line
          ? `budget_threshold.line.${line.measure}`
          : year
            ? 'budget_threshold.year'
            : 'budget_threshold',
        params: {
          threshold: String(item.threshold),
          ...(year ? { year } : {}),
          ...(line ? { product: line.productCode } : {}),
        },
        roles: item.roles as Role[],
      };
      row.id = `${row.agreementId}.${row.key}.${row.date}`;
      for (const role of row.roles) {
        try {
          await guard(() =>
            db.doc.send(
              new PutCommand({
                TableName: db.tableName,
                Item: signalItem(row, role, 0),
                ConditionExpression: 'attribute_not_exists(pk)',
              }),
            ),
          );
          result.created += 1;
        } catch (error) {
          if (!isConditionFailure(error)) throw error;
          result.existing += 1;
        }
      }
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return read;
}

/** Records a space in the platform's list of spaces (written with the space itself). */
export async function registerSpace(db: Db, space: string): Promise<void> {
  await guard(() =>
    db.doc.send(
      new PutCommand({
        TableName: db.tableName,
        Item: { ...platformKeys.space(space), type: 'platformSpace' },
      }),
    ),
  );
}

async function listSpaces(db: Db): Promise<string[]> {
  const out: string[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await guard(() =>
      db.doc.send(
        new QueryCommand({
          TableName: db.tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': platformKeys.spaces },
          ExclusiveStartKey: start,
        }),
      ),
    );
    for (const item of page.Items ?? []) out.push(String(item.sk));
    start = page.LastEvaluatedKey;
  } while (start);
  return out;
}

/**
 * The day's signals (SPEC §5.3): for every space, the deadlines, due reports and open escalations whose signal
 * windows (30/7/0 days ahead; reports and escalation steps on the day and overdue the day after) fall between
 * the space's last run and today, and the budget signals raised in those days. Reads only those date ranges of the indexes. Each signal is a conditional put,
 * and the last run is recorded per space, so running twice on one day creates nothing the second time.
 */
export async function createDaySignals(db: Db, today: string, only?: readonly string[]): Promise<JobResult> {
  const spaces = only ?? (await listSpaces(db));
  const result: JobResult = { spaces: spaces.length, read: 0, created: 0, existing: 0 };
  for (const space of spaces) {
    const run = await guard(() =>
      db.doc.send(new GetCommand({ TableName: db.tableName, Key: keys.jobRun(space), ConsistentRead: true })),
    );
    const from = catchUpFrom((run.Item?.lastRun as string | undefined) ?? null, today);
    const windows = [
      ...signalRanges(from, today, SIGNAL_LEADS).map((w) => ({ ...w, which: 'deadlines' as const })),
      ...signalRanges(from, today, REPORT_SIGNAL_LEADS).map((w) => ({ ...w, which: 'reports' as const })),
      // An escalation step's deadline, like a report: on the day and, still open, the day after.
      ...signalRanges(from, today, REPORT_SIGNAL_LEADS).map((w) => ({ ...w, which: 'escalations' as const })),
    ];
    result.read += await budgetSignalsToInbox(db, space, from, today, result);
    for (const window of windows) {
      let cursor: string | undefined;
      do {
        const page = await readDeadlines(db, [space], {
          from: window.from,
          through: window.through,
          limit: 100,
          cursor,
          which: window.which,
        });
        for (const row of page.items) {
          result.read += 1;
          for (const role of row.roles) {
            try {
              await guard(() =>
                db.doc.send(
                  new PutCommand({
                    TableName: db.tableName,
                    Item: signalItem(row, role, window.lead),
                    ConditionExpression: 'attribute_not_exists(pk)',
                  }),
                ),
              );
              result.created += 1;
            } catch (error) {
              if (!isConditionFailure(error)) throw error;
              result.existing += 1;
            }
          }
        }
        cursor = page.cursor ?? undefined;
      } while (cursor);
    }
    await guard(() =>
      db.doc.send(
        new PutCommand({
          TableName: db.tableName,
          Item: { ...keys.jobRun(space), type: 'jobRun', lastRun: today },
        }),
      ),
    );
  }
  return result;
}
