import { createHash, randomBytes } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { addDays, DomainError } from '@regie/core';
import type { Db } from './client.ts';
import { type DeadlineRow, readDeadlines } from './deadlines.ts';
import { readUser } from './directory.ts';
import { guard } from './errors.ts';
import { keys } from './keys.ts';
import type { Scope } from './scope.ts';
import { type TransactItem, transact } from './transact.ts';

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
    await transact(
      db,
      items,
      new DomainError('CONFLICT', 'ical.changedMeanwhile', {
        message: 'The feed was changed at the same time; try again',
      }),
    );
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
 * The events of a feed, found by its secret: null when the secret is unknown or revoked, or the user is gone or disabled.
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
  // A disabled user's feed is dead even if its pointer survived (disabling deletes it too).
  if (!user || user.disabled) return null;
  const roles = new Set<string>(user.roles);
  const { items } = await readDeadlines(db, [space], {
    from: addDays(today, -FEED_PAST_DAYS),
    through: addDays(today, FEED_AHEAD_DAYS),
    limit: FEED_MAX_EVENTS,
  });
  return { user: user.key, events: items.filter((e) => e.roles.some((r) => roles.has(r))) };
}
