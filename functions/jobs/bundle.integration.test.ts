import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '@regie/db';
import { keys } from '@regie/db';
import { App } from 'aws-cdk-lib';
import {
  ASSET_RESOURCE_METADATA_ENABLED_CONTEXT,
  ASSET_RESOURCE_METADATA_PATH_KEY,
} from 'aws-cdk-lib/cx-api';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { devConfig } from '../../infra/lib/config.ts';
import { featureFlags } from '../../infra/lib/feature-flags.ts';
import { defineRegie } from '../../infra/lib/regie-app.ts';
import { createTestDb } from '../../test/support/db.ts';

type JobHandler = (event: { day?: string }) => Promise<{ day: string; created: number; read: number }>;

/** Far below the API's 500 KB: the job only needs the DynamoDB client and the deadline rules. */
const BUNDLE_BUDGET_BYTES = 400_000;

/**
 * The deadline job exactly as deployed: the jobs stack synthesised with bundling on, its asset imported from
 * the cloud assembly and invoked the way EventBridge does, against a seeded DynamoDB Local.
 */
describe('bundled deadline job', () => {
  let db: Db;
  let outdir: string;
  let bundle: Buffer;
  let handler: JobHandler;
  let restoreOutput: () => void;

  beforeAll(async () => {
    const endpoint = inject('dynamoEndpoint');
    db = await createTestDb(endpoint, { seed: true });
    outdir = mkdtempSync(join(tmpdir(), 'regie-cdk-jobs-'));
    const config = devConfig({});
    const app = new App({
      outdir,
      context: {
        ...featureFlags,
        'aws:cdk:bundling-stacks': [`Regie-${config.stage}-Jobs`],
        [ASSET_RESOURCE_METADATA_ENABLED_CONTEXT]: true,
      },
    });
    const stacks = defineRegie(app, config);
    const template = app.synth().getStackByName(stacks.jobs.stackName).template as {
      Resources: Record<string, { Type: string; Metadata?: Record<string, string> }>;
    };
    const [fn] = Object.entries(template.Resources).filter(
      ([id, r]) => r.Type === 'AWS::Lambda::Function' && id.startsWith('DeadlineJobFunction'),
    );
    const assetFile = join(outdir, fn![1].Metadata![ASSET_RESOURCE_METADATA_PATH_KEY]!, 'index.mjs');
    bundle = readFileSync(assetFile);
    Object.assign(process.env, { TABLE_NAME: db.tableName, DYNAMO_ENDPOINT: endpoint });
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = (() => true) as typeof process.stdout.write; // Powertools' JSON lines
    restoreOutput = () => {
      process.stdout.write = write;
    };
    handler = (await import(pathToFileURL(assetFile).href)).handler as JobHandler;
  }, 120_000);

  afterAll(() => {
    restoreOutput?.();
    if (outdir) rmSync(outdir, { recursive: true, force: true });
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
