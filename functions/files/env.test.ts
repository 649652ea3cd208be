import { describe, expect, it } from 'vitest';
import { readFilesEnv } from './env.ts';

const base = {
  TABLE_NAME: 'Regie-dev-Data-Table-1',
  JWKS_URL: 'https://cognito-idp.eu-central-1.amazonaws.com/eu-central-1_x/.well-known/jwks.json',
  JWT_ISSUER: 'https://cognito-idp.eu-central-1.amazonaws.com/eu-central-1_x',
  JWT_AUDIENCE: 'client',
  DOCUMENTS_BUCKET: 'regie-dev-data-documentsbucket-abc',
};
const tenant = {
  TENANT_ROLE_ARN: 'arn:aws:iam::123456789012:role/Regie-dev-Api-TenantDataRole-abc',
  TABLE_ARN: 'arn:aws:dynamodb:eu-central-1:123456789012:table/Regie-dev-Data-Table-1',
  PUBLIC_ROLE_ARN: 'arn:aws:iam::123456789012:role/Regie-dev-Api-PublicReadRole-abc',
};

describe('files Lambda environment', () => {
  it('reads the bucket, and the documents role whenever tenant credentials are used', () => {
    expect(readFilesEnv(base).documents).toEqual({
      bucket: base.DOCUMENTS_BUCKET,
      endpoint: undefined,
      roleArn: undefined,
    });
    const role = 'arn:aws:iam::123456789012:role/Regie-dev-Api-DocumentsRole-abc';
    expect(readFilesEnv({ ...base, ...tenant, DOCUMENTS_ROLE_ARN: role }).documents.roleArn).toBe(role);
  });

  it('fails at cold start on a missing or malformed configuration', () => {
    expect(() => readFilesEnv({ ...base, DOCUMENTS_BUCKET: '' })).toThrow(/DOCUMENTS_BUCKET/);
    expect(() => readFilesEnv({ ...base, DOCUMENTS_BUCKET: 'Not A Bucket' })).toThrow(/bucket name/);
    expect(() => readFilesEnv({ ...base, ...tenant })).toThrow(/DOCUMENTS_ROLE_ARN/);
    expect(() => readFilesEnv({ ...base, DOCUMENTS_ROLE_ARN: 'role' })).toThrow(/IAM role ARN/);
  });
});
