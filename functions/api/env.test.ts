import { describe, expect, it } from 'vitest';
import { readApiEnv } from './env.ts';

const base = {
  TABLE_NAME: 'Regie-dev-Data-Table-1',
  JWKS_URL: 'https://cognito-idp.eu-central-1.amazonaws.com/eu-central-1_x/.well-known/jwks.json',
  JWT_ISSUER: 'https://cognito-idp.eu-central-1.amazonaws.com/eu-central-1_x',
  JWT_AUDIENCE: 'client',
};
const tenant = {
  TENANT_ROLE_ARN: 'arn:aws:iam::123456789012:role/Regie-dev-Api-TenantDataRole954975BA-abc',
  TABLE_ARN: 'arn:aws:dynamodb:eu-central-1:123456789012:table/Regie-dev-Data-Table-1',
  USER_POOL_ID: 'eu-central-1_AbC123xyz',
  PUBLIC_ROLE_ARN: 'arn:aws:iam::123456789012:role/Regie-dev-Api-PublicReadRole-abc',
};

describe('API Lambda environment', () => {
  it('uses tenant credentials only when the tenant role is configured', () => {
    expect(readApiEnv(base).tenant).toBeUndefined();
    expect(readApiEnv({ ...base, ...tenant }).tenant).toEqual({
      roleArn: tenant.TENANT_ROLE_ARN,
      tableArn: tenant.TABLE_ARN,
      publicRoleArn: tenant.PUBLIC_ROLE_ARN,
    });
  });

  it('fails at cold start on an incomplete or inconsistent tenant configuration', () => {
    expect(() => readApiEnv({ ...base, TENANT_ROLE_ARN: tenant.TENANT_ROLE_ARN })).toThrow(/TABLE_ARN/);
    expect(() => readApiEnv({ ...base, ...tenant, TENANT_ROLE_ARN: 'role' })).toThrow(/IAM role ARN/);
    expect(() => readApiEnv({ ...base, ...tenant, TABLE_ARN: `${tenant.TABLE_ARN}-other` })).toThrow(
      /does not name TABLE_NAME/,
    );
    expect(() => readApiEnv({ ...base, JWKS_URL: 'http://example.org/jwks.json' })).toThrow(/https/);
    expect(() => readApiEnv({ ...base, ...tenant, PUBLIC_ROLE_ARN: '' })).toThrow(/PUBLIC_ROLE_ARN/);
    expect(() => readApiEnv({ ...base, ...tenant, PUBLIC_ROLE_ARN: 'role' })).toThrow(/PUBLIC_ROLE_ARN/);
    expect(() => readApiEnv({ ...base, ORIGIN_SECRET: 'short' })).toThrow(/ORIGIN_SECRET/);
    expect(readApiEnv({ ...base, ORIGIN_SECRET: 'x'.repeat(32) }).originSecret).toBe('x'.repeat(32));
  });

  it('needs the user pool in AWS (with the tenant role) and checks its form', () => {
    const api = { userPool: true };
    expect(readApiEnv({ ...base, ...tenant }, api).userPoolId).toBe('eu-central-1_AbC123xyz');
    expect(() => readApiEnv({ ...base, ...tenant, USER_POOL_ID: '' }, api)).toThrow(/USER_POOL_ID/);
    // The files function shares the configuration and creates no logins.
    expect(readApiEnv({ ...base, ...tenant, USER_POOL_ID: '' }).userPoolId).toBeUndefined();
    expect(() => readApiEnv({ ...base, USER_POOL_ID: 'pool' })).toThrow(/user pool id/);
    expect(readApiEnv(base).userPoolId).toBeUndefined();
  });
});

describe('audit anchor key', () => {
  it('reads the base64 DER KMS prints and fails at cold start on anything else', async () => {
    const { generateKeyPairSync } = await import('node:crypto');
    const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const der = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
    expect(readApiEnv(base).anchorPublicKey).toBeUndefined();
    expect(readApiEnv({ ...base, AUDIT_ANCHOR_PUBLIC_KEY: der }).anchorPublicKey).toBe(
      publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    );
    expect(() => readApiEnv({ ...base, AUDIT_ANCHOR_PUBLIC_KEY: 'bm90IGEga2V5' })).toThrow();
  });
});
