import { createTokenVerifier } from '@regie/api';
import type { SpaceRecord, UserRecord } from '@regie/db';
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { claimsOverride, MAX_REACH, regieClaims, SignInRefused } from './claims.ts';

const SUB = '7f3c2a9e-1b4d-4e8a-9c1f-2d3e4f5a6b7c';
const user: UserRecord = { key: SUB, name: 'Inge Inkoper', space: 'GM0233', roles: ['inkoper', 'viewer'] };
const ermelo: SpaceRecord = {
  space: 'GM0233',
  kind: 'municipality',
  name: 'Gemeente Ermelo',
  memberOf: ['RGNOORDVELUWE'],
};

describe('pre token claims', () => {
  it('gives a municipality user its space, roles, name and the regions it belongs to', () => {
    expect(regieClaims({ space: 'GM0233', userKey: SUB, user, spaceRecord: ermelo })).toEqual({
      space: 'GM0233',
      roles: ['inkoper', 'viewer'],
      reach: ['GM0233', 'RGNOORDVELUWE'],
      name: 'Inge Inkoper',
    });
  });

  it('gives provider and region users their own space only', () => {
    const provider: SpaceRecord = {
      space: 'PV81234567',
      kind: 'provider',
      name: 'Kompas',
      memberOf: ['RGX'],
    };
    const signer: UserRecord = { key: SUB, name: 'S', space: 'PV81234567', roles: ['provider_signer'] };
    expect(
      regieClaims({ space: 'PV81234567', userKey: SUB, user: signer, spaceRecord: provider }).reach,
    ).toEqual(['PV81234567']);
    const region: SpaceRecord = {
      space: 'RGNOORDVELUWE',
      kind: 'region',
      name: 'Noord-Veluwe',
      members: ['GM0233'],
    };
    const coordinator: UserRecord = { key: SUB, name: 'C', space: 'RGNOORDVELUWE', roles: ['coordinator'] };
    expect(
      regieClaims({ space: 'RGNOORDVELUWE', userKey: SUB, user: coordinator, spaceRecord: region }).reach,
    ).toEqual(['RGNOORDVELUWE']);
  });

  it('keeps only regions in reach and only known roles', () => {
    const claims = regieClaims({
      space: 'GM0233',
      userKey: SUB,
      user: { ...user, roles: ['inkoper', 'superuser' as never, 'inkoper'] },
      spaceRecord: { ...ermelo, memberOf: ['RGNOORDVELUWE', 'GM0243', 'PV81234567', 'RG*'] },
    });
    expect(claims.reach).toEqual(['GM0233', 'RGNOORDVELUWE']);
    expect(claims.roles).toEqual(['inkoper']);
  });

  it('refuses sign-in without a valid space, a matching user record, a space record or a role', () => {
    const refused = (input: Partial<Parameters<typeof regieClaims>[0]>) => () =>
      regieClaims({ space: 'GM0233', userKey: SUB, user, spaceRecord: ermelo, ...input });
    for (const space of [undefined, '', 'GM*', 'gm0233']) expect(refused({ space })).toThrow(SignInRefused);
    expect(refused({ user: null })).toThrow(/no Regie user record/);
    expect(refused({ userKey: 'someone-else' })).toThrow(/no Regie user record/);
    expect(refused({ user: { ...user, space: 'GM0243' } })).toThrow(/no Regie user record/);
    expect(refused({ spaceRecord: null })).toThrow(/no record/);
    expect(refused({ user: { ...user, roles: [] } })).toThrow(/no role/);
    // Disabled by the space's administrator (issue 13); `disabled: false` and a record without the flag sign in.
    expect(refused({ user: { ...user, disabled: true } })).toThrow(/disabled/);
    expect(refused({ user: { ...user, disabled: false } })()).toMatchObject({ space: 'GM0233' });
    const regions = Array.from({ length: MAX_REACH }, (_, i) => `RGR${i}`);
    expect(refused({ spaceRecord: { ...ermelo, memberOf: regions } })).toThrow(/reach/);
  });

  it('refuses roles that do not fit the space: no municipal role for a provider user, and the reverse', () => {
    const kompas: SpaceRecord = { space: 'PV81234567', kind: 'provider', name: 'Kompas' };
    const region: SpaceRecord = { space: 'RGNOORDVELUWE', kind: 'region', name: 'Noord-Veluwe', members: [] };
    const as = (space: string, spaceRecord: SpaceRecord, roles: UserRecord['roles']) => () =>
      regieClaims({ space, userKey: SUB, user: { key: SUB, name: 'X', space, roles }, spaceRecord });
    expect(as('PV81234567', kompas, ['provider_signer', 'inkoper'])).toThrow(/does not fit a provider/);
    expect(as('PV81234567', kompas, ['admin'])).toThrow(SignInRefused);
    expect(as('GM0233', ermelo, ['inkoper', 'provider_reporter'])).toThrow(/does not fit a municipality/);
    expect(as('RGNOORDVELUWE', region, ['provider_signer'])).toThrow(/does not fit a region/);
    expect(as('PV81234567', kompas, ['provider_signer', 'provider_reporter'])().roles).toEqual([
      'provider_signer',
      'provider_reporter',
    ]);
    expect(as('PV81234567', kompas, ['provider_admin'])().roles).toEqual(['provider_admin']);
    expect(as('GM0233', ermelo, ['provider_admin'])).toThrow(/does not fit a municipality/);
    expect(as('RGNOORDVELUWE', region, ['coordinator', 'inkoper'])().roles).toEqual([
      'coordinator',
      'inkoper',
    ]);
  });

  it('puts the same claims in the ID and the access token', () => {
    const claims = regieClaims({ space: 'GM0233', userKey: SUB, user, spaceRecord: ermelo });
    const { claimsAndScopeOverrideDetails: details } = claimsOverride(claims);
    expect(details.idTokenGeneration.claimsToAddOrOverride).toEqual(claims);
    expect(details.accessTokenGeneration.claimsToAddOrOverride).toEqual(claims);
  });

  it('produces claims the API verifier accepts, as it will read them from a Cognito ID token', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    const issuer = 'https://cognito-idp.eu-central-1.amazonaws.com/eu-central-1_example';
    const clientId = '1example23456789';
    const verify = createTokenVerifier({
      jwks: createLocalJWKSet({ keys: [jwk] }),
      issuer,
      audience: clientId,
    });
    const claims = regieClaims({ space: 'GM0233', userKey: SUB, user, spaceRecord: ermelo });
    const idToken = await new SignJWT({ ...claims, token_use: 'id', 'custom:space': 'GM0233' })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setIssuer(issuer)
      .setAudience(clientId)
      .setSubject(SUB)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(privateKey);
    expect(await verify(idToken)).toEqual({
      user: SUB,
      name: 'Inge Inkoper',
      space: 'GM0233',
      roles: ['inkoper', 'viewer'],
      reach: ['GM0233', 'RGNOORDVELUWE'],
    });
    // A Cognito access token has `client_id`, no `aud`: the verifier refuses it, which is why the web app
    // sends the ID token (docs/deployment.md).
    const accessToken = await new SignJWT({ ...claims, token_use: 'access', client_id: clientId })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setIssuer(issuer)
      .setSubject(SUB)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(privateKey);
    expect(await verify(accessToken)).toBeNull();
  });
});
