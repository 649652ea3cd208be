import type { Identity } from '@regie/api';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type AssumeRole, assumeRoleInput, createTenantDbFor } from './tenant-credentials.ts';
import { tenantSessionPolicyJson } from './tenant-policy.ts';

const ROLE_ARN = 'arn:aws:iam::123456789012:role/Regie-dev-Api-TenantDataRole';
const TABLE_ARN = 'arn:aws:dynamodb:eu-central-1:123456789012:table/regie';
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

const identity = (space: string, reach: string[], user = 'u-1'): Identity => ({
  user,
  name: user,
  space,
  roles: ['inkoper'],
  reach,
});
const ermelo = identity('GM0233', ['GM0233', 'RGNOORDVELUWE']);
const kompas = identity('PV81234567', ['PV81234567'], 'kompas.reporter');
const COLLECTION = 'GM0233#AGR#erm-jh-2025';
const collection = (id: string) => `GM0233#AGR#${id}`;

/** A stand-in for STS that records its requests and hands out credentials valid for `validMs`. */
function fakeSts(validMs = 60 * 60_000) {
  const calls: Parameters<AssumeRole>[0][] = [];
  const assumeRole: AssumeRole = async (input) => {
    calls.push(input);
    return {
      accessKeyId: `ASIA${calls.length}`,
      secretAccessKey: SECRET,
      sessionToken: 'token',
      expiration: new Date(Date.now() + validMs),
    };
  };
  return { calls, assumeRole };
}

/** The credentials the document client would sign its next request with. */
const credentialsOf = (db: Awaited<ReturnType<ReturnType<typeof createTenantDbFor>>>) =>
  (db.doc.config.credentials as () => Promise<{ accessKeyId: string }>)();

afterEach(() => vi.restoreAllMocks());

describe('tenant credentials', () => {
  const options = { roleArn: ROLE_ARN, tableArn: TABLE_ARN, tableName: 'regie' };

  it('assumes the tenant role with the space tag and the reach session policy', () => {
    expect(assumeRoleInput(options, ermelo)).toEqual({
      RoleArn: ROLE_ARN,
      RoleSessionName: 'regie-GM0233',
      DurationSeconds: 3600,
      Tags: [{ Key: 'space', Value: 'GM0233' }],
      Policy: tenantSessionPolicyJson(TABLE_ARN, ermelo),
    });
  });

  it('calls STS lazily, once per scope, and reuses the client for the same sorted reach', async () => {
    const sts = fakeSts();
    const dbFor = createTenantDbFor({ ...options, assumeRole: sts.assumeRole });
    const first = await dbFor(ermelo);
    expect(sts.calls).toHaveLength(0); // nothing until the first database call
    await credentialsOf(first);
    await credentialsOf(first);
    const again = await dbFor(identity('GM0233', ['RGNOORDVELUWE', 'GM0233'], 'someone-else'));
    expect(again).toBe(first);
    await credentialsOf(again);
    expect(sts.calls).toHaveLength(1);
    expect(first.tableName).toBe('regie');

    const harderwijk = await dbFor(identity('GM0243', ['GM0243', 'RGNOORDVELUWE']));
    expect(harderwijk).not.toBe(first);
    await credentialsOf(harderwijk);
    expect(sts.calls.map((c) => c.Tags?.[0]?.Value)).toEqual(['GM0233', 'GM0243']);
    expect(dbFor.size()).toBe(2);
  });

  it('refreshes the credentials of a cached client once they expire within five minutes', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const sts = fakeSts(60 * 60_000);
      const db = await createTenantDbFor({ ...options, assumeRole: sts.assumeRole })(ermelo);
      await credentialsOf(db);
      vi.setSystemTime(Date.now() + 54 * 60_000);
      await credentialsOf(db);
      expect(sts.calls).toHaveLength(1);
      vi.setSystemTime(Date.now() + 2 * 60_000); // 4 minutes left
      expect(await credentialsOf(db)).toMatchObject({ accessKeyId: 'ASIA2' });
      expect(sts.calls).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('retries STS after a failure instead of caching it', async () => {
    const sts = fakeSts();
    let fail = true;
    const db = await createTenantDbFor({
      ...options,
      assumeRole: async (input) => {
        if (fail) {
          fail = false;
          throw new Error('Throttling');
        }
        return sts.assumeRole(input);
      },
    })(ermelo);
    await expect(credentialsOf(db)).rejects.toThrow('Throttling');
    await expect(credentialsOf(db)).resolves.toMatchObject({ accessKeyId: 'ASIA1' });
  });

  it('keeps a bounded number of clients, evicting the least recently used', async () => {
    const dbFor = createTenantDbFor({ ...options, assumeRole: fakeSts().assumeRole, maxClients: 2 });
    const a = await dbFor(identity('GM0233', []));
    await dbFor(identity('GM0243', []));
    expect(await dbFor(identity('GM0233', []))).toBe(a); // a is now the most recent
    await dbFor(identity('GM0050', []));
    expect(dbFor.size()).toBe(2);
    expect(await dbFor(identity('GM0233', []))).toBe(a);
    expect(await dbFor(identity('GM0243', []))).not.toBe(a);
  });

  it('assumes the tenant role with the widened session policy for a provider’s collection', () => {
    const scope = { space: 'PV81234567', reach: ['PV81234567'], collections: [COLLECTION] };
    const input = assumeRoleInput(options, scope);
    expect(input).toMatchObject({
      RoleSessionName: 'regie-PV81234567',
      Tags: [{ Key: 'space', Value: 'PV81234567' }],
      Policy: tenantSessionPolicyJson(TABLE_ARN, scope),
    });
    expect(JSON.parse(input.Policy!).Statement.at(-1)).toMatchObject({
      Sid: 'Collections',
      Condition: { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': [COLLECTION] } },
    });
  });

  it('gives a widened scope its own client, cached apart from the plain one', async () => {
    const sts = fakeSts();
    const dbFor = createTenantDbFor({ ...options, assumeRole: sts.assumeRole });
    const plain = await dbFor(kompas);
    const widened = await dbFor(kompas, { collections: [COLLECTION] });
    expect(widened).not.toBe(plain);
    expect(await dbFor(kompas, { collections: [] })).toBe(plain); // nothing to widen: the plain client
    expect(await dbFor(kompas)).toBe(plain);
    // The same collections, in any order and from another user of the same provider: the same client.
    const both = await dbFor(kompas, { collections: [COLLECTION, collection('erm-wmo-2026')] });
    expect(
      await dbFor(identity('PV81234567', ['PV81234567'], 'kompas.other'), {
        collections: [collection('erm-wmo-2026'), COLLECTION],
      }),
    ).toBe(both);
    expect(await dbFor(kompas, { collections: [COLLECTION] })).toBe(widened);
    expect(dbFor.size()).toBe(1);
    expect(dbFor.widenedSize()).toBe(2);

    await credentialsOf(plain);
    await credentialsOf(widened);
    await credentialsOf(widened);
    const policies = sts.calls.map((c) => JSON.parse(c.Policy!) as { Statement: { Sid: string }[] });
    expect(policies.map((p) => p.Statement.map((s) => s.Sid))).toEqual([['Reach'], ['Reach', 'Collections']]);
    expect(sts.calls.map((c) => c.Tags)).toEqual([
      [{ Key: 'space', Value: 'PV81234567' }],
      [{ Key: 'space', Value: 'PV81234567' }],
    ]);
  });

  it('keeps a bounded number of widened clients, without evicting the tenants’ clients', async () => {
    const dbFor = createTenantDbFor({
      ...options,
      assumeRole: fakeSts().assumeRole,
      maxClients: 1,
      maxWidenedClients: 2,
    });
    const plain = await dbFor(kompas);
    const a = await dbFor(kompas, { collections: [collection('a')] });
    const destroyA = vi.spyOn(a.doc, 'destroy');
    const b = await dbFor(kompas, { collections: [collection('b')] });
    const destroyB = vi.spyOn(b.doc, 'destroy');
    expect(await dbFor(kompas, { collections: [collection('a')] })).toBe(a); // a is now the most recent
    await dbFor(kompas, { collections: [collection('c')] });
    expect(dbFor.widenedSize()).toBe(2);
    expect(destroyB).toHaveBeenCalledOnce(); // the least recently used widened client, closed
    expect(destroyA).not.toHaveBeenCalled();
    expect(await dbFor(kompas, { collections: [collection('a')] })).toBe(a);
    expect(await dbFor(kompas, { collections: [collection('b')] })).not.toBe(b);
    // Many agreements later the provider's plain client is still the same one.
    for (let i = 0; i < 10; i++) await dbFor(kompas, { collections: [collection(`x-${i}`)] });
    expect(dbFor.widenedSize()).toBe(2);
    expect(dbFor.size()).toBe(1);
    expect(await dbFor(kompas)).toBe(plain);
  });

  it('refuses an invalid or foreign collection, too many, and a widened municipality, before calling STS', async () => {
    const sts = fakeSts();
    const dbFor = createTenantDbFor({ ...options, assumeRole: sts.assumeRole });
    for (const bad of ['GM0233#AGR#*', 'GM0233#*', 'GM0233#SPACE', 'PV40123456#AGR#erm-jh-2025']) {
      await expect(dbFor(kompas, { collections: [bad] }), bad).rejects.toThrow(/Invalid collection/);
    }
    const six = Array.from({ length: 6 }, (_, i) => collection(`agr-${i}`));
    await expect(dbFor(kompas, { collections: six })).rejects.toThrow(/Too many collections/);
    await expect(dbFor(ermelo, { collections: [COLLECTION] })).rejects.toThrow(/Only provider scopes/);
    expect(sts.calls).toHaveLength(0);
    expect(dbFor.size() + dbFor.widenedSize()).toBe(0);
  });

  it('refuses an invalid space before calling STS', async () => {
    const sts = fakeSts();
    const dbFor = createTenantDbFor({ ...options, assumeRole: sts.assumeRole });
    await expect(dbFor(identity('GM*', []))).rejects.toThrow(/Invalid space/);
    expect(sts.calls).toHaveLength(0);
  });

  it('never writes credentials to the console or the process output', async () => {
    const written: string[] = [];
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      vi.spyOn(console, method).mockImplementation(
        (...args) => void written.push(args.map(String).join(' ')),
      );
    }
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => written.push(String(chunk)) > 0);
    const sts = fakeSts(60_000);
    const db = await createTenantDbFor({ ...options, assumeRole: sts.assumeRole, onAssumeRole: () => {} })(
      ermelo,
    );
    await credentialsOf(db);
    await credentialsOf(db);
    expect(written.join('\n')).not.toContain(SECRET);
  });
});
