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
const MAX_CLIENT_AGREEMENTS_PER_HOLDER = 500;

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

/**
 * SPEC §4.2 across agreements, within the caller's reach (its own space and the regions it belongs to): the
 * portfolio holders who are eigenaar of a GR, and every agreement where the same holder is opdrachtgever.
 * Reads indexes only: the register's by-kind index for the GRs, then the per-holder index (gsi2, as
 * opdrachtgever) for each GR owner's holder in each space — the cost follows the GRs and the conflicts'
 * agreements, never the size of the register.
 */
export async function crossRoleConflicts(db: Db, scope: Scope): Promise<CrossAgreementConflict[]> {
  const spaces = scope.reach;
  const grs = (
    await Promise.all(
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
        ).map((item) => ({ space, item })),
      ),
    )
  ).flat();
  if (grs.length === 0) return [];

  const grSteering = await batchGet(
    db,
    grs.map((g) => keys.steering(g.space, g.item.id as string)),
  );
  const rolesOf = new Map(grSteering.map((s) => [s.pk as string, (s.roles ?? {}) as SteeringRoles]));
  const holders = new Set<string>();
  for (const g of grs) {
    const owner = rolesOf.get(keys.steering(g.space, g.item.id as string).pk)?.eigenaar?.portfolioHolder;
    if (owner) holders.add(personKey(owner));
  }
  if (holders.size === 0) return [];

  // The agreements each GR owner's holder is opdrachtgever of, in every space in reach.
  const clients = (
    await Promise.all(
      [...holders].flatMap((holder) =>
        spaces.map(async (space) =>
          (
            await queryAll(
              db,
              {
                IndexName: 'gsi2',
                KeyConditionExpression: 'gsi2pk = :pk AND begins_with(gsi2sk, :role)',
                ExpressionAttributeValues: {
                  ':pk': keys.portfolioHolder(space, holder),
                  ':role': 'opdrachtgever#',
                },
              },
              MAX_CLIENT_AGREEMENTS_PER_HOLDER,
            )
          ).map((item) => ({ space, item })),
        ),
      ),
    )
  ).flat();
  const grIds = new Set(grs.map((g) => ref(g.space, g.item.id as string)));
  const others = [
    ...new Map(
      clients
        .filter((c) => !grIds.has(ref(c.space, c.item.agreementId as string)))
        .map((c) => [ref(c.space, c.item.agreementId as string), c]),
    ).values(),
  ];
  if (others.length === 0) return [];
  const otherAgreements = await batchGet(
    db,
    others.map((c) => keys.agreement(c.space, c.item.agreementId as string)),
  );
  const agreementOf = new Map(otherAgreements.map((a) => [a.pk as string, a]));

  const assignment = (space: string, a: Key, roles: SteeringRoles): RoleAssignment => ({
    agreementId: a.id as string,
    space,
    reference: a.reference as string,
    title: a.title as string,
    kind: a.kind as RoleAssignment['kind'],
    parties: (a.parties ?? []) as RoleAssignment['parties'],
    roles,
  });
  return crossAgreementConflicts([
    ...grs.map((g) =>
      assignment(g.space, g.item, rolesOf.get(keys.steering(g.space, g.item.id as string).pk) ?? {}),
    ),
    ...others.flatMap((c) => {
      const a = agreementOf.get(keys.agreement(c.space, c.item.agreementId as string).pk);
      return a ? [assignment(c.space, a, c.item.roles as SteeringRoles)] : [];
    }),
  ]);
}
