import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import {
  DomainError,
  newId,
  normaliseIban,
  type Organisation,
  type OrganisationCreateInput,
  type Role,
  type SpaceKind,
} from '@regie/core';
import type { Db } from './client.ts';
import type { Page } from './cursor.ts';
import { guard } from './errors.ts';
import { keys } from './keys.ts';
import { gsi1Page, stripKeys } from './query.ts';
import { assertReach, type Scope } from './scope.ts';
import { nextSpaceEvent } from './space-chain.ts';
import { registerSpace } from './space-registry.ts';
import { type TransactItem, transact } from './transact.ts';

/** A space's own record: a municipality, a region (with its members) or a provider. */
export interface SpaceRecord {
  space: string;
  kind: SpaceKind;
  name: string;
  /** municipality: the regions it belongs to. */
  memberOf?: string[];
  /** region: its member municipalities. */
  members?: string[];
  /**
   * region: the members' names, kept on the region's own record so a member's users can name the other
   * members without reading outside their reach.
   */
  memberNames?: Record<string, string>;
  /** provider: its KvK number. */
  kvkNumber?: string;
  /**
   * municipality or region: the mandate threshold in cents; sending for signature above it needs an
   * approver's approval (SPEC §5.1). Without one, every agreement needs approval.
   */
  mandateThresholdCents?: number;
  /** Percentages of a ceiling at which budget signals go out; default 80 and 100 (SPEC §4.4). */
  signalThresholds?: number[];
  /** The settings' version (+1 on every change; `tenant.updateSettings` sends the one it saw). */
  version?: number;
  /** municipality: shares its figures with its regions' benchmark (issue 15; benchmark.ts). */
  benchmarkOptIn?: boolean;
}

/** A user's record (issue 13 added e-mail, disabled, version and times; older records lack them). */
export interface UserRecord {
  key: string;
  name: string;
  space: string;
  roles: Role[];
  /** Lower case; the local login and Cognito sign in by it. */
  email?: string;
  disabled?: boolean;
  /** +1 on every change; a record without one is at 1. */
  version?: number;
  createdAt?: string;
  updatedAt?: string;
  createdBy?: string;
}

const strip = <T>(item: Record<string, unknown> | undefined): T | null => (item ? stripKeys<T>(item) : null);

/** Reads that happen before a caller is known (token issuing); keyed by space, never across spaces. */
export async function readSpace(db: Db, space: string): Promise<SpaceRecord | null> {
  return (await readSpaceWithHead(db, space))?.record ?? null;
}

export async function readUser(db: Db, space: string, key: string): Promise<UserRecord | null> {
  const result = await guard(() =>
    db.doc.send(new GetCommand({ TableName: db.tableName, Key: keys.user(space, key) })),
  );
  return strip<UserRecord>(result.Item);
}

/** Writes used by the seed and tenant administration; each item stays in its own space. */
export async function putSpace(db: Db, record: SpaceRecord): Promise<void> {
  await guard(() =>
    db.doc.send(
      new PutCommand({
        TableName: db.tableName,
        Item: { ...keys.space(record.space), type: 'space', ...record },
      }),
    ),
  );
  await registerSpace(db, record.space);
}

/** gsi1 sort key of a user: the space's people listed by name. */
export const userSortKey = (user: Pick<UserRecord, 'name' | 'key'>) =>
  `${user.name.toLowerCase()}#${user.key}`;

export async function putUser(db: Db, user: UserRecord): Promise<void> {
  await guard(() =>
    db.doc.send(
      new PutCommand({
        TableName: db.tableName,
        Item: {
          ...keys.user(user.space, user.key),
          gsi1pk: keys.usersIndex(user.space),
          gsi1sk: userSortKey(user),
          type: 'user',
          ...user,
        },
      }),
    ),
  );
}

export function organisationRepository(db: Db, scope: Scope) {
  const within = (space: string | undefined) => {
    const target = space ?? scope.space;
    assertReach(scope, target);
    return target;
  };
  return {
    /** Registers a provider or joint body in the caller's space, or in a region it belongs to. */
    async create(
      input: OrganisationCreateInput & { space?: string },
      id: string = newId(),
    ): Promise<Organisation> {
      const space = within(input.space);
      const organisation: Organisation = {
        id,
        space,
        kind: input.kind,
        name: input.name,
        kvkNumber: input.kvkNumber,
        agbCode: input.agbCode ?? null,
        iban: input.iban ? normaliseIban(input.iban) : null,
        createdAt: new Date().toISOString(),
        createdBy: scope.actor,
      };
      // The organisation and its audit event on the space's own chain, in one transaction (issue 11 point 7).
      for (let attempt = 1; ; attempt++) {
        const current = await readSpaceWithHead(db, space);
        if (!current) throw new DomainError('NOT_FOUND', 'space.notFound', { message: 'Space not found' });
        const chain = nextSpaceEvent(db, scope, space, current, {
          at: organisation.createdAt,
          action: 'organisation.create',
          objectType: 'organisation',
          objectId: id,
          changes: { organisation: { before: null, after: organisation } },
        });
        const changedMeanwhile = new DomainError('CONFLICT', 'organisation.changedMeanwhile', {
          message: 'The organisation register was changed meanwhile; try again',
        });
        try {
          await transact(
            db,
            [
              {
                Put: {
                  TableName: db.tableName,
                  Item: {
                    ...keys.organisation(space, id),
                    gsi1pk: keys.organisationsIndex(space),
                    gsi1sk: `${organisation.name.toLowerCase()}#${id}`,
                    type: 'organisation',
                    ...organisation,
                  },
                  ConditionExpression: 'attribute_not_exists(pk)',
                },
              },
              {
                Update: {
                  TableName: db.tableName,
                  Key: keys.space(space),
                  UpdateExpression: `SET ${chain.set}`,
                  ConditionExpression: chain.condition,
                  ExpressionAttributeValues: chain.values,
                },
              },
              chain.put,
            ],
            (index) =>
              index === 0
                ? new DomainError('CONFLICT', 'organisation.exists', {
                    message: 'Organisation already exists',
                  })
                : changedMeanwhile,
          );
          break;
        } catch (error) {
          // Another change of the space took the chain's next link: build the event again on the new head.
          if (error !== changedMeanwhile || attempt === 3) throw error;
        }
      }
      return organisation;
    },

    async find(filter: { space?: string; cursor?: string; limit: number }): Promise<Page<Organisation>> {
      const page = await gsi1Page(db, keys.organisationsIndex(within(filter.space)), filter);
      return { items: page.items.map((item) => stripKeys<Organisation>(item)), nextCursor: page.nextCursor };
    },
  };
}

export interface SpaceSettings {
  mandateThresholdCents?: number | null;
  signalThresholds?: number[];
  benchmarkOptIn?: boolean;
}

/** The version of a space's settings; a record written before versions existed is at 1. */
export const settingsVersion = (record: SpaceRecord) => record.version ?? 1;

/**
 * Tenant settings on the space record, set by its admin, conditional on the version the admin saw (a stale one is
 * a CONFLICT and nothing changes); each change is hash-chained on the space's own audit trail in the same
 * transaction (space-chain.ts).
 */
export async function updateSpaceSettings(
  db: Db,
  scope: Scope,
  expectedVersion: number,
  settings: SpaceSettings,
): Promise<SpaceRecord> {
  const current = await readSpaceWithHead(db, scope.space);
  if (!current) throw new DomainError('NOT_FOUND', 'space.notFound', { message: 'Space not found' });
  const version = settingsVersion(current.record);
  if (version !== expectedVersion) {
    throw new DomainError('CONFLICT', 'settings.versionConflict', {
      params: { version, expectedVersion },
      message: `The settings were changed (version ${version}, you sent ${expectedVersion}); reload and try again`,
    });
  }
  const now = new Date().toISOString();
  const benchmark = benchmarkOptInWrites(db, scope, current.record, settings.benchmarkOptIn, now);
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  const set: string[] = ['version = :version'];
  const remove: string[] = [];
  const values: Record<string, unknown> = { ':version': version + 1 };
  for (const [field, value] of Object.entries(settings) as [keyof SpaceSettings, unknown][]) {
    if (value === undefined) continue;
    changes[field] = { before: current.record[field] ?? null, after: value };
    if (value === null) remove.push(field);
    else {
      set.push(`${field} = :${field}`);
      values[`:${field}`] = value;
    }
  }
  const chain = nextSpaceEvent(db, scope, scope.space, current, {
    at: now,
    action: 'settings',
    objectType: 'space',
    objectId: scope.space,
    changes,
  });
  const seen =
    current.record.version === undefined ? 'attribute_not_exists(version)' : 'version = :seenVersion';
  await transact(
    db,
    [
      {
        Update: {
          TableName: db.tableName,
          Key: keys.space(scope.space),
          UpdateExpression: `SET ${[chain.set, ...set].join(', ')}${remove.length ? ` REMOVE ${remove.join(', ')}` : ''}`,
          ConditionExpression: `${chain.condition} AND ${seen}`,
          ExpressionAttributeValues: {
            ...chain.values,
            ...values,
            ...(current.record.version === undefined ? {} : { ':seenVersion': current.record.version }),
          },
        },
      },
      chain.put,
      ...benchmark,
    ],
    new DomainError('CONFLICT', 'settings.changedMeanwhile', {
      message: 'The settings were changed meanwhile; reload and try again',
    }),
  );
  const next: Record<string, unknown> = { ...current.record, version: version + 1 };
  for (const [field, value] of Object.entries(settings)) {
    if (value === null) delete next[field];
    else if (value !== undefined) next[field] = value;
  }
  return next as unknown as SpaceRecord;
}

/**
 * The region-side half of a member's benchmark opt-in (issue 15), written in the settings' transaction: per region
 * the member belongs to, the opt-in marker the benchmark job reads (`OPTIN#<member>`); on opting out the marker
 * and the member's contribution go, so no figure of a member that opted out stays in the region.
 */
function benchmarkOptInWrites(
  db: Db,
  scope: Scope,
  record: SpaceRecord,
  optIn: boolean | undefined,
  at: string,
): TransactItem[] {
  if (optIn === undefined) return [];
  if (record.kind !== 'municipality') {
    throw new DomainError('BAD_REQUEST', 'benchmark.optInMembersOnly', {
      field: 'benchmarkOptIn',
      message: 'Only a member municipality shares figures with its region',
    });
  }
  return (record.memberOf ?? []).flatMap((region): TransactItem[] =>
    optIn
      ? [
          {
            Put: {
              TableName: db.tableName,
              Item: {
                ...keys.benchmarkOptIn(region, scope.space),
                type: 'benchmarkOptIn',
                member: scope.space,
                since: at,
                by: scope.actor,
              },
            },
          },
        ]
      : [
          { Delete: { TableName: db.tableName, Key: keys.benchmarkOptIn(region, scope.space) } },
          { Delete: { TableName: db.tableName, Key: keys.benchmarkSource(region, scope.space) } },
        ],
  );
}

/** The space record with the head of its own audit chain. */
export async function readSpaceWithHead(db: Db, space: string) {
  const result = await guard(() =>
    db.doc.send(new GetCommand({ TableName: db.tableName, Key: keys.space(space), ConsistentRead: true })),
  );
  if (!result.Item) return null;
  const { auditSeq, auditHash, ...item } = result.Item;
  return {
    record: strip<SpaceRecord>(item)!,
    auditSeq: auditSeq as number | undefined,
    auditHash: auditHash as string | undefined,
  };
}
