import { GetCommand } from '@aws-sdk/lib-dynamodb';
import {
  type ActionSide,
  assertRunning,
  type CollabAnswers,
  DomainError,
  type KpiResult,
  type Meeting,
  type MeetingView,
  newId,
  onTarget,
  overallScore,
  type Report,
  sourcedResults,
  toMeetingPartyView,
} from '@regie/core';
import {
  type AgreementAccess,
  accessAgreement,
  actingParty,
  auditInCollection,
  ownPartyOnly,
  queryCollection,
  type TransactItem,
  type Widen,
} from './agreement-access.ts';
import type { Db } from './client.ts';
import { actionDeadlineItems, collaborationSummaryPut, readMeetings } from './collaboration.ts';
import { guard } from './errors.ts';
import { heldMeetingItems } from './governance.ts';
import { keys } from './keys.ts';
import { stripKeys } from './query.ts';
import type { Scope } from './scope.ts';
import { transact } from './transact.ts';

/**
 * KPI results with comments from both sides (SPEC §4.5) and the dialogue log (SPEC §4.7), both kept in the
 * agreement's own collection. A KPI result is one provider party's: the party and the municipality read the
 * same figures, other parties none of them. A meeting the municipality records is its own record; a provider
 * sees of it only what `toMeetingPartyView` allows (SPEC §2 rules 4 and 6).
 */
export function accountabilityRepository(base: Db, scope: Scope, widen: Widen) {
  const access = (agreementId: string) => accessAgreement(base, scope, widen, agreementId);

  const write = (a: AgreementAccess, items: TransactItem[]) =>
    transact(
      a.db,
      items,
      new DomainError('CONFLICT', 'agreement.changedMeanwhile', {
        message: 'Changed by someone else meanwhile; reload and try again',
      }),
    );

  const query = (a: AgreementAccess, prefix: string) =>
    queryCollection<Record<string, unknown>>(a.db, a.agreement.space, a.agreement.id, prefix);

  async function getItem(a: AgreementAccess, key: { pk: string; sk: string }) {
    return (
      await guard(() =>
        a.db.doc.send(new GetCommand({ TableName: a.db.tableName, Key: key, ConsistentRead: true })),
      )
    ).Item;
  }

  return {
    /**
     * Records (or corrects) one provider party's value of one KPI for one period, with the version seen (0 for a
     * new value); the comments stay. Another party's value is out of reach by key.
     */
    async recordKpi(input: {
      agreementId: string;
      kpiId: string;
      period: string;
      value: number;
      /** Required through the API (`kpiRecordSchema`); the seed loader records new values without it. */
      expectedVersion?: number;
      party?: string;
    }): Promise<KpiResult> {
      const a = await access(input.agreementId);
      assertRunning(a.agreement);
      const kpi = a.agreement.kpis.find((k) => k.id === input.kpiId);
      if (!kpi)
        throw new DomainError('BAD_REQUEST', 'kpi.unknown', {
          field: 'kpiId',
          message: 'This agreement has no KPI with that id',
        });
      if (kpi.source)
        throw new DomainError('BAD_REQUEST', 'kpi.fromDelivery', {
          field: 'kpiId',
          message: 'This KPI takes its results from the delivered reports',
        });
      const party = actingParty(a, scope, input.party);
      const key = keys.kpiResult(a.agreement.space, a.agreement.id, kpi.id, input.period, party?.party);
      const existing = await getItem(a, key);
      const seen = input.expectedVersion ?? 0;
      if ((existing?.version ?? 0) !== seen) {
        throw existing
          ? new DomainError('CONFLICT', 'kpi.versionConflict', {
              params: { version: existing.version as number, expectedVersion: seen },
              field: 'expectedVersion',
              message: `This value was changed meanwhile (version ${existing.version}, you sent ${seen}); reload and try again`,
            })
          : new DomainError('CONFLICT', 'kpi.noValueYet', {
              field: 'expectedVersion',
              message: 'There is no value for this KPI and period yet; send version 0',
            });
      }
      const now = new Date().toISOString();
      const version = seen + 1;
      const result: KpiResult = {
        kpiId: kpi.id,
        period: input.period,
        value: input.value,
        onTarget: onTarget(kpi, input.value),
        recordedAt: now,
        recordedBy: scope.actor,
        recordedByName: scope.actorName,
        side: a.side,
        comments: existing?.comments ?? [],
        version,
        ...(party ?? {}),
      };
      await write(a, [
        {
          Put: {
            TableName: a.db.tableName,
            Item: { ...key, type: 'kpiResult', ...result },
            ...(existing
              ? { ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': existing.version } }
              : { ConditionExpression: 'attribute_not_exists(pk)' }),
          },
        },
        ...auditInCollection(a, scope, {
          at: now,
          action: 'kpi.record',
          objectType: 'kpi',
          changes: {
            [`kpi.${kpi.id}.${input.period}${party ? `.${party.party}` : ''}`]: {
              before: existing?.value ?? null,
              after: input.value,
            },
          },
        }),
      ]);
      return result;
    },

    /** A comment on one party's result: by that party or by the municipality (naming the party). */
    async commentKpi(input: {
      agreementId: string;
      kpiId: string;
      period: string;
      text: string;
      party?: string;
    }): Promise<KpiResult> {
      const a = await access(input.agreementId);
      const party = actingParty(a, scope, input.party);
      const key = keys.kpiResult(a.agreement.space, a.agreement.id, input.kpiId, input.period, party?.party);
      const existing = await getItem(a, key);
      if (!existing)
        throw new DomainError('BAD_REQUEST', 'kpi.noResult', {
          field: 'period',
          message: 'There is no result for this KPI and period yet',
        });
      const now = new Date().toISOString();
      const comments = [
        ...(existing.comments ?? []),
        { side: a.side, by: scope.actor, byName: scope.actorName, at: now, text: input.text },
      ].slice(-50);
      await write(a, [
        {
          Update: {
            TableName: a.db.tableName,
            Key: key,
            UpdateExpression: 'SET comments = :c, version = :next',
            ConditionExpression: 'version = :v',
            ExpressionAttributeValues: {
              ':c': comments,
              ':next': existing.version + 1,
              ':v': existing.version,
            },
          },
        },
        ...auditInCollection(a, scope, {
          at: now,
          action: 'kpi.comment',
          objectType: 'kpi',
          changes: {
            [`kpi.${input.kpiId}.${input.period}${party ? `.${party.party}` : ''}.comment`]: {
              before: null,
              after: input.text,
            },
          },
        }),
      ]);
      return { ...stripKeys<KpiResult>(existing), comments, version: existing.version + 1 };
    },

    /** Per KPI its definition and its results by period: a provider's own party's, the owner's all, labelled. */
    async kpis(agreementId: string) {
      const a = await access(agreementId);
      const results = ownPartyOnly(a, scope, (await query(a, keys.kpiPrefix)) as unknown as KpiResult[]);
      // A KPI with a source takes its results from the delivered reports (one more query of this collection).
      const reports = a.agreement.kpis.some((k) => k.source)
        ? ownPartyOnly(a, scope, (await query(a, keys.reportPrefix)) as unknown as Report[])
        : [];
      return a.agreement.kpis.map((kpi) => ({
        ...kpi,
        results: (kpi.source ? sourcedResults(kpi, reports) : results.filter((r) => r.kpiId === kpi.id)).sort(
          (x, y) =>
            x.period !== y.period
              ? x.period < y.period
                ? -1
                : 1
              : (x.partyName ?? '') < (y.partyName ?? '')
                ? -1
                : 1,
        ),
      }));
    },

    /**
     * A meeting of the dialogue log. The municipality's is its own record; a provider's belongs to its party,
     * which alone (with the municipality) sees it.
     */
    async recordMeeting(input: {
      agreementId: string;
      date: string;
      kind: 'meeting' | 'evaluation';
      participants: string[];
      notes?: string;
      actions?: { text: string; owner: string; due?: string; side?: ActionSide; party?: string }[];
      score?: number;
      answers?: CollabAnswers;
    }): Promise<Meeting> {
      const a = await access(input.agreementId);
      const party = a.side === 'provider' ? actingParty(a, scope) : null;
      // With answers and no score, the overall score is their rounded mean (what older clients read).
      const score = input.score ?? (input.answers ? overallScore(input.answers) : undefined);
      const actions = (input.actions ?? []).map(({ party: named, ...action }) => {
        const side = action.side ?? a.side;
        if (side !== 'provider') return { ...action, side };
        // A provider's action belongs to one party: the recording party's own, or the one the municipality names.
        const owner = party ?? actingParty(a, scope, named);
        return { ...action, side, ...(owner ? { party: owner.party } : {}) };
      });
      const now = new Date().toISOString();
      const meeting: Meeting = {
        id: newId(),
        agreementId: a.agreement.id,
        date: input.date,
        kind: input.kind,
        participants: input.participants,
        notes: input.notes ?? '',
        actions,
        side: a.side,
        ...(party ?? {}),
        scores: score && !party ? { municipality: score } : {},
        ...(input.answers && !party ? { answers: { municipality: input.answers } } : {}),
        partyScores:
          score && party ? [{ ...party, score, ...(input.answers ? { answers: input.answers } : {}) }] : [],
        recordedBy: scope.actor,
        recordedByName: scope.actorName,
        recordedAt: now,
        version: 1,
      };
      const meetings = await readMeetings(a);
      await write(a, [
        {
          Put: {
            TableName: a.db.tableName,
            Item: {
              ...keys.meeting(a.agreement.space, a.agreement.id, meeting.date, meeting.id),
              type: 'meeting',
              ...meeting,
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        ...actionDeadlineItems(a, null, meeting),
        collaborationSummaryPut(a, [...meetings, meeting], now),
        // A planned meeting (governance cadence) on or a few days before this date is held: never counted missed.
        ...(await heldMeetingItems(a.db, a.agreement, meeting.date, meeting.id)),
        ...auditInCollection(a, scope, {
          at: now,
          action: 'dialogue.record',
          objectType: 'meeting',
          changes: {
            [`meeting.${meeting.id}`]: {
              before: null,
              after: {
                date: meeting.date,
                kind: meeting.kind,
                scores: meeting.scores,
                ...(meeting.answers ? { answers: meeting.answers } : {}),
                ...(party ? { party: party.party, partyScores: meeting.partyScores } : {}),
              },
            },
          },
        }),
      ]);
      return meeting;
    },

    /**
     * The caller gives (or changes) its own score of a meeting, with the meeting's version seen: the
     * municipality its score, a provider its own party's — never another party's. A meeting the provider may
     * not see answers NOT_FOUND.
     */
    async scoreMeeting(input: {
      agreementId: string;
      meetingId: string;
      score?: number;
      answers?: CollabAnswers;
      /** Required through the API (`meetingScoreSchema`); the seed loader scores a meeting it just recorded. */
      expectedVersion?: number;
    }): Promise<MeetingView> {
      const a = await access(input.agreementId);
      const meetings = await readMeetings(a);
      const meeting = meetings.find((m) => m.id === input.meetingId);
      if (!meeting || (a.side === 'provider' && !toMeetingPartyView(meeting, scope.space)))
        throw new DomainError('NOT_FOUND', 'meeting.notFound', { message: 'Meeting not found' });
      const seen = input.expectedVersion ?? meeting.version;
      if (seen !== meeting.version) {
        throw new DomainError('CONFLICT', 'meeting.versionConflict', {
          params: { version: meeting.version, expectedVersion: seen },
          field: 'expectedVersion',
          message: `The meeting was changed meanwhile (version ${meeting.version}, you sent ${seen}); reload and try again`,
        });
      }
      const answers = input.answers;
      const score = input.score ?? (answers ? overallScore(answers) : undefined);
      if (score === undefined)
        throw new DomainError('BAD_REQUEST', 'meeting.ratingRequired', {
          field: 'answers',
          message: 'Give the answers or a score',
        });
      const party = a.side === 'provider' ? actingParty(a, scope) : null;
      const key = keys.meeting(a.agreement.space, a.agreement.id, meeting.date, meeting.id);
      const prior = party
        ? meeting.partyScores.find((s) => s.party === party.party)
        : { score: meeting.scores.municipality, answers: meeting.answers?.municipality };
      const before = prior?.score ?? null;
      const next: Meeting = party
        ? {
            ...meeting,
            partyScores: [
              ...meeting.partyScores.filter((s) => s.party !== party.party),
              { ...party, score, ...(answers ? { answers } : {}) },
            ],
          }
        : { ...meeting, scores: { municipality: score }, answers: answers ? { municipality: answers } : {} };
      next.version = meeting.version + 1;
      const now = new Date().toISOString();
      await write(a, [
        {
          Update: {
            TableName: a.db.tableName,
            Key: key,
            UpdateExpression: 'SET scores = :s, partyScores = :p, answers = :a, version = :next',
            ConditionExpression: 'version = :v',
            ExpressionAttributeValues: {
              ':s': next.scores,
              ':p': next.partyScores,
              ':a': next.answers ?? {},
              ':next': next.version,
              ':v': meeting.version,
            },
          },
        },
        collaborationSummaryPut(
          a,
          meetings.map((m) => (m.id === next.id ? next : m)),
          now,
        ),
        ...auditInCollection(a, scope, {
          at: now,
          action: 'dialogue.score',
          objectType: 'meeting',
          changes: {
            [`meeting.${meeting.id}.score.${party ? party.party : 'municipality'}`]: {
              before,
              after: score,
            },
            ...(answers
              ? {
                  [`meeting.${meeting.id}.answers.${party ? party.party : 'municipality'}`]: {
                    before: prior?.answers ?? null,
                    after: answers,
                  },
                }
              : {}),
          },
        }),
      ]);
      return party ? toMeetingPartyView(next, scope.space)! : next;
    },

    /**
     * The dialogue log, newest first: the owner's every meeting with every score, labelled; a provider's
     * through the meeting allow-list (its own party's score, never the municipality's notes).
     */
    async meetings(agreementId: string): Promise<MeetingView[]> {
      const a = await access(agreementId);
      const all = (await readMeetings(a)).sort((x, y) => (x.date < y.date ? 1 : -1));
      if (a.side !== 'provider') return all;
      return all.flatMap((m) => toMeetingPartyView(m, scope.space) ?? []);
    },
  };
}
