import { generateKeyPairSync, sign } from 'node:crypto';
import { type GetPublicKeyCommand, type KMSClient, SignCommand } from '@aws-sdk/client-kms';
import { anchorSignatureValid } from '@regie/core';
import { signAnchor } from '@regie/db';
import { describe, expect, it } from 'vitest';
import { createKmsAnchorSigner } from './anchor-signer.ts';
import { readAnchorEnv } from './env.ts';

const KEY = 'arn:aws:kms:eu-central-1:123456789012:key/0b7e6b4e-1c1d-4f5e-9a8b-2c3d4e5f6a7b';

/** KMS as far as the signer uses it: what it sends, answered the way KMS answers (DER signature, SPKI DER key). */
function kmsLike() {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const sent: unknown[] = [];
  const client = {
    async send(command: SignCommand | GetPublicKeyCommand) {
      sent.push(command.input);
      if (command instanceof SignCommand) {
        return { Signature: sign('sha256', command.input.Message as Uint8Array, privateKey) };
      }
      return { PublicKey: publicKey.export({ type: 'spki', format: 'der' }) };
    },
  } as unknown as KMSClient;
  return { client, sent };
}

describe('KMS anchor signer', () => {
  it('asks KMS for ECDSA_SHA_256 over the raw anchor message, and its anchors verify with the KMS public key', async () => {
    const kms = kmsLike();
    const signer = createKmsAnchorSigner(KEY, kms.client);
    const anchor = await signAnchor(signer, {
      agreement: 'a1',
      space: 'GM0233',
      seq: 4,
      hash: 'ab'.repeat(32),
      at: '2026-12-02T02:00:00.000Z',
    });
    expect(kms.sent[0]).toMatchObject({ KeyId: KEY, MessageType: 'RAW', SigningAlgorithm: 'ECDSA_SHA_256' });
    expect(anchor).toMatchObject({ keyId: KEY, alg: 'ECDSA_SHA_256' });
    const pem = await signer.publicKeyPem();
    expect(anchorSignatureValid(anchor, pem)).toBe(true);
    expect(anchorSignatureValid({ ...anchor, seq: 5 }, pem)).toBe(false);
    await signer.publicKeyPem();
    expect(kms.sent.filter((input) => !('Message' in (input as object)))).toHaveLength(1);
  });
});

describe('anchor job environment', () => {
  it('needs the bucket and a KMS key ARN', () => {
    const base = { TABLE_NAME: 't' };
    expect(readAnchorEnv({ ...base, ANCHOR_BUCKET: 'b', ANCHOR_KEY_ID: KEY })).toMatchObject({
      bucket: 'b',
      keyId: KEY,
    });
    expect(() => readAnchorEnv({ ...base, ANCHOR_KEY_ID: KEY })).toThrow('ANCHOR_BUCKET');
    expect(() => readAnchorEnv({ ...base, ANCHOR_BUCKET: 'b', ANCHOR_KEY_ID: 'alias/x' })).toThrow(
      'KMS key ARN',
    );
  });
});
