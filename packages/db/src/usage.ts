import {
  checkUsage,
  DomainError,
  notFound,
  type TakeupRecord,
  takeupCanWrite,
  type UsageRecord,
  type UsageSetInput,
  type UsageSettlement,
  type UsageView,
  usageSettlement,
  usageView,
  usageVisible,
} from '@regie/core';
import { type AgreementAccess, auditInCollection } from './agreement-access.ts';
import type { Db } from './client.ts';
import { queryCollection } from './collection.ts';
import { keys, SEP } from './keys.ts';
import { assertRegionWritesMember, loadRegional as loadRegionalOf, type Regional } from './regional.ts';
import type { Scope } from './scope.ts';
import { transact } from './transact.ts';

/** The take-up and the measured usage kept in a region agreement's collection (one query each). */
export async function usageInputs(db: Db, space: string, agreementId: string) {
  const [takeup, usage] = await Promise.all([
    queryCollection<TakeupRecord>(db, space, agreementId, `TAKEUP${SEP}`),
    queryCollection<UsageRecord>(db, space, agreementId, `USAGE${SEP}`),
  ]);
  return { takeup, usage };
}

/**
 * Each member's measured P×Q of a year, in cents (its statement's definitive usage), for the `usage` allocation
 * key (core usage.ts `usageAllocationKey`).
 */
export async function measuredUsageCents(
  db: Db,
  agreement: { space: string; id: string; services?: Parameters<typeof usageSettlement>[0]['services'] },
  year: number,
): Promise<Record<string, number>> {
  const { takeup, usage } = await usageInputs(db, agreement.space, agreement.id);
  const out: Record<string, number> = {};
  for (const t of takeup) {
    const records = usage.filter((u) => u.member === t.member);
    if (records.length === 0) continue;
    out[t.member] = usageSettlement({
      member: t.member,
      year,
      services: agreement.services ?? [],
      takeup: t.modules,
      usage: records,
    }).definitive.usageCents;
  }
  return out;
}

/**
 * Measured usage per member and month of a region's service agreement and the settlement statement per member
 * (issue 16 point 4, core usage.ts): one item per member and month in the agreement's collection
 * (`USAGE#<period>#<member>`), versioned on its own, each change with its audit event in one transaction.
 * Reading follows the agreement's reach (the region and its members; anyone else NOT_FOUND); a member sees its own
 * usage and statement and the region's totals only. The audit event records the member, the month, the version
 * only — the agreement's audit trail is readable by every member.
 */
export function usageRepository(db: Db, scope: Scope) {
  const loadRegional = (agreementId: string) => loadRegionalOf(db, scope, agreementId, 'usage');

  function view(r: Regional, year: number, inputs: Awaited<ReturnType<typeof usageInputs>>): UsageView {
    return usageView({
      agreementId: r.agreement.id,
      year,
      regionSpace: r.agreement.space,
      services: r.agreement.services ?? [],
      members: r.members,
      names: r.names,
      takeup: inputs.takeup,
      records: inputs.usage,
      caller: scope,
      canWrite: takeupCanWrite(scope, r.agreement.space),
    });
  }

  return {
    async list(agreementId: string, year: number): Promise<UsageView> {
      const r = await loadRegional(agreementId);
      return view(r, year, await usageInputs(db, r.agreement.space, r.agreement.id));
    },

    /**
     * One member's statement for a year (for the exports): the region any member's, a member only its own —
     * another member's answers NOT_FOUND, as one that does not exist.
     */
    async statement(
      agreementId: string,
      member: string,
      year: number,
    ): Promise<{
      agreement: { id: string; reference: string; title: string; space: string };
      regionName: string;
      memberName: string;
      statement: UsageSettlement;
    }> {
      const r = await loadRegional(agreementId);
      if (!r.members.includes(member) || !usageVisible(scope, r.agreement.space, member)) throw notFound();
      const { takeup, usage } = await usageInputs(db, r.agreement.space, r.agreement.id);
      const own = takeup.find((t) => t.member === member);
      return {
        agreement: {
          id: r.agreement.id,
          reference: r.agreement.reference,
          title: r.agreement.title,
          space: r.agreement.space,
        },
        regionName: r.ownerName,
        memberName: r.names[member] ?? member,
        statement: usageSettlement({
          member,
          year,
          services: r.agreement.services ?? [],
          takeup: own?.modules ?? [],
          usage: usage.filter((u) => u.member === member),
        }),
      };
    },

    /** Records (expectedVersion 0) or corrects one member's usage of one month; a stale version is a CONFLICT. */
    async set(input: UsageSetInput): Promise<UsageView> {
      const r = await loadRegional(input.agreementId);
      const { agreement } = r;
      assertRegionWritesMember(scope, r, input.member, 'usage');
      const services = agreement.services ?? [];
      const inputs = await usageInputs(db, agreement.space, agreement.id);
      const takeup = inputs.takeup.find((t) => t.member === input.member) ?? null;
      checkUsage(services, takeup?.modules ?? null, input.quantities);
      const current =
        inputs.usage.find((u) => u.member === input.member && u.period === input.period) ?? null;
      const currentVersion = current?.version ?? 0;
      if (currentVersion !== input.expectedVersion) {
        throw new DomainError('CONFLICT', 'usage.versionConflict', {
          params: { version: currentVersion, expectedVersion: input.expectedVersion },
          message: `The usage was changed (version ${currentVersion}, you sent ${input.expectedVersion})`,
        });
      }
      const now = new Date().toISOString();
      // In the take-up's module order, so every reader lists them alike.
      const order = (takeup?.modules ?? []).map((m) => m.serviceId);
      const next: UsageRecord = {
        agreementId: agreement.id,
        member: input.member,
        period: input.period,
        version: currentVersion + 1,
        quantities: [...input.quantities]
          .sort((a, b) => order.indexOf(a.serviceId) - order.indexOf(b.serviceId))
          .map((q) => ({ serviceId: q.serviceId, quantity: q.quantity })),
        ...(input.note ? { note: input.note } : {}),
        createdAt: current?.createdAt ?? now,
        createdBy: current?.createdBy ?? scope.actor,
        updatedAt: now,
        updatedBy: scope.actor,
        ...(scope.actorName ? { updatedByName: scope.actorName } : {}),
      };
      const year = Number(input.period.slice(0, 4));
      // Only the version: the audit trail is readable by every member, a member's usage is not.
      const summary = (u: UsageRecord | null) => (u ? { version: u.version } : null);
      const access: AgreementAccess = { db, agreement, ownerName: r.ownerName, side: 'municipality' };
      await transact(
        db,
        [
          {
            Put: {
              TableName: db.tableName,
              Item: {
                ...keys.usage(agreement.space, agreement.id, input.period, input.member),
                type: 'usage',
                ...next,
              },
              ConditionExpression: current ? 'version = :v' : 'attribute_not_exists(pk)',
              ExpressionAttributeValues: current ? { ':v': current.version } : undefined,
            },
          },
          ...auditInCollection(access, scope, {
            at: now,
            action: 'usage.set',
            objectType: 'usage',
            changes: {
              [`usage.${input.member}.${input.period}`]: { before: summary(current), after: summary(next) },
            },
          }),
        ],
        new DomainError('CONFLICT', 'usage.changedMeanwhile', {
          message: 'The usage was changed meanwhile; reload and try again',
        }),
      );
      return view(r, year, {
        takeup: inputs.takeup,
        usage: [...inputs.usage.filter((u) => u !== current), next],
      });
    },
  };
}
