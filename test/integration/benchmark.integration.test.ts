import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { createRepositories, keys, readOnlyFor, runBenchmark, type Scope } from '@regie/db';
import { REGION, SEED_BENCHMARK_AS_OF, SEED_USERS, scopeOf } from '@regie/local';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.ts';
import { createTestDb } from '../support/db.ts';

/**
 * Issue 15 point 4: the regional benchmark. The seed opts Ermelo and Harderwijk in (Zeewolde not) and runs the
 * job once for 2026-12-01. The read is `benchmark.region {space, productCode?}`.
 */
interface Member {
  space: string;
  name: string;
  tariffCents: number;
  volume: number;
  volumePer1000: number | null;
  spendPerInhabitantCents: number | null;
  kpis: { name: string; value: number }[];
}
interface Product {
  productCode: string;
  providers: { kvk: string; name: string; tariff: Record<string, number>; members: Member[] }[];
}

const zeewoldeAdmin: Scope = {
  ...scopeOf('zeewolde.inkoper'),
  actor: 'zeewolde.test-admin',
  roles: ['admin'],
};

describe('benchmark.region (issue 15 point 4)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(await createTestDb(inject('dynamoEndpoint'), { seed: true }));
  });
  afterAll(() => api.close());

  const read = async (user: string, input: { space: string; productCode?: string }) =>
    api.raw.query('benchmark.region', input, await api.token(user));
  const products = (body: { result: { data: { products: Product[] } } }) => body.result.data.products;
  const sourceKeys = async () =>
    (
      await api.db.doc.send(
        new QueryCommand({
          TableName: api.db.tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': keys.benchmark(REGION) },
          ConsistentRead: true,
        }),
      )
    ).Items!.map((i) => String(i.sk));

  it('shows the coordinator the seeded 45A12 tariff spread of Ermelo and Harderwijk, with the formulas applied', async () => {
    const res = await read('noordveluwe.coordinator', { space: REGION });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const data = res.body.result.data;
    expect(data.asOf).toBe(SEED_BENCHMARK_AS_OF);
    expect(data.inhabitants).toMatchObject({
      referenceDate: '2026-01-01',
      source: 'CBS StatLine 03759ned, bevolking op 1 januari',
      agreementReference: 'RNV-GR-01',
      perSpace: { GM0233: 27_000, GM0243: 49_000 },
    });
    expect(data.participants.map((p: { space: string }) => p.space).sort()).toEqual([
      'GM0233',
      'GM0243',
      REGION,
    ]);
    const codes = products(res.body).map((p) => p.productCode);
    // 45A20: ERM-2026-JH05 (the data deliveries' contract with Kompas); 45A53: ERM-2026-JH02 (Kompas and Wijkracht on
    // one contract), with no realisations yet.
    expect(codes).toEqual(['45A12', '45A13', '45A20', '45A53']);
    const kompas = products(res.body)[0]!.providers.find((p) => p.kvk === '81234567')!;
    expect(kompas.tariff).toEqual({ minCents: 99_500, medianCents: 101_750, maxCents: 104_000 });
    const [ermelo, harderwijk] = kompas.members;
    // Ermelo: 54 realised in 2026 × € 995 = € 53.730; 27.000 inhabitants → 2,0 per 1.000 and € 1,99 each. Its
    // tariff is that of ERM-2026-JH03, which started after ERM-2025-JH01 (€ 985) on the same code.
    expect(ermelo).toMatchObject({
      space: 'GM0233',
      tariffCents: 99_500,
      volume: 54,
      volumePer1000: 2,
      spendPerInhabitantCents: 199,
    });
    // Harderwijk: 98 × € 1.040 = € 101.920; 49.000 inhabitants → 2,0 per 1.000 and € 2,08 each.
    expect(harderwijk).toMatchObject({
      space: 'GM0243',
      tariffCents: 104_000,
      volume: 98,
      volumePer1000: 2,
      spendPerInhabitantCents: 208,
    });
    // Cliënttevredenheid: Kompas's 2025 results on ERM-2025-JH01, seeded for result-linked payment (seed-incentives).
    expect(ermelo!.kpis.map((k) => [k.name, k.value])).toEqual([
      ['Cliënttevredenheid', 7],
      ['Gemiddelde wachttijd tot start hulp', 7.5],
    ]);
    expect(harderwijk!.kpis.map((k) => [k.name, k.value])).toEqual([
      ['Gemiddelde wachttijd tot start hulp', 5.5],
    ]);
  });

  it('never lets anything of Zeewolde, which did not opt in, reach a response', async () => {
    for (const user of SEED_USERS.map((u) => u.key)) {
      for (const productCode of [undefined, '45A12', '45a12']) {
        const res = await read(user, { space: REGION, ...(productCode ? { productCode } : {}) });
        expect(res.status, `${user} ${productCode}`).toBe(
          user.startsWith('zeewolde.') || user.startsWith('kompas.') || user.startsWith('wijkracht.')
            ? 403
            : user.startsWith('utrecht.')
              ? 404
              : 200,
        );
        const text = JSON.stringify(res.body);
        expect(text).not.toContain('GM0050');
        if (!user.startsWith('zeewolde.')) expect(text).not.toContain('Zeewolde');
        expect(text).not.toContain('87700'); // Zeewolde's 45A12 tariff
      }
    }
    // The job never even opened a read of Zeewolde: its contribution is not in the region.
    expect(await sourceKeys()).not.toContain('SRC#GM0050');
  });

  it('reads one product code', async () => {
    const res = await read('ermelo.viewer', { space: REGION, productCode: '45a13' });
    expect(res.status).toBe(200);
    expect(products(res.body).map((p) => p.productCode)).toEqual(['45A13']);
    expect(products(res.body)[0]!.providers[0]!.tariff).toEqual({
      minCents: 9_400,
      medianCents: 9_675,
      maxCents: 9_950,
    });
    const none = await read('ermelo.viewer', { space: REGION, productCode: '99Z99' });
    expect(products(none.body)).toEqual([]);
  });

  it('refuses a member that did not opt in, a municipality outside the region, providers and non-regions', async () => {
    const zeewolde = await read('zeewolde.inkoper', { space: REGION });
    expect(zeewolde.status).toBe(403);
    expect(zeewolde.body.error.data.reason).toBe('benchmark.notOptedIn');
    expect(JSON.stringify(zeewolde.body)).not.toContain('45A12');
    const utrecht = await read('utrecht.inkoper', { space: REGION });
    expect(utrecht.status).toBe(404);
    expect(JSON.stringify(utrecht.body)).not.toContain('45A12');
    expect((await read('kompas.signer', { space: REGION })).status).toBe(403);
    expect((await read('ermelo.viewer', { space: 'GM0233' })).status).toBe(404);
    expect((await read('ermelo.viewer', { space: 'GM0050' })).status).toBe(404);
    expect((await read('ermelo.viewer', { space: 'RGELDERS' })).status).toBe(404);
    expect((await read('ermelo.viewer', { space: REGION, productCode: '45A12#' })).status).toBe(400);
  });

  it('shows the opt-in in the settings, audited on the space chain; a region cannot opt in', async () => {
    const admin = await api.token('ermelo.admin');
    const settings = (await api.query('tenant.settings', undefined, admin)).body.result.data;
    expect(settings).toMatchObject({ benchmarkOptIn: true, regions: [REGION] });
    const trail = (await api.query('tenant.history', undefined, admin)).body.result.data;
    expect(trail.verification.valid).toBe(true);
    expect(trail.events.at(-1)).toMatchObject({
      action: 'settings',
      changes: { benchmarkOptIn: { before: null, after: true } },
    });
    const region = createRepositories(api.db, {
      ...scopeOf('noordveluwe.coordinator'),
      roles: ['admin'],
    }).tenant;
    await expect(
      region.update((await region.settings()).version, { benchmarkOptIn: true }),
    ).rejects.toMatchObject({
      reason: 'benchmark.optInMembersOnly',
    });
  });

  it('takes a member in once it opts in and the job runs, and only reads the opted-in participants', async () => {
    const tenant = createRepositories(api.db, zeewoldeAdmin).tenant;
    await tenant.update((await tenant.settings()).version, { benchmarkOptIn: true });
    // Before the job runs, Zeewolde may read, but has nothing in the figures yet.
    const early = await read('zeewolde.inkoper', { space: REGION });
    expect(early.status).toBe(200);
    expect(JSON.stringify(early.body)).not.toContain('87700');
    const asked: string[] = [];
    const run = await runBenchmark(
      api.db,
      async (space) => {
        asked.push(space);
        return readOnlyFor(api.db, space);
      },
      SEED_BENCHMARK_AS_OF,
      [REGION],
    );
    expect(asked.sort()).toEqual(['GM0050', 'GM0233', 'GM0243', REGION]);
    expect(run).toMatchObject({ regions: 1, contributions: 4, removed: 0, products: 4 });
    const after = await read('noordveluwe.coordinator', { space: REGION, productCode: '45A12' });
    const kompas = products(after.body)[0]!.providers[0]!;
    expect(kompas.members.map((m) => m.space)).toEqual(['GM0233', 'GM0243', 'GM0050']);
    expect(kompas.tariff).toEqual({ minCents: 87_700, medianCents: 99_500, maxCents: 104_000 });
    // Opting out again removes the marker and the contribution with the setting and its audit event, at once.
    await tenant.update((await tenant.settings()).version, { benchmarkOptIn: false });
    const keysNow = await sourceKeys();
    expect(keysNow).not.toContain('SRC#GM0050');
    expect(keysNow).not.toContain('OPTIN#GM0050');
    const gone = await read('noordveluwe.coordinator', { space: REGION });
    expect(JSON.stringify(gone.body)).not.toContain('GM0050');
    expect(products(gone.body)[0]!.providers[0]!.tariff).toEqual({
      minCents: 99_500,
      medianCents: 101_750,
      maxCents: 104_000,
    });
    const history = await createRepositories(api.db, zeewoldeAdmin).tenant.history();
    expect(history.verification.valid).toBe(true);
    expect(history.events.at(-1)).toMatchObject({
      changes: { benchmarkOptIn: { before: true, after: false } },
    });
    expect((await read('zeewolde.inkoper', { space: REGION })).status).toBe(403);
  });

  it('on a refused opt-out (stale version) keeps the setting, the marker and the contribution', async () => {
    const scope: Scope = {
      ...scopeOf('harderwijk.inkoper'),
      actor: 'harderwijk.test-admin',
      roles: ['admin'],
    };
    const tenant = createRepositories(api.db, scope).tenant;
    const { version } = await tenant.settings();
    await expect(tenant.update(version - 1, { benchmarkOptIn: false })).rejects.toMatchObject({
      reason: 'settings.versionConflict',
    });
    expect(await sourceKeys()).toEqual(expect.arrayContaining(['OPTIN#GM0243', 'SRC#GM0243']));
    expect((await read('harderwijk.inkoper', { space: REGION })).status).toBe(200);
  });

  it('a contribution step cannot read or write outside its own participant', async () => {
    const ermelo = readOnlyFor(api.db, 'GM0233');
    await expect(
      ermelo.doc.send(new GetCommand({ TableName: api.db.tableName, Key: keys.space('GM0050') })),
    ).rejects.toThrow(/may not touch/);
    await expect(
      ermelo.doc.send(
        new QueryCommand({
          TableName: api.db.tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': keys.benchmark(REGION) },
        }),
      ),
    ).rejects.toThrow(/may not touch/);
    const own = await ermelo.doc.send(
      new GetCommand({ TableName: api.db.tableName, Key: keys.space('GM0233') }),
    );
    expect(own.Item?.space).toBe('GM0233');
  });

  it('is the same on a second run for the same day', async () => {
    const before = (await read('noordveluwe.coordinator', { space: REGION })).body.result.data;
    await runBenchmark(api.db, async (space) => readOnlyFor(api.db, space), SEED_BENCHMARK_AS_OF, [REGION]);
    const after = (await read('noordveluwe.coordinator', { space: REGION })).body.result.data;
    expect({ ...after, computedAt: null }).toEqual({ ...before, computedAt: null });
  });
});
