import { meetingsToDrop } from '@regie/core';
import type { Db } from './client.ts';
import { queryCollection } from './collection.ts';
import { keys } from './keys.ts';
import type { TransactItem } from './transact.ts';

const MEETING_PREFIX = `${keys.deadlinePrefix}meeting-`;

export interface StoredMeeting {
  key: string;
  date: string;
  held?: boolean;
}

/** The meeting deadlines stored for an agreement: at most a year of them per application, one query. */
export async function readPlannedMeetings(
  db: Db,
  space: string,
  agreementId: string,
): Promise<StoredMeeting[]> {
  return queryCollection<StoredMeeting>(db, space, agreementId, MEETING_PREFIX);
}

/**
 * The Deletes that take planned meetings off an agreement whose end moved or that stopped running
 * (`meetingsToDrop`), in the transaction of that change: off the deadline list, the iCal feed and the
 * open-meetings index, so they are never reported as missed.
 */
export async function droppedMeetingItems(
  db: Db,
  agreement: { space: string; id: string; status: string; endDate: string },
  today: string,
): Promise<TransactItem[]> {
  const meetings = await readPlannedMeetings(db, agreement.space, agreement.id);
  return meetingsToDrop(meetings, agreement, today).map((key) => ({
    Delete: { TableName: db.tableName, Key: keys.deadline(agreement.space, agreement.id, key) },
  }));
}
