import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { CollabSide, CollabSignal, ServiceLevelSignal } from '@regie/core';
import type { Db } from './client.ts';
import { guard } from './errors.ts';
import type { escalationRepository } from './escalations.ts';
import { missedMeetings } from './governance.ts';
import { keys } from './keys.ts';
import type { notificationRepository } from './notifications.ts';
import { gsi1Page } from './query.ts';
import { assertReach, type Scope } from './scope.ts';
import type { steeringRepository } from './steering.ts';

const LIMIT = 50;

type CollabLatest = { who: CollabSide; average: number; date: string };

/**
 * The steering dashboard of a space (SPEC §4, issue 4 point 7). Every panel is one key-condition query on an
 * index of what needs attention (overdue duties, budget signals, open escalations, role conflicts, collaboration
 * signals, overdue notifications, missed meetings) or one
 * counter item, so its cost grows with what needs attention, never with the register.
 */
export function dashboardRepository(
  db: Db,
  scope: Scope,
  repos: {
    escalations: ReturnType<typeof escalationRepository>;
    steering: ReturnType<typeof steeringRepository>;
    notifications: ReturnType<typeof notificationRepository>;
  },
) {
  return {
    async get(filter: { space?: string }) {
      const space = filter.space ?? scope.space;
      assertReach(scope, space);
      const today = new Date().toISOString().slice(0, 10);
      const [
        stats,
        overdue,
        signals,
        escalations,
        conflicts,
        collaboration,
        lateNotifications,
        missed,
        serviceLevels,
      ] = await Promise.all([
        guard(() => db.doc.send(new GetCommand({ TableName: db.tableName, Key: keys.stats(space) }))),
        gsi1Page(db, keys.dueIndex(space), { before: today, limit: LIMIT }),
        gsi1Page(db, keys.signalIndex(space), { descending: true, limit: LIMIT }),
        repos.escalations.openInSpace({ space, limit: LIMIT }),
        repos.steering.roleConflicts({ space, limit: LIMIT }),
        gsi1Page(db, keys.collaborationSignals(space), { descending: true, limit: LIMIT }),
        repos.notifications.overdueInSpace({ space, limit: LIMIT }),
        missedMeetings(db, space, LIMIT),
        gsi1Page(db, keys.serviceLevelSignals(space), { descending: true, limit: LIMIT }),
      ]);
      const counts = stats.Item ?? {};
      // One row per agreement at risk: its highest threshold reached; at the same threshold the overall ceiling
      // before a year's, a year's before a product line's (`year` or `line` says which ceiling it is).
      type Risk = {
        agreementId: string;
        reference: string;
        title: string;
        threshold: number;
        year?: number;
        line?: { id: string; productCode: string; measure: 'amount' | 'volume' };
      };
      const rank = (r: Pick<Risk, 'year' | 'line'>) => (r.line ? 2 : r.year !== undefined ? 1 : 0);
      const atRisk = new Map<string, Risk>();
      for (const s of signals.items) {
        const risk: Risk = {
          agreementId: s.agreementId,
          reference: s.reference,
          title: s.title,
          threshold: s.threshold,
          ...(typeof s.year === 'number' ? { year: s.year } : {}),
          ...(s.line ? { line: s.line as NonNullable<Risk['line']> } : {}),
        };
        const seen = atRisk.get(s.agreementId);
        if (
          !seen ||
          seen.threshold < risk.threshold ||
          (seen.threshold === risk.threshold && rank(risk) < rank(seen))
        ) {
          atRisk.set(s.agreementId, risk);
        }
      }
      return {
        space,
        relationTypes: {
          boss: Number(counts.relation_boss ?? 0),
          customer: Number(counts.relation_customer ?? 0),
          partner: Number(counts.relation_partner ?? 0),
        },
        overdueDuties: overdue.items.map((i) => ({
          agreementId: i.agreementId as string,
          reference: i.reference as string,
          title: i.title as string,
          dutyTitle: i.dutyTitle as string,
          period: i.period as string,
          dueDate: i.dueDate as string,
          // Each provider party owes its own report: the row names whose is late.
          ...(i.party ? { party: i.party as string, partyName: (i.partyName ?? i.party) as string } : {}),
        })),
        ceilingsAtRisk: [...atRisk.values()],
        openEscalations: escalations,
        roleConflicts: conflicts.items,
        // Agreements with an active collaboration signal (collaboration.ts keeps the sparse index), newest first.
        collaboration: collaboration.items.map((i) => ({
          agreementId: i.agreementId as string,
          reference: i.reference as string,
          title: i.title as string,
          latest: i.latest as CollabLatest[],
          signals: i.signals as CollabSignal[],
        })),
        /** Provider notifications not answered in time (issue 14 point 3), oldest deadline first. */
        overdueNotifications: lateNotifications,
        /** Planned meetings (governance cadence) passed without a dialogue record, latest first. */
        missedMeetings: missed,
        /** Agreements with a service level missed its threshold of periods in a row (issue 16), latest first. */
        serviceLevels: serviceLevels.items.map((i) => ({
          agreementId: i.agreementId as string,
          reference: i.reference as string,
          title: i.title as string,
          missedCount: Number(i.missedCount),
          signals: i.signals as ServiceLevelSignal[],
        })),
      };
    },
  };
}
