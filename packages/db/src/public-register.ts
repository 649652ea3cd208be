import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { isCbsMunicipalityCode, PUBLIC_FIELDS, type PublicRecord } from '@regie/core';
import type { Db } from './client.ts';
import { readSpace } from './directory.ts';
import { guard } from './errors.ts';
import { keys } from './keys.ts';

/** At most this many records in one public register answer (bounded work for an unauthenticated route). */
const MAX_RECORDS = 10_000;

/**
 * A municipality's public Woo register (SPEC §5.4), unauthenticated: the published records of one space,
 * in reference order, each reduced to the public fields again on the way out. Null for an unknown code.
 */
export async function readPublicRegister(
  db: Db,
  code: string,
): Promise<{ publisher: string; records: PublicRecord[] } | null> {
  if (!isCbsMunicipalityCode(code)) return null;
  const space = await readSpace(db, code);
  if (space?.kind !== 'municipality') return null;
  const records: PublicRecord[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await guard(() =>
      db.doc.send(
        new QueryCommand({
          TableName: db.tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': keys.publicRegister(code) },
          ExclusiveStartKey: start,
        }),
      ),
    );
    for (const item of page.Items ?? []) {
      records.push(
        Object.fromEntries(
          PUBLIC_FIELDS.map((f) => [f, (item[f] as string | number | null) ?? null]),
        ) as PublicRecord,
      );
    }
    start = page.LastEvaluatedKey;
  } while (start && records.length < MAX_RECORDS);
  return { publisher: space.name, records: records.slice(0, MAX_RECORDS) };
}
