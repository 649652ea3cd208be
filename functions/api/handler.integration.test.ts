import { createServer, type Server } from 'node:http';
import { DEV_AUDIENCE, DEV_ISSUER, freePort } from '@regie/local';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestApi, type TestApi } from '../../test/support/api.ts';
import { createTestDb } from '../../test/support/db.ts';
import { httpApiEvent } from '../../test/support/lambda-event.ts';

type Handler = (
  event: unknown,
) => Promise<{ statusCode: number; body: string; headers?: Record<string, string> }>;

/** The Lambda handler answers API Gateway v2 events exactly as the local server answers HTTP. */
describe('API Lambda handler', () => {
  let api: TestApi;
  let jwksServer: Server;
  let handler: Handler;

  beforeAll(async () => {
    const endpoint = inject('dynamoEndpoint');
    api = await startTestApi(await createTestDb(endpoint, { seed: true }));
    // The handler fetches its JWKS from a URL, as it does from Cognito in AWS.
    const port = await freePort();
    jwksServer = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(api.publicJwks));
    });
    await new Promise<void>((resolve) => jwksServer.listen(port, '127.0.0.1', resolve));
    Object.assign(process.env, {
      TABLE_NAME: api.db.tableName,
      JWKS_URL: `http://127.0.0.1:${port}/jwks.json`,
      JWT_ISSUER: DEV_ISSUER,
      JWT_AUDIENCE: DEV_AUDIENCE,
      DYNAMO_ENDPOINT: endpoint,
    });
    handler = (await import('./handler.ts')).handler as unknown as Handler;
  });
  afterAll(async () => {
    await api.close();
    jwksServer.close();
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

  it('answers /health like the local server', async () => {
    const { lambda, local } = await both('GET', '/health');
    expect(lambda).toEqual(local);
    expect(lambda.status).toBe(200);
  });

  it('answers a tRPC query with a token like the local server', async () => {
    const token = await api.token('ermelo.inkoper');
    const query = `input=${encodeURIComponent(JSON.stringify({ id: 'erm-jh-2025' }))}`;
    const { lambda, local } = await both('GET', '/trpc/agreement.get', { query, token });
    expect(lambda.status).toBe(200);
    expect(JSON.parse(lambda.body)).toEqual(JSON.parse(local.body));
  });

  it('answers invalid input and a missing token like the local server', async () => {
    const token = await api.token('ermelo.inkoper');
    const body = JSON.stringify({
      kind: 'contract',
      reference: '',
      title: 'x',
      domain: 'youth',
      startDate: '2026-01-01',
      endDate: '2026-02-01',
    });
    const bad = await both('POST', '/trpc/agreement.create', { token, body });
    expect(bad.lambda.status).toBe(400);
    expect(bad.lambda).toEqual(bad.local);
    const anonymous = await both('GET', '/trpc/me.get');
    expect(anonymous.lambda.status).toBe(401);
    expect(anonymous.lambda).toEqual(anonymous.local);
  });

  it('serves the public Woo register without a token, like the local server', async () => {
    const json = await both('GET', '/public/GM0233/register.json');
    expect(json.lambda.status).toBe(200);
    expect(JSON.parse(json.lambda.body)).toEqual(JSON.parse(json.local.body));
    const missing = await both('GET', '/public/GM9999/register.json');
    expect(missing.lambda.status).toBe(404);
  });

  it('has no dev login routes', async () => {
    const response = await handler(
      httpApiEvent({ method: 'POST', path: '/dev/token', body: '{"user":"ermelo.inkoper"}' }),
    );
    expect(response.statusCode).toBe(404);
  });
});
