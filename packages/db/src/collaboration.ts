import {
  COLLAB_QUESTIONS,
  type CollabSeries,
  type CollabSignal,
  collaborationSignals,
  DomainError,
  latestAverages,
  type Meeting,
  type MeetingView,
  meetingActionDeadlines,
  meetingSeries,
  toMeetingPartyView,
} from '@regie/core';
import {
  type AgreementAccess,
  accessAgreement,
  auditInCollection,
  queryCollection,
  type TransactItem,
  type Widen,
} from './agreement-access.ts';
import type { Db } from './client.ts';
import { deadlineChanges } from './deadlines.ts';
import { keys, SEP } from './keys.ts';
import type { Scope } from './scope.ts';
import { transact } from './transact.ts';

/**
 * The collaboration monitor's storage (issue 14 point 5): per agreement one summary item (latest averages per
 * side, the active signals) rewritten in the same transaction as every meeting record, rating or action change,
 * and on the space's sparse signal index (gsi1) only while a signal is active — so the dashboard reads one page
 * of agreements that need attention, never the dialogue logs.
 */

/** A stored meeting in today's shape (meetings stored before per-party scores or answers have none). */
export function meetingOf(item: Record<string, unknown>): Meeting {
  const { answers, ...m } = item as unknown as Meeting & { partyScores?: Meeting['partyScores'] };
  return {
    ...m,
    side: m.side ?? 'municipality',
    scores: m.scores?.municipality !== undefined ? { municipality: m.scores.municipality } : {},
    ...(answers?.municipality ? { answers: { municipality: answers.municipality } } : {}),
    actions: m.actions ?? [],
    partyScores: m.partyScores ?? [],
    version: m.version ?? 1,
  };
}

export async function readMeetings(a: AgreementAccess): Promise<Meeting[]> {
  const items = await queryCollection<Record<string, unknown>>(
    a.db,
    a.agreement.space,
    a.agreement.id,
    keys.meetingPrefix,
  );
  return items.map(meetingOf);
}

/** The summary Put for the dialogue log as it will be after this write (`meetings` already changed). */
export function collaborationSummaryPut(
  a: AgreementAccess,
  meetings: readonly Meeting[],
  at: string,
): TransactItem {
  const series = meetingSeries(meetings);
  const signals = collaborationSignals(series);
  const latestSignal = signals.reduce((d, s) => (s.date > d ? s.date : d), '');
  return {
    Put: {
      TableName: a.db.tableName,
      Item: {
        ...keys.collaboration(a.agreement.space, a.agreement.id),
        type: 'collaboration',
        agreementId: a.agreement.id,
        reference: a.agreement.reference,
        title: a.agreement.title,
        latest: latestAverages(series),
        signals,
        updatedAt: at,
        // Sparse: on the index only while a signal is active; newest signal first on the dashboard.
        ...(signals.length > 0
          ? {
              gsi1pk: keys.collaborationSignals(a.agreement.space),
              gsi1sk: `${latestSignal}${SEP}${a.agreement.id}`,
            }
          : {}),
      },
    },
  };
}

/** The deadline items that bring a meeting's action deadlines from `before` to `after`. */
export function actionDeadlineItems(
  a: AgreementAccess,
  before: Meeting | null,
  after: Meeting,
): TransactItem[] {
  const space = a.agreement.space;
  return deadlineChanges(
    a.db,
    before ? meetingActionDeadlines(before, space) : [],
    meetingActionDeadlines(after, space),
    a.agreement,
  );
}

/** What the caller may see of the series: the owner all; a provider the municipality's and its own party's. */
function visibleSeries(a: AgreementAccess, scope: Scope, series: CollabSeries[]): CollabSeries[] {
  if (a.side !== 'provider') return series;
  return series.filter((s) => s.who.side === 'municipality' || s.who.party === scope.space);
}

export function collaborationRepository(base: Db, scope: Scope, widen: Widen) {
  const access = (agreementId: string) => accessAgreement(base, scope, widen, agreementId);

  /** The meetings the caller may see (a provider: the municipality's and its own party's records). */
  async function visibleMeetings(a: AgreementAccess): Promise<Meeting[]> {
    const all = await readMeetings(a);
    if (a.side !== 'provider') return all;
    return all.filter((m) => toMeetingPartyView(m, scope.space) !== null);
  }

  return {
    /**
     * Both sides' ratings over time per question and on average, and the signals active now. A provider sees the
     * municipality's series and its own party's, computed over the meetings it may see — never a co-party's.
     */
    async trend(agreementId: string): Promise<{
      questions: typeof COLLAB_QUESTIONS;
      series: CollabSeries[];
      signals: CollabSignal[];
    }> {
      const a = await access(agreementId);
      const series = visibleSeries(a, scope, meetingSeries(await visibleMeetings(a)));
      return { questions: COLLAB_QUESTIONS, series, signals: collaborationSignals(series) };
    },

    /**
     * Marks one agreed action done: its deadline goes in the same audited transaction. The municipality may mark
     * any action; a provider the actions it sees (its own record's, and those its party owns).
     */
    async actionDone(input: {
      agreementId: string;
      meetingId: string;
      actionIndex: number;
      expectedVersion: number;
    }): Promise<MeetingView> {
      const a = await access(input.agreementId);
      const meetings = await readMeetings(a);
      const meeting = meetings.find((m) => m.id === input.meetingId);
      const view = meeting && a.side === 'provider' ? toMeetingPartyView(meeting, scope.space) : null;
      if (!meeting || (a.side === 'provider' && !view))
        throw new DomainError('NOT_FOUND', 'meeting.notFound', { message: 'Meeting not found' });
      const action = meeting.actions[input.actionIndex];
      const visible = a.side !== 'provider' || view?.actions?.some((x) => x.index === input.actionIndex);
      if (!action || !visible)
        throw new DomainError('BAD_REQUEST', 'meeting.actionUnknown', {
          field: 'actionIndex',
          message: 'This meeting has no action with that number',
        });
      if (meeting.version !== input.expectedVersion)
        throw new DomainError('CONFLICT', 'meeting.versionConflict', {
          params: { version: meeting.version, expectedVersion: input.expectedVersion },
          field: 'expectedVersion',
          message: `The meeting was changed meanwhile (version ${meeting.version}, you sent ${input.expectedVersion}); reload and try again`,
        });
      if (action.done)
        throw new DomainError('CONFLICT', 'meeting.actionAlreadyDone', {
          field: 'actionIndex',
          message: 'This action is already done',
        });
      const now = new Date().toISOString();
      const done = { at: now, by: scope.actor, ...(scope.actorName ? { byName: scope.actorName } : {}) };
      const next: Meeting = {
        ...meeting,
        actions: meeting.actions.map((x, i) => (i === input.actionIndex ? { ...x, done } : x)),
        version: meeting.version + 1,
      };
      await transact(
        a.db,
        [
          {
            Update: {
              TableName: a.db.tableName,
              Key: keys.meeting(a.agreement.space, a.agreement.id, meeting.date, meeting.id),
              UpdateExpression: 'SET actions = :a, version = :next',
              ConditionExpression: 'version = :v',
              ExpressionAttributeValues: { ':a': next.actions, ':next': next.version, ':v': meeting.version },
            },
          },
          ...actionDeadlineItems(a, meeting, next),
          ...auditInCollection(a, scope, {
            at: now,
            action: 'dialogue.actionDone',
            objectType: 'meeting',
            changes: {
              [`meeting.${meeting.id}.action.${input.actionIndex}.done`]: { before: null, after: now },
            },
          }),
        ],
        new DomainError('CONFLICT', 'agreement.changedMeanwhile', {
          message: 'Changed by someone else meanwhile; reload and try again',
        }),
      );
      return a.side === 'provider' ? toMeetingPartyView(next, scope.space)! : next;
    },
  };
}
