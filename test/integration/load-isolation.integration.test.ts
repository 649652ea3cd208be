import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadAgreements } from '../bench/load.ts';
import { startTestApi, type TestApi } from '../support/api.ts';
import { createTestDb } from '../support/db.ts';
import { isolationUnderLoad, type Tenant, tenantCheck, trpcPath } from '../support/load.ts';

/** p99 percentile of a sample (ms). */
const p99 = (sample: readonly number[]) => {
  const sorted = [...sample].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(0.99 * sorted.length) - 1)]!;
};

/**
 * Scheduler noise allowance: on a small shared machine a quiet request can lose a few milliseconds to the
 * neighbour's work without anything being wrong. Requests serialised behind the noisy tenant's (a lock, one
 * shared connection) cost far more: each waits for the noisy tenant's in-flight requests, ≥ 8 × its own time.
 * Measured with the fair share switched off: 20 → 99 ms; with it, 21 → 45 ms while other suites ran beside it.
 * 45 ms keeps that starvation a failure while leaving room for CI running other test files in parallel.
 */
const FLOOR_MS = 45;

/**
 * Issue 7, load and isolation (the small variant; `npm run bench` runs the large one): while Utrecht's
 * inkoper drives the API hard, Harderwijk's sequential reads keep their p99 within 2× of their idle p99
 * (or the absolute floor above it), and no response of either tenant carries anything of the other.
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

  it("keeps the quiet tenant's p99 within 2× of idle while another tenant is driven hard", async () => {
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
    const idle = p99(result.idle);
    const loaded = p99(result.loaded);
    console.info(
      `quiet p99 idle ${idle.toFixed(1)} ms, under load ${loaded.toFixed(1)} ms; noisy ${Math.round(result.noisyRps)} req/s (${result.noisyRequests} requests)`,
    );
    expect(result.problems).toEqual([]);
    // The noisy tenant really was driven (8 connections, each sending again the moment it is answered), and got
    // at least the quiet tenant's share: fairness, not a throttle on the busy tenant.
    expect(result.noisyRequests).toBeGreaterThanOrEqual(result.loaded.length);
    expect(loaded).toBeLessThanOrEqual(Math.max(2 * idle, idle + FLOOR_MS));
  }, 90_000);
});
