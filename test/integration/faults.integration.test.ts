import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDocumentClient, type Db, ensureTable } from '@regie/db';
import { type DynamoLocal, freePort, seed, startDynamoLocal } from '@regie/local';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.ts';

/**
 * SPEC §9 faults: with the database gone the API answers 503 quickly, and it recovers by itself when
 * the database returns; every write it acknowledged is there afterwards and every audit chain verifies.
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
    const acknowledged: string[] = [];
    let n = 0;
    const create = async () => {
      const reference = `FAULT-${++n}`;
      const started = performance.now();
      const response = await api.mutate(
        'agreement.create',
        {
          kind: 'contract',
          reference,
          title: 'Storing',
          domain: 'wmo',
          startDate: '2026-01-01',
          endDate: '2026-12-31',
        },
        token,
      );
      if (response.status === 200) acknowledged.push(response.body.result.data.id);
      return { status: response.status, ms: performance.now() - started, body: response.body };
    };

    // Load before the outage.
    for (let i = 0; i < 10; i++) expect((await create()).status).toBe(200);

    await dynamo.stop();
    const during = await Promise.all(Array.from({ length: 8 }, create));
    for (const result of during) {
      expect(result.status).toBe(503);
      expect(result.body.error.message).toMatch(/database is unavailable/i);
      expect(result.ms).toBeLessThan(2500);
    }

    dynamo = await startDynamoLocal({ port, dataDir });
    let recovered = false;
    for (let i = 0; i < 50 && !recovered; i++) {
      recovered = (await create()).status === 200;
      if (!recovered) await new Promise((r) => setTimeout(r, 200));
    }
    expect(recovered).toBe(true);
    for (let i = 0; i < 5; i++) expect((await create()).status).toBe(200);

    for (const id of acknowledged) {
      const verify = await api.query('agreement.verifyAudit', { id }, token);
      expect(verify.status, id).toBe(200);
      expect(verify.body.result.data.valid).toBe(true);
    }
    expect(acknowledged.length).toBeGreaterThanOrEqual(16);
  });
});
