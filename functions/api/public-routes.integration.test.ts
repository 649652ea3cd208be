import { createApp, type Identity } from '@regie/api';
import { createIcalApp } from '@regie/api/files';
import { createDocumentClient, type Db, icalRepository, type Scope } from '@regie/db';
import { createDevIssuer } from '@regie/local';
import type { Hono } from 'hono';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { policyAllows, type Statement } from '../../infra/test/support/iam.ts';
import { createTestDb } from '../../test/support/db.ts';
import { createPublicDbFor, type PublicRoute, publicSessionPolicy } from './public-credentials.ts';
import type { AssumeRoleInput } from './sts.ts';
import { type AssumeRole, createTenantDbFor } from './tenant-credentials.ts';

/**
 * Issue 17: the anonymous routes cost nothing for a space that does not exist. The public register and the iCal
 * app are wired as the API and files handlers wire them (a cached registry read of the function's own client,
 * then the public read-only role from its own client cache), with STS faked and counted. Every read of a public
 * session is checked against the session policy it would carry (emulated IAM, as in
 * tenant-isolation.integration.test.ts), so "read-only, exactly these keys" is exercised, not just declared.
 */
const TABLE_ARN = 'arn:aws:dynamodb:eu-central-1:123456789012:table/regie';
const ROLE_ARN = 'arn:aws:iam::123456789012:role/Regie-dev-Api-TenantDataRole';
const PUBLIC_ROLE_ARN = 'arn:aws:iam::123456789012:role/Regie-dev-Api-PublicReadRole';

let db: Db;
let app: Hono;
let ical: Hono;
let stsCalls: AssumeRoleInput[];
let denied: string[];
let tenants: ReturnType<typeof createTenantDbFor>;
let publicDbFor: ReturnType<typeof createPublicDbFor>;
let feedPath: string;

const assumeRole: AssumeRole = async (input) => {
  stsCalls.push(input);
  return {
    accessKeyId: `ASIA${stsCalls.length}`,
    secretAccessKey: 'secret',
    sessionToken: 'token',
    expiration: new Date(Date.now() + 3600_000),
  };
};

/** The authorisation check DynamoDB makes for a public session's two actions (any other action is denied). */
function emulateIam(doc: Db['doc'], route: PublicRoute, space: string) {
  const statements = publicSessionPolicy(TABLE_ARN, route, space).Statement as Statement[];
  doc.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as Record<string, unknown>;
      const command = context.commandName ?? '';
      let request: Parameters<typeof policyAllows>[1];
      if (command === 'GetItemCommand') {
        const key = input.Key as { pk: string | { S: string } };
        const pk = typeof key.pk === 'string' ? key.pk : key.pk.S;
        request = { action: 'dynamodb:GetItem', resource: TABLE_ARN, leadingKeys: [pk] };
      } else if (command === 'QueryCommand') {
        const values = input.ExpressionAttributeValues as Record<string, unknown>;
        const pk = values[':pk'];
        const index = input.IndexName as string | undefined;
        request = {
          action: 'dynamodb:Query',
          resource: index ? `${TABLE_ARN}/index/${index}` : TABLE_ARN,
          leadingKeys: [typeof pk === 'string' ? pk : (pk as { S: string }).S],
        };
      } else {
        request = {
          action: `dynamodb:${command.replace(/Command$/, '')}`,
          resource: TABLE_ARN,
          leadingKeys: [],
        };
      }
      if (!policyAllows(statements, request)) {
        denied.push(`${request.action} ${request.leadingKeys.join(',')}`);
        throw Object.assign(new Error('AccessDeniedException (emulated IAM)'), {
          name: 'AccessDeniedException',
        });
      }
      return next(args);
    },
    { step: 'initialize', priority: 'high', name: 'EmulatedIam' },
  );
}

const ermelo: Identity = {
  user: 'ermelo.inkoper',
  name: 'Inkoper Ermelo',
  space: 'GM0233',
  roles: ['inkoper'],
  reach: ['GM0233', 'RGNOORDVELUWE'],
};

beforeAll(async () => {
  const endpoint = inject('dynamoEndpoint');
  db = await createTestDb(endpoint, { seed: true });
  const { verifyToken } = await createDevIssuer(db);
  stsCalls = [];
  denied = [];
  tenants = createTenantDbFor({
    roleArn: ROLE_ARN,
    tableArn: TABLE_ARN,
    tableName: db.tableName,
    assumeRole,
    maxClients: 3,
  });
  publicDbFor = createPublicDbFor({
    roleArn: PUBLIC_ROLE_ARN,
    tableArn: TABLE_ARN,
    tableName: db.tableName,
    assumeRole,
    maxClients: 4,
    endpoint,
  });
  const watched = new WeakSet<object>();
  const publicFor = async (route: PublicRoute, space: string) => {
    const handle = await publicDbFor(route, space);
    if (!watched.has(handle.doc)) {
      watched.add(handle.doc);
      emulateIam(handle.doc, route, space);
    }
    return handle;
  };
  // The functions' own client: the only thing an unknown space ever touches.
  const own = { doc: createDocumentClient({ endpoint }), tableName: db.tableName };
  app = createApp({
    db: own,
    verifyToken,
    dbFor: tenants,
    publicDbFor: (space) => publicFor('register', space),
    logError: () => {},
  });
  ical = createIcalApp({ db: own, feedDbFor: (space) => publicFor('ical', space) });
  const scope: Scope = {
    space: 'GM0233',
    reach: ['GM0233'],
    actor: 'ermelo.contractmanager',
    organisation: 'GM0233',
    roles: ['contractmanager'],
  };
  const { secret } = await icalRepository(db, scope).create();
  feedPath = `/GM0233/${secret}.ics`;
});

describe('public routes for a space that does not exist', () => {
  it('answer 404 from the registry without any STS call or client', async () => {
    const before = stsCalls.length;
    for (const code of ['GM9999', 'GM0001', 'GM0999']) {
      for (const format of ['json', 'csv']) {
        const response = await app.request(`/public/${code}/register.${format}`);
        expect(response.status).toBe(404);
        expect(response.headers.get('cache-control')).toBe('public, max-age=60');
      }
    }
    for (const space of ['GM9999', 'PV99999999', 'RGNERGENS']) {
      expect((await ical.request(`/${space}/${'A'.repeat(43)}.ics`)).status).toBe(404);
    }
    expect(stsCalls.length).toBe(before);
    expect(publicDbFor.size()).toBe(0);
  });

  it('serve a registered space with the public role: one STS call, read-only, within its session policy', async () => {
    const before = stsCalls.length;
    const register = await app.request('/public/GM0233/register.json');
    expect(register.status).toBe(200);
    expect(((await register.json()) as { records: unknown[] }).records.length).toBeGreaterThan(0);
    expect(register.headers.get('cache-control')).toBe('public, max-age=300');
    expect((await app.request('/public/GM0233/register.csv')).status).toBe(200);
    const feed = await ical.request(feedPath);
    expect(feed.status).toBe(200);
    expect(await feed.text()).toContain('BEGIN:VCALENDAR');
    expect(stsCalls.slice(before).map((c) => [c.RoleArn, c.RoleSessionName])).toEqual([
      [PUBLIC_ROLE_ARN, 'regie-register-GM0233'],
      [PUBLIC_ROLE_ARN, 'regie-ical-GM0233'],
    ]);
    expect(denied).toEqual([]);
    // A known space with a wrong secret is still a 404, with no further STS call (the client is cached).
    expect((await ical.request(`/GM0233/${'A'.repeat(43)}.ics`)).status).toBe(404);
    expect(stsCalls.length).toBe(before + 2);
  });

  it('the emulated IAM bites: the register session cannot read the space’s agreements', async () => {
    const handle = await publicDbFor('register', 'GM0233'); // the cached client, IAM emulated since its first use
    const { GetCommand } = await import('@aws-sdk/lib-dynamodb');
    await expect(
      handle.doc.send(
        new GetCommand({ TableName: db.tableName, Key: { pk: 'GM0233#AGR#erm-jh-2025', sk: 'AGR' } }),
      ),
    ).rejects.toThrow(/emulated IAM/);
    expect(denied.pop()).toBe('dynamodb:GetItem GM0233#AGR#erm-jh-2025');
  });

  it('a burst of unknown spaces (and of public reads) never evicts a tenant’s cached client', async () => {
    const client = await tenants(ermelo);
    const size = tenants.size();
    const before = stsCalls.length;
    for (let i = 0; i < 200; i++) {
      const code = `GM${String(9000 + i).padStart(4, '0')}`;
      expect((await app.request(`/public/${code}/register.json`)).status).toBe(404);
      expect((await ical.request(`/${code}/${'B'.repeat(43)}.ics`)).status).toBe(404);
    }
    // Known spaces fill the public cache (4) past its size; the tenants' cache is another one.
    for (const code of ['GM0233', 'GM0243', 'GM0344', 'GM0302', 'GM0233']) {
      await app.request(`/public/${code}/register.json`);
    }
    expect(publicDbFor.size()).toBeLessThanOrEqual(4);
    expect(tenants.size()).toBe(size);
    expect(await tenants(ermelo)).toBe(client);
    // Only the public reads of registered spaces assumed a role: no call was made for an unknown one.
    expect(stsCalls.slice(before).every((c) => c.RoleArn === PUBLIC_ROLE_ARN)).toBe(true);
    expect(
      stsCalls
        .slice(before)
        .map((c) => c.Tags[0]!.Value)
        .every((s) => !s.startsWith('GM9')),
    ).toBe(true);
  });
});
