import { GetCommand } from '@aws-sdk/lib-dynamodb';
import {
  actsForOwner,
  checkTakeup,
  childDvoInput,
  DomainError,
  type TakeupChildInput,
  type TakeupConfigureInput,
  type TakeupRecord,
  type TakeupSetInput,
  type TakeupSharingRecord,
  type TakeupView,
  takeupCanWrite,
  takeupView,
  takeupYearlyPrice,
} from '@regie/core';
import { type AgreementAccess, auditInCollection } from './agreement-access.ts';
import type { agreementRepository } from './agreements.ts';
import type { Db } from './client.ts';
import { queryCollection } from './collection.ts';
import { guard } from './errors.ts';
import { keys, SEP } from './keys.ts';
import { assertRegionWritesMember, loadRegional as loadRegionalOf, type Regional } from './regional.ts';
import type { Scope } from './scope.ts';
import { transact } from './transact.ts';

/**
 * Per-member take-up of a region's service agreement (issue 16 point 3, core takeup.ts): one item per member in
 * the agreement's collection (`TAKEUP#<member>`), versioned on its own, each change with its audit event in one
 * transaction. Reading follows the agreement's reach (the region and its members; anyone else NOT_FOUND); what a
 * member sees of the others is cut down to totals by `takeupView`. The audit event therefore records only the
 * member, the version and the yearly total — the agreement's audit trail is readable by every member. Whether the
 * region shares the details with its members is one more item (`TAKEUPSHARE`), versioned and audited likewise.
 */
export function takeupRepository(db: Db, scope: Scope, agreements?: ReturnType<typeof agreementRepository>) {
  const loadRegional = (agreementId: string) => loadRegionalOf(db, scope, agreementId, 'take-up');

  const records = (space: string, agreementId: string) =>
    queryCollection<TakeupRecord>(db, space, agreementId, `TAKEUP${SEP}`);

  async function sharing(space: string, agreementId: string): Promise<TakeupSharingRecord | null> {
    const result = await guard(() =>
      db.doc.send(
        new GetCommand({
          TableName: db.tableName,
          Key: keys.takeupSharing(space, agreementId),
          ConsistentRead: true,
        }),
      ),
    );
    return (result.Item as TakeupSharingRecord | undefined) ?? null;
  }

  function view(r: Regional, list: TakeupRecord[], shared: TakeupSharingRecord | null): TakeupView {
    return takeupView({
      agreementId: r.agreement.id,
      regionSpace: r.agreement.space,
      services: r.agreement.services ?? [],
      members: r.members,
      names: r.names,
      records: list,
      sharing: shared,
      caller: scope,
    });
  }

  return {
    async list(agreementId: string): Promise<TakeupView> {
      const r = await loadRegional(agreementId);
      const [list, shared] = await Promise.all([
        records(r.agreement.space, agreementId),
        sharing(r.agreement.space, agreementId),
      ]);
      return view(r, list, shared);
    },

    /**
     * Switches sharing of every member's take-up details with the region's members (the region's own users with a
     * write role; a stale version is a CONFLICT), audited in the agreement's trail in the same transaction.
     */
    async configure(input: TakeupConfigureInput): Promise<TakeupView> {
      const r = await loadRegional(input.agreementId);
      const { agreement } = r;
      if (!takeupCanWrite(scope, agreement.space)) {
        throw new DomainError('FORBIDDEN', 'takeup.regionOnly', {
          message: actsForOwner(scope, agreement.space)
            ? 'Sharing take-up needs a write role'
            : 'Only the region decides what its members see of each other',
        });
      }
      const current = await sharing(agreement.space, agreement.id);
      const currentVersion = current?.version ?? 0;
      if (currentVersion !== input.expectedVersion) {
        throw new DomainError('CONFLICT', 'takeup.versionConflict', {
          params: { version: currentVersion, expectedVersion: input.expectedVersion },
          message: `The setting was changed (version ${currentVersion}, you sent ${input.expectedVersion})`,
        });
      }
      const now = new Date().toISOString();
      const next: TakeupSharingRecord = {
        agreementId: agreement.id,
        shareWithMembers: input.shareWithMembers,
        version: currentVersion + 1,
        updatedAt: now,
        updatedBy: scope.actor,
        ...(scope.actorName ? { updatedByName: scope.actorName } : {}),
      };
      const access: AgreementAccess = { db, agreement, ownerName: r.ownerName, side: 'municipality' };
      await transact(
        db,
        [
          {
            Put: {
              TableName: db.tableName,
              Item: { ...keys.takeupSharing(agreement.space, agreement.id), type: 'takeupSharing', ...next },
              ConditionExpression: current ? 'version = :v' : 'attribute_not_exists(pk)',
              ExpressionAttributeValues: current ? { ':v': current.version } : undefined,
            },
          },
          ...auditInCollection(access, scope, {
            at: now,
            action: 'takeup.configure',
            objectType: 'takeup',
            changes: {
              'takeup.shareWithMembers': {
                before: current?.shareWithMembers ?? false,
                after: input.shareWithMembers,
              },
            },
          }),
        ],
        new DomainError('CONFLICT', 'takeup.changedMeanwhile', {
          message: 'The take-up was changed meanwhile; reload and try again',
        }),
      );
      return view(r, await records(agreement.space, agreement.id), next);
    },

    /**
     * A member's own DVO as a child of the region's agreement, its catalogue pre-filled with the member's take-up
     * (core `childDvoInput`), created in the member's own register like any draft (audited, versioned). Only a
     * member's own users: the region has no DVO with itself.
     */
    async createChild(input: TakeupChildInput) {
      const r = await loadRegional(input.agreementId);
      if (!r.members.includes(scope.space) || !agreements) {
        throw new DomainError('FORBIDDEN', 'takeup.memberOnly', {
          message: 'Only a member municipality creates its own DVO under the regional agreement',
        });
      }
      const own = (await records(r.agreement.space, r.agreement.id)).find((t) => t.member === scope.space);
      return agreements.create(
        childDvoInput(r.agreement, own ?? null, {
          reference: input.reference,
          title: input.title,
          memberName: r.names[scope.space] ?? scope.space,
        }),
      );
    },

    /** Creates (expectedVersion 0) or replaces one member's take-up; a stale version is a CONFLICT. */
    async set(input: TakeupSetInput): Promise<TakeupView> {
      const r = await loadRegional(input.agreementId);
      const { agreement } = r;
      assertRegionWritesMember(scope, r, input.member, 'take-up');
      const services = agreement.services ?? [];
      checkTakeup(services, input.modules);
      const all = await records(agreement.space, agreement.id);
      const current = all.find((t) => t.member === input.member) ?? null;
      const currentVersion = current?.version ?? 0;
      if (currentVersion !== input.expectedVersion) {
        throw new DomainError('CONFLICT', 'takeup.versionConflict', {
          params: { version: currentVersion, expectedVersion: input.expectedVersion },
          message: `The take-up was changed (version ${currentVersion}, you sent ${input.expectedVersion})`,
        });
      }
      const now = new Date().toISOString();
      const next: TakeupRecord = {
        agreementId: agreement.id,
        member: input.member,
        version: currentVersion + 1,
        startDate: input.startDate,
        modules: input.modules.map((m) => ({
          serviceId: m.serviceId,
          ...(m.quantity !== undefined ? { quantity: m.quantity } : {}),
        })),
        createdAt: current?.createdAt ?? now,
        createdBy: current?.createdBy ?? scope.actor,
        updatedAt: now,
        updatedBy: scope.actor,
        ...(scope.actorName ? { updatedByName: scope.actorName } : {}),
      };
      const summary = (t: TakeupRecord | null) =>
        t ? { version: t.version, totalCents: takeupYearlyPrice(services, t.modules).totalCents } : null;
      const access: AgreementAccess = { db, agreement, ownerName: r.ownerName, side: 'municipality' };
      await transact(
        db,
        [
          {
            Put: {
              TableName: db.tableName,
              Item: { ...keys.takeup(agreement.space, agreement.id, input.member), type: 'takeup', ...next },
              ConditionExpression: current ? 'version = :v' : 'attribute_not_exists(pk)',
              ExpressionAttributeValues: current ? { ':v': current.version } : undefined,
            },
          },
          ...auditInCollection(access, scope, {
            at: now,
            action: 'takeup.set',
            objectType: 'takeup',
            changes: { [`takeup.${input.member}`]: { before: summary(current), after: summary(next) } },
          }),
        ],
        new DomainError('CONFLICT', 'takeup.changedMeanwhile', {
          message: 'The take-up was changed meanwhile; reload and try again',
        }),
      );
      return view(
        r,
        [...all.filter((t) => t.member !== input.member), next],
        await sharing(agreement.space, agreement.id),
      );
    },
  };
}
