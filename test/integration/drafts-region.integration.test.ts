import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '@regie/db';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.ts';
import { createTestDb } from '../support/db.ts';

/**
 * Issue 11 points 2, 6 and 7: a draft stays internal until it is offered or shared; nothing is reported on an
 * agreement that does not run; a region's agreements are changed only by the region's own users; tenant
 * settings are versioned and organisations audited on the space's own chain.
 */
// biome-ignore lint/suspicious/noExplicitAny: test bodies are checked by their assertions
type Body = any;
const REGION = 'RGNOORDVELUWE';

describe('drafts, region agreements and the space chain', () => {
  let api: TestApi;
  const as = (user: string) => api.token(user);
  const ok = (res: { status: number; body: Body }) => {
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.result.data;
  };

  beforeAll(async () => {
    api = await startTestApi(await createTestDb(inject('dynamoEndpoint'), { seed: true }));
  });
  afterAll(() => api.close());

  const draft = async (reference: string, valueCeilingCents: number) =>
    ok(
      await api.mutate(
        'agreement.create',
        {
          kind: 'contract',
          reference,
          title: `Concept ${reference}`,
          domain: 'youth',
          startDate: '2026-01-01',
          endDate: '2027-12-31',
          valueCeilingCents,
          parties: [{ organisationId: 'org-kompas', role: 'contractor' }],
          duties: [{ kind: 'periodic', title: 'Kwartaal', frequency: 'quarterly', dueDays: 30 }],
          kpis: [{ name: 'Wachttijd', unit: 'weken', target: 6, direction: 'lower', frequency: 'quarterly' }],
        },
        await as('ermelo.inkoper'),
      ),
    );

  /** What kompas's users can see of an agreement: get, register, dues and signing inbox. */
  async function kompasSees(id: string, reference: string) {
    const signer = await as('kompas.signer');
    const get = await api.query('agreement.get', { id }, signer);
    const find = ok(await api.query('agreement.find', { limit: 100 }, signer));
    const due = ok(await api.query('report.due', {}, await as('kompas.reporter')));
    const inbox = ok(await api.query('signing.inbox', {}, signer));
    return {
      get: get.status,
      register: find.items.some((a: Body) => a.id === id || a.reference === reference),
      due: due.some((d: Body) => d.agreementId === id),
      inbox: inbox.some((s: Body) => s.agreementId === id),
    };
  }
  const hidden = { get: 404, register: false, due: false, inbox: false };
  const lastEvent = async (id: string) =>
    ok(await api.query('agreement.history', { id }, await as('ermelo.contractmanager'))).at(-1);

  describe('drafts stay internal (point 2)', () => {
    it('keeps a new draft with a provider party out of that provider’s register, get, dues and inbox', async () => {
      const a = await draft('CONCEPT-1', 5_000_000);
      expect(a.sharedWithParties).toBe(false);
      expect(await kompasSees(a.id, a.reference)).toEqual(hidden);
      // The same answer as for an id that does not exist.
      const missing = await api.query('agreement.get', { id: 'no-such-draft' }, await as('kompas.signer'));
      const real = await api.query('agreement.get', { id: a.id }, await as('kompas.signer'));
      expect(real.body.error.message).toBe(missing.body.error.message);
      for (const [path, input] of [
        ['report.list', { agreementId: a.id }],
        ['budget.reported', { agreementId: a.id }],
        ['kpi.results', { agreementId: a.id }],
        ['signing.status', { agreementId: a.id }],
      ] as const) {
        expect((await api.query(path, input, await as('kompas.reporter'))).status, path).toBe(404);
      }
    });

    it('shows a shared draft to its provider and takes it away when the share is withdrawn, each audited', async () => {
      const a = await draft('CONCEPT-2', 5_000_000);
      const shared = ok(
        await api.mutate(
          'agreement.share',
          { id: a.id, expectedVersion: a.version, shared: true },
          await as('ermelo.inkoper'),
        ),
      );
      expect(shared).toMatchObject({ sharedWithParties: true, status: 'draft', version: a.version + 1 });
      const seen = await kompasSees(a.id, a.reference);
      expect(seen).toMatchObject({ get: 200, register: true });
      const view = ok(await api.query('agreement.get', { id: a.id }, await as('kompas.signer')));
      expect(view).toMatchObject({ view: 'party', status: 'draft' });
      expect(view.sharedWithParties).toBeUndefined();
      // Not a party: Wijkracht still sees nothing.
      expect((await api.query('agreement.get', { id: a.id }, await as('wijkracht.signer'))).status).toBe(404);
      expect(await lastEvent(a.id)).toMatchObject({
        action: 'share',
        actor: 'ermelo.inkoper',
        changes: {
          sharedWithParties: { before: false, after: true },
          partyViews: { before: [], after: ['PV81234567'] },
        },
      });

      const stale = await api.mutate(
        'agreement.share',
        { id: a.id, expectedVersion: a.version, shared: false },
        await as('ermelo.inkoper'),
      );
      expect(stale.status).toBe(409);
      expect((await kompasSees(a.id, a.reference)).get).toBe(200);

      const withdrawn = ok(
        await api.mutate(
          'agreement.share',
          { id: a.id, expectedVersion: shared.version, shared: false },
          await as('ermelo.contractmanager'),
        ),
      );
      expect(withdrawn.sharedWithParties).toBe(false);
      expect(await kompasSees(a.id, a.reference)).toEqual(hidden);
      expect(await lastEvent(a.id)).toMatchObject({
        action: 'unshare',
        changes: { partyViews: { before: ['PV81234567'], after: [] } },
      });
      const verify = ok(await api.query('agreement.verifyAudit', { id: a.id }, await as('ermelo.viewer')));
      expect(verify.valid).toBe(true);
    });

    it('refuses a share by a provider, a viewer, or on an agreement already offered', async () => {
      const a = await draft('CONCEPT-3', 5_000_000);
      const input = { id: a.id, expectedVersion: a.version, shared: true };
      expect((await api.mutate('agreement.share', input, await as('kompas.signer'))).status).toBe(403);
      expect((await api.mutate('agreement.share', input, await as('ermelo.viewer'))).status).toBe(403);
      const active = await api.mutate(
        'agreement.share',
        { id: 'erm-jh-2025', expectedVersion: 1, shared: false },
        await as('ermelo.inkoper'),
      );
      expect(active.status).toBe(400);
      expect((await kompasSees(a.id, a.reference)).get).toBe(404);
    });

    it('shows the agreement once it goes out for signature, and takes no report, realisation or KPI before it is active', async () => {
      const a = await draft('CONCEPT-4', 5_000_000);
      const sent = ok(
        await api.mutate(
          'agreement.transition',
          { id: a.id, expectedVersion: a.version, to: 'out_for_signature' },
          await as('ermelo.inkoper'),
        ),
      );
      expect(await kompasSees(a.id, a.reference)).toMatchObject({ get: 200, register: true, inbox: true });
      expect(await lastEvent(a.id)).toMatchObject({
        action: 'transition',
        changes: { partyViews: { before: [], after: ['PV81234567'] } },
      });

      const reporter = await as('kompas.reporter');
      const refused = [
        await api.mutate(
          'report.submit',
          { agreementId: a.id, dutyId: a.duties[0].id, period: '2026-Q1', summary: 'Te vroeg' },
          reporter,
        ),
        await api.mutate(
          'budget.record',
          { agreementId: a.id, realisation: { period: '2026-01', amountCents: 100 } },
          reporter,
        ),
        await api.mutate(
          'kpi.record',
          { agreementId: a.id, kpiId: a.kpis[0].id, period: '2026-Q1', value: 5, expectedVersion: 0 },
          reporter,
        ),
        await api.mutate(
          'report.submit',
          { agreementId: a.id, dutyId: a.duties[0].id, period: '2026-Q1', summary: 'Te vroeg' },
          await as('ermelo.contractmanager'),
        ),
      ];
      for (const res of refused) {
        expect(res.status, JSON.stringify(res.body)).toBe(400);
        expect(res.body.error.message).toMatch(/must be active/);
      }
      expect(ok(await api.query('report.list', { agreementId: a.id }, reporter))).toEqual([]);
      expect(ok(await api.query('budget.reported', { agreementId: a.id }, reporter)).realisations).toEqual(
        [],
      );
      expect(ok(await api.query('agreement.get', { id: a.id }, await as('ermelo.viewer'))).version).toBe(
        sent.version,
      );
    });

    it('takes the view away when approval rejects a shared draft back to draft', async () => {
      const a = await draft('CONCEPT-5', 20_000_000);
      const inkoper = await as('ermelo.inkoper');
      const shared = ok(
        await api.mutate('agreement.share', { id: a.id, expectedVersion: 1, shared: true }, inkoper),
      );
      const asked = ok(
        await api.mutate(
          'agreement.transition',
          { id: a.id, expectedVersion: shared.version, to: 'in_approval' },
          inkoper,
        ),
      );
      expect(asked.sharedWithParties).toBe(true);
      expect((await kompasSees(a.id, a.reference)).get).toBe(200);
      const rejected = ok(
        await api.mutate(
          'agreement.transition',
          { id: a.id, expectedVersion: asked.version, to: 'draft', note: 'Tarieven te hoog' },
          await as('ermelo.approver'),
        ),
      );
      expect(rejected).toMatchObject({ status: 'draft', sharedWithParties: false });
      expect(await kompasSees(a.id, a.reference)).toEqual(hidden);
      expect(await lastEvent(a.id)).toMatchObject({
        action: 'transition',
        actor: 'ermelo.approver',
        changes: {
          status: { before: 'in_approval', after: 'draft' },
          sharedWithParties: { before: true, after: false },
          partyViews: { before: ['PV81234567'], after: [] },
        },
      });
    });
  });

  describe('region agreements are changed by the region’s own users (point 6)', () => {
    const version = async (id: string) =>
      ok(await api.query('agreement.get', { id }, await as('ermelo.viewer'))).version as number;

    it('refuses a member municipality’s inkoper, contract manager and approver, and changes nothing', async () => {
      const before = { ict: await version('rnv-ict-01'), gr: await version('rnv-gr-01') };
      const hw = await as('harderwijk.inkoper');
      const attempts = [
        await api.mutate(
          'agreement.update',
          { id: 'rnv-ict-01', expectedVersion: before.ict, data: { title: 'Overgenomen' } },
          hw,
        ),
        await api.mutate(
          'agreement.update',
          {
            id: 'rnv-ict-01',
            expectedVersion: before.ict,
            data: {
              allocationKey: {
                method: 'fixed',
                weights: [
                  { space: 'GM0233', weight: 100 },
                  { space: 'GM0243', weight: 9_800 },
                  { space: 'GM0050', weight: 100 },
                ],
              },
            },
          },
          hw,
        ),
        await api.mutate(
          'agreement.transition',
          { id: 'rnv-gr-01', expectedVersion: before.gr, to: 'terminated' },
          hw,
        ),
        await api.mutate('agreement.renew', { id: 'rnv-ict-01', expectedVersion: before.ict }, hw),
        await api.mutate(
          'agreement.share',
          { id: 'rnv-gr-01', expectedVersion: before.gr, shared: true },
          hw,
        ),
        await api.mutate(
          'agreement.update',
          { id: 'rnv-ict-01', expectedVersion: before.ict, data: { title: 'Overgenomen' } },
          await as('harderwijk.contractmanager'),
        ),
        await api.mutate(
          'agreement.create',
          {
            kind: 'service_agreement',
            space: REGION,
            reference: 'RNV-LID-01',
            title: 'Door een lid aangemaakt',
            domain: 'ict',
            startDate: '2027-01-01',
            endDate: '2027-12-31',
          },
          await as('ermelo.inkoper'),
        ),
        await api.mutate(
          'signing.sign',
          { agreementId: 'rnv-ict-01', documentHash: 'a'.repeat(64), consent: true },
          await as('ermelo.approver'),
        ),
      ];
      for (const res of attempts) {
        expect(res.status, JSON.stringify(res.body)).toBe(403);
        expect(res.body.error.message).toMatch(/region’s own users/);
      }
      expect({ ict: await version('rnv-ict-01'), gr: await version('rnv-gr-01') }).toEqual(before);
      const refs = ok(
        await api.query('agreement.find', { space: REGION, q: 'RNV-LID-01' }, await as('ermelo.viewer')),
      );
      expect(refs.items).toEqual([]);
    });

    it('lets members read it with their share, and offers them no moves', async () => {
      const view = ok(await api.query('agreement.get', { id: 'rnv-ict-01' }, await as('harderwijk.inkoper')));
      expect(view.space).toBe(REGION);
      expect(view.transitions).toEqual([]);
      const share = view.shares.find((s: Body) => s.space === 'GM0243');
      expect(share.cents).toBeGreaterThan(0);
      expect(view.shares.reduce((sum: number, s: Body) => sum + s.cents, 0)).toBe(view.valueCeilingCents);
    });

    it('lets the region’s own coordinator update, re-key, renew, create and move its agreements', async () => {
      const coordinator = await as('noordveluwe.coordinator');
      const ict = ok(await api.query('agreement.get', { id: 'rnv-ict-01' }, coordinator));
      expect(ict.transitions).toEqual(['terminated', 'expired']);
      const keyed = ok(
        await api.mutate(
          'agreement.update',
          {
            id: 'rnv-ict-01',
            expectedVersion: ict.version,
            data: {
              title: 'Regionale ICT-dienstverlening (herzien)',
              allocationKey: {
                method: 'fixed',
                weights: [
                  { space: 'GM0233', weight: 3_000 },
                  { space: 'GM0243', weight: 4_500 },
                  { space: 'GM0050', weight: 2_500 },
                ],
              },
            },
          },
          coordinator,
        ),
      );
      expect(keyed.allocationKey.method).toBe('fixed');
      const renewed = ok(
        await api.mutate(
          'agreement.renew',
          { id: 'rnv-ict-01', expectedVersion: keyed.version },
          coordinator,
        ),
      );
      expect(renewed.endDate).toBe('2029-12-31');
      // The members read the new key at once.
      const member = ok(await api.query('agreement.get', { id: 'rnv-ict-01' }, await as('zeewolde.inkoper')));
      expect(member.shares.find((s: Body) => s.space === 'GM0050').cents).toBe(
        Math.round(member.valueCeilingCents * 0.25),
      );

      const gr = ok(
        await api.mutate(
          'agreement.create',
          {
            kind: 'joint_arrangement',
            space: REGION,
            reference: 'RNV-GR-02',
            title: 'GR Regionaal Archief',
            domain: 'other',
            startDate: '2027-01-01',
            endDate: '2099-12-31',
          },
          coordinator,
        ),
      );
      expect(gr.space).toBe(REGION);
      const active = ok(
        await api.mutate(
          'agreement.transition',
          { id: gr.id, expectedVersion: gr.version, to: 'active' },
          coordinator,
        ),
      );
      expect(active.status).toBe('active');
    });
  });

  describe('tenant settings and organisations (point 7)', () => {
    it('refuses settings saved on a stale version and changes nothing', async () => {
      const admin = await as('ermelo.admin');
      const settings = ok(await api.query('tenant.settings', undefined, admin));
      expect(settings.version).toBeGreaterThanOrEqual(1);
      const saved = ok(
        await api.mutate(
          'tenant.updateSettings',
          { expectedVersion: settings.version, signalThresholds: [75, 100] },
          admin,
        ),
      );
      expect(saved).toMatchObject({ version: settings.version + 1, signalThresholds: [75, 100] });
      const stale = await api.mutate(
        'tenant.updateSettings',
        { expectedVersion: settings.version, signalThresholds: [50] },
        admin,
      );
      expect(stale.status).toBe(409);
      expect(ok(await api.query('tenant.settings', undefined, admin))).toMatchObject({
        version: saved.version,
        signalThresholds: [75, 100],
      });
      // Without expectedVersion on purpose: the schema refuses it.
      const missing = await api.raw.mutate('tenant.updateSettings', { signalThresholds: [50] }, admin);
      expect(missing.status).toBe(400);
    });

    it('writes an audit event for a new organisation on the space’s chain, and the chain verifies', async () => {
      const created = ok(
        await api.mutate(
          'organisation.create',
          { kind: 'provider', name: 'Zorggroep Veluwe B.V.', kvkNumber: '87654321' },
          await as('ermelo.contractmanager'),
        ),
      );
      const trail = ok(await api.query('tenant.history', undefined, await as('ermelo.admin')));
      expect(trail.verification).toMatchObject({ valid: true, events: trail.events.length });
      expect(trail.events.at(-1)).toMatchObject({
        action: 'organisation.create',
        objectType: 'organisation',
        objectId: created.id,
        actor: 'ermelo.contractmanager',
        changes: { organisation: { before: null, after: { name: 'Zorggroep Veluwe B.V.' } } },
      });
      expect(trail.events.some((e: Body) => e.action === 'settings')).toBe(true);
      // A provider, or a municipal user without the admin or viewer role, does not read the space's trail.
      expect((await api.query('tenant.history', undefined, await as('kompas.signer'))).status).toBe(403);
      expect((await api.query('tenant.history', undefined, await as('ermelo.inkoper'))).status).toBe(403);
    });

    it('names the first broken link when an event of the space’s chain was altered', async () => {
      const trail = ok(await api.query('tenant.history', undefined, await as('ermelo.admin')));
      const first = trail.events[0];
      await api.db.doc.send(
        new UpdateCommand({
          TableName: api.db.tableName,
          Key: keys.spaceEvent('GM0233', first.seq),
          UpdateExpression: 'SET actor = :a',
          ExpressionAttributeValues: { ':a': 'iemand-anders' },
        }),
      );
      const after = ok(await api.query('tenant.history', undefined, await as('ermelo.viewer')));
      expect(after.verification).toMatchObject({ valid: false, brokenAt: first.seq });
    });
  });
});
