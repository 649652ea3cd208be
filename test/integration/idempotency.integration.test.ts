import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { DomainError } from '@regie/core';
import { createRepositories, type Db, keys, type Scope } from '@regie/db';
import { PENDING_CLAIM_SECONDS, STORED_RESULT_MAX_BYTES } from '@regie/db/limits';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.ts';
import { createTestDb } from '../support/db.ts';

/** Issue 17 point 5 and 3: an Idempotency-Key claim cannot wedge, and a secret result is never stored. */
const scope: Scope = {
  space: 'GM0233',
  reach: ['GM0233'],
  actor: 'ermelo.inkoper',
  organisation: 'org-ermelo',
  roles: ['inkoper'],
};

const refusal = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
};

describe('idempotency claims', () => {
  let db: Db;
  let api: TestApi;
  beforeAll(async () => {
    db = await createTestDb(inject('dynamoEndpoint'), { seed: true });
    api = await startTestApi(db);
  });
  afterAll(() => api.close());
  afterEach(() => vi.useRealTimers());

  const record = async (idempotencyKey: string) =>
    (
      await db.doc.send(
        new GetCommand({
          TableName: db.tableName,
          Key: keys.idempotency(scope.space, scope.actor, idempotencyKey),
        }),
      )
    ).Item;

  it('takes over a claim left pending past the API timeout and its margin, once', async () => {
    const repo = createRepositories(db, scope).idempotency;
    expect(await repo.claim('wedged-claim-0001', 'f1')).toEqual({ state: 'new' });
    expect((await refusal(repo.claim('wedged-claim-0001', 'f1'))).reason).toBe('idempotency.inProgress');

    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + (PENDING_CLAIM_SECONDS - 5) * 1000);
    expect((await refusal(repo.claim('wedged-claim-0001', 'f1'))).reason).toBe('idempotency.inProgress');
    vi.setSystemTime(Date.now() + 10_000);
    expect(await repo.claim('wedged-claim-0001', 'f1')).toEqual({ state: 'new' });
    // The take-over is a claim of its own: a second retry at the same moment waits for it.
    expect((await refusal(repo.claim('wedged-claim-0001', 'f1'))).reason).toBe('idempotency.inProgress');
    await repo.complete('wedged-claim-0001', { id: 'x' });
    expect(await repo.claim('wedged-claim-0001', 'f1')).toEqual({ state: 'done', result: { id: 'x' } });
    // A different request under the key is still refused as such.
    expect((await refusal(repo.claim('wedged-claim-0001', 'f2'))).reason).toBe('idempotency.keyReused');
  });

  it('stores a marker for a result too large to keep, which replays as done', async () => {
    const repo = createRepositories(db, scope).idempotency;
    await repo.claim('large-result-0001', 'f1');
    const large = { rows: 'x'.repeat(STORED_RESULT_MAX_BYTES + 1) };
    expect(await repo.complete('large-result-0001', large)).toBe('size');
    const item = await record('large-result-0001');
    expect(item).toMatchObject({ state: 'done', notStored: 'size' });
    expect(item?.result).toBeUndefined();
    const replay = await refusal(repo.claim('large-result-0001', 'f1'));
    expect(replay.reason).toBe('idempotency.doneNotStored');
    expect(replay.params).toEqual({ why: 'size' });
  });

  it('never stores the iCal feed link; a retry hears it was done and gets no second feed', async () => {
    const token = await api.token('ermelo.inkoper');
    const headers = { 'idempotency-key': 'ical-create-idem-0001' };
    const first = await api.mutate('ical.create', {}, token, headers);
    expect(first.status).toBe(200);
    const path: string = first.body.result.data.path;
    const secret = path.split('/').pop()!.replace('.ics', '');
    const item = await record('ical-create-idem-0001');
    expect(item).toMatchObject({ state: 'done', notStored: 'secret' });
    expect(JSON.stringify(item)).not.toContain(secret);

    const retry = await api.mutate('ical.create', {}, token, headers);
    expect(retry.status).toBe(409);
    expect(retry.body.error.data).toMatchObject({
      reason: 'idempotency.doneNotStored',
      params: { why: 'secret' },
    });
    expect(JSON.stringify(retry.body)).not.toContain(secret);
    // No second effect: the first link still serves the feed.
    expect((await fetch(`${api.url}${path}`)).status).toBe(200);
  });
});
