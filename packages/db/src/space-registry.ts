import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from './client.ts';
import { guard } from './errors.ts';
import { platformKeys } from './keys.ts';
import { queryAll } from './query.ts';

/** Records a space in the platform's list of spaces (written with the space itself). */
export async function registerSpace(db: Db, space: string): Promise<void> {
  await guard(() =>
    db.doc.send(
      new PutCommand({
        TableName: db.tableName,
        Item: { ...platformKeys.space(space), type: 'platformSpace' },
      }),
    ),
  );
}

/** Every space on the platform (what the daily job visits). */
export async function listSpaces(db: Db): Promise<string[]> {
  const items = await queryAll(db, {
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': platformKeys.spaces },
  });
  return items.map((item) => String(item.sk));
}
