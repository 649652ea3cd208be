import { BatchGetCommand, type BatchGetCommandInput } from '@aws-sdk/lib-dynamodb';
import {
  type CrossAgreementConflict,
  crossAgreementConflicts,
  personKey,
  type RoleAssignment,
  type SteeringRoles,
} from '@regie/core';
import type { Db } from './client.ts';
import { guard } from './errors.ts';
import { keys, SEP } from './keys.ts';
import { type Key, queryAll } from './query.ts';
import type { Scope } from './scope.ts';

/** Bounds the report's reads; a tenant with more GRs than this is far beyond a Dutch region's size. */
const MAX_GRS_PER_SPACE = 200;

/** Every item behind the keys, retrying what DynamoDB left unprocessed, 100 keys per request. */
async function batchGet(db: Db, wanted: readonly Key[]): Promise<Key[]> {
  const out: Key[] = [];
  for (let i = 0; i < wanted.length; i += 100) {
    let request: BatchGetCommandInput['RequestItems'] = {
      [db.tableName]: { Keys: wanted.slice(i, i + 100) },
    };
    while (request && Object.keys(request).length > 0) {
      const result = await guard(() => db.doc.send(new BatchGetCommand({ RequestItems: request })));
      out.push(...(result.Responses?.[db.tableName] ?? []));
      request = result.UnprocessedKeys;
    }
  }
  return out;
}

const ref = (space: string, id: string) => `${space}${SEP}${id}`;
const MAX_OWNERS_PER_SPACE = 1000;

/**
 * An index entry with roles: a steering item (the agreement's own roles, its space the first part of its key) or
 * a member-roles item (a GR's roles of one member, in the GR's collection and indexed under the member's space).
 */
interface Entry {
  agreementSpace: string;
  agreementId: string;
  member?: string;
  roles: Pick<SteeringRoles, 'opdrachtgever' | 'eigenaar'>;
}

function entryOf(item: Key): Entry {
  if (item.type === 'memberRoles') {
    return {
      agreementSpace: item.agreementSpace as string,
      agreementId: item.agreementId as string,
      member: item.member as string,
      roles: (item.roles ?? {}) as Entry['roles'],
    };
  }
  return {
    agreementSpace: (item.pk as string).split(SEP)[0] as string,
    agreementId: item.agreementId as string,
    roles: (item.roles ?? {}) as Entry['roles'],
  };
}

const indexQuery = (db: Db, index: string, pk: string, begins?: string) =>
  queryAll(
    db,
    {
      IndexName: index,
      KeyConditionExpression: `${index}pk = :pk${begins ? ` AND begins_with(${index}sk, :b)` : ''}`,
      ExpressionAttributeValues: { ':pk': pk, ...(begins ? { ':b': begins } : {}) },
    },
    MAX_OWNERS_PER_SPACE,
  );

/**
 * SPEC §4.2 across agreements, within the caller's reach (its own space and the regions it belongs to): every
 * portfolio holder who is eigenaar somewhere and opdrachtgever elsewhere — of the agreements themselves or of a
 * GR's roles per member municipality. Reads indexes only: the owner list of each space (gsi4), the GRs of each
 * space (register by kind, for steering items stored before the owner list existed), then per owner's holder the
 * per-holder index (gsi2, as opdrachtgever) in each space — the cost follows the owners and the conflicts'
 * agreements, never the size of the register.
 */
export async function crossRoleConflicts(db: Db, scope: Scope): Promise<CrossAgreementConflict[]> {
  const spaces = scope.reach;
  const [listed, grs] = await Promise.all([
    Promise.all(spaces.map((space) => indexQuery(db, 'gsi4', keys.roleOwners(space)))),
    Promise.all(
      spaces.map(async (space) =>
        (
          await queryAll(
            db,
            {
              IndexName: 'gsi2',
              KeyConditionExpression: 'gsi2pk = :pk',
              ExpressionAttributeValues: {
                ':pk': `${keys.registerIndex(space)}${SEP}KIND${SEP}joint_arrangement`,
              },
            },
            MAX_GRS_PER_SPACE,
          )
        ).map((item) => keys.steering(space, item.id as string)),
      ),
    ),
  ]);
  const grSteering = await batchGet(db, grs.flat());
  const owners = [...listed.flat(), ...grSteering].map(entryOf);
  const holders = new Set<string>();
  for (const o of owners) {
    const holder = o.roles.eigenaar?.portfolioHolder;
    if (holder) holders.add(personKey(holder));
  }
  if (holders.size === 0) return [];

  // Where each owner's holder is opdrachtgever, in every space in reach (own and member roles alike).
  const clients = (
    await Promise.all(
      [...holders].flatMap((holder) =>
        spaces.map((space) => indexQuery(db, 'gsi2', keys.portfolioHolder(space, holder), 'opdrachtgever#')),
      ),
    )
  )
    .flat()
    .map(entryOf);
  const entries = [...owners, ...clients];

  const agreementRefs = [...new Set(entries.map((e) => ref(e.agreementSpace, e.agreementId)))];
  const agreements = await batchGet(
    db,
    agreementRefs.map((r) => {
      const [space, ...id] = r.split(SEP);
      return keys.agreement(space as string, id.join(SEP));
    }),
  );
  const agreementOf = new Map(agreements.map((a) => [a.pk as string, a]));
  // A member's name comes from the region that owns the GR.
  const regions = [...new Set(entries.filter((e) => e.member).map((e) => e.agreementSpace))];
  const regionRecords = regions.length
    ? await batchGet(
        db,
        regions.map((r) => keys.space(r)),
      )
    : [];
  const memberNames = new Map<string, string>();
  for (const r of regionRecords) {
    for (const [space, name] of Object.entries((r.memberNames ?? {}) as Record<string, string>)) {
      memberNames.set(ref((r.pk as string).split(SEP)[0] as string, space), name);
    }
  }

  return crossAgreementConflicts(
    entries.flatMap((e): RoleAssignment[] => {
      const a = agreementOf.get(keys.agreement(e.agreementSpace, e.agreementId).pk);
      if (!a) return [];
      const name = e.member ? memberNames.get(ref(e.agreementSpace, e.member)) : undefined;
      return [
        {
          agreementId: a.id as string,
          space: e.agreementSpace,
          reference: a.reference as string,
          title: a.title as string,
          kind: a.kind as RoleAssignment['kind'],
          parties: (a.parties ?? []) as RoleAssignment['parties'],
          roles: e.roles,
          ...(e.member ? { member: e.member, memberName: name ?? e.member } : {}),
        },
      ];
    }),
  );
}
