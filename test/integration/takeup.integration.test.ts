import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type ProcedureInput, startTestApi, type TestApi } from '../support/api.ts';
import { createTestDb } from '../support/db.ts';
import { tableFingerprint } from '../support/snapshot.ts';

/**
 * Issue 16 point 3: per-member take-up of the regional ICT agreement RNV-ICT-01. The seed has Ermelo, Harderwijk
 * and Zeewolde's take-up (seed-takeup.ts); the region's coordinator sees and changes every member's, a member sees
 * its own in full and the others only as totals, Utrecht gets NOT_FOUND, and a stale version writes nothing.
 */
describe('take-up per member', () => {
  let api: TestApi;
  const ICT = 'rnv-ict-01';

  beforeAll(async () => {
    api = await startTestApi(await createTestDb(inject('dynamoEndpoint'), { seed: true }));
  });
  afterAll(() => api.close());

  const list = async (user: string, agreementId = ICT) =>
    api.raw.query('takeup.list', { agreementId }, await api.token(user));
  const set = async (user: string, input: Omit<ProcedureInput<'takeup.set'>, 'agreementId'>) =>
    api.raw.mutate('takeup.set', { agreementId: ICT, ...input }, await api.token(user));

  it('shows the region every member’s seeded take-up with its yearly price', async () => {
    const response = await list('noordveluwe.coordinator');
    expect(response.status).toBe(200);
    const view = response.body.result.data;
    expect(view.canWrite).toBe(true);
    expect(view.basisServiceId).toBe('svc-ict-basis');
    const byMember = Object.fromEntries(view.rows.map((r: { member: string }) => [r.member, r]));
    expect(byMember.GM0233.totalCents).toBe(9_820_000);
    expect(byMember.GM0243.totalCents).toBe(10_540_000);
    expect(byMember.GM0050.totalCents).toBe(5_740_000);
    expect(view.totalCents).toBe(26_100_000);
    expect(byMember.GM0050.detail.modules.map((m: { serviceId: string }) => m.serviceId)).toEqual([
      'svc-ict-basis',
      'svc-ict-zaak',
    ]);
    expect(byMember.GM0233.detail.modules).toEqual([
      { serviceId: 'svc-ict-basis', quantity: 180, cents: 6_700_000 },
      { serviceId: 'svc-ict-zaak', quantity: 60, cents: 720_000 },
      { serviceId: 'svc-ict-ibp', cents: 2_400_000 },
    ]);
  });

  it('shows a member its own take-up in full and the others only as totals', async () => {
    const response = await list('ermelo.viewer');
    expect(response.status).toBe(200);
    const view = response.body.result.data;
    expect(view.canWrite).toBe(false);
    for (const row of view.rows) {
      if (row.member === 'GM0233') expect(row.detail.version).toBe(1);
      else expect(Object.keys(row).sort()).toEqual(['member', 'name', 'totalCents']);
    }
    // Nothing of the others' modules or quantities is in the answer, nor in the agreement's audit trail.
    expect(JSON.stringify(view)).not.toMatch(/"quantity":220|"quantity":100/);
    const history = await api.raw.query('agreement.history', { id: ICT }, await api.token('ermelo.viewer'));
    expect(history.status).toBe(200);
    const events = history.body.result.data.filter((e: { action: string }) => e.action === 'takeup.set');
    expect(events).toHaveLength(3);
    for (const e of events)
      for (const change of Object.values(e.changes) as { after: object }[])
        expect(Object.keys(change.after).sort()).toEqual(['totalCents', 'version']);
  });

  it('answers Utrecht NOT_FOUND, exactly as for a missing agreement', async () => {
    const foreign = await list('utrecht.inkoper');
    const ghost = await list('utrecht.inkoper', 'ghost-0000');
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.message).toBe(ghost.body.error.message);
    const write = await set('utrecht.inkoper', {
      member: 'GM0344',
      expectedVersion: 0,
      startDate: '2026-01-01',
      modules: [{ serviceId: 'svc-ict-basis', quantity: 1 }],
    });
    expect(write.status).toBe(404);
  });

  it('refuses a member writing take-up, even its own', async () => {
    const before = await tableFingerprint(api.db);
    const response = await set('ermelo.inkoper', {
      member: 'GM0233',
      expectedVersion: 1,
      startDate: '2026-01-01',
      modules: [{ serviceId: 'svc-ict-basis', quantity: 999 }],
    });
    expect(response.status).toBe(403);
    expect(response.body.error.data.reason).toBe('takeup.regionOnly');
    expect(await tableFingerprint(api.db)).toEqual(before);
  });

  it('refuses take-up without the basis package, and a non-member', async () => {
    const noBasis = await set('noordveluwe.coordinator', {
      member: 'GM0050',
      expectedVersion: 1,
      startDate: '2026-01-01',
      modules: [{ serviceId: 'svc-ict-ibp' }],
    });
    expect(noBasis.status).toBe(400);
    expect(noBasis.body.error.data.reason).toBe('takeup.basisRequired');
    const outsider = await set('noordveluwe.coordinator', {
      member: 'GM0344',
      expectedVersion: 0,
      startDate: '2026-01-01',
      modules: [{ serviceId: 'svc-ict-basis', quantity: 1 }],
    });
    expect(outsider.status).toBe(400);
    expect(outsider.body.error.data.reason).toBe('takeup.notMember');
  });

  it('updates a member’s take-up, audited, and a stale version writes nothing', async () => {
    const zeewolde = {
      member: 'GM0050',
      startDate: '2026-07-01',
      modules: [{ serviceId: 'svc-ict-basis', quantity: 110 }, { serviceId: 'svc-ict-ibp' }],
    };
    const ok = await set('noordveluwe.coordinator', { ...zeewolde, expectedVersion: 1 });
    expect(ok.status).toBe(200);
    const row = ok.body.result.data.rows.find((r: { member: string }) => r.member === 'GM0050');
    // € 40.000 + 110 × € 150 + € 24.000
    expect(row.totalCents).toBe(8_050_000);
    expect(row.detail).toMatchObject({ version: 2, startDate: '2026-07-01' });

    const before = await tableFingerprint(api.db);
    const stale = await set('noordveluwe.coordinator', { ...zeewolde, expectedVersion: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.data.reason).toBe('takeup.versionConflict');
    expect(await tableFingerprint(api.db)).toEqual(before);

    const history = await api.raw.query(
      'agreement.history',
      { id: ICT },
      await api.token('noordveluwe.coordinator'),
    );
    expect(JSON.stringify(history.body)).toContain('takeup.GM0050');
    // Zeewolde now sees its own new take-up; Ermelo sees only Zeewolde's new total.
    const seen = (await list('ermelo.viewer')).body.result.data.rows.find(
      (r: { member: string }) => r.member === 'GM0050',
    );
    expect(seen).toEqual({ member: 'GM0050', name: expect.any(String), totalCents: 8_050_000 });
  });

  it('refuses take-up on an agreement that is not a region’s service agreement', async () => {
    const response = await list('ermelo.viewer', 'erm-dvo-2026');
    expect(response.status).toBe(400);
    expect(response.body.error.data.reason).toBe('takeup.notRegional');
  });

  describe('the region shares the take-up details with its members', () => {
    const configure = async (user: string, shareWithMembers: boolean, expectedVersion: number) =>
      api.raw.mutate(
        'takeup.configure',
        { agreementId: ICT, shareWithMembers, expectedVersion },
        await api.token(user),
      );
    const rowsOf = async (user: string) => {
      const response = await list(user);
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      const view = response.body.result.data;
      return {
        view,
        row: (member: string) => view.rows.find((r: { member: string }) => r.member === member),
      };
    };

    it('refuses a member flipping the setting, and answers an outsider NOT_FOUND', async () => {
      const before = await tableFingerprint(api.db);
      for (const user of ['ermelo.inkoper', 'harderwijk.inkoper', 'ermelo.contractmanager']) {
        const response = await configure(user, true, 0);
        expect(response.status, `${user} ${JSON.stringify(response.body)}`).toBe(403);
        expect(response.body.error.data.reason).toBe('takeup.regionOnly');
      }
      const outsider = await configure('utrecht.inkoper', true, 0);
      const ghost = await api.raw.mutate(
        'takeup.configure',
        { agreementId: 'ghost-0000', shareWithMembers: true, expectedVersion: 0 },
        await api.token('utrecht.inkoper'),
      );
      expect(outsider.status).toBe(404);
      expect(outsider.body.error.message).toBe(ghost.body.error.message);
      expect(await tableFingerprint(api.db)).toEqual(before);
      // Still not shared: Ermelo sees Harderwijk only as a total.
      const { view, row } = await rowsOf('ermelo.viewer');
      expect(view.sharing).toEqual({ shareWithMembers: false, version: 0 });
      expect(row('GM0243').detail).toBeUndefined();
    });

    it('shows every member the others’ details only while the region shares them', async () => {
      const on = await configure('noordveluwe.coordinator', true, 0);
      expect(on.status, JSON.stringify(on.body)).toBe(200);
      expect(on.body.result.data.sharing).toEqual({ shareWithMembers: true, version: 1 });

      const ermelo = await rowsOf('ermelo.viewer');
      expect(ermelo.view.canWrite).toBe(false);
      expect(ermelo.row('GM0243').detail.modules.map((m: { serviceId: string }) => m.serviceId)).toContain(
        'svc-ict-basis',
      );
      expect(ermelo.row('GM0050').detail).toMatchObject({ version: 2, startDate: '2026-07-01' });
      const harderwijk = await rowsOf('harderwijk.inkoper');
      expect(harderwijk.row('GM0233').detail.modules).toEqual([
        { serviceId: 'svc-ict-basis', quantity: 180, cents: 6_700_000 },
        { serviceId: 'svc-ict-zaak', quantity: 60, cents: 720_000 },
        { serviceId: 'svc-ict-ibp', cents: 2_400_000 },
      ]);
      // A municipality outside the region still gets NOT_FOUND.
      expect((await list('utrecht.inkoper')).status).toBe(404);

      // A stale version writes nothing; the change is in the agreement's audit trail.
      const before = await tableFingerprint(api.db);
      const stale = await configure('noordveluwe.coordinator', false, 0);
      expect(stale.status).toBe(409);
      expect(stale.body.error.data.reason).toBe('takeup.versionConflict');
      expect(await tableFingerprint(api.db)).toEqual(before);
      const history = await api.raw.query('agreement.history', { id: ICT }, await api.token('ermelo.viewer'));
      const events = history.body.result.data.filter(
        (e: { action: string }) => e.action === 'takeup.configure',
      );
      expect(events).toHaveLength(1);
      expect(events[0].changes['takeup.shareWithMembers']).toEqual({ before: false, after: true });

      const off = await configure('noordveluwe.coordinator', false, 1);
      expect(off.status).toBe(200);
      const again = await rowsOf('ermelo.viewer');
      expect(again.view.sharing).toEqual({ shareWithMembers: false, version: 2 });
      expect(again.row('GM0243')).toEqual({
        member: 'GM0243',
        name: expect.any(String),
        totalCents: 10_540_000,
      });
      expect(again.row('GM0233').detail.version).toBe(1);
      // The region itself sees every member in full either way.
      const region = await rowsOf('noordveluwe.coordinator');
      expect(region.row('GM0243').detail).toBeDefined();
    });
  });

  describe('a member’s own DVO under the regional agreement', () => {
    const child = async (user: string, input: Record<string, unknown>) =>
      api.raw.mutate('takeup.createChild', { agreementId: ICT, ...input }, await api.token(user));

    it('creates Ermelo’s draft DVO with its take-up pre-filled and the parent link set', async () => {
      const response = await child('ermelo.inkoper', { reference: 'ERM-DVO-ICT-01' });
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      const dvo = response.body.result.data;
      expect(dvo).toMatchObject({
        space: 'GM0233',
        kind: 'service_agreement',
        status: 'draft',
        parentId: ICT,
        startDate: '2026-01-01',
        endDate: '2027-12-31',
        title: 'Regionale ICT-dienstverlening sociaal domein – Gemeente Ermelo',
      });
      // Ermelo's take-up: the basis package × 180, Zaakgericht werken × 60, Informatiebeveiliging (fixed).
      expect(
        dvo.services.map((s: { id: string; price: { quantity?: number } }) => [s.id, s.price.quantity]),
      ).toEqual([
        ['svc-ict-basis', 180],
        ['svc-ict-zaak', 60],
        ['svc-ict-ibp', undefined],
      ]);
      expect(dvo.services[0].levels.map((l: { id: string }) => l.id)).toEqual([
        'sl-ict-basis-beschikbaarheid',
        'sl-ict-basis-oplostijd',
      ]);
      // In Ermelo's register under its parent; audited like any create; Harderwijk does not see it.
      const children = await api.raw.query(
        'agreement.find',
        { parentId: ICT },
        await api.token('ermelo.viewer'),
      );
      expect(children.body.result.data.items.map((a: { id: string }) => a.id)).toContain(dvo.id);
      const audit = await api.raw.query(
        'agreement.verifyAudit',
        { id: dvo.id },
        await api.token('ermelo.viewer'),
      );
      expect(audit.body.result.data.valid).toBe(true);
      const other = await api.raw.query(
        'agreement.get',
        { id: dvo.id },
        await api.token('harderwijk.inkoper'),
      );
      expect(other.status).toBe(404);
    });

    it('gives Zeewolde only its own modules, and refuses the region, outsiders and a duplicate', async () => {
      const zeewolde = await child('zeewolde.inkoper', {
        reference: 'ZWD-DVO-ICT-01',
        title: 'DVO ICT Zeewolde',
      });
      expect(zeewolde.status, JSON.stringify(zeewolde.body)).toBe(200);
      // Zeewolde's take-up as the earlier test left it: the basis package × 110 and Informatiebeveiliging.
      expect(zeewolde.body.result.data.services.map((s: { id: string }) => s.id)).not.toContain(
        'svc-ict-zaak',
      );
      const before = await tableFingerprint(api.db);
      const refused: [string, Record<string, unknown>, number, string?][] = [
        ['noordveluwe.coordinator', { reference: 'RG-DVO' }, 403],
        ['ermelo.viewer', { reference: 'ERM-DVO-X' }, 403],
        ['utrecht.inkoper', { reference: 'UTR-DVO' }, 404],
        ['kompas.signer', { reference: 'KMP-DVO' }, 403],
        ['ermelo.inkoper', { reference: 'ERM-DVO-ICT-01' }, 409, 'agreement.referenceInUse'],
        // A member names no other member: the input has no such field.
        ['harderwijk.inkoper', { reference: 'HDW-DVO', member: 'GM0233' }, 400],
      ];
      for (const [user, input, status, reason] of refused) {
        const response = await child(user, input);
        expect(response.status, `${user} ${JSON.stringify(response.body)}`).toBe(status);
        if (reason) expect(response.body.error.data.reason).toBe(reason);
      }
      const onGr = await child('ermelo.inkoper', { agreementId: 'rnv-gr-01', reference: 'ERM-GR-X' });
      expect(onGr.status).toBe(400);
      expect(onGr.body.error.data.reason).toBe('takeup.notRegional');
      // A contract is no child of the region's service agreement.
      const contract = await api.raw.mutate(
        'agreement.create',
        {
          kind: 'contract',
          parentId: ICT,
          reference: 'ERM-X-ICT',
          title: 'x',
          domain: 'ict',
          startDate: '2026-01-01',
          endDate: '2026-12-31',
        },
        await api.token('ermelo.inkoper'),
      );
      expect(contract.status).toBe(400);
      expect(await tableFingerprint(api.db)).toEqual(before);
    });
  });
});
