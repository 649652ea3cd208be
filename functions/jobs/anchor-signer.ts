import { GetPublicKeyCommand, KMSClient, SignCommand } from '@aws-sdk/client-kms';
import { toPublicKeyPem } from '@regie/core';
import type { AnchorSigner } from '@regie/db';

/**
 * The AWS side of the anchor key (issue 17 point 2): an asymmetric KMS key, `ECC_NIST_P256` for `SIGN_VERIFY`
 * (infra/lib/stacks/data-stack.ts). KMS signs the raw message with `ECDSA_SHA_256` (SHA-256, DER signature), as
 * the development key file does; the private key never leaves KMS. The job's role may only `kms:Sign` and
 * `kms:GetPublicKey` on this one key.
 */
export function createKmsAnchorSigner(keyId: string, client: KMSClient = new KMSClient({})): AnchorSigner {
  let pem: Promise<string> | undefined;
  return {
    keyId,
    async sign(message) {
      const out = await client.send(
        new SignCommand({
          KeyId: keyId,
          Message: message,
          MessageType: 'RAW',
          SigningAlgorithm: 'ECDSA_SHA_256',
        }),
      );
      if (!out.Signature) throw new Error('KMS returned no signature');
      return out.Signature;
    },
    publicKeyPem() {
      pem ??= client.send(new GetPublicKeyCommand({ KeyId: keyId })).then((out) => {
        if (!out.PublicKey) throw new Error('KMS returned no public key');
        return toPublicKeyPem(Buffer.from(out.PublicKey).toString('base64'));
      });
      return pem;
    },
  };
}
