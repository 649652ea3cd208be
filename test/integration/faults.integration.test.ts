import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDocumentClient, type Db, ensureTable } from '@regie/db';
import { type DynamoLocal, freePort, seed, startDynamoLocal } from '@regie/local';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.ts';
import { checkCompleteness, duringOutage, lostBeforeStop, writeThroughOutages } from '../support/outage.ts';

/**
 * SPEC §9 and issue 7 faults: DynamoDB Local is killed (SIGKILL) in the middle of a write load. Meanwhile the API
 * answers 503 quickly, and it recovers by itself when the database returns; every write it acknowledged is there
 * afterwards, every create is complete or absent, and every audit chain verifies. The larger variant is
 * `BENCH_ONLY=faults npm run bench` (test/support/outage.ts is shared).
 */
describe('database outage', () => {
  let dataDir: string;
  let port: number;
  let dynamo: DynamoLocal;
  let api: TestApi;
  let db: Db;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'regie-faults-'));
    port = await freePort();
    dynamo = await startDynamoLocal({ port, dataDir });
    db = {
      doc: createDocumentClient({ endpoint: dynamo.endpoint, requestTimeoutMs: 1000 }),
      tableName: 'faults',
    };
    await ensureTable(db.doc, db.tableName);
    await seed(db);
    api = await startTestApi(db);
  });
  afterAll(async () => {
    await api?.close();
    await dynamo?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('fails fast with 503 while the database is down and recovers without a restart', async () => {
    const token = await api.token('ermelo.inkoper');
    // DynamoDB Local is stopped in the middle of the writes, twice, and started again each time.
    const run = await writeThroughOutages({
      url: api.url,
      token,
      prefix: 'FAULT',
      writers: 4,
      outages: 2,
      healthyMs: 1000,
      downMs: 1000,
      stop: () => dynamo.stop(),
      restart: async () => {
        dynamo = await startDynamoLocal({ port, dataDir });
      },
    });

    // Only two answers: done, or 503 with a clear message — never a 500, never a hung request.
    const statuses = new Set(run.attempts.map((a) => a.status));
    expect([...statuses].sort()).toEqual([200, 503]);
    for (const failed of run.attempts.filter((a) => a.status !== 200)) {
      expect(failed.message).toMatch(/database is unavailable/i);
    }
    // While it is down, each request fails fast.
    const down = duringOutage(run);
    expect(down.length).toBeGreaterThanOrEqual(8);
    for (const a of down) {
      expect(a.status).toBe(503);
      expect(a.ended - a.began).toBeLessThan(2500);
    }
    // The same API process writes again once the database is back.
    for (const ms of run.recoveryMs) expect(ms).toBeLessThan(10_000);
    for (const outage of run.outages) {
      const after = run.attempts.filter((a) => a.began > outage.restartedAt && a.status === 200);
      expect(after.length).toBeGreaterThan(0);
    }

    const check = await checkCompleteness(db, run, 'FAULT');
    expect(check.itemsPerCreate).toBeGreaterThanOrEqual(4);
    expect(check.lost).toEqual([]);
    expect(check.partial).toEqual([]);
    expect(check.present.length).toBeGreaterThanOrEqual(run.attempts.filter((a) => a.status === 200).length);
    for (const id of check.present) {
      const verify = await api.query('agreement.verifyAudit', { id }, token);
      expect(verify.status, id).toBe(200);
      expect(verify.body.result.data.valid, id).toBe(true);
    }
  });

  it('writes a multi-item change all or nothing when the database is killed during it', async () => {
    const token = await api.token('ermelo.inkoper');
    // Kill the database (SIGKILL) at different moments while transactions are on the wire; after each restart,
    // every create is either there with all its items or not there at all.
    for (let round = 0; round < 3; round++) {
      const run = await writeThroughOutages({
        url: api.url,
        token,
        prefix: `TORN${round}`,
        writers: 6,
        outages: 1,
        healthyMs: 300 + round * 170,
        downMs: 300,
        stop: () => dynamo.crash(),
        restart: async () => {
          dynamo = await startDynamoLocal({ port, dataDir });
        },
      });
      const check = await checkCompleteness(db, run, `TORN${round}`);
      expect(check.partial).toEqual([]);
      // DynamoDB Local may lose a transaction it acknowledged just before a SIGKILL (test/support/outage.ts);
      // anything else missing would be Regie acknowledging what it did not write.
      for (const ms of lostBeforeStop(run, check.lost)) expect(ms).toBeLessThan(50);
    }
  });
});
