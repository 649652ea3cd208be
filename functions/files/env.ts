import { type ApiEnv, readApiEnv } from '../api/env.ts';

/** The files Lambda's configuration: the API's (table, tokens, tenant role) plus the documents bucket. */
export interface FilesEnv extends ApiEnv {
  documents: {
    bucket: string;
    /** Only for tests against a local S3-compatible server; never set in AWS. */
    endpoint?: string;
    /**
     * In AWS: the role assumed per agreement with a session policy naming only that agreement's key prefix
     * (document-credentials.ts). Unset locally, where the store checks no IAM.
     */
    roleArn?: string;
  };
}

const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/;

export function readFilesEnv(env: NodeJS.ProcessEnv = process.env): FilesEnv {
  const api = readApiEnv(env);
  if (!env.DOCUMENTS_BUCKET) throw new Error('Missing environment: DOCUMENTS_BUCKET');
  if (!BUCKET.test(env.DOCUMENTS_BUCKET)) throw new Error('DOCUMENTS_BUCKET is not a bucket name');
  if (env.DOCUMENTS_ROLE_ARN && !ROLE_ARN.test(env.DOCUMENTS_ROLE_ARN)) {
    throw new Error('DOCUMENTS_ROLE_ARN is not an IAM role ARN');
  }
  if (api.tenant && !env.DOCUMENTS_ROLE_ARN) throw new Error('Missing environment: DOCUMENTS_ROLE_ARN');
  return {
    ...api,
    documents: {
      bucket: env.DOCUMENTS_BUCKET,
      endpoint: env.S3_ENDPOINT || undefined,
      roleArn: env.DOCUMENTS_ROLE_ARN || undefined,
    },
  };
}
