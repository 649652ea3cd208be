import { isCbsMunicipalityCode, PUBLIC_FIELDS, type PublicRecord } from '@regie/core';
import type { Db } from './client.ts';
import { readSpace } from './directory.ts';
import { keys } from './keys.ts';
import { queryAll } from './query.ts';

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
  const items = await queryAll(
    db,
    { KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.publicRegister(code) } },
    MAX_RECORDS,
  );
  const records = items.map(
    (item) =>
      Object.fromEntries(
        PUBLIC_FIELDS.map((f) => [f, (item[f] as string | number | null) ?? null]),
      ) as PublicRecord,
  );
  return { publisher: space.name, records: records.slice(0, MAX_RECORDS) };
}
