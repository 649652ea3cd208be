import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import {
  ANCHOR_ALGORITHM,
  type AnchorPayload,
  agreementState,
  anchorMessage,
  type SignedAnchor,
  verifyAuditTrail,
} from '@regie/core';
import { readChain } from './audit-store.ts';
import type { Db } from './client.ts';
import { guard } from './errors.ts';
import { keys } from './keys.ts';
import { queryPages, stripKeys } from './query.ts';
import { listSpaces } from './space-registry.ts';

/**
 * The asymmetric key the daily job signs chain heads with (issue 17 point 2): KMS `ECC_NIST_P256` in AWS
 * (functions/jobs/anchor-signer.ts), a P-256 key file locally (packages/local/src/anchor-key.ts). Both answer
 * ECDSA over SHA-256 in DER, so one verifier (core `anchorSignatureValid`) reads both.
 */
export interface AnchorSigner {
  /** The KMS key ARN, or `local:<fingerprint>`. */
  keyId: string;
  sign(message: Uint8Array): Promise<Uint8Array>;
  /** SPKI PEM of the public key (what the offline verifier and `agreement.verifyAudit` check with). */
  publicKeyPem(): Promise<string>;
}

/**
 * Where signed anchors are kept for good: an S3 bucket with Object Lock in compliance mode in AWS, s3rver locally
 * (`@regie/db/anchors`). `latest` is the authority the job checks a chain against before it signs a newer head.
 */
export interface AnchorStore {
  put(anchor: SignedAnchor): Promise<void>;
  latest(space: string, agreementId: string): Promise<SignedAnchor | null>;
}

export async function signAnchor(signer: AnchorSigner, payload: AnchorPayload): Promise<SignedAnchor> {
  const signature = await signer.sign(anchorMessage(payload));
  return {
    ...payload,
    alg: ANCHOR_ALGORITHM,
    keyId: signer.keyId,
    signature: Buffer.from(signature).toString('base64'),
  };
}

/**
 * The latest anchor's copy on the agreement's own partition, which `agreement.verifyAudit` reads (the API never
 * reads S3). Its signature is checked with the public key, so it cannot be forged with table access; removing it
 * or putting back an older one is caught by the offline verifier against the locked bucket (docs/security.md).
 */
export async function readAnchorCopy(
  db: Db,
  space: string,
  agreementId: string,
): Promise<SignedAnchor | null> {
  const result = await guard(() =>
    db.doc.send(
      new GetCommand({
        TableName: db.tableName,
        Key: keys.auditAnchor(space, agreementId),
        ConsistentRead: true,
      }),
    ),
  );
  return result.Item ? stripKeys<SignedAnchor>(result.Item) : null;
}

export interface AnchorRunResult {
  spaces: number;
  /** Chain heads signed and stored in this run. */
  anchored: number;
  /** Agreements whose head was anchored already. */
  unchanged: number;
  /** Chains that fail verification: not signed, so a tampered head is never anchored. */
  refused: { space: string; agreementId: string; reason: string }[];
}

/**
 * The daily anchor run: every agreement whose chain head moved since its last anchor gets a signed anchor of
 * (agreement, space, seq, hash, time) — first in the store (S3, locked), then as the copy on its partition. A
 * chain is verified first, against the store's latest anchor and the agreement's stored state; one that fails is
 * refused and reported rather than anchored. Reads each space's register index (gsi1) and, per changed agreement,
 * its chain: cost grows with the changes since the last run. Safe to run twice.
 */
export async function anchorChains(
  db: Db,
  signer: AnchorSigner,
  store: AnchorStore,
  options: { now?: string; only?: readonly string[] } = {},
): Promise<AnchorRunResult> {
  const at = options.now ?? new Date().toISOString();
  const publicKeyPem = await signer.publicKeyPem();
  const spaces = options.only ?? (await listSpaces(db));
  const result: AnchorRunResult = { spaces: spaces.length, anchored: 0, unchanged: 0, refused: [] };
  for (const space of spaces) {
    const pages = queryPages(db, {
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.registerIndex(space), ':type': 'agreement' },
      FilterExpression: '#type = :type',
      ExpressionAttributeNames: { '#type': 'type' },
    });
    for await (const page of pages) {
      for (const item of page.Items ?? []) {
        if (item.space !== space || typeof item.auditSeq !== 'number') continue;
        const agreementId = String(item.id);
        const copy = await readAnchorCopy(db, space, agreementId);
        if (copy && copy.seq === item.auditSeq && copy.hash === item.auditHash) {
          result.unchanged += 1;
          continue;
        }
        // The item as read from the index may lag: verify against the item itself.
        const current = await guard(() =>
          db.doc.send(
            new GetCommand({
              TableName: db.tableName,
              Key: keys.agreement(space, agreementId),
              ConsistentRead: true,
            }),
          ),
        );
        if (!current.Item) continue;
        const head = {
          auditSeq: current.Item.auditSeq as number,
          auditHash: current.Item.auditHash as string,
        };
        const verdict = verifyAuditTrail({
          events: await readChain(db, space, agreementId),
          head,
          stored: agreementState(current.Item),
          anchor: await store.latest(space, agreementId),
          publicKeyPem,
        });
        if (!verdict.valid) {
          result.refused.push({ space, agreementId, reason: verdict.reason ?? 'invalid' });
          continue;
        }
        const anchor = await signAnchor(signer, {
          agreement: agreementId,
          space,
          seq: head.auditSeq,
          hash: head.auditHash,
          at,
        });
        await store.put(anchor);
        await guard(() =>
          db.doc.send(
            new PutCommand({
              TableName: db.tableName,
              Item: { ...keys.auditAnchor(space, agreementId), type: 'auditAnchor', ...anchor },
            }),
          ),
        );
        result.anchored += 1;
      }
    }
  }
  return result;
}
