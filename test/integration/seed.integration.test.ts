import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '@regie/db';
import { seed, seedIsStale } from '@regie/local';
import { expect, inject, it } from 'vitest';
import { createTestDb } from '../support/db.ts';

it('loads the seed once, and recognises local data loaded by another version of it', async () => {
  const db = await createTestDb(inject('dynamoEndpoint'), { seed: true });
  expect(await seed(db)).toBe(false); // already there: nothing loaded twice
  expect(await seedIsStale(db)).toBe(false);
  await db.doc.send(
    new UpdateCommand({
      TableName: db.tableName,
      Key: keys.seedMarker('GM0233'),
      UpdateExpression: 'REMOVE #v',
      ExpressionAttributeNames: { '#v': 'version' },
    }),
  );
  expect(await seedIsStale(db)).toBe(true);
});
