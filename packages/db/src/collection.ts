import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from './client.ts';
import { guard } from './errors.ts';
import { keys } from './keys.ts';

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
  const out: T[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await guard(() =>
      db.doc.send(
        new QueryCommand({
          TableName: db.tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: { ':pk': keys.agreement(space, agreementId).pk, ':prefix': prefix },
          ExclusiveStartKey: start,
          ConsistentRead: true,
        }),
      ),
    );
    for (const item of page.Items ?? []) {
      const { pk: _pk, sk: _sk, type: _type, gsi1pk: _g, gsi1sk: _s, ...rest } = item;
      out.push(rest as T);
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return out;
}
