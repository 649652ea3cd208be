import {
  computeIncentives,
  DomainError,
  type IncentiveRow,
  type IncentiveSettlement,
  type KpiResult,
  missedReports,
  providerParties,
  REPORTING_STATUSES,
  type Realisation,
  rowKey,
} from '@regie/core';
import {
  type AgreementAccess,
  accessAgreement,
  auditInCollection,
  ownPartyOnly,
  queryCollection,
  type TransactItem,
  type Widen,
} from './agreement-access.ts';
import { readDues } from './agreement-mirrors.ts';
import { realisations } from './budget-signals.ts';
import type { Db } from './client.ts';
import { keys } from './keys.ts';
import type { Scope } from './scope.ts';
import { transact } from './transact.ts';

/** Statuses in which a period may be settled: the agreement runs, or ran. */
const SETTLE_STATUSES: readonly string[] = [...REPORTING_STATUSES, 'terminated', 'expired'];

const today = () => new Date().toISOString().slice(0, 10);

/** The settled periods of an agreement (every party's), from its own collection. */
export const readSettlements = (db: Db, space: string, agreementId: string) =>
  queryCollection<IncentiveSettlement>(db, space, agreementId, keys.incentiveSettlementPrefix);

/**
 * Result-linked payment (issue 15 point 2): the incentive arrangement of an agreement's terms applied to its KPI
 * results, realisations and reporting dues, per period and provider party; and settling a period. Everything is
 * read from the agreement's own collection. A provider party sees only its own rows and settlements (another
 * party's are adversarial: SPEC §2 rule 6); the figures of both sides are the same.
 */
export function incentiveRepository(base: Db, scope: Scope, widen: Widen) {
  async function compute(a: AgreementAccess) {
    const { db, agreement } = a;
    const [results, entries, dues, settlements] = await Promise.all([
      queryCollection<KpiResult>(db, agreement.space, agreement.id, keys.kpiPrefix),
      realisations(db, agreement.space, agreement.id) as Promise<Realisation[]>,
      readDues(db, agreement.space, agreement.id),
      readSettlements(db, agreement.space, agreement.id),
    ]);
    const rules = agreement.incentives ?? [];
    const parties = providerParties(agreement);
    const now = today();
    const periodsOf = computeIncentives({
      rules,
      kpis: agreement.kpis,
      startDate: agreement.startDate,
      endDate: agreement.endDate,
      today: now,
      parties,
      results: [],
      realisations: [],
      missed: new Set(),
    }).map((r) => ({ kpiId: r.kpiId, period: r.period, ...(r.party ? { party: r.party } : {}) }));
    const missed = missedReports({
      kpis: agreement.kpis,
      duties: agreement.duties,
      dues,
      periods: periodsOf,
      today: now,
    });
    const settled = new Map<string, number>();
    for (const s of settlements)
      for (const row of s.rows)
        settled.set(rowKey({ ...row, period: s.period, party: s.party }), row.amountCents);
    const rows = computeIncentives({
      rules,
      kpis: agreement.kpis,
      startDate: agreement.startDate,
      endDate: agreement.endDate,
      today: now,
      parties,
      results,
      realisations: entries,
      missed,
      settled,
    });
    return { rules, rows, settlements };
  }

  return {
    /** The arrangement and, per period and party, the computed and the settled amounts (a provider: its own). */
    async periods(agreementId: string): Promise<{
      agreementId: string;
      version: number;
      rules: NonNullable<AgreementAccess['agreement']['incentives']>;
      kpis: { id: string; name: string; unit: string; target: number; direction: 'higher' | 'lower' }[];
      rows: IncentiveRow[];
      settlements: IncentiveSettlement[];
    }> {
      const a = await accessAgreement(base, scope, widen, agreementId);
      const { rules, rows, settlements } = await compute(a);
      return {
        agreementId: a.agreement.id,
        version: a.agreement.version,
        rules,
        kpis: a.agreement.kpis.map(({ id, name, unit, target, direction }) => ({
          id,
          name,
          unit,
          target,
          direction,
        })),
        rows: ownPartyOnly(a, scope, rows),
        settlements: ownPartyOnly(a, scope, settlements).sort((x, y) => (x.period < y.period ? -1 : 1)),
      };
    },

    /**
     * Settles one elapsed period: per provider party one settlement with the rows as computed now, and the audit
     * event, in one transaction, conditional on the agreement's version seen (the arrangement and its KPIs as the
     * settler saw them) and on the period not being settled yet.
     */
    async settle(input: {
      agreementId: string;
      expectedVersion: number;
      period: string;
    }): Promise<IncentiveSettlement[]> {
      const a = await accessAgreement(base, scope, widen, input.agreementId);
      const { db, agreement } = a;
      if (agreement.version !== input.expectedVersion)
        throw new DomainError('CONFLICT', 'agreement.versionConflict', {
          params: { version: agreement.version, expectedVersion: input.expectedVersion },
          field: 'expectedVersion',
          message: `The agreement was changed meanwhile (version ${agreement.version}); reload and try again`,
        });
      if (!SETTLE_STATUSES.includes(agreement.status))
        throw new DomainError('BAD_REQUEST', 'incentive.notRunning', {
          params: { status: agreement.status },
          message: 'Only a running (or ended) agreement settles incentives',
        });
      if ((agreement.incentives ?? []).length === 0)
        throw new DomainError('BAD_REQUEST', 'incentive.noArrangement', {
          field: 'agreementId',
          message: 'This agreement has no incentive arrangement',
        });
      const { rows, settlements } = await compute(a);
      if (settlements.some((s) => s.period === input.period))
        throw new DomainError('CONFLICT', 'incentive.alreadySettled', {
          params: { period: input.period },
          field: 'period',
          message: `Period ${input.period} was settled already`,
        });
      const ofPeriod = rows.filter((r) => r.period === input.period);
      if (ofPeriod.length === 0)
        throw new DomainError('BAD_REQUEST', 'incentive.periodNotSettleable', {
          params: { period: input.period },
          field: 'period',
          message: `Period ${input.period} has not ended, or no KPI of the arrangement has it`,
        });
      const now = new Date().toISOString();
      const byParty = new Map<string, IncentiveRow[]>();
      for (const r of ofPeriod) byParty.set(r.party ?? '', [...(byParty.get(r.party ?? '') ?? []), r]);
      const out: IncentiveSettlement[] = [...byParty.values()].map((group) => {
        const first = group[0]!;
        return {
          agreementId: agreement.id,
          period: input.period,
          ...(first.party ? { party: first.party, partyName: first.partyName ?? first.party } : {}),
          rows: group.map((r) => ({
            kpiId: r.kpiId,
            kind: r.kind,
            amountCents: r.amountCents,
            state: r.state,
          })),
          totalCents: group.reduce((sum, r) => sum + r.amountCents, 0),
          settledAt: now,
          settledBy: scope.actor,
          ...(scope.actorName ? { settledByName: scope.actorName } : {}),
        };
      });
      const [audit, ...auditRest] = auditInCollection(a, scope, {
        at: now,
        action: 'incentive.settle',
        objectType: 'incentive',
        changes: Object.fromEntries(
          out.map((s) => [
            `incentive.${input.period}${s.party ? `.${s.party}` : ''}`,
            { before: null, after: { totalCents: s.totalCents, rows: s.rows } },
          ]),
        ),
      });
      // The audit head's update also holds the agreement at the version the settler saw.
      const head = audit!.Update!;
      const items: TransactItem[] = [
        ...out.map(
          (s): TransactItem => ({
            Put: {
              TableName: db.tableName,
              Item: {
                ...keys.incentiveSettlement(agreement.space, agreement.id, s.period, s.party),
                type: 'incentiveSettlement',
                ...s,
              },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          }),
        ),
        {
          Update: {
            ...head,
            ConditionExpression: `${head.ConditionExpression} AND version = :seenVersion`,
            ExpressionAttributeValues: {
              ...head.ExpressionAttributeValues,
              ':seenVersion': input.expectedVersion,
            },
          },
        },
        ...auditRest,
      ];
      await transact(
        db,
        items,
        new DomainError('CONFLICT', 'incentive.changedMeanwhile', {
          message: 'The agreement changed, or the period was settled, meanwhile; reload and try again',
        }),
      );
      return out;
    },
  };
}
