import type { Identity } from '@regie/api';
import { createDocumentStore, type DocumentStore } from '@regie/db/documents';
import { type AssumeRole, stsAssumeRole } from '../api/tenant-credentials.ts';
import { SPACE_TAG } from '../api/tenant-policy.ts';

/**
 * Document stores for the files Lambda whose credentials reach exactly one agreement's documents.
 *
 * Every files request concerns one agreement, and the files app asks for its store only after the caller's
 * tenant-scoped database read has shown the agreement is within reach (for a provider: through its own party
 * view). The store then gets credentials from STS AssumeRole on the documents role with a session policy naming
 * `s3:GetObject`/`s3:PutObject` on `<bucket>/<owner space>/agreements/<id>/*` and nothing else, so a bug that
 * built another key could not read or write another tenant's (or another agreement's) documents. Stores are
 * cached per prefix (least recently used evicted) and fetch credentials lazily; credentials never leave here.
 */

/** `<space>/agreements/<id>/`, as `documentPrefix` builds it; anything else is refused before any STS call. */
export const PREFIX_PATTERN = /^(GM\d{4}|RG[A-Z0-9]{2,30}|PV\d{8})\/agreements\/[0-9a-z-]{1,40}\/$/;

export function documentsSessionPolicy(bucket: string, prefixes: readonly string[]) {
  if (prefixes.length === 0 || prefixes.length > 2)
    throw new Error('One or two document prefixes per request');
  for (const prefix of prefixes) {
    if (!PREFIX_PATTERN.test(prefix)) throw new Error(`Invalid document prefix ${JSON.stringify(prefix)}`);
  }
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'AgreementDocuments',
        Effect: 'Allow',
        Action: ['s3:GetObject', 's3:PutObject'],
        Resource: prefixes.map((prefix) => `arn:aws:s3:::${bucket}/${prefix}*`),
      },
    ],
  };
}

export interface DocumentsForOptions {
  roleArn: string;
  bucket: string;
  assumeRole?: AssumeRole;
  maxStores?: number;
}

export function createScopedDocumentsFor(options: DocumentsForOptions) {
  const assumeRole = options.assumeRole ?? stsAssumeRole();
  const max = options.maxStores ?? 100;
  const stores = new Map<string, ReturnType<typeof createDocumentStore>>();
  const documentsFor = async (identity: Identity, prefixes: readonly string[]): Promise<DocumentStore> => {
    const sorted = [...new Set(prefixes)].sort();
    const policy = JSON.stringify(documentsSessionPolicy(options.bucket, sorted)); // validates first
    const key = `${identity.space}|${sorted.join(',')}`;
    let store = stores.get(key);
    if (store) {
      stores.delete(key);
    } else {
      store = createDocumentStore({
        bucket: options.bucket,
        credentials: () =>
          assumeRole({
            RoleArn: options.roleArn,
            RoleSessionName: `regie-docs-${identity.space}`,
            DurationSeconds: 900,
            Tags: [{ Key: SPACE_TAG, Value: identity.space }],
            Policy: policy,
          }),
      });
      if (stores.size >= max) {
        const [oldestKey, oldest] = stores.entries().next().value!;
        stores.delete(oldestKey);
        oldest.destroy();
      }
    }
    stores.set(key, store);
    return store;
  };
  return Object.assign(documentsFor, { size: () => stores.size });
}
