import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import {
  applyUserChange,
  assertRolesFitSpace,
  DomainError,
  isActiveAdmin,
  type Role,
  toUser,
  type User,
  userChanged,
} from '@regie/core';
import type { Db } from './client.ts';
import type { Page } from './cursor.ts';
import { readSpaceWithHead, type UserRecord, userSortKey } from './directory.ts';
import { guard, isConditionFailure } from './errors.ts';
import { keys, platformKeys } from './keys.ts';
import { gsi1Page, queryAll } from './query.ts';
import type { Scope } from './scope.ts';
import { nextSpaceEvent } from './space-chain.ts';
import { type TransactItem, transact } from './transact.ts';

/**
 * The people of a space (issue 13): listed by name on gsi1 (`keys.usersIndex`), invited and changed by the space's
 * administrator. Every change is one transaction with its audit event on the space's own chain (space-chain.ts);
 * all changes of a space's users advance that chain's head, so two concurrent changes serialise on it — which is
 * what makes the last-admin rule safe (the second is retried on the new head and sees the first).
 */

/** What the onboarding command and `user.invite` create. */
export interface NewUser {
  space: string;
  /** The account's key: the Cognito `sub` in AWS, the e-mail address locally. */
  key: string;
  name: string;
  /** Lower case. */
  email: string;
  roles: Role[];
}

/** Created, or found already there (the same key or e-mail in the space) and left as it was. */
export interface CreatedUser {
  key: string;
  created: boolean;
}

const ATTEMPTS = 3;

const changedMeanwhile = () =>
  new DomainError('CONFLICT', 'user.changedMeanwhile', {
    message: 'The users of the space were changed meanwhile; try again',
  });

export const userNotFound = () =>
  new DomainError('NOT_FOUND', 'user.notFound', { message: 'User not found' });

async function getItem(db: Db, key: Record<string, unknown>) {
  const result = await guard(() =>
    db.doc.send(new GetCommand({ TableName: db.tableName, Key: key, ConsistentRead: true })),
  );
  return result.Item;
}

async function readRecord(db: Db, space: string, key: string): Promise<UserRecord | null> {
  const item = await getItem(db, keys.user(space, key));
  return item ? (item as unknown as UserRecord) : null;
}

/** The user of a space holding this e-mail address, or null. */
export async function readUserByEmail(db: Db, space: string, email: string): Promise<User | null> {
  const claim = await getItem(db, keys.userEmail(space, email.toLowerCase()));
  if (!claim) return null;
  const record = await readRecord(db, space, String(claim.key));
  return record ? toUser(record) : null;
}

/**
 * Creates a user in `space` with its audit event `user.invite` on the space's chain, scope-free so the onboarding
 * command can create a tenant's first administrator (`actor` is who is recorded). Idempotent: a user with the same
 * key, or another holding the e-mail address in the space, is reported (`created: false`) and nothing is written.
 */
export async function createUser(db: Db, actor: Scope, input: NewUser): Promise<CreatedUser> {
  const email = input.email.toLowerCase();
  assertRolesFitSpace(input.space, input.roles);
  for (let attempt = 1; ; attempt++) {
    const existing =
      (await readRecord(db, input.space, input.key)) ?? (await readUserByEmail(db, input.space, email));
    if (existing) return { key: existing.key, created: false };
    const head = await readSpaceWithHead(db, input.space);
    if (!head) throw new DomainError('NOT_FOUND', 'space.notFound', { message: 'Space not found' });
    const now = new Date().toISOString();
    const record: Required<Omit<UserRecord, 'disabled'>> & { disabled: boolean } = {
      key: input.key,
      name: input.name,
      space: input.space,
      roles: [...input.roles],
      email,
      disabled: false,
      version: 1,
      createdAt: now,
      updatedAt: now,
      createdBy: actor.actor,
    };
    const chain = nextSpaceEvent(db, actor, input.space, head, {
      at: now,
      action: 'user.invite',
      objectType: 'user',
      objectId: input.key,
      changes: {
        user: { before: null, after: { key: input.key, name: input.name, email, roles: record.roles } },
      },
    });
    const retry = changedMeanwhile();
    try {
      await transact(
        db,
        [
          {
            Put: {
              TableName: db.tableName,
              Item: {
                ...keys.user(input.space, input.key),
                gsi1pk: keys.usersIndex(input.space),
                gsi1sk: userSortKey(record),
                type: 'user',
                ...record,
              },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          {
            Put: {
              TableName: db.tableName,
              Item: { ...keys.userEmail(input.space, email), type: 'userEmail', key: input.key },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          spaceHeadUpdate(db, input.space, chain),
          chain.put,
        ],
        retry,
        retry,
      );
      return { key: input.key, created: true };
    } catch (error) {
      // The user or the address arrived meanwhile (reported on the next turn), or the chain moved on.
      if (error !== retry || attempt === ATTEMPTS) throw error;
    }
  }
}

function spaceHeadUpdate(db: Db, space: string, chain: ReturnType<typeof nextSpaceEvent>): TransactItem {
  return {
    Update: {
      TableName: db.tableName,
      Key: keys.space(space),
      UpdateExpression: `SET ${chain.set}`,
      ConditionExpression: chain.condition,
      ExpressionAttributeValues: chain.values,
    },
  };
}

/**
 * Whether another active administrator of the space exists, read after the chain head (the caller's write is
 * conditional on that head). The index is only a list of candidates (it may lag); each is confirmed by a
 * consistent read of its record.
 */
async function otherActiveAdmins(db: Db, space: string, except: string): Promise<string[]> {
  const items = await queryAll(db, {
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.usersIndex(space) },
  });
  for (const item of items) {
    const candidate = item as unknown as UserRecord;
    if (candidate.key === except || !isActiveAdmin(toUser(candidate))) continue;
    const confirmed = await readRecord(db, space, candidate.key);
    if (confirmed && isActiveAdmin(toUser(confirmed))) return [confirmed.key];
  }
  return [];
}

export interface UserUpdate {
  key: string;
  expectedVersion: number;
  roles?: Role[];
  disabled?: boolean;
}

/** Repositories of the caller's own space's people; nothing here names another space. */
export function userRepository(db: Db, scope: Scope) {
  const space = scope.space;
  return {
    /** The space's people by name, a page at a time. */
    async list(page: { cursor?: string; limit: number }): Promise<Page<User>> {
      const result = await gsi1Page(db, keys.usersIndex(space), page);
      return {
        items: result.items.map((item) => toUser(item as unknown as UserRecord)),
        nextCursor: result.nextCursor,
      };
    },

    async get(key: string): Promise<User> {
      const record = await readRecord(db, space, key);
      if (!record) throw userNotFound();
      return toUser(record);
    },

    findByEmail: (email: string) => readUserByEmail(db, space, email),

    create: (input: Omit<NewUser, 'space'>) => createUser(db, scope, { ...input, space }),

    /**
     * Changes roles and/or the disabled flag (core's rules: version, fit, no self-disable, never the last active
     * admin). Disabling also deletes the user's iCal feed. A change that changes nothing writes nothing.
     */
    async update(input: UserUpdate): Promise<{ before: User; after: User; changed: boolean }> {
      for (let attempt = 1; ; attempt++) {
        // The head first: whatever the checks below read is then guarded by the write's condition on it.
        const head = await readSpaceWithHead(db, space);
        if (!head) throw new DomainError('NOT_FOUND', 'space.notFound', { message: 'Space not found' });
        const record = await readRecord(db, space, input.key);
        if (!record) throw userNotFound();
        const before = toUser(record);
        const others = isActiveAdmin(before) ? await otherActiveAdmins(db, space, before.key) : [];
        const after = applyUserChange({
          actor: scope.actor,
          target: before,
          expectedVersion: input.expectedVersion,
          roles: input.roles,
          disabled: input.disabled,
          otherActiveAdmins: () => others,
        });
        if (!userChanged(before, after)) return { before, after: before, changed: false };
        const now = new Date().toISOString();
        const changes: Record<string, { before: unknown; after: unknown }> = {};
        if (userChanged({ ...before, disabled: after.disabled }, after))
          changes.roles = { before: before.roles, after: after.roles };
        if (before.disabled !== after.disabled)
          changes.disabled = { before: before.disabled, after: after.disabled };
        const chain = nextSpaceEvent(db, scope, space, head, {
          at: now,
          action: 'user.update',
          objectType: 'user',
          objectId: before.key,
          changes,
        });
        const items: TransactItem[] = [
          {
            Update: {
              TableName: db.tableName,
              Key: keys.user(space, before.key),
              UpdateExpression:
                'SET #roles = :roles, disabled = :disabled, version = :next, updatedAt = :now, updatedBy = :by',
              ConditionExpression:
                record.version === undefined
                  ? 'attribute_exists(pk) AND attribute_not_exists(version)'
                  : 'version = :seen',
              ExpressionAttributeNames: { '#roles': 'roles' },
              ExpressionAttributeValues: {
                ':roles': after.roles,
                ':disabled': after.disabled,
                ':next': before.version + 1,
                ':now': now,
                ':by': scope.actor,
                ...(record.version === undefined ? {} : { ':seen': record.version }),
              },
            },
          },
          spaceHeadUpdate(db, space, chain),
          chain.put,
        ];
        if (after.disabled && !before.disabled) items.push(...(await feedDeletes(db, space, before.key)));
        const retry = changedMeanwhile();
        try {
          await transact(db, items, retry, retry);
          return {
            before,
            after: { ...after, version: before.version + 1, updatedAt: now },
            changed: true,
          };
        } catch (error) {
          // Someone changed this user or another of the space meanwhile: check everything again on the new head.
          if (error !== retry || attempt === ATTEMPTS) throw error;
        }
      }
    },
  };
}

/** Deletes of a user's iCal feed and its pointer (ical-feed.ts), so a disabled user's feed URL is dead for good. */
async function feedDeletes(db: Db, space: string, key: string): Promise<TransactItem[]> {
  const pointerKey = { pk: keys.user(space, key).pk, sk: 'ICAL' };
  const pointer = await getItem(db, pointerKey);
  if (!pointer) return [];
  return [
    { Delete: { TableName: db.tableName, Key: keys.icalFeed(space, String(pointer.hash)) } },
    { Delete: { TableName: db.tableName, Key: pointerKey } },
  ];
}

/** Local logins (platformKeys.login): the local Accounts adapter writes them, the dev issuer reads them. */
export interface Login {
  email: string;
  space: string;
  key: string;
}

/** Claims an e-mail address for a login; CONFLICT `user.emailInUse` when it is taken (logins are by e-mail). */
export async function putLogin(db: Db, login: Login): Promise<void> {
  try {
    await guard(() =>
      db.doc.send(
        new PutCommand({
          TableName: db.tableName,
          Item: { ...platformKeys.login(login.email), type: 'login', ...login },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      ),
    );
  } catch (error) {
    if (isConditionFailure(error)) {
      throw new DomainError('CONFLICT', 'user.emailInUse', { message: 'E-mail address in use' });
    }
    throw error;
  }
}

export async function readLogin(db: Db, email: string): Promise<Login | null> {
  const item = await getItem(db, platformKeys.login(email.toLowerCase()));
  return item ? { email: String(item.email), space: String(item.space), key: String(item.key) } : null;
}

export async function deleteLogin(db: Db, email: string): Promise<void> {
  await guard(() =>
    db.doc.send(new DeleteCommand({ TableName: db.tableName, Key: platformKeys.login(email.toLowerCase()) })),
  );
}
