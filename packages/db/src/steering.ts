import { BatchGetCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import {
  type Agreement,
  type AuditEvent,
  assertMayWriteSteering,
  checkMemberRoles,
  DomainError,
  decideRelation,
  type MemberRoles,
  nextRound,
  personKey,
  type RelationDecision,
  type Steering,
  type SteeringRoles,
  type SteeringWarning,
  steeringWarnings,
} from '@regie/core';
import { auditInCollection } from './agreement-access.ts';
import { loadAgreement } from './agreements.ts';
import type { Db } from './client.ts';
import type { Page } from './cursor.ts';
import { readSpace } from './directory.ts';
import { guard } from './errors.ts';
import { keys } from './keys.ts';
import { gsi1Page } from './query.ts';
import { roundItem } from './relation-confirm.ts';
import { crossRoleConflicts } from './role-conflicts.ts';
import { assertReach, type Scope } from './scope.ts';
import { type TransactItem, transact } from './transact.ts';

export interface SteeringChange {
  relation?: RelationDecision | null;
  roles?: SteeringRoles;
}

/**
 * More of the same change, written in the steering's transaction under its one audit event: attributes set on
 * the agreement item, other items, and their audit changes (governance.ts applies duties and meetings so).
 */
export type SteeringExtension = (
  agreement: Awaited<ReturnType<typeof loadAgreement>>,
  now: string,
) => Promise<{ set: Record<string, unknown>; items: TransactItem[]; changes: AuditEvent['changes'] }>;

export interface RoleConflict {
  agreementId: string;
  reference: string;
  title: string;
  portfolioHolder: string;
}

/** Keeps the space's count of agreements per relation type in step, in the same transaction. */
function relationCount(
  tableName: string,
  space: string,
  before: string | undefined,
  after: string | undefined,
) {
  if (before === after) return [];
  const names: Record<string, string> = {};
  const values: Record<string, number> = {};
  const adds: string[] = [];
  if (after) {
    names['#after'] = `relation_${after}`;
    values[':up'] = 1;
    adds.push('#after :up');
  }
  if (before) {
    names['#before'] = `relation_${before}`;
    values[':down'] = -1;
    adds.push('#before :down');
  }
  return [
    {
      Update: {
        TableName: tableName,
        Key: keys.stats(space),
        UpdateExpression: `ADD ${adds.join(', ')}`,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      },
    },
  ];
}

/** A GR's participating municipalities: its allocation key's spaces, else its region's members (as wgr.ts). */
async function grMembers(db: Db, agreement: Agreement): Promise<{ space: string; name: string }[]> {
  if (agreement.kind !== 'joint_arrangement') return [];
  const region = await readSpace(db, agreement.space);
  const spaces = agreement.allocationKey?.weights.map((w) => w.space) ?? region?.members ?? [];
  return spaces.map((space) => ({ space, name: region?.memberNames?.[space] ?? space }));
}

/**
 * The index entry of one member's roles on a GR, in the GR's collection and indexed under the member's space: its
 * opdrachtgever on gsi2 and its eigenaar on gsi3 (per portfolio holder, as the space's own steering items) and on
 * the space's owner list (gsi4), so the cross-agreement check finds them from the member's space without a scan.
 * None without a holder.
 */
function memberRolesItem(db: Db, agreement: Agreement, m: MemberRoles) {
  const client = m.opdrachtgever?.portfolioHolder;
  const owner = m.eigenaar?.portfolioHolder;
  if (!client && !owner) return null;
  return {
    TableName: db.tableName,
    Item: {
      ...keys.memberRoles(agreement.space, agreement.id, m.space),
      type: 'memberRoles',
      agreementId: agreement.id,
      agreementSpace: agreement.space,
      member: m.space,
      roles: { opdrachtgever: m.opdrachtgever, eigenaar: m.eigenaar },
      ...(client
        ? {
            gsi2pk: keys.portfolioHolder(m.space, personKey(client)),
            gsi2sk: `opdrachtgever#${agreement.id}`,
          }
        : {}),
      ...(owner
        ? {
            gsi3pk: keys.portfolioHolder(m.space, personKey(owner)),
            gsi3sk: `eigenaar#${agreement.id}`,
            gsi4pk: keys.roleOwners(m.space),
            gsi4sk: `${personKey(owner)}#${agreement.id}`,
          }
        : {}),
    },
  };
}

const empty = (agreementId: string): Steering => ({
  agreementId,
  version: 0,
  round: 0,
  relation: null,
  roles: {},
  updatedAt: null,
  updatedBy: null,
});

/**
 * Steering data per agreement (SPEC §4.1–4.2). Each change is versioned on its own (so a steering edit never
 * makes a terms edit stale) and appended to the agreement's audit chain in the same transaction.
 */
export function steeringRepository(db: Db, scope: Scope) {
  async function read(space: string, agreementId: string): Promise<Steering> {
    const result = await guard(() =>
      db.doc.send(
        new GetCommand({
          TableName: db.tableName,
          Key: keys.steering(space, agreementId),
          ConsistentRead: true,
        }),
      ),
    );
    if (!result.Item) return empty(agreementId);
    const {
      agreementId: id,
      version,
      round,
      relation,
      roles,
      updatedAt,
      updatedBy,
      updatedByName,
    } = result.Item;
    return {
      agreementId: id,
      version,
      // Items stored before rounds were kept: a decided relation is in its first round.
      round: round ?? (relation ? 1 : 0),
      relation: relation ?? null,
      roles: roles ?? {},
      updatedAt,
      updatedBy,
      ...(updatedByName ? { updatedByName } : {}),
    };
  }

  return {
    /** Across agreements in reach: a GR's eigenaar as opdrachtgever elsewhere (role-conflicts.ts). */
    crossConflicts: () => crossRoleConflicts(db, scope),

    /** `grMembers`: a GR's participating municipalities, whose roles it takes per member (empty otherwise). */
    async get(
      agreementId: string,
    ): Promise<Steering & { warnings: SteeringWarning[]; grMembers: { space: string; name: string }[] }> {
      const agreement = await loadAgreement(db, scope.reach, agreementId);
      const [steering, members] = await Promise.all([
        read(agreement.space, agreementId),
        grMembers(db, agreement),
      ]);
      return { ...steering, warnings: steeringWarnings(steering.roles), grMembers: members };
    },

    async update(
      agreementId: string,
      expectedVersion: number,
      change: SteeringChange,
      extend?: SteeringExtension,
    ): Promise<Steering & { warnings: SteeringWarning[]; grMembers: { space: string; name: string }[] }> {
      const agreement = await loadAgreement(db, scope.reach, agreementId);
      const [current, members] = await Promise.all([
        read(agreement.space, agreementId),
        grMembers(db, agreement),
      ]);
      if (current.version !== expectedVersion) {
        throw new DomainError('CONFLICT', 'steering.versionConflict', {
          params: { version: current.version, expectedVersion },
          message: `Steering was changed (version ${current.version}, you sent ${expectedVersion})`,
        });
      }
      if (change.roles)
        checkMemberRoles(
          change.roles,
          agreement,
          members.map((m) => m.space),
        );
      assertMayWriteSteering(scope, agreement, current.roles, change);
      const now = new Date().toISOString();
      const next: Steering = {
        ...current,
        version: current.version + 1,
        relation:
          change.relation === undefined
            ? current.relation
            : change.relation && decideRelation(change.relation),
        roles: change.roles ?? current.roles,
        updatedAt: now,
        updatedBy: scope.actor,
        updatedByName: scope.actorName,
      };
      // Setting or changing what the parties agree to re-opens it: every party is asked again.
      next.round = nextRound(current.round, current.relation, next.relation, {
        before: current.roles,
        after: next.roles,
      });
      const changes: AuditEvent['changes'] = {};
      if (change.relation !== undefined)
        changes.relation = { before: current.relation, after: next.relation };
      if (next.round !== current.round) changes.round = { before: current.round, after: next.round };
      if (change.roles !== undefined) changes.roles = { before: current.roles, after: next.roles };
      const more = extend ? await extend(agreement, now) : { set: {}, items: [], changes: {} };
      const warnings = steeringWarnings(next.roles);
      const client = next.roles.opdrachtgever?.portfolioHolder;
      const owner = next.roles.eigenaar?.portfolioHolder;
      // Each member's index entries follow its roles: put where it has a holder, deleted where it no longer has.
      const memberPuts = (next.roles.members ?? []).flatMap((m) => {
        const put = memberRolesItem(db, agreement, m);
        return put ? [{ Put: put }] : [];
      });
      const kept = new Set(memberPuts.map((p) => p.Put.Item.member));
      const memberDeletes = (current.roles.members ?? [])
        .filter((m) => !kept.has(m.space))
        .map((m) => ({
          Delete: { TableName: db.tableName, Key: keys.memberRoles(agreement.space, agreementId, m.space) },
        }));
      await transact(
        db,
        [
          {
            Put: {
              TableName: db.tableName,
              Item: {
                ...keys.steering(agreement.space, agreementId),
                type: 'steering',
                ...next,
                // Sparse indexes: the tenant-wide conflict report and the agreements per portfolio holder.
                ...(warnings.length
                  ? { gsi1pk: keys.roleConflicts(agreement.space), gsi1sk: agreementId }
                  : {}),
                ...(client
                  ? {
                      gsi2pk: keys.portfolioHolder(agreement.space, personKey(client)),
                      gsi2sk: `opdrachtgever#${agreementId}`,
                    }
                  : {}),
                ...(owner
                  ? {
                      gsi3pk: keys.portfolioHolder(agreement.space, personKey(owner)),
                      gsi3sk: `eigenaar#${agreementId}`,
                      gsi4pk: keys.roleOwners(agreement.space),
                      gsi4sk: `${personKey(owner)}#${agreementId}`,
                    }
                  : {}),
              },
              ConditionExpression: current.version === 0 ? 'attribute_not_exists(pk)' : 'version = :v',
              ExpressionAttributeValues: current.version === 0 ? undefined : { ':v': current.version },
            },
          },
          ...memberPuts,
          ...memberDeletes,
          ...auditInCollection(
            { db, agreement, ownerName: agreement.space, side: 'municipality' },
            scope,
            {
              at: now,
              action: extend ? 'governance' : 'steering',
              objectType: 'agreement',
              changes: { ...changes, ...more.changes },
            },
            more.set,
          ),
          ...more.items,
          ...relationCount(db.tableName, agreement.space, current.relation?.chosen, next.relation?.chosen),
          ...(next.round === current.round
            ? []
            : [
                roundItem(db, agreement, {
                  round: next.round,
                  chosen: next.relation?.chosen ?? null,
                  by: scope.actor,
                  ...(scope.actorName ? { byName: scope.actorName } : {}),
                  at: now,
                }),
              ]),
        ],
        new DomainError('CONFLICT', 'agreement.changedMeanwhile', {
          message: 'The agreement was changed meanwhile; reload and try again',
        }),
      );
      return { ...next, warnings, grMembers: members };
    },

    /** Tenant-wide: agreements whose opdrachtgever and eigenaar share a portfolio holder (SPEC §4.2). */
    async roleConflicts(filter: {
      space?: string;
      cursor?: string;
      limit: number;
    }): Promise<Page<RoleConflict>> {
      const space = filter.space ?? scope.space;
      assertReach(scope, space);
      const page = await gsi1Page(db, keys.roleConflicts(space), filter);
      const items = page.items;
      const agreements = items.length
        ? ((
            await guard(() =>
              db.doc.send(
                new BatchGetCommand({
                  RequestItems: {
                    [db.tableName]: {
                      Keys: items.map((i) => keys.agreement(space, i.agreementId as string)),
                    },
                  },
                }),
              ),
            )
          ).Responses?.[db.tableName] ?? [])
        : [];
      const byId = new Map(agreements.map((a) => [a.id as string, a]));
      return {
        items: items.flatMap((i) => {
          const a = byId.get(i.agreementId as string);
          if (!a) return [];
          const roles = i.roles as SteeringRoles;
          // The agreement's own clash first; a GR may be here for a member's clash only.
          const [first] = steeringWarnings(roles);
          return [
            {
              agreementId: a.id,
              reference: a.reference,
              title: a.title,
              portfolioHolder: first?.portfolioHolder ?? roles.opdrachtgever?.portfolioHolder ?? '',
            },
          ];
        }),
        nextCursor: page.nextCursor,
      };
    },
  };
}
