import { type Db, putUser } from '@regie/db';
import { createDevIssuer } from '@regie/local';
import { decodeJwt } from 'jose';
import { beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { createTestDb } from '../../test/support/db.ts';
import type { PreTokenGenerationV2Event } from './pre-token.ts';

type Handler = (event: PreTokenGenerationV2Event) => Promise<PreTokenGenerationV2Event>;

/** A V2_0 pre token generation event as Cognito sends it for a sign-in. */
const event = (sub: string, attributes: Record<string, string>): PreTokenGenerationV2Event => ({
  version: '2',
  triggerSource: 'TokenGeneration_Authentication',
  region: 'eu-central-1',
  userPoolId: 'eu-central-1_example',
  userName: sub,
  callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: '1example23456789' },
  request: { userAttributes: { sub, email: `${sub}@example.nl`, ...attributes }, scopes: ['openid'] },
  response: { claimsAndScopeOverrideDetails: null },
});

/** The trigger reads the same records as the local dev issuer and puts the same claims in the tokens. */
describe('pre token generation trigger', () => {
  let db: Db;
  let handler: Handler;

  beforeAll(async () => {
    db = await createTestDb(inject('dynamoEndpoint'), { seed: true });
    Object.assign(process.env, { TABLE_NAME: db.tableName, DYNAMO_ENDPOINT: inject('dynamoEndpoint') });
    handler = (await import('./pre-token.ts')).handler;
  });

  it('puts the claims of the local dev token into the ID and access tokens', async () => {
    const { dev } = await createDevIssuer(db);
    for (const [user, space] of [
      ['ermelo.inkoper', 'GM0233'],
      ['utrecht.inkoper', 'GM0344'],
      ['kompas.signer', 'PV81234567'],
    ] as const) {
      const devToken = decodeJwt((await dev.issueToken(user))!);
      const result = await handler(event(user, { 'custom:space': space }));
      const details = (result.response as ReturnType<typeof import('./claims.ts').claimsOverride>)
        .claimsAndScopeOverrideDetails;
      const expected = {
        space: devToken.space,
        roles: devToken.roles,
        reach: devToken.reach,
        name: devToken.name,
      };
      expect(details.idTokenGeneration.claimsToAddOrOverride, user).toEqual(expected);
      expect(details.accessTokenGeneration.claimsToAddOrOverride, user).toEqual(expected);
    }
  });

  it('refuses a sign-in without a user record in the attribute’s space', async () => {
    await expect(handler(event('ermelo.inkoper', { 'custom:space': 'GM0243' }))).rejects.toThrow(
      /no Regie user record/,
    );
    await expect(handler(event('nobody', { 'custom:space': 'GM0233' }))).rejects.toThrow(
      /no Regie user record/,
    );
    await expect(handler(event('ermelo.inkoper', {}))).rejects.toThrow(/custom:space/);
  });

  it('gives no token to a provider user holding a municipal role, here nor from the dev issuer', async () => {
    // Its own table: the seed users' records are changed here.
    const own = await createTestDb(inject('dynamoEndpoint'), { seed: true });
    Object.assign(process.env, { TABLE_NAME: own.tableName });
    vi.resetModules();
    const fresh = (await import('./pre-token.ts')).handler;
    await putUser(own, {
      key: 'kompas.signer',
      name: 'K',
      space: 'PV81234567',
      roles: ['provider_signer', 'inkoper'],
    });
    await expect(fresh(event('kompas.signer', { 'custom:space': 'PV81234567' }))).rejects.toThrow(
      /does not fit a provider/,
    );
    const { dev } = await createDevIssuer(own);
    expect(await dev.issueToken('kompas.signer')).toBeNull();
    expect(await dev.issueToken('kompas.reporter')).not.toBeNull();
    Object.assign(process.env, { TABLE_NAME: db.tableName });
  });
});
