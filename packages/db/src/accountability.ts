import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { assertRunning, DomainError, type KpiResult, type Meeting, newId, onTarget } from '@regie/core';
import {
  type AgreementAccess,
  accessAgreement,
  auditInCollection,
  queryCollection,
  type TransactItem,
  type Widen,
} from './agreement-access.ts';
import type { Db } from './client.ts';
import { guard, isConditionFailure } from './errors.ts';
import { keys } from './keys.ts';
import type { Scope } from './scope.ts';

/**
 * KPI results with comments from both sides (SPEC §4.5) and the dialogue log (SPEC §4.7), both kept in the
 * agreement's own collection so the provider and the municipality read the same figures.
 */
export function accountabilityRepository(base: Db, scope: Scope, widen: Widen) {
  const access = (agreementId: string) => accessAgreement(base, scope, widen, agreementId);

  async function write(a: AgreementAccess, items: TransactItem[]) {
    try {
      await guard(() => a.db.doc.send(new TransactWriteCommand({ TransactItems: items })));
    } catch (error) {
      if (isConditionFailure(error))
        throw new DomainError('CONFLICT', 'Changed by someone else meanwhile; reload and try again');
      throw error;
    }
  }

  const query = async (a: AgreementAccess, prefix: string) =>
    (await queryCollection<Record<string, unknown>>(a.db, a.agreement.space, a.agreement.id, prefix)).map(
      ({ version: _v, ...rest }: Record<string, unknown>) => rest,
    );

  async function getItem(a: AgreementAccess, key: { pk: string; sk: string }) {
    return (
      await guard(() =>
        a.db.doc.send(new GetCommand({ TableName: a.db.tableName, Key: key, ConsistentRead: true })),
      )
    ).Item;
  }

  return {
    /** Records (or corrects) the value of one KPI for one period; the comments stay. */
    async recordKpi(input: {
      agreementId: string;
      kpiId: string;
      period: string;
      value: number;
    }): Promise<KpiResult> {
      const a = await access(input.agreementId);
      assertRunning(a.agreement);
      const kpi = a.agreement.kpis.find((k) => k.id === input.kpiId);
      if (!kpi) throw new DomainError('BAD_REQUEST', 'This agreement has no KPI with that id', 'kpiId');
      const key = keys.kpiResult(a.agreement.space, a.agreement.id, kpi.id, input.period);
      const existing = await getItem(a, key);
      const now = new Date().toISOString();
      const result: KpiResult = {
        kpiId: kpi.id,
        period: input.period,
        value: input.value,
        onTarget: onTarget(kpi, input.value),
        recordedAt: now,
        recordedBy: scope.actor,
        side: a.side,
        comments: existing?.comments ?? [],
      };
      const version = (existing?.version ?? 0) + 1;
      await write(a, [
        {
          Put: {
            TableName: a.db.tableName,
            Item: { ...key, type: 'kpiResult', ...result, version },
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
            [`kpi.${kpi.id}.${input.period}`]: { before: existing?.value ?? null, after: input.value },
          },
        }),
      ]);
      return result;
    },

    async commentKpi(input: {
      agreementId: string;
      kpiId: string;
      period: string;
      text: string;
    }): Promise<KpiResult> {
      const a = await access(input.agreementId);
      const key = keys.kpiResult(a.agreement.space, a.agreement.id, input.kpiId, input.period);
      const existing = await getItem(a, key);
      if (!existing)
        throw new DomainError('BAD_REQUEST', 'There is no result for this KPI and period yet', 'period');
      const now = new Date().toISOString();
      const comments = [
        ...(existing.comments ?? []),
        { side: a.side, by: scope.actor, at: now, text: input.text },
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
          changes: { [`kpi.${input.kpiId}.${input.period}.comment`]: { before: null, after: input.text } },
        }),
      ]);
      const { pk: _pk, sk: _sk, type: _t, version: _v, ...rest } = existing;
      return { ...(rest as KpiResult), comments };
    },

    /** Per KPI its definition and its results by period: what both sides see. */
    async kpis(agreementId: string) {
      const a = await access(agreementId);
      const results = (await query(a, keys.kpiPrefix)) as unknown as KpiResult[];
      return a.agreement.kpis.map((kpi) => ({
        ...kpi,
        results: results.filter((r) => r.kpiId === kpi.id).sort((x, y) => (x.period < y.period ? -1 : 1)),
      }));
    },

    async recordMeeting(input: {
      agreementId: string;
      date: string;
      kind: 'meeting' | 'evaluation';
      participants: string[];
      notes?: string;
      actions?: { text: string; owner: string; due?: string }[];
      score?: number;
    }): Promise<Meeting> {
      const a = await access(input.agreementId);
      const now = new Date().toISOString();
      const meeting: Meeting = {
        id: newId(),
        agreementId: a.agreement.id,
        date: input.date,
        kind: input.kind,
        participants: input.participants,
        notes: input.notes ?? '',
        actions: input.actions ?? [],
        scores: input.score ? { [a.side]: input.score } : {},
        recordedBy: scope.actor,
        recordedAt: now,
      };
      await write(a, [
        {
          Put: {
            TableName: a.db.tableName,
            Item: {
              ...keys.meeting(a.agreement.space, a.agreement.id, meeting.date, meeting.id),
              type: 'meeting',
              ...meeting,
              version: 1,
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        ...auditInCollection(a, scope, {
          at: now,
          action: 'dialogue.record',
          objectType: 'meeting',
          changes: {
            [`meeting.${meeting.id}`]: {
              before: null,
              after: { date: meeting.date, kind: meeting.kind, scores: meeting.scores },
            },
          },
        }),
      ]);
      return meeting;
    },

    /** The caller's side gives (or changes) its trust/cooperation score for a meeting. */
    async scoreMeeting(input: { agreementId: string; meetingId: string; score: number }): Promise<Meeting> {
      const a = await access(input.agreementId);
      const meetings = (await query(a, keys.meetingPrefix)) as unknown as Meeting[];
      const meeting = meetings.find((m) => m.id === input.meetingId);
      if (!meeting) throw new DomainError('NOT_FOUND', 'Meeting not found');
      const key = keys.meeting(a.agreement.space, a.agreement.id, meeting.date, meeting.id);
      const stored = await getItem(a, key);
      const scores = { ...meeting.scores, [a.side]: input.score };
      const now = new Date().toISOString();
      await write(a, [
        {
          Update: {
            TableName: a.db.tableName,
            Key: key,
            UpdateExpression: 'SET scores = :s, version = :next',
            ConditionExpression: 'version = :v',
            ExpressionAttributeValues: {
              ':s': scores,
              ':next': (stored?.version ?? 1) + 1,
              ':v': stored?.version ?? 1,
            },
          },
        },
        ...auditInCollection(a, scope, {
          at: now,
          action: 'dialogue.score',
          objectType: 'meeting',
          changes: {
            [`meeting.${meeting.id}.score.${a.side}`]: {
              before: meeting.scores[a.side] ?? null,
              after: input.score,
            },
          },
        }),
      ]);
      return { ...meeting, scores };
    },

    /** The dialogue log, newest first, with each side's score over time. */
    async meetings(agreementId: string): Promise<Meeting[]> {
      const a = await access(agreementId);
      return ((await query(a, keys.meetingPrefix)) as unknown as Meeting[]).sort((x, y) =>
        x.date < y.date ? 1 : -1,
      );
    },
  };
}
