import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadAgreements } from '../bench/load.ts';
import { median, percentile } from '../bench/stats.ts';
import { startTestApi, type TestApi } from '../support/api.ts';
import { createTestDb } from '../support/db.ts';
import { isolationUnderLoad, type Tenant, tenantCheck, trpcPath } from '../support/load.ts';

/**
 * What the quiet tenant may lose to the noisy one, counted in the noisy tenant's service time (1000 / its
 * requests per second: how long the server takes per noisy request at the rate it got through). Counting in that
 * unit instead of milliseconds keeps the test about isolation, not about the machine: a CI machine half as fast
 * (or sharing its cores) doubles both. Measured on this machine, two runs each, alone and with a busy loop taking
 * one of the two cores (2026-12-03):
 *
 * | fair share | median excess   | p99 excess      |
 * | ---------- | --------------- | --------------- |
 * | on         | 0.7 – 1.4       | 2.8 – 4.9       |
 * | off        | 8.7 – 10.6      | 15.8 – 21.7     |
 *
 * Without the fair share a quiet request queues behind the noisy tenant's 8 in-flight requests (≈ 8 services);
 * with it, behind one. The median tells the two apart by a wide margin on any machine; the p99 bound (the
 * issue's "within 2× of idle", or idle plus the allowance below when 2× is less) catches a starved tail. A CI run
 * on a busier machine (2026-12-02: noisy 80 req/s, p99 23.6 → 101 ms, 6.2 services) failed the old fixed
 * 45 ms allowance while the fair share worked.
 */
const MEDIAN_SERVICES = 3;
const P99_SERVICES = 10;

/**
 * Issue 7, load and isolation (the small variant; `npm run bench` runs the large one): while Utrecht's
 * inkoper drives the API hard, Harderwijk's sequential reads keep their median and p99 close to idle (the
 * allowances above), and no response of either tenant carries anything of the other.
 */
describe('isolation under load', () => {
  let api: TestApi;
  let quiet: Tenant;
  let noisy: Tenant;

  beforeAll(async () => {
    api = await startTestApi(await createTestDb(inject('dynamoEndpoint'), { seed: true }));
    // Full register pages for both (50 rows a request), besides the seed's own agreements.
    await loadAgreements(api.db, 'harderwijk.inkoper', 120, 'LIQ');
    await loadAgreements(api.db, 'utrecht.inkoper', 120, 'LIN');
    quiet = {
      token: await api.token('harderwijk.inkoper'),
      paths: [trpcPath('agreement.get', { id: 'hdw-jh-2026' }), trpcPath('agreement.find', { limit: 50 })],
      reach: ['GM0243', 'RGNOORDVELUWE'],
      foreign: ['GM0344'],
    };
    noisy = {
      token: await api.token('utrecht.inkoper'),
      paths: [trpcPath('agreement.get', { id: 'utr-bw-2025' }), trpcPath('agreement.find', { limit: 50 })],
      reach: ['GM0344'],
      foreign: ['GM0243', 'GM0233', 'RGNOORDVELUWE'],
    };
  });
  afterAll(() => api?.close());

  it('the tenant check sees a foreign space, in a field or anywhere in the body', () => {
    const check = tenantCheck(quiet.reach, quiet.foreign);
    expect(check(JSON.stringify({ result: { data: { id: 'x', space: 'GM0243' } } }))).toBeNull();
    expect(check(JSON.stringify({ result: { data: { items: [{ space: 'GM0050' }] } } }))).toMatch(
      /outside reach/,
    );
    expect(check(JSON.stringify({ result: { data: { note: 'zie GM0344' } } }))).toMatch(/foreign/);
  });

  it("keeps the quiet tenant's reads close to idle while another tenant is driven hard", async () => {
    // Two idle/loaded pairs of 120: the first quiet request of a loaded block meets the noisy tenant's requests
    // admitted while it was alone (fair-share.ts); with 240 samples those two are above the p99.
    const samples = 120;
    const blocks = 2;
    const result = await isolationUnderLoad({
      url: api.url,
      quiet,
      noisy,
      connections: 8,
      samples,
      blocks,
    });
    const [idle50, loaded50] = [median(result.idle), median(result.loaded)];
    const [idle99, loaded99] = [percentile(result.idle, 99), percentile(result.loaded, 99)];
    const service = 1000 / result.noisyRps;
    console.info(
      `quiet median idle ${idle50.toFixed(1)} ms, under load ${loaded50.toFixed(1)} ms; p99 ${idle99.toFixed(1)} → ${loaded99.toFixed(1)} ms; ` +
        `noisy ${Math.round(result.noisyRps)} req/s (${result.noisyRequests} requests, ${service.toFixed(1)} ms each)`,
    );
    expect(result.problems).toEqual([]);
    // The noisy tenant really was driven (8 connections, each sending again the moment it is answered), and got
    // at least the quiet tenant's share: fairness, not a throttle on the busy tenant.
    expect(result.noisyRequests).toBeGreaterThanOrEqual(result.loaded.length);
    expect(loaded50).toBeLessThanOrEqual(idle50 + MEDIAN_SERVICES * service);
    expect(loaded99).toBeLessThanOrEqual(Math.max(2 * idle99, idle99 + P99_SERVICES * service));
  }, 90_000);
});
