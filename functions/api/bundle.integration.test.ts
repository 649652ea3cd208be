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
) => Promise<{ statusCode: number; body: string; headers?: Record<string, string> }>;

/**
 * Issue 7's goal was ≤ 500 KB minified (492 KB at its close). Issue 12 allows growth of at most 10% from there
 * (541 KB): the per-party rules of issue 11 took it to 505 KB. Issue 13 (people in the app) measured 520,041 bytes
 * before it, 529,849 with its user router and 566,459 once the Cognito client (user.invite/user.update) was in:
 * the budget grew by exactly that client's 36,610 bytes. Issue 14 (governance apply, relation confirmation,
 * notifications, RTVB, collaboration monitor) and issue 15's simulator took it from 571,670 to 615,714 bytes: own
 * domain code, no new dependency; the budget grows by 48,000 bytes for it. The rest of issue 15 (result-linked
 * payment, data deliveries, the regional benchmark), issue 16's service catalogue and issue 17's public-route guards
 * took it to 650,140 bytes: again own domain code and no new dependency (+34,426); the budget grows by 40,000.
 * Issue 16's service-level corrections, threshold, dashboard signal and a member's own DVO add about 7,000 bytes of
 * own code (esbuild reported the asset at 651.8 KiB), no dependency; the budget grows by 10,000. Fails
 * when a large dependency sneaks in; issue 17 replaces the size goal with a cold-start floor.
 */
const BUNDLE_BUDGET_BYTES = 541_000 + 36_610 + 48_000 + 40_000 + 10_000;

/**
 * The API Lambda exactly as deployed: the API stack is synthesised with bundling on (local esbuild, the
 * stack's own options), the asset is imported from the cloud assembly and invoked with API Gateway v2 events
 * against DynamoDB Local. It must answer like the local server.
 */
describe('bundled API Lambda asset', () => {
  let api: TestApi;
  let jwks: { url: string; close(): void };
  let handler: Handler;
  let asset: LambdaAsset;
  let bundle: Buffer;
  let importMs: number;
  const output: string[] = [];
  let restoreOutput: () => void;

  beforeAll(async () => {
    const endpoint = inject('dynamoEndpoint');
    api = await startTestApi(await createTestDb(endpoint, { seed: true }));
    jwks = await serveJwks(api.publicJwks);
    asset = synthLambdaAsset('api', 'ApiFunction');
    expect(asset.handler).toBe('index.handler');
    bundle = asset.bytes;

    Object.assign(process.env, {
      TABLE_NAME: api.db.tableName,
      JWKS_URL: jwks.url,
      JWT_ISSUER: DEV_ISSUER,
      JWT_AUDIENCE: DEV_AUDIENCE,
      DYNAMO_ENDPOINT: endpoint,
      POWERTOOLS_METRICS_NAMESPACE: 'Regie',
    });
    // Powertools writes its JSON lines straight to stdout, as Lambda collects them.
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string | Uint8Array) =>
      output.push(String(chunk)) > 0) as typeof process.stdout.write;
    restoreOutput = () => {
      process.stdout.write = write;
    };
    const started = performance.now();
    handler = (await import(pathToFileURL(asset.file).href)).handler as Handler;
    importMs = performance.now() - started;
  });

  afterAll(async () => {
    restoreOutput?.();
    await api?.close();
    jwks?.close();
    asset?.remove();
  });

  const context = (id: string) => ({
    functionName: 'regie-api',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:eu-central-1:123456789012:function:regie-api',
    memoryLimitInMB: '1024',
    awsRequestId: id,
    logGroupName: '/aws/lambda/regie-api',
    logStreamName: 'stream',
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => 10_000,
  });

  async function both(
    method: 'GET' | 'POST',
    path: string,
    options: { query?: string; token?: string; body?: string } = {},
  ) {
    const headers: Record<string, string> = {};
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.body) headers['content-type'] = 'application/json';
    const lambda = await handler(
      httpApiEvent({ method, path, query: options.query, headers, body: options.body }),
      context(`fn-${Date.now()}`),
    );
    const local = await fetch(`${api.url}${path}${options.query ? `?${options.query}` : ''}`, {
      method,
      headers,
      body: options.body,
    });
    return {
      lambda: { status: lambda.statusCode, body: lambda.body },
      local: { status: local.status, body: await local.text() },
    };
  }

  it('is one minified ESM file within its size budget', () => {
    const gzip = gzipSync(bundle, { level: 9 }).length;
    console.info(
      `API bundle: ${bundle.length} bytes minified, ${gzip} bytes gzip; import ${importMs.toFixed(0)} ms (in Vitest's module runner)`,
    );
    expect(bundle.length).toBeLessThan(BUNDLE_BUDGET_BYTES);
    expect(bundle.toString('utf8', 0, 200)).toContain('createRequire');
    // The bundle-only substitutes are in (no credential chain, no foreign zod locales).
    expect(bundle.includes('fromSSO')).toBe(false);
    expect(bundle.includes('Unable to find environment variable credentials')).toBe(false);
  });

  it('answers the first request (cold) and /health like the local server', async () => {
    const started = performance.now();
    const { lambda, local } = await both('GET', '/health');
    console.info(`first request after import: ${(performance.now() - started).toFixed(0)} ms`);
    expect(lambda).toEqual(local);
    expect(lambda.status).toBe(200);
  });

  it('answers tRPC queries with a token like the local server', async () => {
    const token = await api.token('ermelo.inkoper');
    for (const [path, input] of [
      ['/trpc/me.get', undefined],
      ['/trpc/agreement.get', { id: 'erm-jh-2025' }],
      ['/trpc/agreement.find', { limit: 5 }],
    ] as const) {
      const query = input ? `input=${encodeURIComponent(JSON.stringify(input))}` : undefined;
      const { lambda, local } = await both('GET', path, { query, token });
      expect(lambda.status, path).toBe(200);
      expect(JSON.parse(lambda.body), path).toEqual(JSON.parse(local.body));
    }
  });

  it('writes through the bundled repositories and refuses what the local server refuses', async () => {
    const token = await api.token('ermelo.inkoper');
    const created = await handler(
      httpApiEvent({
        method: 'POST',
        path: '/trpc/agreement.create',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          kind: 'contract',
          reference: 'ERM-BUNDLE-1',
          title: 'Bundeltest',
          domain: 'youth',
          startDate: '2026-01-01',
          endDate: '2026-12-31',
        }),
      }),
    );
    expect(created.statusCode).toBe(200);
    const { id } = JSON.parse(created.body).result.data as { id: string };
    const read = await api.query('agreement.get', { id }, token);
    expect(read.body.result.data.title).toBe('Bundeltest');

    const other = await both('GET', '/trpc/agreement.get', {
      query: `input=${encodeURIComponent(JSON.stringify({ id }))}`,
      token: await api.token('utrecht.inkoper'),
    });
    expect(other.lambda.status).toBe(404);
    expect(other.lambda).toEqual(other.local);
    const anonymous = await both('GET', '/trpc/me.get');
    expect(anonymous.lambda.status).toBe(401);
    expect(anonymous.lambda).toEqual(anonymous.local);
    const dev = await handler(
      httpApiEvent({ method: 'POST', path: '/dev/token', body: '{"user":"ermelo.inkoper"}' }),
    );
    expect(dev.statusCode).toBe(404);
  });

  it('logs one JSON line per request with request id and tenant, and never the token', async () => {
    const token = await api.token('ermelo.inkoper');
    output.length = 0;
    const event = httpApiEvent({
      method: 'GET',
      path: '/trpc/me.get',
      headers: { authorization: `Bearer ${token}` },
    });
    await handler(event, context('fn-log-test'));
    const lines = output
      .join('')
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const request = lines.find((line) => line.message === 'request');
    expect(request).toMatchObject({
      level: 'INFO',
      service: 'regie-api',
      requestId: (event.requestContext as { requestId: string }).requestId,
      function_request_id: 'fn-log-test',
      space: 'GM0233',
      method: 'GET',
      path: '/trpc/me.get',
      status: 200,
    });
    // The EMF metrics record of the same invocation.
    expect(lines.some((line) => JSON.stringify(line).includes('"Requests"'))).toBe(true);
    const everything = output.join('');
    expect(everything).not.toContain(token);
    expect(everything.toLowerCase()).not.toContain('bearer');
  });
});
