import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import {
  advanceDue,
  assertDelivery,
  assertRunning,
  type DeliverySeries,
  DomainError,
  type DueState,
  deliverySeries,
  type Report,
  type ReportSubmitInput,
  spaceKind,
  toPartyView,
} from '@regie/core';
import {
  accessAgreement,
  actingParty,
  auditInCollection,
  ownPartyOnly,
  queryCollection,
  type Widen,
} from './agreement-access.ts';
import { dueItem, readDues } from './agreement-mirrors.ts';
import { indexAttributes } from './agreement-register.ts';
import type { Db } from './client.ts';
import { guard } from './errors.ts';
import { keys } from './keys.ts';
import { gsi1Page } from './query.ts';
import { assertReach, type Scope } from './scope.ts';
import { type TransactItem, transact } from './transact.ts';

export interface DueRow extends DueState {
  agreementId: string;
  reference: string;
  title: string;
  overdue: boolean;
  /** For a provider: who expects the report. */
  ownerName?: string;
}

const today = () => new Date().toISOString().slice(0, 10);

/**
 * Reports under information duties (SPEC §4.3). A provider's request reaches exactly one item collection of
 * the municipality's space — that of an agreement its own party view shows it is party to — and never the
 * municipality's space as a whole (docs/steering-design.md).
 */
export function reportRepository(
  base: Db,
  scope: Scope,
  widen: Widen,
  /** When a report is delivered (the seed delivers past periods on their own days; the API always now). */
  clock: () => Date = () => new Date(),
) {
  const asProvider = spaceKind(scope.space) === 'provider';

  const target = (agreementId: string) => accessAgreement(base, scope, widen, agreementId);

  /** A provider's list: what each of its party views says is due, soonest first. */
  async function dueAsParty(limit: number): Promise<DueRow[]> {
    const page = await guard(() =>
      base.doc.send(
        new QueryCommand({
          TableName: base.tableName,
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :pk',
          ExpressionAttributeValues: { ':pk': keys.registerIndex(scope.space) },
          Limit: 100,
        }),
      ),
    );
    const now = today();
    return (page.Items ?? [])
      .flatMap((view) =>
        ((view.due ?? []) as { dutyId: string; dutyTitle: string; period: string; dueDate: string }[]).map(
          (d) => {
            const duty = (
              view.duties as { id: string; frequency: DueState['frequency']; dueDays: number }[]
            ).find((x) => x.id === d.dutyId);
            return {
              ...d,
              agreementId: view.id as string,
              reference: view.reference as string,
              title: view.title as string,
              frequency: duty?.frequency ?? 'quarterly',
              dueDays: duty?.dueDays ?? 0,
              periodEnd: '',
              overdue: d.dueDate < now,
            };
          },
        ),
      )
      .sort((a, b) => (a.dueDate < b.dueDate ? -1 : 1))
      .slice(0, limit);
  }

  return {
    async submit(input: ReportSubmitInput): Promise<Report> {
      const access = await target(input.agreementId);
      const { db, agreement, ownerName } = access;
      assertRunning(agreement);
      const duty = agreement.duties.find((d) => d.id === input.dutyId && d.kind === 'periodic');
      if (!duty)
        throw new DomainError('BAD_REQUEST', 'duty.unknown', {
          field: 'dutyId',
          message: 'This agreement has no periodic duty with that id',
        });
      // The figures against the duty's data specification: nothing is written when one field is wrong.
      assertDelivery(duty.dataSpec, input.data);
      // Every provider party reports for itself: its own due, its own report per period (SPEC §2 rule 6).
      const party = actingParty(access, scope, input.party);
      const dues = await readDues(db, agreement.space, agreement.id);
      const due = dues.find((d) => d.dutyId === duty.id && d.party === party?.party);
      if (!due)
        throw new DomainError('BAD_REQUEST', 'report.notExpected', {
          field: 'dutyId',
          message: 'No report is expected under this duty now',
        });
      if (due.period !== input.period) {
        throw new DomainError('BAD_REQUEST', 'report.wrongPeriod', {
          params: { period: due.period },
          field: 'period',
          message: `The report expected now is for ${due.period}`,
        });
      }
      const now = clock().toISOString();
      const report: Report = {
        agreementId: agreement.id,
        dutyId: duty.id,
        dutyTitle: duty.title,
        period: due.period,
        dueDate: due.dueDate,
        summary: input.summary,
        figures: input.figures ?? [],
        ...(input.data ? { data: input.data } : {}),
        submittedAt: now,
        submittedBy: scope.actor,
        submittedByName: scope.actorName,
        side: asProvider ? 'provider' : 'municipality',
        organisation: scope.organisation,
        late: now.slice(0, 10) > due.dueDate,
        ...(party ?? {}),
      };
      const next = advanceDue(due, agreement.endDate);
      const nextDues = dues.flatMap((d) => (d !== due ? [d] : next ? [next] : []));
      const dueKey = keys.due(agreement.space, agreement.id, due.dutyId, due.party);
      const items: TransactItem[] = [
        {
          Put: {
            TableName: db.tableName,
            Item: {
              ...keys.report(agreement.space, agreement.id, duty.id, due.period, party?.party),
              type: 'report',
              ...report,
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        next
          ? {
              Put: {
                TableName: db.tableName,
                Item: dueItem(agreement, next),
                ConditionExpression: '#period = :period',
                ExpressionAttributeNames: { '#period': 'period' },
                ExpressionAttributeValues: { ':period': due.period },
              },
            }
          : {
              Delete: {
                TableName: db.tableName,
                Key: dueKey,
                ConditionExpression: '#period = :period',
                ExpressionAttributeNames: { '#period': 'period' },
                ExpressionAttributeValues: { ':period': due.period },
              },
            },
        ...auditInCollection(access, scope, {
          at: now,
          action: 'report',
          objectType: 'report',
          changes: {
            [`report.${duty.id}.${due.period}${party ? `.${party.party}` : ''}`]: {
              before: null,
              after: { summary: report.summary, late: report.late },
            },
          },
        }),
      ];
      // The party view of the reporting party shows what it owes next; only its due moved, so only its view
      // changes. A provider's credentials reach its own space and this collection, never another provider's.
      if (party) {
        const view = toPartyView(agreement, ownerName, party.party, nextDues);
        if (view)
          items.push({
            Put: {
              TableName: db.tableName,
              Item: {
                ...keys.partyView(party.party, agreement.id),
                type: 'partyView',
                ...view,
                ...indexAttributes(party.party, agreement),
              },
            },
          });
      }
      await transact(
        db,
        items,
        new DomainError('CONFLICT', 'report.changedMeanwhile', {
          message: 'This report was just delivered, or the agreement changed; reload and try again',
        }),
      );
      return report;
    },

    /** The reports of an agreement: a provider's own party's only; the owner's all, each with its party. */
    async list(agreementId: string): Promise<Report[]> {
      const access = await target(agreementId);
      const { db, agreement } = access;
      const out = ownPartyOnly(
        access,
        scope,
        await queryCollection<Report>(db, agreement.space, agreement.id, keys.reportPrefix),
      );
      return out.sort((a, b) =>
        a.period !== b.period
          ? a.period < b.period
            ? 1
            : -1
          : (a.partyName ?? '') < (b.partyName ?? '')
            ? -1
            : 1,
      );
    },

    /**
     * The delivered figures as time series (issue 15 point 3): per duty with a data specification, per field, the
     * values by period — from this agreement's own report items only; a provider sees its own party's.
     */
    async series(agreementId: string): Promise<DeliverySeries[]> {
      const access = await target(agreementId);
      const { db, agreement } = access;
      if (!agreement.duties.some((d) => d.dataSpec && d.dataSpec.length > 0)) return [];
      const reports = ownPartyOnly(
        access,
        scope,
        await queryCollection<Report>(db, agreement.space, agreement.id, keys.reportPrefix),
      );
      return deliverySeries(agreement.duties, reports);
    },

    /** What a municipality or region expects, soonest first (overdue ones first of all). */
    async due(filter: { space?: string; agreementId?: string; limit: number }): Promise<DueRow[]> {
      if (filter.agreementId) {
        // One agreement's expected reports, from its own collection (either side).
        const access = await target(filter.agreementId);
        const { db, agreement, ownerName } = access;
        const now = today();
        return ownPartyOnly(access, scope, await readDues(db, agreement.space, agreement.id)).map((d) => ({
          ...d,
          agreementId: agreement.id,
          reference: agreement.reference,
          title: agreement.title,
          overdue: d.dueDate < now,
          ...(asProvider ? { ownerName } : {}),
        }));
      }
      if (asProvider) return dueAsParty(filter.limit);
      const space = filter.space ?? scope.space;
      assertReach(scope, space);
      const page = await gsi1Page(base, keys.dueIndex(space), { limit: filter.limit });
      const now = today();
      return page.items.map((i) => ({
        agreementId: i.agreementId,
        reference: i.reference,
        title: i.title,
        dutyId: i.dutyId,
        dutyTitle: i.dutyTitle,
        frequency: i.frequency,
        dueDays: i.dueDays,
        period: i.period,
        periodEnd: i.periodEnd,
        dueDate: i.dueDate,
        overdue: i.dueDate < now,
        ...(i.party ? { party: i.party, partyName: i.partyName ?? i.party } : {}),
      }));
    },
  };
}
