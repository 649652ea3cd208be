import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type ProcedureInput, startTestApi, type TestApi } from '../support/api.ts';
import { createTestDb } from '../support/db.ts';

const contract = (reference: string): ProcedureInput<'agreement.create'> => ({
  kind: 'contract',
  reference,
  title: 'Jeugdhulp ambulant',
  domain: 'youth',
  startDate: '2026-01-01',
  endDate: '2027-12-31',
});

describe('API over HTTP (black box)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(await createTestDb(inject('dynamoEndpoint'), { seed: true }));
  });
  afterAll(() => api.close());

  it('answers /health without auth', async () => {
    const response = await fetch(`${api.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('answers 401 without a token and with a forged one', async () => {
    expect((await api.query('me.get', undefined)).status).toBe(401);
    const token = await api.token('ermelo.inkoper');
    const [header, payload] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    const forged = `${header}.${Buffer.from(JSON.stringify({ ...claims, space: 'GM0344' })).toString('base64url')}.${token.split('.')[2]}`;
    expect((await api.query('me.get', undefined, forged)).status).toBe(401);
  });

  it('refuses a batch of calls in one request', async () => {
    const token = await api.token('ermelo.inkoper');
    const single = await fetch(`${api.url}/trpc/me.get`, { headers: { authorization: `Bearer ${token}` } });
    expect(single.status).toBe(200);
    const batch = await fetch(`${api.url}/trpc/me.get,me.get?batch=1&input=${encodeURIComponent('{}')}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(batch.status).toBe(400);
    expect(JSON.stringify(await batch.json())).not.toContain('ermelo.inkoper');
  });

  it('takes space and roles from the token only', async () => {
    const me = await api.query('me.get', undefined, await api.token('ermelo.inkoper'));
    expect(me.status).toBe(200);
    expect(me.body.result.data).toMatchObject({
      key: 'ermelo.inkoper',
      space: 'GM0233',
      roles: ['inkoper'],
      organisation: { id: 'GM0233', name: 'Gemeente Ermelo' },
    });
    expect(me.body.result.data.reach.map((r: { space: string }) => r.space)).toEqual([
      'GM0233',
      'RGNOORDVELUWE',
    ]);
    expect(me.body.result.data.reach[1].members).toEqual([
      { space: 'GM0233', name: 'Gemeente Ermelo' },
      { space: 'GM0243', name: 'Gemeente Harderwijk' },
      { space: 'GM0050', name: 'Gemeente Zeewolde' },
    ]);
    const sneaky = await api.mutate(
      'agreement.create',
      { ...contract('API-SNEAKY'), space: 'GM0344' },
      await api.token('ermelo.inkoper'),
    );
    // Naming a space outside one's reach is answered like a missing object, and writes nothing there.
    expect(sneaky.status).toBe(404);
    const utrecht = await api.query(
      'agreement.find',
      { q: 'API-SNEAKY' },
      await api.token('utrecht.inkoper'),
    );
    expect(utrecht.body.result.data.items).toEqual([]);
  });

  it('shows a created contract to its own tenant and answers NOT_FOUND to another', async () => {
    const ermelo = await api.token('ermelo.inkoper');
    const utrecht = await api.token('utrecht.inkoper');
    const created = await api.mutate('agreement.create', contract('API-ISO-1'), ermelo);
    expect(created.status).toBe(200);
    const id = created.body.result.data.id;
    const own = await api.query('agreement.find', { limit: 100 }, ermelo);
    expect(own.body.result.data.items.map((a: { id: string }) => a.id)).toContain(id);
    const other = await api.query('agreement.find', { limit: 100 }, utrecht);
    expect(other.body.result.data.items.map((a: { id: string }) => a.id)).not.toContain(id);
    const get = await api.query('agreement.get', { id }, utrecht);
    expect(get.status).toBe(404);
    expect(get.body.error.data.code).toBe('NOT_FOUND');
    const update = await api.mutate(
      'agreement.update',
      { id, expectedVersion: 1, data: { title: 'x' } },
      utrecht,
    );
    expect(update.status).toBe(404);
    expect((await api.query('agreement.get', { id }, ermelo)).body.result.data.title).toBe(
      'Jeugdhulp ambulant',
    );
  });

  it('lets region members read the region’s agreements, and outsiders not', async () => {
    const harderwijk = await api.query(
      'agreement.get',
      { id: 'rnv-ict-01' },
      await api.token('harderwijk.inkoper'),
    );
    expect(harderwijk.status).toBe(200);
    expect(harderwijk.body.result.data.space).toBe('RGNOORDVELUWE');
    expect(
      (await api.query('agreement.get', { id: 'rnv-ict-01' }, await api.token('utrecht.inkoper'))).status,
    ).toBe(404);
  });

  it('forbids a viewer to write, and provider users to write or read audit trails', async () => {
    const viewer = await api.mutate(
      'agreement.create',
      contract('API-VIEWER'),
      await api.token('ermelo.viewer'),
    );
    expect(viewer.status).toBe(403);
    expect((await api.query('agreement.find', {}, await api.token('ermelo.viewer'))).status).toBe(200);
    const signer = await api.token('kompas.signer');
    expect((await api.mutate('agreement.create', contract('API-PROVIDER'), signer)).status).toBe(403);
    expect((await api.query('agreement.history', { id: 'erm-jh-2025' }, signer)).status).toBe(403);
  });

  it('answers bad input with 400, the field and the reason, and no stack trace', async () => {
    const response = await api.mutate(
      'agreement.create',
      { ...contract('API-BAD'), startDate: '2026-13-01', title: '' },
      await api.token('ermelo.inkoper'),
    );
    expect(response.status).toBe(400);
    const paths = response.body.error.data.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['startDate', 'title']));
    // Each issue has a stable key and its parameters, so the web app says it in Dutch (SPEC §7).
    expect(response.body.error.data).toMatchObject({ reason: 'request.invalid', params: {} });
    expect(response.body.error.data.issues).toContainEqual({
      path: 'title',
      message: expect.any(String),
      reason: 'validation.too_small',
      params: { minimum: 1, origin: 'string' },
    });
    const tooLong = await api.mutate(
      'agreement.create',
      { ...contract('API-LONG'), title: 'x'.repeat(5000) },
      await api.token('ermelo.inkoper'),
    );
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.data.issues).toContainEqual(
      expect.objectContaining({
        path: 'title',
        reason: 'validation.too_big',
        params: expect.objectContaining({ origin: 'string' }),
      }),
    );
    expect(JSON.stringify(response.body)).not.toMatch(/stack|at .*\.ts/);
    const garbage = await fetch(`${api.url}/trpc/agreement.create`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await api.token('ermelo.inkoper')}`,
        'content-type': 'application/json',
      },
      body: '{not json',
    });
    expect(garbage.status).toBe(400);
  });

  it('refuses a mutation body over 256 KB with 413 and creates nothing', async () => {
    const token = await api.token('ermelo.inkoper');
    const body = JSON.stringify({ ...contract('ERM-BODY-1'), description: 'x'.repeat(300 * 1024) });
    // On a connection of its own: the server answers before reading the body and then closes the connection, which
    // fetch's shared pool would hand to the next test.
    const announced = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = httpRequest(
        `${api.url}/trpc/agreement.create`,
        {
          method: 'POST',
          agent: false,
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        },
        (response) => {
          let text = '';
          response.on('data', (chunk) => {
            text += chunk;
          });
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
        },
      );
      request.on('error', reject);
      request.end(body);
    });
    expect(announced.status).toBe(413);
    expect((JSON.parse(announced.body) as { error: { code: string } }).error.code).toBe('PAYLOAD_TOO_LARGE');
    const found = await api.query('agreement.find', { q: 'ERM-BODY-1' }, token);
    expect(found.status).toBe(200);
    expect((found.body as { result: { data: { items: unknown[] } } }).result.data.items).toEqual([]);
  });

  it('answers CONFLICT for a duplicate reference and a stale version', async () => {
    const token = await api.token('ermelo.inkoper');
    const first = await api.mutate('agreement.create', contract('API-DUP'), token);
    const duplicate = await api.mutate('agreement.create', contract('API-DUP'), token);
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error.data).toMatchObject({
      reason: 'agreement.referenceInUse',
      params: { reference: 'API-DUP' },
    });
    const id = first.body.result.data.id;
    expect(
      (await api.mutate('agreement.update', { id, expectedVersion: 1, data: { title: 'Nieuw' } }, token))
        .status,
    ).toBe(200);
    const stale = await api.mutate(
      'agreement.update',
      { id, expectedVersion: 1, data: { title: 'Oud' } },
      token,
    );
    expect(stale.status).toBe(409);
    expect(stale.body.error.data).toMatchObject({
      code: 'CONFLICT',
      reason: 'agreement.versionConflict',
      params: { version: 2, expectedVersion: 1 },
    });
  });

  it('says why a refusal is one: a mandate refusal and a role refusal carry their reason key', async () => {
    const token = await api.token('ermelo.inkoper');
    const created = await api.mutate(
      'agreement.create',
      { ...contract('API-MANDATE'), valueCeilingCents: 900_000_000 },
      token,
    );
    expect(created.status).toBe(200);
    const id = created.body.result.data.id;
    const refused = await api.mutate(
      'agreement.transition',
      { id, expectedVersion: 1, to: 'out_for_signature' },
      token,
    );
    expect(refused.status).toBe(400);
    expect(refused.body.error.data).toMatchObject({
      reason: 'mandate.approvalRequired',
      params: { to: 'out_for_signature', thresholdCents: expect.any(Number) },
    });
    const viewer = await api.mutate(
      'agreement.create',
      contract('API-VIEWER2'),
      await api.token('ermelo.viewer'),
    );
    expect(viewer.body.error.data).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'request.forbidden',
      params: {},
    });
    const unauthenticated = await api.query('me.get', undefined);
    expect(unauthenticated.body.error.data).toMatchObject({ reason: 'request.unauthorized' });
  });

  it('replays a retry with the same Idempotency-Key without a second effect', async () => {
    const token = await api.token('ermelo.inkoper');
    const headers = { 'idempotency-key': 'create-api-idem-0001' };
    const first = await api.mutate('agreement.create', contract('API-IDEM'), token, headers);
    const retry = await api.mutate('agreement.create', contract('API-IDEM'), token, headers);
    expect(first.status).toBe(200);
    expect(retry.status).toBe(200);
    expect(retry.body.result.data).toEqual(first.body.result.data);
    const id = first.body.result.data.id;
    await api.mutate('agreement.update', { id, expectedVersion: 1, data: { title: 'A' } }, token, {
      'idempotency-key': 'upd-api-idem-0001',
    });
    const again = await api.mutate(
      'agreement.update',
      { id, expectedVersion: 1, data: { title: 'A' } },
      token,
      {
        'idempotency-key': 'upd-api-idem-0001',
      },
    );
    expect(again.status).toBe(200);
    expect((await api.query('agreement.history', { id }, token)).body.result.data).toHaveLength(2);
    const reused = await api.mutate('agreement.create', contract('API-IDEM-2'), token, headers);
    expect(reused.status).toBe(409);
  });

  it('verifies the seeded audit chains', async () => {
    const verify = await api.query(
      'agreement.verifyAudit',
      { id: 'erm-jh-2025' },
      await api.token('ermelo.viewer'),
    );
    // Created, four status moves, the seeded escalation's two steps, a KPI value, two comments, a meeting,
    // a score and the seeded calamity notification; then result-linked payment's terms change and Kompas's five 2025
    // KPI results (seed-incentives.ts).
    // The test API runs no anchor job: the chain is not yet anchored, and the stored state matches the last event.
    expect(verify.body.result.data).toEqual({
      valid: true,
      events: 19,
      anchor: { status: 'notAnchored' },
      state: { seq: 19, status: 'matches' },
    });
  });

  it('does not serve the dev routes’ secrets: an unknown user gets 404', async () => {
    const response = await fetch(`${api.url}/dev/token`, {
      method: 'POST',
      body: JSON.stringify({ user: 'nobody' }),
    });
    expect(response.status).toBe(404);
  });
});
