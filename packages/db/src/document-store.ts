import {
  CreateBucketCommand,
  GetObjectCommand,
  HeadBucketCommand,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { DomainError, isSpace, SHA256_PATTERN } from '@regie/core';
import { runtimeRegion } from './env.ts';

/**
 * Where agreement documents live (SPEC §5.2): S3 in AWS and an S3-compatible server locally (s3rver), through
 * this one interface and the same client code — only the endpoint differs. Kept out of the package's main entry
 * (`@regie/db/documents`) so the API Lambda never bundles the S3 client.
 */
export interface DocumentStore {
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The object's bytes, or null when there is none. */
  get(key: string): Promise<Uint8Array | null>;
}

export interface DocumentStoreConfig {
  bucket: string;
  region?: string;
  /** Only for the local S3-compatible server; in AWS the SDK finds the regional endpoint. */
  endpoint?: string;
  credentials?: S3ClientConfig['credentials'];
}

/** Object keys start with the owning space, like every table key: `<space>/agreements/<id>/<sha256>.pdf`. */
export function documentObjectKey(space: string, agreementId: string, sha256: string): string {
  if (!isSpace(space)) throw new Error(`Invalid space ${JSON.stringify(space)}`);
  if (!/^[0-9a-z-]{1,40}$/.test(agreementId)) throw new Error('Invalid agreement id');
  if (!SHA256_PATTERN.test(sha256)) throw new Error('Invalid SHA-256');
  return `${space}/agreements/${agreementId}/${sha256}.pdf`;
}

/**
 * The signed copy (document + certificate) made once for a given document and set of signatures, under the same
 * prefix: `<space>/agreements/<id>/signed-<sha256 of the certificate's input>.pdf`. A new signature changes the
 * input and so the key; an object once written is never rewritten.
 */
export function signedCopyObjectKey(space: string, agreementId: string, inputSha256: string): string {
  return documentObjectKey(space, agreementId, inputSha256).replace(
    /\/([0-9a-f]{64})\.pdf$/,
    '/signed-$1.pdf',
  );
}

/** The key prefix of one agreement's documents (for a scoped credential). */
export const documentPrefix = (space: string, agreementId: string) => `${space}/agreements/${agreementId}/`;

const unavailable = (error: unknown): never => {
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode ?? 0;
  const code = (error as { code?: string; name?: string }).code ?? (error as Error).name;
  if (status >= 500 || ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'TimeoutError'].includes(code ?? '')) {
    throw new DomainError('UNAVAILABLE', 'document.storeUnavailable', {
      message: 'The document store is unavailable; try again shortly',
    });
  }
  throw error;
};

export function createS3Client(config: Omit<DocumentStoreConfig, 'bucket'>): S3Client {
  const local = config.endpoint !== undefined;
  return new S3Client({
    region: config.region ?? (local ? 'us-east-1' : runtimeRegion()),
    ...(local
      ? {
          endpoint: config.endpoint,
          forcePathStyle: true,
          credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
        }
      : {}),
    ...(config.credentials ? { credentials: config.credentials } : {}),
    maxAttempts: 2,
    requestHandler: { connectionTimeout: 1000, requestTimeout: 10_000 },
  });
}

export function createDocumentStore(config: DocumentStoreConfig, client = createS3Client(config)) {
  return {
    client,
    bucket: config.bucket,
    async put(key: string, bytes: Uint8Array, contentType: string) {
      await client
        .send(
          new PutObjectCommand({
            Bucket: config.bucket,
            Key: key,
            Body: bytes,
            ContentType: contentType,
            ContentLength: bytes.length,
          }),
        )
        .catch(unavailable);
    },
    async get(key: string) {
      try {
        const out = await client.send(new GetObjectCommand({ Bucket: config.bucket, Key: key }));
        return out.Body ? await out.Body.transformToByteArray() : null;
      } catch (error) {
        if (error instanceof NoSuchKey || (error as Error).name === 'NoSuchKey') return null;
        return unavailable(error);
      }
    },
    /** Local only: creates the bucket when it does not exist yet (in AWS the Data stack owns it). */
    async ensureBucket() {
      try {
        await client.send(new HeadBucketCommand({ Bucket: config.bucket }));
      } catch {
        await client.send(new CreateBucketCommand({ Bucket: config.bucket }));
      }
    },
    destroy: () => client.destroy(),
  } satisfies DocumentStore & Record<string, unknown>;
}
