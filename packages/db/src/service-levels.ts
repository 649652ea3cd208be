import {
  checkServiceReport,
  DomainError,
  type LevelHistory,
  levelHistories,
  providerParties,
  type ServiceLevelValue,
  type ServiceReportInput,
} from '@regie/core';
import {
  accessAgreement,
  actingParty,
  auditInCollection,
  ownPartyOnly,
  queryCollection,
  type Widen,
} from './agreement-access.ts';
import type { Db } from './client.ts';
import { keys } from './keys.ts';
import type { Scope } from './scope.ts';
import { type TransactItem, transact } from './transact.ts';

/** The service levels of one provider party (or of the agreement, where no party has a portal). */
export interface PartyServiceLevels {
  party?: string;
  partyName?: string;
  levels: LevelHistory[];
}

/**
 * Service-level reports (issue 16 point 2): a service agreement's provider reports, per period, the measured value
 * of each service level of its catalogue. A provider party reports for itself and sees only its own values; the
 * owning municipality or region sees every party's. Where no provider party has a portal (a joint body, as on a
 * regional ICT agreement) the owner's contract manager reports.
 */
export function serviceLevelRepository(
  base: Db,
  scope: Scope,
  widen: Widen,
  clock: () => Date = () => new Date(),
) {
  const target = (agreementId: string) => accessAgreement(base, scope, widen, agreementId);

  return {
    async report(input: ServiceReportInput): Promise<{ period: string; values: ServiceLevelValue[] }> {
      const access = await target(input.agreementId);
      const { db, agreement } = access;
      if (agreement.services.length === 0)
        throw new DomainError('BAD_REQUEST', 'serviceReport.noCatalogue', {
          field: 'agreementId',
          message: 'This agreement has no service catalogue',
        });
      if (access.side === 'municipality' && providerParties(agreement).length > 0)
        throw new DomainError('FORBIDDEN', 'serviceReport.providerReports', {
          message: 'The provider party reports its service levels',
        });
      const checked = checkServiceReport(agreement.services, agreement, input);
      const party = actingParty(access, scope, input.party);
      const now = clock().toISOString();
      const values: ServiceLevelValue[] = checked.map((c) => ({
        serviceId: c.serviceId,
        levelId: c.levelId,
        period: input.period,
        value: c.value,
        met: c.met,
        reportedAt: now,
        reportedBy: scope.actor,
        reportedByName: scope.actorName,
        ...(party ?? {}),
      }));
      const items: TransactItem[] = [
        ...values.map(
          (v): TransactItem => ({
            Put: {
              TableName: db.tableName,
              Item: {
                ...keys.serviceLevelValue(agreement.space, agreement.id, v.levelId, v.period, party?.party),
                type: 'serviceLevelValue',
                ...v,
              },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          }),
        ),
        ...auditInCollection(access, scope, {
          at: now,
          action: 'service.report',
          objectType: 'serviceLevel',
          changes: Object.fromEntries(
            values.map((v) => [
              `serviceLevel.${v.levelId}.${v.period}${party ? `.${party.party}` : ''}`,
              { before: null, after: { value: v.value, met: v.met } },
            ]),
          ),
        }),
      ];
      await transact(
        db,
        items,
        new DomainError('CONFLICT', 'serviceReport.alreadyReported', {
          message:
            'A value for this period was already reported, or the agreement changed; reload and try again',
        }),
      );
      return { period: input.period, values };
    },

    /**
     * Per provider party, per level of the catalogue: the reported values by period, met or not, the trend, and
     * the signal when the level was missed `missedCount` periods in a row. A provider sees only its own party's.
     */
    async levels(agreementId: string, missedCount?: number): Promise<PartyServiceLevels[]> {
      const access = await target(agreementId);
      const { db, agreement } = access;
      if (agreement.services.length === 0) return [];
      const values = ownPartyOnly(
        access,
        scope,
        await queryCollection<ServiceLevelValue>(
          db,
          agreement.space,
          agreement.id,
          keys.serviceLevelValuePrefix,
        ),
      );
      const parties =
        access.side === 'provider'
          ? [actingParty(access, scope)]
          : providerParties(agreement).length > 0
            ? providerParties(agreement)
            : [null];
      return parties.map((p) => ({
        ...(p ?? {}),
        levels: levelHistories(
          agreement.services,
          values.filter((v) => v.party === p?.party),
          missedCount,
        ),
      }));
    },
  };
}
