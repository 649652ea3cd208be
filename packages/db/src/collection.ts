import type { Db } from './client.ts';
import { keys } from './keys.ts';
import { queryAll, stripKeys } from './query.ts';

/**
 * Every item of one kind in an agreement's collection (`sk` starting with `prefix`), without its key
 * attributes. Cost grows with that agreement's items of that kind, never with the register.
 */
export async function queryCollection<T>(
  db: Db,
  space: string,
  agreementId: string,
  prefix: string,
): Promise<T[]> {
  const items = await queryAll(db, {
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': keys.agreement(space, agreementId).pk, ':prefix': prefix },
    ConsistentRead: true,
  });
  return items.map((item) => stripKeys<T>(item));
}
