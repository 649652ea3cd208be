import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.ts';
import { createTestDb } from '../support/db.ts';
import { tableFingerprint } from '../support/snapshot.ts';
import { WIJKRACHT } from '../support/two-providers.ts';

/**
 * Service-level reports (issue 16 point 2) on the seeded DVO ERM-DVO-2026-01: Wijkracht reports, both sides see the
 * same figures with met / not met, trend and the missed-twice signal; bad reports write nothing; another provider
 * and another municipality get NOT_FOUND.
 */
interface Levels {
  party?: string;
  levels: {
    levelId: string;
    values: { period: string; value: number; met: boolean; trend: string | null }[];
    missedInARow: number;
    signal: boolean;
  }[];
}
const ID = 'erm-dvo-2026';
const AVAILABILITY = { serviceId: 'svc-dvo-portaal', levelId: 'sl-dvo-portaal-beschikbaarheid' };
const RESOLUTION = { serviceId: 'svc-dvo-trajecten', levelId: 'sl-dvo-trajecten-oplostijd' };

describe('service-level reports', () => {
  let api: TestApi;
  let manager: string;
  let wijkracht: string;
  const ok = <T>(r: { status: number; body: { result?: { data: T } } }): T => {
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body.result!.data;
  };

  beforeAll(async () => {
    api = await startTestApi(await createTestDb(inject('dynamoEndpoint'), { seed: true }));
    manager = await api.token('ermelo.contractmanager');
    wijkracht = await api.token('wijkracht.reporter');
  });
  afterAll(() => api.close());

  it('shows the seeded months to both sides alike, with the availability missed twice in a row', async () => {
    const own = ok<Levels[]>(await api.query('service.levels', { agreementId: ID }, manager));
    const theirs = ok<Levels[]>(await api.query('service.levels', { agreementId: ID }, wijkracht));
    expect(theirs).toEqual(own);
    expect(own).toHaveLength(1);
    expect(own[0]!.party).toBe(WIJKRACHT);
    const [availability, resolution] = own[0]!.levels;
    expect(availability!.values.map((v) => [v.period, v.met, v.trend])).toEqual([
      ['2026-09', true, null],
      ['2026-10', false, 'worse'],
      ['2026-11', false, 'worse'],
    ]);
    expect(availability!.signal).toBe(true);
    expect(availability!.missedInARow).toBe(2);
    expect(resolution!.signal).toBe(false);
    // The count is configurable: three in a row is not yet reached.
    const three = ok<Levels[]>(
      await api.query('service.levels', { agreementId: ID, missedCount: 3 }, manager),
    );
    expect(three[0]!.levels[0]!.signal).toBe(false);
  });

  it('refuses unknown levels, values out of range and the wrong period, writing nothing', async () => {
    const before = await tableFingerprint(api.db);
    const cases: [Record<string, unknown>, string][] = [
      [
        { period: '2026-12', values: [{ ...AVAILABILITY, levelId: 'sl-onbekend', value: 99 }] },
        'serviceReport.unknownLevel',
      ],
      [
        { period: '2026-12', values: [{ ...AVAILABILITY, serviceId: 'svc-onbekend', value: 99 }] },
        'serviceReport.unknownLevel',
      ],
      [{ period: '2026-12', values: [{ ...AVAILABILITY, value: 100.5 }] }, 'serviceReport.valueOutOfRange'],
      [
        {
          period: '2026-12',
          values: [
            { ...RESOLUTION, value: 96 },
            { ...AVAILABILITY, value: 101 },
          ],
        },
        'serviceReport.valueOutOfRange',
      ],
      [{ period: '2026-Q4', values: [{ ...AVAILABILITY, value: 99 }] }, 'serviceReport.wrongPeriod'],
      [{ period: '2027-05', values: [{ ...AVAILABILITY, value: 99 }] }, 'serviceReport.outsideTerm'],
    ];
    for (const [input, reason] of cases) {
      const refused = await api.raw.mutate('service.report', { agreementId: ID, ...input }, wijkracht);
      expect(refused.status, JSON.stringify(refused.body)).toBe(400);
      expect(refused.body.error.data.reason).toBe(reason);
    }
    // The municipality does not report for the provider.
    const byManager = await api.mutate(
      'service.report',
      { agreementId: ID, period: '2026-12', values: [{ ...AVAILABILITY, value: 99.9 }] },
      manager,
    );
    expect(byManager.status).toBe(403);
    expect(byManager.body.error.data.reason).toBe('serviceReport.providerReports');
    // A period already reported is not overwritten.
    const again = await api.mutate(
      'service.report',
      { agreementId: ID, period: '2026-11', values: [{ ...AVAILABILITY, value: 99.9 }] },
      wijkracht,
    );
    expect(again.status).toBe(409);
    expect(again.body.error.data.reason).toBe('serviceReport.alreadyReported');
    expect(await tableFingerprint(api.db)).toEqual(before);
  });

  it('answers NOT_FOUND to another provider and another municipality', async () => {
    for (const user of ['kompas.reporter', 'harderwijk.contractmanager']) {
      const token = await api.token(user);
      const read = await api.query('service.levels', { agreementId: ID }, token);
      expect(read.status, user).toBe(404);
      const write = await api.mutate(
        'service.report',
        { agreementId: ID, period: '2026-12', values: [{ ...AVAILABILITY, value: 99.9 }] },
        token,
      );
      expect(write.status, user).toBe(404);
    }
  });

  it('records a month in one audited step; a met month ends the signal', async () => {
    const reported = ok<{ values: { met: boolean }[] }>(
      await api.mutate(
        'service.report',
        {
          agreementId: ID,
          period: '2026-12',
          values: [
            { ...AVAILABILITY, value: 99.8 },
            { ...RESOLUTION, value: 93 },
          ],
        },
        wijkracht,
      ),
    );
    expect(reported.values.map((v) => v.met)).toEqual([true, false]);
    const levels = ok<Levels[]>(await api.query('service.levels', { agreementId: ID }, manager));
    expect(levels[0]!.levels[0]!.signal).toBe(false);
    expect(levels[0]!.levels[0]!.values.at(-1)).toMatchObject({
      period: '2026-12',
      met: true,
      trend: 'better',
    });
    expect(levels[0]!.levels[1]!.missedInARow).toBe(1);
    const history = ok<{ action: string; changes: Record<string, { after: { value: number } }> }[]>(
      await api.query('agreement.history', { id: ID }, manager),
    );
    const event = history.find(
      (e) =>
        e.action === 'service.report' &&
        e.changes[`serviceLevel.${AVAILABILITY.levelId}.2026-12.${WIJKRACHT}`],
    );
    expect(event?.changes[`serviceLevel.${RESOLUTION.levelId}.2026-12.${WIJKRACHT}`]?.after.value).toBe(93);
    expect(ok<{ valid: boolean }>(await api.query('agreement.verifyAudit', { id: ID }, manager)).valid).toBe(
      true,
    );
  });
});
