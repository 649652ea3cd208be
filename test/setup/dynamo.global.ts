import { createDocumentClient, ensureTable } from '@regie/db';
import { freePort, seed, startDynamoLocal, startS3Local } from '@regie/local';
import type { TestProject } from 'vitest/node';
import '../support/provided.ts';

/**
 * One in-memory DynamoDB Local for the integration tier, each test file making its own table; and one
 * S3-compatible document store (s3rver, a temporary directory), each test API making its own bucket. The seed is
 * loaded once, into a template table that seeded test tables copy (test/support/db.ts): loading it through the
 * repositories costs seconds a file, a copy a fraction of that.
 */
export default async function setup(project: TestProject) {
  const dynamo = await startDynamoLocal({ port: await freePort() });
  const s3 = await startS3Local({ port: await freePort() }).catch(async (error) => {
    await dynamo.stop();
    throw error;
  });
  const seedTable = 'seed_template';
  try {
    const doc = createDocumentClient({ endpoint: dynamo.endpoint });
    await ensureTable(doc, seedTable);
    await seed({ doc, tableName: seedTable });
  } catch (error) {
    await Promise.all([s3.stop(), dynamo.stop()]);
    throw error;
  }
  project.provide('dynamoEndpoint', dynamo.endpoint);
  project.provide('seedTable', seedTable);
  project.provide('s3Endpoint', s3.endpoint);
  return async () => {
    await s3.stop();
    await dynamo.stop();
  };
}
