import './provided.ts';
import { randomBytes } from 'node:crypto';
import {
  BatchWriteCommand,
  type BatchWriteCommandInput,
  type BatchWriteCommandOutput,
  ScanCommand,
} from '@aws-sdk/lib-dynamodb';
import { createDocumentClient, type Db, ensureTable } from '@regie/db';
import { seed } from '@regie/local';
import { inject } from 'vitest';

/**
 * A fresh table on the test DynamoDB Local. Refuses any endpoint that is not on this machine, so a
 * misconfigured run can never write to a real AWS account.
 */
export async function createTestDb(endpoint: string, options: { seed?: boolean } = {}): Promise<Db> {
  const url = new URL(endpoint);
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) {
    throw new Error(
      `Refusing to run integration tests against ${endpoint}: only a local DynamoDB is allowed`,
    );
  }
  const doc = createDocumentClient({ endpoint });
  const db: Db = { doc, tableName: `test_${randomBytes(6).toString('hex')}` };
  await ensureTable(doc, db.tableName);
  if (options.seed) {
    const template = seedTemplate();
    if (template) await copyTable(db, template);
    else await seed(db);
  }
  return db;
}

/** The table the integration tier's global setup loaded the seed into, when this runs under it. */
function seedTemplate(): string | undefined {
  try {
    return inject('seedTable');
  } catch {
    return undefined;
  }
}

/** Every item of `from` into the (new, empty) table of `db`: the seed exactly as `seed()` wrote it. */
async function copyTable(db: Db, from: string): Promise<void> {
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db.doc.send(new ScanCommand({ TableName: from, ExclusiveStartKey: start }));
    const items = page.Items ?? [];
    for (let i = 0; i < items.length; i += 25) {
      let pending: BatchWriteCommandInput['RequestItems'] = {
        [db.tableName]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })),
      };
      // DynamoDB may hand back part of a batch unwritten; retry that part until none is left.
      while (pending && Object.keys(pending).length > 0) {
        const result: BatchWriteCommandOutput = await db.doc.send(
          new BatchWriteCommand({ RequestItems: pending }),
        );
        pending = result.UnprocessedItems;
      }
    }
    start = page.LastEvaluatedKey;
  } while (start);
}
