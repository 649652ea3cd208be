import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import {
  type Agreement,
  assertActsForOwner,
  type Deadline,
  DomainError,
  type Duty,
  FROZEN_STATUSES,
  type GovernanceApplyInput,
  type GovernancePreview,
  governancePreview,
  meetingDeadlines,
  meetingHeldBy,
  meetingSchedule,
  missedBefore,
  newId,
  type RelationDecision,
  type Role,
} from '@regie/core';
import { mirrorsOf, readDues } from './agreement-mirrors.ts';
import { loadAgreement } from './agreements.ts';
import type { Db } from './client.ts';
import { deadlineChanges } from './deadlines.ts';
import { readSpace } from './directory.ts';
import { guard } from './errors.ts';
import { keys } from './keys.ts';
import { readPlannedMeetings } from './meetings.ts';
import { assertReach, type Scope } from './scope.ts';
import type { steeringRepository } from './steering.ts';
import type { TransactItem } from './transact.ts';

const today = () => new Date().toISOString().slice(0, 10);

/**
 * The transaction items that mark the planned meetings a dialogue record on `date` stands for as held: off the
 * open-meetings index, so they never count as missed. Reads the agreement's own meeting deadlines only.
 */
export async function heldMeetingItems(
  db: Db,
  agreement: { space: string; id: string },
  date: string,
  meetingId: string,
): Promise<TransactItem[]> {
  const meetings = await readPlannedMeetings(db, agreement.space, agreement.id);
  return meetings
    .filter((m) => !m.held && meetingHeldBy(m.date, date))
    .map((m) => ({
      Update: {
        TableName: db.tableName,
        Key: keys.deadline(agreement.space, agreement.id, m.key),
        UpdateExpression: 'SET held = :held, heldBy = :by REMOVE gsi2pk, gsi2sk',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':held': true, ':by': meetingId },
      },
    }));
}

export interface MissedMeeting {
  agreementId: string;
  reference: string;
  title: string;
  date: string;
}

/** Meetings whose date passed a few days ago with no dialogue record: one query of the open-meetings index. */
export async function missedMeetings(db: Db, space: string, limit: number): Promise<MissedMeeting[]> {
  const result = await guard(() =>
    db.doc.send(
      new QueryCommand({
        TableName: db.tableName,
        IndexName: 'gsi2',
        KeyConditionExpression: 'gsi2pk = :pk AND gsi2sk < :before',
        ExpressionAttributeValues: { ':pk': keys.openMeetings(space), ':before': missedBefore(today()) },
        ScanIndexForward: false,
        Limit: limit,
      }),
    ),
  );
  return (result.Items ?? []).map((i) => ({
    agreementId: String(i.agreementId),
    reference: String(i.reference),
    title: String(i.title),
    date: String(i.date),
  }));
}

function refuse(message: string, field = 'duties') {
  return new DomainError('BAD_REQUEST', 'duty.unknown', { field, message });
}

/**
 * Governance that acts (issue 14 point 1): the preview of a relation decision on one agreement, and applying it
 * — the relation, the duties the user accepted, the report due items that follow from them and the meeting
 * deadlines from the cadence — in the steering's one transaction under one audit event (`governance`).
 *
 * Duties are terms: applying writes them like a terms change (agreement version and terms version, due items,
 * party views) without the amendment course a terms edit takes, because governance is steering of a running
 * agreement. Only while approval or signatures run (FROZEN_STATUSES) a change of duties is refused: what was
 * approved or is being signed must stay what is signed.
 */
export function governanceRepository(db: Db, scope: Scope, steering: ReturnType<typeof steeringRepository>) {
  return {
    async preview(
      agreementId: string,
      relation: RelationDecision,
    ): Promise<
      GovernancePreview & {
        agreementVersion: number;
        steeringVersion: number;
        status: Agreement['status'];
        endDate: string;
      }
    > {
      const agreement = await loadAgreement(db, scope.reach, agreementId);
      const current = await steering.get(agreementId);
      return {
        ...governancePreview(
          { chosen: relation.chosen, governance: relation.governance },
          agreement,
          today(),
        ),
        agreementVersion: agreement.version,
        steeringVersion: current.version,
        status: agreement.status,
        endDate: agreement.endDate,
      };
    },

    async apply(input: GovernanceApplyInput) {
      let written: { duties: Duty[]; version: number; meetings: Deadline[] } | null = null;
      const stored = await steering.update(
        input.agreementId,
        input.expectedVersion,
        { relation: input.relation },
        async (agreement, now) => {
          assertActsForOwner(scope, agreement.space);
          assertReach(scope, agreement.space);
          if (agreement.version !== input.agreementVersion)
            throw new DomainError('CONFLICT', 'agreement.versionConflict', {
              params: { version: agreement.version, expectedVersion: input.agreementVersion },
              message: `Agreement was changed (version ${agreement.version}, you sent ${input.agreementVersion})`,
            });
          const duties = resolveDuties(agreement.duties, input.duties);
          const dutiesChanged = JSON.stringify(duties) !== JSON.stringify(agreement.duties);
          if (dutiesChanged && FROZEN_STATUSES.includes(agreement.status))
            throw new DomainError('BAD_REQUEST', 'governance.termsFrozen', {
              params: { status: agreement.status },
              field: 'duties',
              message: 'While approval or signatures run the duties cannot change; apply after signing',
            });
          const version = agreement.version + 1;
          const next: Agreement = {
            ...agreement,
            duties,
            version,
            termsVersion: dutiesChanged ? version : agreement.termsVersion,
            updatedAt: now,
            updatedBy: scope.actor,
            ...(scope.actorName ? { updatedByName: scope.actorName } : {}),
          };
          const { auditSeq: _seq, auditHash: _hash, ...prev } = agreement;
          const ownerName = (await readSpace(db, agreement.space))?.name ?? agreement.space;
          // Due items, party views and the rest that mirror the agreement (agreement-mirrors.ts).
          const items = await mirrorsOf(
            db,
            ownerName,
            prev,
            next,
            await readDues(db, agreement.space, agreement.id),
          );
          if (dutiesChanged)
            items.push({
              Put: {
                TableName: db.tableName,
                Item: {
                  ...keys.termsVersion(agreement.space, agreement.id, version),
                  type: 'terms',
                  ...next,
                },
              },
            });
          // Meetings from the cadence replace the planned ones still ahead; past ones (held or missed) stay.
          const day = now.slice(0, 10);
          const before: Deadline[] = (await readPlannedMeetings(db, agreement.space, agreement.id))
            .filter((m) => m.date > day && !m.held)
            .map((m) => meetingDeadlines(agreement, [m])[0]!);
          const after = meetingDeadlines(
            agreement,
            meetingSchedule(input.relation.governance.meetingCadence, day, agreement.endDate),
          );
          items.push(...deadlineChanges(db, before, after, agreement));
          written = { duties, version, meetings: after };
          return {
            set: {
              duties,
              version,
              termsVersion: next.termsVersion,
              updatedAt: now,
              updatedBy: scope.actor,
              ...(scope.actorName ? { updatedByName: scope.actorName } : {}),
            },
            items,
            changes: {
              ...(dutiesChanged ? { duties: { before: agreement.duties, after: duties } } : {}),
              ...(dutiesChanged ? { termsVersion: { before: agreement.termsVersion, after: version } } : {}),
              meetings: { before: before.map((m) => m.date), after: after.map((m) => m.date) },
            },
          };
        },
      );
      const done = written as { duties: Duty[]; version: number; meetings: Deadline[] } | null;
      return {
        steering: stored,
        agreementVersion: done?.version ?? input.agreementVersion,
        duties: done?.duties ?? [],
        meetings: (done?.meetings ?? []).map((m) => ({ key: m.key, date: m.date, roles: m.roles as Role[] })),
      };
    },
  };
}

/**
 * The duty list to store: a duty the agreement has keeps its id (each at most once); a new one gets an id. An id
 * the agreement does not have is refused — it would make a due item without a duty behind it.
 */
function resolveDuties(current: readonly Duty[], wanted: GovernanceApplyInput['duties']): Duty[] {
  const known = new Set(current.map((d) => d.id));
  const seen = new Set<string>();
  return wanted.map((duty, i) => {
    if (duty.id === undefined) return { ...duty, id: newId() };
    if (!known.has(duty.id) || seen.has(duty.id))
      throw refuse(`Duty ${i + 1} names an id this agreement has not`, `duties.${i}.id`);
    seen.add(duty.id);
    return { ...duty, id: duty.id };
  });
}
