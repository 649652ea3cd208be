import {
  CreateBucketCommand,
  GetObjectCommand,
  HeadBucketCommand,
  ListObjectsV2Command,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import { isSpace, type SignedAnchor } from '@regie/core';
import type { AnchorStore } from './audit-anchors.ts';
import { createS3Client, type DocumentStoreConfig } from './document-store.ts';

/**
 * The signed audit anchors (issue 17 point 2): one object per anchored chain head,
 * `audit-anchors/<space>/<agreement>/<seq, 9 digits>.json`, in an S3 bucket with Object Lock in compliance mode
 * (its default retention locks each object; infra/lib/stacks/data-stack.ts) and in s3rver locally. Kept out of the
 * package's main entry (`@regie/db/anchors`) so the API Lambda never bundles the S3 client.
 */
export const ANCHOR_ROOT = 'audit-anchors/';

export function anchorPrefix(space: string, agreementId: string): string {
  if (!isSpace(space)) throw new Error(`Invalid space ${JSON.stringify(space)}`);
  if (!/^[0-9a-z-]{1,40}$/.test(agreementId)) throw new Error('Invalid agreement id');
  return `${ANCHOR_ROOT}${space}/${agreementId}/`;
}

export const anchorObjectKey = (anchor: { space: string; agreement: string; seq: number }) =>
  `${anchorPrefix(anchor.space, anchor.agreement)}${String(anchor.seq).padStart(9, '0')}.json`;

export function createAnchorStore(config: DocumentStoreConfig, client = createS3Client(config)) {
  const read = async (key: string): Promise<SignedAnchor> => {
    const out = await client.send(new GetObjectCommand({ Bucket: config.bucket, Key: key }));
    return JSON.parse(await out.Body!.transformToString('utf8')) as SignedAnchor;
  };
  /** Every key under `prefix`, in order. */
  const list = async (prefix: string): Promise<string[]> => {
    const out: string[] = [];
    let token: string | undefined;
    do {
      const page = await client.send(
        new ListObjectsV2Command({ Bucket: config.bucket, Prefix: prefix, ContinuationToken: token }),
      );
      out.push(...(page.Contents ?? []).flatMap((o) => (o.Key ? [o.Key] : [])));
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return out;
  };
  return {
    client,
    bucket: config.bucket,
    async put(anchor: SignedAnchor) {
      const body = `${JSON.stringify(anchor)}\n`;
      await client.send(
        new PutObjectCommand({
          Bucket: config.bucket,
          Key: anchorObjectKey(anchor),
          Body: body,
          ContentType: 'application/json',
        }),
      );
    },
    async latest(space: string, agreementId: string) {
      const last = (await list(anchorPrefix(space, agreementId))).at(-1);
      return last ? read(last) : null;
    },
    /** Every anchor of one agreement, oldest first (what the offline verifier is given). */
    async all(space: string, agreementId: string): Promise<SignedAnchor[]> {
      return Promise.all((await list(anchorPrefix(space, agreementId))).map(read));
    },
    /** Local only: creates the bucket when it does not exist yet (in AWS the Data stack owns it, locked). */
    async ensureBucket() {
      try {
        await client.send(new HeadBucketCommand({ Bucket: config.bucket }));
      } catch {
        await client.send(new CreateBucketCommand({ Bucket: config.bucket }));
      }
    },
    destroy: () => client.destroy(),
  } satisfies AnchorStore & Record<string, unknown>;
}
