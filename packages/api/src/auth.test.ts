import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTokenVerifier, VERIFIED_TOKEN_TTL_MS } from './auth.ts';

const issuer = 'https://issuer.example.test';
const audience = 'regie-test';

async function setup() {
  const { publicKey, privateKey } = await generateKeyPair('ES256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' };
  const verify = createTokenVerifier({ jwks: createLocalJWKSet({ keys: [jwk] }), issuer, audience });
  const sign = (expiresIn: string, claims: Record<string, unknown> = {}) =>
    new SignJWT({ token_use: 'id', space: 'GM0233', roles: ['inkoper'], reach: [], name: 'Inge', ...claims })
      .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
      .setIssuer(issuer)
      .setAudience(audience)
      .setSubject('ermelo.inkoper')
      .setIssuedAt()
      .setExpirationTime(expiresIn)
      .sign(privateKey);
  return { verify, sign };
}

describe('token verifier: verified tokens are reused, never past their expiry', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('answers the same identity for the same token, each time a fresh copy', async () => {
    const { verify, sign } = await setup();
    const token = await sign('1h');
    const first = await verify(token);
    expect(first).toEqual({
      user: 'ermelo.inkoper',
      name: 'Inge',
      space: 'GM0233',
      roles: ['inkoper'],
      reach: ['GM0233'],
    });
    first!.reach.push('GM0344');
    first!.roles.push('admin');
    expect(await verify(token)).toEqual({ ...first, roles: ['inkoper'], reach: ['GM0233'] });
  });

  it('refuses a remembered token once it has expired', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { verify, sign } = await setup();
    const token = await sign('30s');
    expect(await verify(token)).not.toBeNull();
    vi.setSystemTime(Date.now() + 31_000);
    expect(await verify(token)).toBeNull();
  });

  it('verifies a long-lived token again after the reuse window', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { verify, sign } = await setup();
    const token = await sign('1h');
    expect(await verify(token)).not.toBeNull();
    vi.setSystemTime(Date.now() + VERIFIED_TOKEN_TTL_MS + 1_000);
    // Still valid, so verified afresh and accepted; the window only bounds how long a check is reused.
    expect(await verify(token)).not.toBeNull();
  });

  it('never accepts a token because a similar one verified, and remembers no rejection', async () => {
    const { verify, sign } = await setup();
    const token = await sign('1h');
    expect(await verify(token)).not.toBeNull();
    const [header, payload, signature] = token.split('.');
    const forged = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), space: 'GM0344' }),
    ).toString('base64url');
    expect(await verify(`${header}.${forged}.${signature}`)).toBeNull();
    expect(await verify(`${token}x`)).toBeNull();
    expect(await verify(`${header}.${forged}.${signature}`)).toBeNull();
    const other = await setup();
    expect(await other.verify(token)).toBeNull();
  });
});

describe('token verifier: only an expiring ID token', () => {
  it('refuses an access token and a token without token_use, though signed, addressed and unexpired', async () => {
    const { verify, sign } = await setup();
    expect(await verify(await sign('1h'))).not.toBeNull();
    expect(await verify(await sign('1h', { token_use: 'access' }))).toBeNull();
    expect(await verify(await sign('1h', { token_use: undefined }))).toBeNull();
  });

  it('refuses a token without an expiry', async () => {
    const { publicKey, privateKey } = await generateKeyPair('ES256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' };
    const verify = createTokenVerifier({ jwks: createLocalJWKSet({ keys: [jwk] }), issuer, audience });
    const body = { token_use: 'id', space: 'GM0233', roles: ['inkoper'], reach: [], name: 'Inge' };
    const signed = (withExpiry: boolean) => {
      const jwt = new SignJWT(body)
        .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
        .setIssuer(issuer)
        .setAudience(audience)
        .setSubject('ermelo.inkoper')
        .setIssuedAt();
      return (withExpiry ? jwt.setExpirationTime('1h') : jwt).sign(privateKey);
    };
    expect(await verify(await signed(true))).not.toBeNull();
    expect(await verify(await signed(false))).toBeNull();
  });
});
