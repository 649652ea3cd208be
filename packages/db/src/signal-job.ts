import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import {
  addDays,
  catchUpFrom,
  REPORT_SIGNAL_LEADS,
  type Role,
  SIGNAL_LEADS,
  signalRanges,
} from '@regie/core';
import type { Db } from './client.ts';
import { type DeadlineRow, readDeadlines } from './deadlines.ts';
import { guard, isConditionFailure } from './errors.ts';
import { signalItem } from './inbox.ts';
import { keys } from './keys.ts';
import { queryPages } from './query.ts';
import { listSpaces } from './space-registry.ts';

/*
 * The daily deadline job (functions/jobs): turns what falls due into inbox signals, once per signal.
 */

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
  const query = {
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk BETWEEN :from AND :to',
    ExpressionAttributeValues: {
      ':pk': keys.signalIndex(space),
      ':from': addDays(from, 1),
      ':to': `${today}~`,
    },
  };
  for await (const page of queryPages(db, query)) {
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
  }
  return read;
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
    const last = (run.Item?.lastRun as string | undefined) ?? null;
    // A run for a day before the last recorded one replays that day (the local dev route, a browser test after
    // one that ran a later day); the scheduler itself only moves forward. Signals are conditional puts either way.
    const from = catchUpFrom(last !== null && last > today ? null : last, today);
    const windows = [
      ...signalRanges(from, today, SIGNAL_LEADS).map((w) => ({ ...w, which: 'deadlines' as const })),
      ...signalRanges(from, today, REPORT_SIGNAL_LEADS).map((w) => ({ ...w, which: 'reports' as const })),
      // An escalation step's deadline, like a report: on the day and, still open, the day after.
      ...signalRanges(from, today, REPORT_SIGNAL_LEADS).map((w) => ({ ...w, which: 'escalations' as const })),
      // A notification's response deadline likewise: on the day and, still unanswered, overdue the day after.
      ...signalRanges(from, today, REPORT_SIGNAL_LEADS).map((w) => ({
        ...w,
        which: 'notifications' as const,
      })),
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
