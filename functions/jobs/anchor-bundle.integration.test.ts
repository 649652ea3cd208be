import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LambdaAsset, synthLambdaAsset } from '../../test/support/lambda-asset.ts';

/**
 * The audit anchor job as deployed (issue 17 point 2): the jobs stack synthesised with bundling on, the asset
 * imported from the cloud assembly. It bundles the official KMS and S3 clients, starts with the environment the
 * stack gives it and refuses to start without it. (Its run itself is tested against DynamoDB Local and s3rver with
 * the development key in test/integration/audit-anchor.integration.test.ts; KMS has no local stand-in.)
 */
describe('bundled audit anchor job', () => {
  let asset: LambdaAsset;
  const saved = { ...process.env };

  beforeAll(() => {
    asset = synthLambdaAsset('jobs', 'AnchorJobFunction');
  }, 180_000);
  afterAll(() => {
    process.env = saved;
    asset?.remove();
  });

  it('bundles the KMS signer and the anchor store, and starts with the stack’s environment', async () => {
    const code = asset.bytes.toString('utf8');
    expect(code).toContain('ECDSA_SHA_256');
    expect(code).toContain('audit-anchors/');
    expect(asset.bytes.length).toBeLessThan(1_500_000);
    Object.assign(process.env, {
      TABLE_NAME: 'regie-test',
      ANCHOR_BUCKET: 'anchors',
      ANCHOR_KEY_ID: 'arn:aws:kms:eu-central-1:123456789012:key/0b7e6b4e-1c1d-4f5e-9a8b-2c3d4e5f6a7b',
      AWS_REGION: 'eu-central-1',
    });
    const module = (await import(pathToFileURL(asset.file).href)) as { handler: unknown };
    expect(typeof module.handler).toBe('function');
  }, 180_000);
});
