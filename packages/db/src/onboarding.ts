import { DomainError, isSpace, type SpaceKind, spaceKind } from '@regie/core';
import type { Db } from './client.ts';
import { readSpaceWithHead, type SpaceRecord } from './directory.ts';
import { keys, platformKeys } from './keys.ts';
import type { Scope } from './scope.ts';
import { nextSpaceEvent, type SpaceHead } from './space-chain.ts';
import { type TransactItem, transact } from './transact.ts';

/**
 * Platform onboarding (issue 13, `npm run tenant`): a space's own record, region memberships, written by the
 * platform operator rather than by a user of a space. Every write is idempotent — what is already there is reported,
 * not written again — and audited on the space's own chain (space-chain.ts) in the same transaction.
 */

/** Who runs the onboarding, as recorded on the audit events. */
export interface PlatformActor {
  /** Recorded as the event's actor, e.g. `platform:alice`. */
  actor: string;
  actorName?: string;
}

/** What a step did: wrote something, or found it already there. */
export type OnboardingOutcome = 'created' | 'exists';

/** A refusal of the onboarding itself (a missing region, a code of the wrong kind); nothing was written. */
export class OnboardingError extends Error {
  override name = 'OnboardingError';
}

/** The organisation recorded on events written by the platform (no space's organisation did it). */
export const PLATFORM_ORGANISATION = 'platform';

/** The scope an event of `space`'s chain is sealed with when the platform writes it. */
export function platformScope(space: string, who: PlatformActor): Scope {
  return {
    space,
    reach: [space],
    actor: who.actor,
    actorName: who.actorName,
    organisation: PLATFORM_ORGANISATION,
    roles: [],
  };
}

export interface NewSpace {
  space: string;
  kind: SpaceKind;
  name: string;
  /** provider: its KvK number (the space is `PV` + it). */
  kvkNumber?: string;
}

/** The record a new space starts with: empty membership lists, so later joins only ever replace them whole. */
export function initialSpaceRecord(input: NewSpace): SpaceRecord {
  if (!isSpace(input.space) || spaceKind(input.space) !== input.kind) {
    throw new OnboardingError(`${input.space} is not a ${input.kind} code`);
  }
  if (input.kind === 'provider') {
    if (input.space !== `PV${input.kvkNumber}`) {
      throw new OnboardingError(`A provider's space is PV + its KvK number, not ${input.space}`);
    }
    return { space: input.space, kind: 'provider', name: input.name, kvkNumber: input.kvkNumber };
  }
  if (input.kind === 'region') {
    return { space: input.space, kind: 'region', name: input.name, members: [], memberNames: {} };
  }
  return { space: input.space, kind: 'municipality', name: input.name, memberOf: [] };
}

// A condition failed: another writer got there first (thrown by transact, caught right here).
const raced = () => new DomainError('CONFLICT', 'request.conflict', { message: 'Changed meanwhile' });

/**
 * Creates a space's record, its first audit event (`space.create`) and its entry in the platform's list of spaces,
 * in one transaction. A space that exists is left as it is (`exists`), whatever its name.
 */
export async function createSpaceRecord(
  db: Db,
  who: PlatformActor,
  input: NewSpace,
  now = new Date().toISOString(),
): Promise<OnboardingOutcome> {
  const record = initialSpaceRecord(input);
  const existing = await readSpaceWithHead(db, record.space);
  if (existing) return assertKind(existing.record, record.kind);
  const chain = nextSpaceEvent(
    db,
    platformScope(record.space, who),
    record.space,
    {},
    {
      at: now,
      action: 'space.create',
      objectType: 'space',
      objectId: record.space,
      changes: { space: { before: null, after: record } },
    },
  );
  try {
    await transact(
      db,
      [
        {
          Put: {
            TableName: db.tableName,
            Item: {
              ...keys.space(record.space),
              type: 'space',
              ...record,
              auditSeq: chain.values[':seq'],
              auditHash: chain.values[':hash'],
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        chain.put,
        {
          Put: {
            TableName: db.tableName,
            Item: { ...platformKeys.space(record.space), type: 'platformSpace' },
          },
        },
      ],
      raced(),
    );
  } catch (error) {
    // Created by a concurrent run between the read and the write: the outcome is the same space.
    if (error instanceof DomainError && error.code === 'CONFLICT') return 'exists';
    throw error;
  }
  return 'created';
}

function assertKind(record: SpaceRecord, kind: SpaceKind): 'exists' {
  if (record.kind !== kind) {
    throw new OnboardingError(`${record.space} already exists as a ${record.kind}, not a ${kind}`);
  }
  return 'exists';
}

type Loaded = { record: SpaceRecord } & SpaceHead;

async function load(db: Db, space: string, kind: SpaceKind): Promise<Loaded> {
  const found = await readSpaceWithHead(db, space);
  if (!found) throw new OnboardingError(`${space} does not exist`);
  if (found.record.kind !== kind) {
    throw new OnboardingError(`${space} is a ${found.record.kind}, not a ${kind}`);
  }
  return found;
}

/** What a region membership still lacks on either side (both empty: the membership is complete). */
export function membershipGaps(municipality: SpaceRecord, region: SpaceRecord) {
  const memberOf = municipality.memberOf ?? [];
  const members = region.members ?? [];
  const memberNames = region.memberNames ?? {};
  return {
    municipality: !memberOf.includes(region.space),
    region: !members.includes(municipality.space) || memberNames[municipality.space] !== municipality.name,
  };
}

/**
 * Makes `municipality` a member of `region` on both records — municipality.memberOf, region.members and
 * region.memberNames — in one transaction, with an event on each record's own chain (`region.join` on the
 * municipality's, `region.addMember` on the region's). A side that already says so is left alone; both sides
 * complete → `exists`. Each record's chain head is the condition, so a concurrent change makes the step start again
 * on what it then reads (never a lost update of a membership list).
 */
export async function joinRegion(
  db: Db,
  who: PlatformActor,
  link: { municipality: string; region: string },
): Promise<OnboardingOutcome> {
  for (let attempt = 1; ; attempt++) {
    const municipality = await load(db, link.municipality, 'municipality');
    const region = await load(db, link.region, 'region');
    const gaps = membershipGaps(municipality.record, region.record);
    if (!gaps.municipality && !gaps.region) return 'exists';
    const now = new Date().toISOString();
    const items: TransactItem[] = [];
    if (gaps.municipality) {
      const before = municipality.record.memberOf ?? [];
      const after = [...before, region.record.space];
      items.push(
        ...chainedUpdate(db, who, municipality, now, 'region.join', region.record.space, {
          memberOf: { before, after },
        }),
      );
    }
    if (gaps.region) {
      const before = region.record.members ?? [];
      const after = before.includes(link.municipality) ? before : [...before, link.municipality];
      const namesBefore = region.record.memberNames ?? {};
      const namesAfter = { ...namesBefore, [link.municipality]: municipality.record.name };
      items.push(
        ...chainedUpdate(db, who, region, now, 'region.addMember', link.municipality, {
          members: { before, after },
          memberNames: { before: namesBefore, after: namesAfter },
        }),
      );
    }
    try {
      await transact(db, items, raced());
      return 'created';
    } catch (error) {
      if (!(error instanceof DomainError && error.code === 'CONFLICT') || attempt === 3) throw error;
    }
  }
}

/**
 * An Update that sets `changes`' after-values on a space record and advances its chain head, with the event's Put.
 * The whole new value is written (not appended), which is safe because the head condition proves the record is
 * still the one the values were computed from.
 */
function chainedUpdate(
  db: Db,
  who: PlatformActor,
  current: Loaded,
  at: string,
  action: string,
  objectId: string,
  changes: Record<string, { before: unknown; after: unknown }>,
): TransactItem[] {
  const space = current.record.space;
  const chain = nextSpaceEvent(db, platformScope(space, who), space, current, {
    at,
    action,
    objectType: 'space',
    objectId,
    changes,
  });
  const fields = Object.keys(changes);
  return [
    {
      Update: {
        TableName: db.tableName,
        Key: keys.space(space),
        UpdateExpression: `SET ${[chain.set, ...fields.map((f) => `#${f} = :${f}`)].join(', ')}`,
        ConditionExpression: chain.condition,
        ExpressionAttributeNames: Object.fromEntries(fields.map((f) => [`#${f}`, f])),
        ExpressionAttributeValues: {
          ...chain.values,
          ...Object.fromEntries(fields.map((f) => [`:${f}`, changes[f]!.after])),
        },
      },
    },
    chain.put,
  ];
}
