import { GetCommand } from '@aws-sdk/lib-dynamodb';
import {
  activeSignals,
  assertActsForOwner,
  checkServiceReport,
  DomainError,
  type LevelHistory,
  levelHistories,
  levelMet,
  MISSED_IN_A_ROW,
  notFound,
  providerParties,
  type ServiceCorrectInput,
  type ServiceLevelSettingsInput,
  type ServiceLevelSignal,
  type ServiceLevelValue,
  type ServiceReportInput,
  serviceReporter,
} from '@regie/core';
import {
  type AgreementAccess,
  accessAgreement,
  actingParty,
  auditInCollection,
  ownPartyOnly,
  queryCollection,
  type Widen,
} from './agreement-access.ts';
import type { Db } from './client.ts';
import { guard } from './errors.ts';
import { keys, SEP } from './keys.ts';
import type { Scope } from './scope.ts';
import { type TransactItem, transact } from './transact.ts';

/** The service levels of one provider party (or of the agreement, where no party has a portal). */
export interface PartyServiceLevels {
  party?: string;
  partyName?: string;
  levels: LevelHistory[];
}

/** What `service.levels` answers: the agreement's threshold (and its settings' version) and the levels per party. */
export interface ServiceLevelsView {
  missedCount: number;
  settingsVersion: number;
  parties: PartyServiceLevels[];
}

/** The summary item of an agreement: its own threshold, and the signals that are up (on the dashboard's index). */
interface Summary {
  missedCount: number;
  version: number;
  signals: ServiceLevelSignal[];
}

/**
 * Service-level reports (issue 16 point 2): a service agreement's provider reports, per period, the measured value
 * of each service level of its catalogue. A provider party reports for itself and sees only its own values; the
 * owning municipality or region sees every party's. Where the provider has no portal (a joint body) its users are
 * the owner's own (core `serviceReporter`): on a region's agreement the region's users, not the members.
 *
 * Every write (report, correction, threshold) rewrites the agreement's summary item in the same transaction: the
 * threshold and the signals now up, on the owner's sparse signal index (gsi1) only while a signal is up — so the
 * dashboard reads one page of agreements that need attention, never the values.
 */
export function serviceLevelRepository(
  base: Db,
  scope: Scope,
  widen: Widen,
  clock: () => Date = () => new Date(),
) {
  const target = (agreementId: string) => accessAgreement(base, scope, widen, agreementId);

  async function readSummary(access: AgreementAccess): Promise<Summary | null> {
    const { db, agreement } = access;
    const result = await guard(() =>
      db.doc.send(
        new GetCommand({
          TableName: db.tableName,
          Key: keys.serviceLevelSummary(agreement.space, agreement.id),
          ConsistentRead: true,
        }),
      ),
    );
    return result.Item
      ? {
          missedCount: Number(result.Item.missedCount),
          version: Number(result.Item.version),
          signals: result.Item.signals as ServiceLevelSignal[],
        }
      : null;
  }

  const allValues = (access: AgreementAccess) =>
    queryCollection<ServiceLevelValue>(
      access.db,
      access.agreement.space,
      access.agreement.id,
      keys.serviceLevelValuePrefix,
    );

  /** The summary Put for the values as they will be after this write, at the given threshold. */
  function summaryPut(
    access: AgreementAccess,
    values: readonly ServiceLevelValue[],
    settings: { missedCount: number; version: number },
    at: string,
  ): TransactItem {
    const { db, agreement } = access;
    const signals = activeSignals(agreement.services, values, settings.missedCount);
    return {
      Put: {
        TableName: db.tableName,
        Item: {
          ...keys.serviceLevelSummary(agreement.space, agreement.id),
          type: 'serviceLevelSummary',
          agreementId: agreement.id,
          reference: agreement.reference,
          title: agreement.title,
          missedCount: settings.missedCount,
          version: settings.version,
          signals,
          updatedAt: at,
          // Sparse: on the index only while a signal is up; the most recently changed first on the dashboard.
          ...(signals.length > 0
            ? {
                gsi1pk: keys.serviceLevelSignals(agreement.space),
                gsi1sk: `${at}${SEP}${agreement.id}`,
              }
            : {}),
        },
      },
    };
  }

  /** The caller reports (or corrects) as the provider; refused otherwise (core `serviceReporter`). */
  function assertReporter(access: AgreementAccess) {
    if (access.agreement.services.length === 0)
      throw new DomainError('BAD_REQUEST', 'serviceReport.noCatalogue', {
        field: 'agreementId',
        message: 'This agreement has no service catalogue',
      });
    serviceReporter({
      side: access.side,
      callerSpace: scope.space,
      ownerSpace: access.agreement.space,
      providerParties: providerParties(access.agreement).length,
    });
  }

  const settingsOf = (summary: Summary | null) => ({
    missedCount: summary?.missedCount ?? MISSED_IN_A_ROW,
    version: summary?.version ?? 0,
  });

  return {
    async report(input: ServiceReportInput): Promise<{ period: string; values: ServiceLevelValue[] }> {
      const access = await target(input.agreementId);
      const { db, agreement } = access;
      assertReporter(access);
      const checked = checkServiceReport(agreement.services, agreement, input);
      const party = actingParty(access, scope, input.party);
      const now = clock().toISOString();
      const values: ServiceLevelValue[] = checked.map((c) => ({
        serviceId: c.serviceId,
        levelId: c.levelId,
        period: input.period,
        value: c.value,
        met: c.met,
        version: 1,
        reportedAt: now,
        reportedBy: scope.actor,
        reportedByName: scope.actorName,
        ...(party ?? {}),
      }));
      const [summary, stored] = await Promise.all([readSummary(access), allValues(access)]);
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
        summaryPut(access, [...stored, ...values], settingsOf(summary), now),
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
     * Corrects one reported value: the reporter's side (as for `report`), on the value's version as read; the
     * value, met or not, and the summary change in one transaction with the audit event (before and after).
     */
    async correct(input: ServiceCorrectInput): Promise<ServiceLevelValue> {
      const access = await target(input.agreementId);
      const { db, agreement } = access;
      assertReporter(access);
      const [checked] = checkServiceReport(agreement.services, agreement, {
        period: input.period,
        values: [{ serviceId: input.serviceId, levelId: input.levelId, value: input.value }],
      });
      const party = actingParty(access, scope, input.party);
      const [summary, stored] = await Promise.all([readSummary(access), allValues(access)]);
      const current = stored.find(
        (v) =>
          v.levelId === input.levelId &&
          v.serviceId === input.serviceId &&
          v.period === input.period &&
          (v.party ?? null) === (party?.party ?? null),
      );
      if (!current) throw notFound('Object');
      const version = current.version ?? 1;
      if (version !== input.expectedVersion)
        throw new DomainError('CONFLICT', 'serviceReport.versionConflict', {
          params: { version, expectedVersion: input.expectedVersion },
          message: `The value was corrected meanwhile (version ${version}, you sent ${input.expectedVersion})`,
        });
      const now = clock().toISOString();
      const next: ServiceLevelValue = {
        ...current,
        value: input.value,
        met: levelMet(checked!.level, input.value),
        version: version + 1,
        correctedAt: now,
        correctedBy: scope.actor,
        correctedByName: scope.actorName,
        ...(input.note ? { correctionNote: input.note } : {}),
      };
      const key = `serviceLevel.${input.levelId}.${input.period}${party ? `.${party.party}` : ''}`;
      await transact(
        db,
        [
          {
            Put: {
              TableName: db.tableName,
              Item: {
                ...keys.serviceLevelValue(
                  agreement.space,
                  agreement.id,
                  input.levelId,
                  input.period,
                  party?.party,
                ),
                type: 'serviceLevelValue',
                ...next,
              },
              ConditionExpression:
                version === 1 ? 'attribute_not_exists(version) OR version = :v' : 'version = :v',
              ExpressionAttributeValues: { ':v': version },
            },
          },
          summaryPut(access, [...stored.filter((v) => v !== current), next], settingsOf(summary), now),
          ...auditInCollection(access, scope, {
            at: now,
            action: 'service.correct',
            objectType: 'serviceLevel',
            changes: {
              [key]: {
                before: { value: current.value, met: current.met, version },
                after: {
                  value: next.value,
                  met: next.met,
                  version: next.version,
                  ...(input.note ? { note: input.note } : {}),
                },
              },
            },
          }),
        ],
        new DomainError('CONFLICT', 'serviceReport.versionConflict', {
          params: { version, expectedVersion: input.expectedVersion },
          message: 'The value or the agreement changed meanwhile; reload and try again',
        }),
      );
      return next;
    },

    /**
     * Sets the agreement's own threshold (how many missed periods in a row raise the signal): the owner's own
     * users only (a member reads a region's agreement but does not change it); versioned, audited, and the signals
     * recomputed in the same transaction.
     */
    async configure(input: ServiceLevelSettingsInput): Promise<{ missedCount: number; version: number }> {
      const access = await target(input.agreementId);
      const { db, agreement } = access;
      assertActsForOwner(scope, agreement.space);
      if (agreement.services.length === 0)
        throw new DomainError('BAD_REQUEST', 'serviceReport.noCatalogue', {
          field: 'agreementId',
          message: 'This agreement has no service catalogue',
        });
      const [summary, stored] = await Promise.all([readSummary(access), allValues(access)]);
      const current = settingsOf(summary);
      if (current.version !== input.expectedVersion)
        throw new DomainError('CONFLICT', 'serviceReport.settingsConflict', {
          params: { version: current.version, expectedVersion: input.expectedVersion },
          message: `The threshold was changed meanwhile (version ${current.version})`,
        });
      const next = { missedCount: input.missedCount, version: current.version + 1 };
      const now = clock().toISOString();
      await transact(
        db,
        [
          summaryPut(access, stored, next, now),
          ...auditInCollection(access, scope, {
            at: now,
            action: 'service.configure',
            objectType: 'serviceLevel',
            changes: {
              'serviceLevel.missedCount': { before: current.missedCount, after: next.missedCount },
            },
          }),
        ],
        new DomainError('CONFLICT', 'serviceReport.settingsConflict', {
          params: { version: current.version, expectedVersion: input.expectedVersion },
          message: 'The agreement changed meanwhile; reload and try again',
        }),
      );
      return next;
    },

    /**
     * Per provider party, per level of the catalogue: the reported values by period, met or not, the trend, and
     * the signal when the level was missed the agreement's threshold of periods in a row. A provider sees only its
     * own party's.
     */
    async levels(agreementId: string): Promise<ServiceLevelsView> {
      const access = await target(agreementId);
      const { agreement } = access;
      if (agreement.services.length === 0)
        return { missedCount: MISSED_IN_A_ROW, settingsVersion: 0, parties: [] };
      const [summary, stored] = await Promise.all([readSummary(access), allValues(access)]);
      const settings = settingsOf(summary);
      const values = ownPartyOnly(access, scope, stored);
      const parties =
        access.side === 'provider'
          ? [actingParty(access, scope)]
          : providerParties(agreement).length > 0
            ? providerParties(agreement)
            : [null];
      return {
        missedCount: settings.missedCount,
        settingsVersion: settings.version,
        parties: parties.map((p) => ({
          ...(p ?? {}),
          levels: levelHistories(
            agreement.services,
            values.filter((v) => v.party === p?.party),
            settings.missedCount,
          ),
        })),
      };
    },
  };
}
