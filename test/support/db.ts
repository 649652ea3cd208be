import './provided.ts';
import { randomBytes } from 'node:crypto';
import { createDocumentClient, type Db, ensureTable } from '@regie/db';
import { seed } from '@regie/local';

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
  if (options.seed) await seed(db);
  return db;
}
