import { BatchGetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { addDays, type Role, type SignalLead, signalKey } from '@regie/core';
import type { Db } from './client.ts';
import type { DeadlineRow } from './deadlines.ts';
import { guard } from './errors.ts';
import { keys, SEP } from './keys.ts';
import { stripKeys } from './query.ts';
import { assertReach, type Scope } from './scope.ts';

/*
 * The inbox: signals for everyone with a role in a space, and each user's read marks. The signals are written
 * by the daily job (signal-job.ts); the personal iCal feed is ical-feed.ts.
 */

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
export const KEEP_DAYS = 90;

/**
 * A signal item. Its sort key is the day the signal is for (the deadline's date minus the lead), not the
 * day a job happened to run, so a retry on any later day writes the very same item.
 */
export function signalItem(row: DeadlineRow, role: Role, lead: SignalLead) {
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
        return {
          ...stripKeys<InboxSignal>(i, ['expiresAt']),
          read: read.has(`${i.space}${SEP}${i.signalId}`),
        };
      });
      return { items: signals, unread: signals.filter((s) => !s.read).length };
    },

    /** Marks signals as read for the caller only (personal state, not a change to any agreement). */
    async markRead(ids: readonly { space: string; signalId: string }[]): Promise<{ marked: number }> {
      for (const id of ids) assertReach(scope, id.space, 'Signal');
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
