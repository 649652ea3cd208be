import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { DEV_AUDIENCE, DEV_ISSUER } from '@regie/local';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestApi, type TestApi } from '../../test/support/api.ts';
import { createTestDb } from '../../test/support/db.ts';
import { type LambdaAsset, serveJwks, synthLambdaAsset } from '../../test/support/lambda-asset.ts';
import { httpApiEvent } from '../../test/support/lambda-event.ts';

type Handler = (
  event: unknown,
  context?: unknown,
) => Promise<{
  statusCode: number;
  body: string;
  isBase64Encoded?: boolean;
  headers?: Record<string, string>;
}>;

/**
 * The files function carries pdf-lib with its standard fonts (~0.4 MB minified), exceljs with its stream and zip
 * dependencies for the register exports (~0.7 MB) and the S3 client; measured 2.16 MB minified, 0.70 MB gzip. The
 * bound catches a large dependency sneaking in without pinning today's exact figure.
 */
const FILES_BUNDLE_BUDGET_BYTES = 2_500_000;

/** The files Lambda exactly as deployed, against DynamoDB Local and the local S3-compatible store. */
describe('bundled files Lambda asset', () => {
  let api: TestApi;
  let jwks: { url: string; close(): void };
  let handler: Handler;
  let asset: LambdaAsset;
  let bundle: Buffer;

  let restoreOutput: (() => void) | undefined;
  beforeAll(async () => {
    const endpoint = inject('dynamoEndpoint');
    api = await startTestApi(await createTestDb(endpoint, { seed: true }));
    jwks = await serveJwks(api.publicJwks);
    asset = synthLambdaAsset('api', 'FilesFunction');
    bundle = asset.bytes;

    Object.assign(process.env, {
      TABLE_NAME: api.db.tableName,
      JWKS_URL: jwks.url,
      JWT_ISSUER: DEV_ISSUER,
      JWT_AUDIENCE: DEV_AUDIENCE,
      DYNAMO_ENDPOINT: endpoint,
      DOCUMENTS_BUCKET: (api.documents as unknown as { bucket: string }).bucket,
      S3_ENDPOINT: inject('s3Endpoint'),
      POWERTOOLS_METRICS_NAMESPACE: 'Regie',
      POWERTOOLS_LOG_LEVEL: 'ERROR',
    });
    // Powertools writes its metric lines straight to stdout, as Lambda collects them: kept out of the test output.
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) =>
      String(chunk).startsWith('{"_aws"')
        ? true
        : (write as (...a: unknown[]) => boolean)(chunk, ...rest)) as typeof process.stdout.write;
    restoreOutput = () => {
      process.stdout.write = write;
    };
    handler = (await import(pathToFileURL(asset.file).href)).handler as Handler;
  }, 240_000);

  afterAll(async () => {
    restoreOutput?.();
    await api?.close();
    jwks?.close();
    asset?.remove();
  });

  it('is one minified ESM file within its size budget', () => {
    const gzip = gzipSync(bundle, { level: 9 }).length;
    console.info(`files bundle: ${bundle.length} bytes minified, ${gzip} bytes gzip`);
    expect(bundle.length).toBeLessThan(FILES_BUNDLE_BUDGET_BYTES);
    expect(bundle.toString('utf8', 0, 200)).toContain('createRequire');
    expect(bundle.includes('fromSSO')).toBe(false);
  });

  it('generates and serves a document like the local server, and refuses what it refuses', async () => {
    const inkoper = await api.token('ermelo.inkoper');
    const approver = await api.token('ermelo.approver');
    let a = (
      await api.mutate(
        'agreement.create',
        {
          kind: 'service_agreement',
          reference: 'ERM-BUNDLE-DVO',
          title: 'DVO bundeltest',
          domain: 'ict',
          startDate: '2027-01-01',
          endDate: '2027-12-31',
          parties: [{ organisationId: 'org-kompas', role: 'contractor' }],
        },
        inkoper,
      )
    ).body.result.data;
    for (const [to, token] of [
      ['in_approval', inkoper],
      ['approved', approver],
    ] as const) {
      a = (await api.mutate('agreement.transition', { id: a.id, expectedVersion: a.version, to }, token)).body
        .result.data;
    }
    const generated = await handler(
      httpApiEvent({
        method: 'POST',
        path: `/files/agreements/${a.id}/document/generate`,
        headers: { authorization: `Bearer ${inkoper}` },
      }),
    );
    expect(generated.statusCode).toBe(201);
    const { document } = JSON.parse(generated.body) as { document: { sha256: string } };
    // Offered to the provider only once out for signature (a draft or approved agreement stays internal).
    a = (
      await api.mutate(
        'agreement.transition',
        { id: a.id, expectedVersion: a.version, to: 'out_for_signature' },
        inkoper,
      )
    ).body.result.data;

    const download = await handler(
      httpApiEvent({
        method: 'GET',
        path: `/files/agreements/${a.id}/document.pdf`,
        headers: { authorization: `Bearer ${await api.token('kompas.signer')}` },
      }),
    );
    expect(download.statusCode).toBe(200);
    expect(download.isBase64Encoded).toBe(true);
    const bytes = Buffer.from(download.body, 'base64');
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(document.sha256);
    const local = await fetch(`${api.url}/files/agreements/${a.id}/document.pdf`, {
      headers: { authorization: `Bearer ${inkoper}` },
    });
    expect(Buffer.from(await local.arrayBuffer()).equals(bytes)).toBe(true);

    for (const [token, status] of [
      [await api.token('utrecht.inkoper'), 404],
      [await api.token('wijkracht.signer'), 404],
      [undefined, 401],
    ] as const) {
      const refused = await handler(
        httpApiEvent({
          method: 'GET',
          path: `/files/agreements/${a.id}/document.pdf`,
          headers: token ? { authorization: `Bearer ${token}` } : {},
        }),
      );
      expect(refused.statusCode).toBe(status);
      const viaLocal = await fetch(`${api.url}/files/agreements/${a.id}/document.pdf`, {
        headers: token ? { authorization: `Bearer ${token}` } : {},
      });
      expect(JSON.parse(refused.body)).toEqual(await viaLocal.json());
    }
  });

  it('serves a personal iCal feed like the local server, and 404 for a wrong secret', async () => {
    const manager = await api.token('ermelo.contractmanager');
    const { path } = (await api.mutate('ical.create', {}, manager)).body.result.data as { path: string };
    const lambda = await handler(httpApiEvent({ method: 'GET', path }));
    expect(lambda.statusCode).toBe(200);
    expect(lambda.headers?.['content-type']).toContain('text/calendar');
    const body = lambda.isBase64Encoded ? Buffer.from(lambda.body, 'base64').toString('utf8') : lambda.body;
    const local = await (await fetch(`${api.url}${path}`)).text();
    // The same events (the feed's DTSTAMP is the moment of rendering, so compare without it).
    const events = (text: string) => text.split('\r\n').filter((l) => !l.startsWith('DTSTAMP'));
    expect(events(body)).toEqual(events(local));
    expect(body).toContain('Laatste dag opzeggen: ERM-2025-JH01');
    const wrong = await handler(httpApiEvent({ method: 'GET', path: `/ical/GM0233/${'A'.repeat(43)}.ics` }));
    expect(wrong.statusCode).toBe(404);
  });
});
