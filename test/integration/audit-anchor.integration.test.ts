import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import {
  type AuditEvent,
  type AuditVerification,
  agreementState,
  GENESIS_HASH,
  type SignedAnchor,
  sealEvent,
  verifyAuditTrail,
} from '@regie/core';
import { anchorChains, keys, listSpaces, readAnchorCopy } from '@regie/db';
import { createAnchorStore } from '@regie/db/anchors';
import { createLocalAnchorSigner } from '@regie/local';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readChain } from '../../packages/db/src/audit-store.ts';
import { queryAll } from '../../packages/db/src/query.ts';
import { verifyTrail } from '../../scripts/verify-audit.ts';
import { startTestApi, type TestApi } from '../support/api.ts';
import { createTestDb } from '../support/db.ts';
import { runVerifyAudit } from '../support/verify-audit.ts';

const SPACE = 'GM0233';

/**
 * Issue 17 point 2 against DynamoDB Local and s3rver: the daily anchor job signs every seeded chain head, the
 * whole seed then verifies (through `agreement.verifyAudit` and offline), and each tamper — a rewrite with
 * recomputed hashes, a truncation with the head rolled back, a direct write to the agreement, a forged anchor — is
 * detected by `verifyAudit`, refused by the next job run and failed by the offline verifier.
 */
describe('anchored audit', () => {
  let api: TestApi;
  const signer = createLocalAnchorSigner();
  let publicKeyPem: string;
  let store: ReturnType<typeof createAnchorStore>;
  let dir: string;
  let ids: string[];

  const verifyAudit = async (id: string): Promise<AuditVerification> => {
    const response = await api.query('agreement.verifyAudit', { id }, await api.token('ermelo.viewer'));
    expect(response.status).toBe(200);
    return (response.body as { result: { data: AuditVerification } }).result.data;
  };
  const item = async (id: string) =>
    (
      await api.db.doc.send(
        new GetCommand({ TableName: api.db.tableName, Key: keys.agreement(SPACE, id), ConsistentRead: true }),
      )
    ).Item!;
  /** Writes `events` as the chain and points the agreement's head at the last one, as someone with table access. */
  const overwriteChain = async (id: string, events: AuditEvent[], dropFrom?: number) => {
    for (const event of events) {
      await api.db.doc.send(
        new PutCommand({
          TableName: api.db.tableName,
          Item: { ...keys.auditEvent(SPACE, id, event.seq), type: 'audit', ...event },
        }),
      );
    }
    if (dropFrom !== undefined) {
      for (let seq = dropFrom; seq <= (await item(id)).auditSeq; seq++) {
        await api.db.doc.send(
          new DeleteCommand({ TableName: api.db.tableName, Key: keys.auditEvent(SPACE, id, seq) }),
        );
      }
    }
    const last = events.at(-1)!;
    await api.db.doc.send(
      new UpdateCommand({
        TableName: api.db.tableName,
        Key: keys.agreement(SPACE, id),
        UpdateExpression: 'SET auditSeq = :seq, auditHash = :hash',
        ExpressionAttributeValues: { ':seq': last.seq, ':hash': last.hash },
      }),
    );
  };
  const offline = (id: string, extra: string[]) => {
    const file = join(dir, `${id}-${Math.random().toString(36).slice(2)}.jsonl`);
    return {
      file,
      run: () => runVerifyAudit([file, ...extra]),
    };
  };
  const exportOf = async (id: string) => {
    const response = await fetch(`${api.url}/files/exports/audit/${id}.jsonl`, {
      headers: { authorization: `Bearer ${await api.token('ermelo.viewer')}` },
    });
    expect(response.status).toBe(200);
    return response.text();
  };

  beforeAll(async () => {
    publicKeyPem = await signer.publicKeyPem();
    const db = await createTestDb(inject('dynamoEndpoint'), { seed: true });
    api = await startTestApi(db, { anchorPublicKey: publicKeyPem });
    store = createAnchorStore({
      bucket: `anchors-${db.tableName.replace(/_/g, '-')}`,
      endpoint: inject('s3Endpoint'),
    });
    await store.ensureBucket();
    dir = mkdtempSync(join(tmpdir(), 'regie-anchor-'));
    writeFileSync(join(dir, 'key.pem'), publicKeyPem);
    ids = await agreementIds(SPACE);
    expect(ids.length).toBeGreaterThan(3);
  });
  afterAll(async () => {
    await api?.close();
    store?.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('says "not yet anchored" before the first run, and the seed is valid', async () => {
    const result = await verifyAudit(ids[0]!);
    expect(result).toMatchObject({
      valid: true,
      anchor: { status: 'notAnchored' },
      state: { status: 'matches' },
    });
  });

  it('anchors every seeded chain, and every seeded agreement then verifies', async () => {
    const first = await anchorChains(api.db, signer, store, { now: '2026-12-02T02:00:00.000Z' });
    expect(first.refused).toEqual([]);
    expect(first.anchored).toBeGreaterThan(10);
    // A second run finds nothing new to sign.
    const second = await anchorChains(api.db, signer, store, { now: '2026-12-03T02:00:00.000Z' });
    expect(second).toMatchObject({ anchored: 0, unchanged: first.anchored, refused: [] });

    let checked = 0;
    for (const space of await listSpaces(api.db)) {
      for (const anchor of await anchorsOf(space)) {
        const current = (
          await api.db.doc.send(
            new GetCommand({ TableName: api.db.tableName, Key: keys.agreement(space, anchor.agreement) }),
          )
        ).Item!;
        const events = await readChain(api.db, space, anchor.agreement);
        const verdict = verifyAuditTrail({
          events,
          head: { auditSeq: current.auditSeq, auditHash: current.auditHash },
          stored: agreementState(current),
          anchor: await readAnchorCopy(api.db, space, anchor.agreement),
          publicKeyPem,
        });
        expect(verdict, `${space}/${anchor.agreement}`).toMatchObject({
          valid: true,
          anchor: { status: 'anchored', after: 0 },
          state: { status: 'matches' },
        });
        // The offline verifier gives the same verdict from the export, the anchor and the stored agreement.
        const stored = await readAnchorCopy(api.db, space, anchor.agreement);
        expect(
          verifyTrail({
            text: events.map((e) => JSON.stringify(e)).join('\n'),
            anchors: stored ? [stored] : [],
            publicKey: publicKeyPem,
            agreement: current,
          }),
          `${space}/${anchor.agreement} offline`,
        ).toMatchObject({ valid: true, anchored: { after: 0 }, state: 'matches' });
        checked += 1;
      }
    }
    expect(checked).toBe(first.anchored);
    for (const id of ids) {
      expect(await verifyAudit(id), id).toMatchObject({ valid: true, anchor: { status: 'anchored' } });
    }
  });

  /** The S3 anchors of every agreement of a space (what an operator copies for the offline verifier). */
  async function anchorsOf(space: string): Promise<SignedAnchor[]> {
    const out: SignedAnchor[] = [];
    for (const id of await agreementIds(space)) {
      const latest = await store.latest(space, id);
      if (latest) out.push(latest);
    }
    return out;
  }
  async function agreementIds(space: string): Promise<string[]> {
    const rows = await queryAll(api.db, {
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.registerIndex(space) },
    });
    return rows.filter((r) => r.type === 'agreement' && r.space === space).map((r) => String(r.id));
  }

  it('verifies offline with the export, the anchors and the public key', async () => {
    const id = ids[0]!;
    const anchorDir = join(dir, 'anchors-ok');
    mkdirSync(anchorDir);
    for (const [i, anchor] of (await store.all(SPACE, id)).entries()) {
      writeFileSync(join(anchorDir, `${i}.json`), JSON.stringify(anchor));
    }
    const agreementFile = join(dir, 'agreement-ok.json');
    writeFileSync(agreementFile, JSON.stringify(await item(id)));
    const check = offline(id, [
      '--anchors',
      anchorDir,
      '--key',
      join(dir, 'key.pem'),
      '--agreement',
      agreementFile,
    ]);
    writeFileSync(check.file, await exportOf(id));
    const ok = await check.run();
    expect(ok.stdout).toContain('Anchored: seq');
    expect(ok.stdout).toContain('State: the stored agreement is what the chain says.');
    expect(ok.status).toBe(0);
    // A forged anchor (signed by another key) fails offline.
    const other = createLocalAnchorSigner();
    writeFileSync(join(dir, 'other.pem'), await other.publicKeyPem());
    const forged = offline(id, ['--anchors', anchorDir, '--key', join(dir, 'other.pem')]);
    writeFileSync(forged.file, await exportOf(id));
    expect(await forged.run()).toMatchObject({ status: 1 });
  });

  it('detects a rewrite whose hashes and head were recomputed', async () => {
    const id = await longest(3);
    const events = await readChain(api.db, SPACE, id);
    const anchorsBefore = await store.all(SPACE, id);
    let prev = GENESIS_HASH;
    const rewritten = events.map((event) => {
      const { hash: _hash, ...rest } = event;
      const sealed = sealEvent({
        ...rest,
        ...(event.seq === 2 ? { actor: 'iemand.anders' } : {}),
        prevHash: prev,
      });
      prev = sealed.hash;
      return sealed;
    });
    await overwriteChain(id, rewritten);
    // The chain alone holds: every link was recomputed.
    expect(verifyAuditTrail({ ...(await trail(id)), anchor: null, publicKeyPem }).valid).toBe(true);
    expect(await verifyAudit(id)).toMatchObject({ valid: false, anchor: { status: 'rewritten' } });
    const run = await anchorChains(api.db, signer, store, { only: [SPACE] });
    expect(run.refused).toContainEqual(expect.objectContaining({ agreementId: id }));
    expect(await store.all(SPACE, id)).toEqual(anchorsBefore);
    const check = offline(id, ['--anchors', await anchorFile(id), '--key', join(dir, 'key.pem')]);
    writeFileSync(check.file, await exportOf(id));
    const result = await check.run();
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('chain was rewritten');
  });

  it('detects a truncation whose head was rolled back', async () => {
    const id = await longest(3, [await longest(3)]);
    const events = await readChain(api.db, SPACE, id);
    const kept = events.slice(0, events.length - 2);
    await overwriteChain(id, kept, kept.length + 1);
    expect(verifyAuditTrail({ ...(await trail(id)), anchor: null, publicKeyPem }).reason).not.toBe(
      'chain is shorter than its head',
    );
    expect(await verifyAudit(id)).toMatchObject({
      valid: false,
      anchor: { status: 'cut', seq: events.length },
    });
    const check = offline(id, ['--anchors', await anchorFile(id), '--key', join(dir, 'key.pem')]);
    writeFileSync(check.file, await exportOf(id));
    expect((await check.run()).stdout).toContain('chain was cut');
  });

  it('detects a direct write to the agreement', async () => {
    const id = ids.at(-1)!;
    const before = await verifyAudit(id);
    expect(before.valid).toBe(true);
    await api.db.doc.send(
      new UpdateCommand({
        TableName: api.db.tableName,
        Key: keys.agreement(SPACE, id),
        UpdateExpression: 'SET valueCeilingCents = :v',
        ExpressionAttributeValues: { ':v': 1 },
      }),
    );
    expect(await verifyAudit(id)).toMatchObject({
      valid: false,
      reason: 'stored agreement differs from its chain',
      anchor: { status: 'anchored' },
      state: { status: 'differs', fields: ['digest'] },
    });
    const run = await anchorChains(api.db, signer, store, { only: [SPACE] });
    // Its head did not move, so the run does not look at it again; the anchor stays what it was.
    expect(run.refused.map((r) => r.agreementId)).not.toContain(id);
    const agreementFile = join(dir, 'agreement-written.json');
    writeFileSync(agreementFile, JSON.stringify(await item(id)));
    const check = offline(id, ['--agreement', agreementFile]);
    writeFileSync(check.file, await exportOf(id));
    expect((await check.run()).stdout).toContain('stored agreement differs from its chain');
  });

  it('refuses a forged anchor copy on the agreement partition', async () => {
    const id = ids[1]!;
    const copy = (await readAnchorCopy(api.db, SPACE, id))!;
    await api.db.doc.send(
      new PutCommand({
        TableName: api.db.tableName,
        Item: { ...keys.auditAnchor(SPACE, id), type: 'auditAnchor', ...copy, seq: copy.seq - 1 },
      }),
    );
    expect(await verifyAudit(id)).toMatchObject({ valid: false, anchor: { status: 'badSignature' } });
    const result = verifyTrail({
      text: await exportOf(id),
      anchors: [{ ...copy, seq: copy.seq - 1 }],
      publicKey: publicKeyPem,
    });
    expect(result.valid).toBe(false);
  });

  /** The Ermelo agreement with the longest chain of at least `min` events, other than `not`. */
  async function longest(min: number, not: string[] = []): Promise<string> {
    let best: { id: string; n: number } | null = null;
    for (const id of ids.slice(2, -1)) {
      if (not.includes(id)) continue;
      const n = (await readChain(api.db, SPACE, id)).length;
      if (n >= min && (!best || n > best.n)) best = { id, n };
    }
    expect(best, `an agreement with ${min}+ events`).not.toBeNull();
    return best!.id;
  }
  async function trail(id: string) {
    const current = await item(id);
    return {
      events: await readChain(api.db, SPACE, id),
      head: { auditSeq: current.auditSeq as number, auditHash: current.auditHash as string },
      stored: agreementState(current),
    };
  }
  async function anchorFile(id: string): Promise<string> {
    const file = join(dir, `anchors-${id}.jsonl`);
    writeFileSync(file, (await store.all(SPACE, id)).map((a) => JSON.stringify(a)).join('\n'));
    return file;
  }
});
