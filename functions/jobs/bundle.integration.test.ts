import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '@regie/db';
import { keys } from '@regie/db';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestDb } from '../../test/support/db.ts';
import { type LambdaAsset, synthLambdaAsset } from '../../test/support/lambda-asset.ts';

type JobHandler = (event: { day?: string }) => Promise<{ day: string; created: number; read: number }>;

/** Far below the API's 500 KB: the job only needs the DynamoDB client and the deadline rules. */
const BUNDLE_BUDGET_BYTES = 400_000;

/**
 * The deadline job exactly as deployed: the jobs stack synthesised with bundling on, its asset imported from
 * the cloud assembly and invoked the way EventBridge does, against a seeded DynamoDB Local.
 */
describe('bundled deadline job', () => {
  let db: Db;
  let asset: LambdaAsset;
  let bundle: Buffer;
  let handler: JobHandler;
  let restoreOutput: () => void;

  beforeAll(async () => {
    const endpoint = inject('dynamoEndpoint');
    db = await createTestDb(endpoint, { seed: true });
    asset = synthLambdaAsset('jobs', 'DeadlineJobFunction');
    bundle = asset.bytes;
    Object.assign(process.env, { TABLE_NAME: db.tableName, DYNAMO_ENDPOINT: endpoint });
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = (() => true) as typeof process.stdout.write; // Powertools' JSON lines
    restoreOutput = () => {
      process.stdout.write = write;
    };
    handler = (await import(pathToFileURL(asset.file).href)).handler as JobHandler;
  }, 120_000);

  afterAll(() => {
    restoreOutput?.();
    asset?.remove();
  });

  it(`stays under ${BUNDLE_BUDGET_BYTES / 1000} KB minified`, () => {
    console.info(
      `deadline job bundle: ${(bundle.length / 1000).toFixed(0)} KB minified, ${(gzipSync(bundle).length / 1000).toFixed(0)} KB gzip`,
    );
    expect(bundle.length).toBeLessThan(BUNDLE_BUDGET_BYTES);
  });

  it('visits every seeded space, signals the notice date 30 days ahead, and adds nothing on a second run', async () => {
    const first = await handler({ day: '2027-05-31' });
    expect(first.day).toBe('2027-05-31');
    expect(first.created).toBeGreaterThan(0);
    const inbox = await db.doc.send(
      new QueryCommand({
        TableName: db.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.inbox('GM0233', 'contractmanager') },
      }),
    );
    expect(inbox.Items?.map((i) => i.signalId)).toContain('erm-jh-2025.notice.2027-06-30.30');
    const second = await handler({ day: '2027-05-31' });
    expect(second).toMatchObject({ created: 0, read: 0 });
  });

  it('takes the Dutch calendar day when the event names none', async () => {
    const run = await handler({});
    expect(run.day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
