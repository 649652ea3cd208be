import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  sign,
} from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { AnchorSigner } from '@regie/db';

/**
 * The development stand-in for the KMS anchor key (issue 17 point 2): an EC P-256 key pair made with node:crypto —
 * nothing is downloaded. With `file` (the local stack: `.data/keys/audit-anchor.pem`, gitignored with `.data/`) the
 * key is generated once and kept, so anchors stay verifiable across restarts; without it the key lives in memory
 * (tests). Signs like KMS `ECDSA_SHA_256`: SHA-256, DER signature.
 */
export function createLocalAnchorSigner(
  options: { file?: string } = {},
): AnchorSigner & { privateKey: KeyObject } {
  let privateKey: KeyObject;
  if (options.file && existsSync(options.file)) {
    privateKey = createPrivateKey(readFileSync(options.file, 'utf8'));
  } else {
    privateKey = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
    if (options.file) {
      mkdirSync(dirname(options.file), { recursive: true, mode: 0o700 });
      writeFileSync(options.file, privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), {
        mode: 0o600,
      });
    }
  }
  const publicKey = createPublicKey(privateKey);
  const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const fingerprint = createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16);
  return {
    keyId: `local:${fingerprint}`,
    privateKey,
    async sign(message) {
      return sign('sha256', message, privateKey);
    },
    async publicKeyPem() {
      return pem;
    },
  };
}
