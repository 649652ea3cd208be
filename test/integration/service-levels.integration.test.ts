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
    values: { period: string; value: number; met: boolean; trend: string | null; version: number }[];
    missedInARow: number;
    signal: boolean;
  }[];
}
interface View {
  missedCount: number;
  settingsVersion: number;
  parties: Levels[];
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
    const view = ok<View>(await api.query('service.levels', { agreementId: ID }, manager));
    expect(ok<View>(await api.query('service.levels', { agreementId: ID }, wijkracht))).toEqual(view);
    expect(view.missedCount).toBe(2);
    const own = view.parties;
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
    const levels = ok<View>(await api.query('service.levels', { agreementId: ID }, manager)).parties;
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

  const dashboardRows = async (token: string, space: string) =>
    ok<{ serviceLevels: { agreementId: string; signals: { levelId: string; periods: string[] }[] }[] }>(
      await api.query('steering.dashboard', { space }, token),
    ).serviceLevels;

  it('corrects a value on its version, audited; the signal and the dashboard follow', async () => {
    const before = ok<View>(await api.query('service.levels', { agreementId: ID }, manager));
    const december = before.parties[0]!.levels[0]!.values.at(-1)!;
    expect(december).toMatchObject({ period: '2026-12', met: true, version: 1 });
    expect((await dashboardRows(manager, 'GM0233')).map((r) => r.agreementId)).not.toContain(ID);
    const correct = (expectedVersion: number, value: number, token = wijkracht) =>
      api.mutate(
        'service.correct',
        {
          agreementId: ID,
          period: '2026-12',
          ...AVAILABILITY,
          value,
          expectedVersion,
          note: 'storing gemist',
        },
        token,
      );
    const corrected = ok<{ value: number; met: boolean; version: number }>(await correct(1, 99.0));
    expect(corrected).toMatchObject({ value: 99, met: false, version: 2 });
    // Missed in October, November and (corrected) December: the signal is up again, on the dashboard too.
    const after = ok<View>(await api.query('service.levels', { agreementId: ID }, manager)).parties[0]!;
    expect(after.levels[0]).toMatchObject({ missedInARow: 3, signal: true });
    const rows = await dashboardRows(manager, 'GM0233');
    expect(rows.find((r) => r.agreementId === ID)?.signals).toEqual([
      expect.objectContaining({ levelId: AVAILABILITY.levelId, periods: ['2026-10', '2026-11', '2026-12'] }),
    ]);
    // A stale version, the municipality, a co-party and an outsider: refused, nothing written.
    const snapshot = await tableFingerprint(api.db);
    const stale = await correct(1, 99.9);
    expect(stale.status).toBe(409);
    expect(stale.body.error.data.reason).toBe('serviceReport.versionConflict');
    const byManager = await correct(2, 99.9, manager);
    expect(byManager.status).toBe(403);
    expect(byManager.body.error.data.reason).toBe('serviceReport.providerReports');
    for (const user of ['kompas.reporter', 'harderwijk.contractmanager'])
      expect((await correct(2, 99.9, await api.token(user))).status, user).toBe(404);
    const unreported = await api.mutate(
      'service.correct',
      { agreementId: ID, period: '2027-01', ...AVAILABILITY, value: 99, expectedVersion: 1 },
      wijkracht,
    );
    expect(unreported.status).toBe(404);
    expect(await tableFingerprint(api.db)).toEqual(snapshot);
    const history = ok<{ action: string; changes: Record<string, { before: unknown; after: unknown }> }[]>(
      await api.query('agreement.history', { id: ID }, manager),
    );
    expect(
      history.find((e) => e.action === 'service.correct')?.changes[
        `serviceLevel.${AVAILABILITY.levelId}.2026-12.${WIJKRACHT}`
      ],
    ).toEqual({
      before: { value: 99.8, met: true, version: 1 },
      after: { value: 99, met: false, version: 2, note: 'storing gemist' },
    });
  });

  it('reads the threshold the agreement sets: four in a row ends the signal and its dashboard row', async () => {
    const configure = (expectedVersion: number, missedCount: number, token = manager) =>
      api.mutate('service.configure', { agreementId: ID, expectedVersion, missedCount }, token);
    expect(ok<{ missedCount: number; version: number }>(await configure(0, 4))).toEqual({
      missedCount: 4,
      version: 1,
    });
    const view = ok<View>(await api.query('service.levels', { agreementId: ID }, wijkracht));
    expect(view).toMatchObject({ missedCount: 4, settingsVersion: 1 });
    expect(view.parties[0]!.levels[0]).toMatchObject({ missedInARow: 3, signal: false });
    expect((await dashboardRows(manager, 'GM0233')).map((r) => r.agreementId)).not.toContain(ID);
    const snapshot = await tableFingerprint(api.db);
    const stale = await configure(0, 2);
    expect(stale.status).toBe(409);
    expect(stale.body.error.data.reason).toBe('serviceReport.settingsConflict');
    expect((await configure(1, 2, wijkracht)).status).toBe(403);
    expect((await configure(1, 2, await api.token('harderwijk.contractmanager'))).status).toBe(404);
    expect((await configure(1, 13)).status).toBe(400);
    expect(await tableFingerprint(api.db)).toEqual(snapshot);
    // Back to two: the signal (three in a row) is up again.
    ok(await configure(1, 2));
    expect((await dashboardRows(manager, 'GM0233')).map((r) => r.agreementId)).toContain(ID);
    expect(ok<{ valid: boolean }>(await api.query('agreement.verifyAudit', { id: ID }, manager)).valid).toBe(
      true,
    );
  });

  describe('the region’s ICT agreement, whose provider is the joint body', () => {
    const ICT = 'rnv-ict-01';
    const ICT_AVAILABILITY = { serviceId: 'svc-ict-basis', levelId: 'sl-ict-basis-beschikbaarheid' };

    it('shows the seeded months: the availability missed once, no signal yet', async () => {
      const view = ok<View>(await api.query('service.levels', { agreementId: ICT }, manager));
      expect(view.parties).toHaveLength(1);
      expect(view.parties[0]!.party).toBeUndefined();
      const availability = view.parties[0]!.levels.find((l) => l.levelId === ICT_AVAILABILITY.levelId)!;
      expect(availability.values.map((v) => [v.period, v.met])).toEqual([
        ['2026-10', true],
        ['2026-11', false],
      ]);
      expect(availability).toMatchObject({ missedInARow: 1, signal: false });
      expect(view.parties[0]!.levels.filter((l) => !l.values.every((v) => v.met))).toHaveLength(1);
    });

    it('lets the region report for the joint body, never a member; the members see the signal', async () => {
      const report = (token: string, value = 99.2) =>
        api.mutate(
          'service.report',
          { agreementId: ICT, period: '2026-12', values: [{ ...ICT_AVAILABILITY, value }] },
          token,
        );
      const snapshot = await tableFingerprint(api.db);
      for (const user of ['ermelo.contractmanager', 'harderwijk.contractmanager']) {
        const refused = await report(await api.token(user));
        expect(refused.status, user).toBe(403);
        expect(refused.body.error.data.reason).toBe('serviceReport.jointBodyReports');
      }
      expect((await report(await api.token('utrecht.inkoper'))).status).toBe(403);
      expect((await report(await api.token('kompas.reporter'))).status).toBe(404);
      expect(await tableFingerprint(api.db)).toEqual(snapshot);
      const coordinator = await api.token('noordveluwe.coordinator');
      ok(await report(coordinator));
      // Missed in November and December: every member's contract manager sees it on the region's dashboard.
      for (const user of ['ermelo.contractmanager', 'harderwijk.contractmanager']) {
        const rows = await dashboardRows(await api.token(user), 'RGNOORDVELUWE');
        expect(rows.find((r) => r.agreementId === ICT)?.signals, user).toEqual([
          expect.objectContaining({ levelId: ICT_AVAILABILITY.levelId, periods: ['2026-11', '2026-12'] }),
        ]);
      }
      // A member does not change the region's threshold either.
      const configured = await api.mutate(
        'service.configure',
        { agreementId: ICT, expectedVersion: 0, missedCount: 3 },
        manager,
      );
      expect(configured.status).toBe(403);
      expect(configured.body.error.data.reason).toBe('region.onlyOwnUsers');
    });
  });

  it('keeps each provider party of a shared DVO to its own values (the co-party is an adversary)', async () => {
    const inkoper = await api.token('ermelo.inkoper');
    const kompas = await api.token('kompas.reporter');
    const created = ok<{ id: string; version: number }>(
      await api.mutate(
        'agreement.create',
        {
          kind: 'service_agreement',
          reference: 'ERM-DVO-SAMEN',
          title: 'DVO met twee dienstverleners',
          domain: 'participation',
          startDate: '2026-01-01',
          endDate: '2026-12-31',
          parties: [
            { organisationId: 'org-kompas', role: 'contractor' },
            { organisationId: 'org-wijkracht', role: 'subcontractor' },
          ],
          services: [
            {
              id: 'svc-s',
              name: 'Portaal',
              levels: [
                {
                  id: 'sl-s',
                  measure: 'Beschikbaarheid',
                  unit: 'percent',
                  target: 99.5,
                  direction: 'at_least',
                  period: 'month',
                },
              ],
              price: { model: 'fixed', yearlyCents: 100_000 },
            },
          ],
        },
        inkoper,
      ),
    );
    const id = created.id;
    ok(await api.mutate('agreement.share', { id, expectedVersion: created.version, shared: true }, inkoper));
    const level = { serviceId: 'svc-s', levelId: 'sl-s' };
    for (const [token, values] of [
      [kompas, [99.1, 98.2]],
      [wijkracht, [99.9, 99.8]],
    ] as const) {
      for (const [i, value] of values.entries())
        ok(
          await api.mutate(
            'service.report',
            { agreementId: id, period: `2026-0${i + 1}`, values: [{ ...level, value }] },
            token,
          ),
        );
    }
    const seen = (view: View) =>
      view.parties.map((p) => [p.party, p.levels[0]!.values.map((v) => v.value), p.levels[0]!.signal]);
    expect(seen(ok<View>(await api.query('service.levels', { agreementId: id }, kompas)))).toEqual([
      ['PV81234567', [99.1, 98.2], true],
    ]);
    expect(seen(ok<View>(await api.query('service.levels', { agreementId: id }, wijkracht)))).toEqual([
      [WIJKRACHT, [99.9, 99.8], false],
    ]);
    expect(seen(ok<View>(await api.query('service.levels', { agreementId: id }, manager)))).toEqual([
      ['PV81234567', [99.1, 98.2], true],
      [WIJKRACHT, [99.9, 99.8], false],
    ]);
    // Kompas cannot correct, nor report for, Wijkracht: NOT_FOUND, nothing written.
    const snapshot = await tableFingerprint(api.db);
    const theirs = await api.mutate(
      'service.correct',
      { agreementId: id, period: '2026-01', ...level, value: 10, expectedVersion: 1, party: WIJKRACHT },
      kompas,
    );
    expect(theirs.status).toBe(404);
    const asThem = await api.mutate(
      'service.report',
      { agreementId: id, period: '2026-03', values: [{ ...level, value: 10 }], party: WIJKRACHT },
      kompas,
    );
    expect(asThem.status).toBe(404);
    expect(await tableFingerprint(api.db)).toEqual(snapshot);
    // The owner's dashboard names whose level it is.
    const row = (await dashboardRows(manager, 'GM0233')).find((r) => r.agreementId === id);
    expect(row?.signals).toEqual([
      expect.objectContaining({ party: 'PV81234567', periods: ['2026-01', '2026-02'] }),
    ]);
  });
});
