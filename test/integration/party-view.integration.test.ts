import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.ts';
import { createTestDb } from '../support/db.ts';

/** SPEC §2 rules 4 and 5: providers see only their agreements, through a party view without internal fields. */
describe('party views for provider users', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(await createTestDb(inject('dynamoEndpoint'), { seed: true }));
  });
  afterAll(() => api.close());

  const INTERNAL_FIELDS = [
    'allocationKey',
    'createdBy',
    'updatedBy',
    'parties',
    'shares',
    'auditHash',
    'auditSeq',
    'pk',
    'gsi1pk',
  ];

  it('lists exactly the agreements the provider is party to, across municipalities', async () => {
    const kompas = await api.query('agreement.find', { limit: 100 }, await api.token('kompas.signer'));
    expect(kompas.status).toBe(200);
    const refs = kompas.body.result.data.items.map((a: { reference: string }) => a.reference).sort();
    // Its seeded drafts (ERM-2026-JH01-D1, HDW-2026-JH01) are internal until offered or shared (issue 11).
    // ERM-2026-JH02 is the contract it shares with Wijkracht; ERM-2026-JH03, HDW-2026-JH02 and ZWD-2026-JH01 are the
    // regional benchmark's contracts across three municipalities (seed-benchmark.ts), ERM-2026-JH05 the data
    // deliveries' (seed-deliveries.ts).
    expect(refs).toEqual([
      'ERM-2025-JH01',
      'ERM-2026-JH02',
      'ERM-2026-JH03',
      'ERM-2026-JH05',
      'HDW-2026-JH02',
      'ZWD-2026-JH01',
    ]);
    const wijkracht = await api.query(
      'agreement.find',
      { limit: 100 },
      await api.token('wijkracht.reporter'),
    );
    const wijkrachtRefs = wijkracht.body.result.data.items.map((a: { reference: string }) => a.reference);
    expect(wijkrachtRefs).toContain('ERM-DVO-2026-01'); // out for signature
    expect(wijkrachtRefs).toContain('ERM-SUB-2026-01'); // its own subsidy
    expect(wijkrachtRefs).not.toContain('ERM-2026-WMO02'); // a draft
    expect(wijkrachtRefs).toContain('ERM-2026-JH02'); // shared with Kompas
    expect(wijkrachtRefs).not.toContain('ERM-2025-JH01');
  });

  it('returns a party view without internal fields', async () => {
    const view = await api.query('agreement.get', { id: 'erm-jh-2025' }, await api.token('kompas.signer'));
    expect(view.status).toBe(200);
    const data = view.body.result.data;
    expect(data).toMatchObject({
      view: 'party',
      ownerSpace: 'GM0233',
      ownerName: 'Gemeente Ermelo',
      reference: 'ERM-2025-JH01',
      status: 'active',
      party: { organisationId: 'org-kompas', role: 'contractor' },
    });
    expect(data.productLines).toHaveLength(2);
    for (const field of INTERNAL_FIELDS) expect(data).not.toHaveProperty(field);
  });

  it('answers NOT_FOUND for an agreement the provider is not party to', async () => {
    const other = await api.query('agreement.get', { id: 'erm-wmo-2026' }, await api.token('kompas.signer'));
    expect(other.status).toBe(404);
    const missing = await api.query('agreement.get', { id: 'no-such-id' }, await api.token('kompas.signer'));
    expect(other.body.error.message).toBe(missing.body.error.message);
  });

  it('moves the view with the agreement: status changes show, a removed party loses it in the same write', async () => {
    const inkoper = await api.token('ermelo.inkoper');
    const created = await api.mutate(
      'agreement.create',
      {
        kind: 'contract',
        reference: 'PV-MOVE-1',
        title: 'Jeugdhulp Kompas pilot',
        domain: 'youth',
        startDate: '2026-01-01',
        endDate: '2026-12-31',
        parties: [{ organisationId: 'org-kompas', role: 'contractor' }],
      },
      inkoper,
    );
    expect(created.status).toBe(200);
    const { id } = created.body.result.data;
    const signer = await api.token('kompas.signer');
    // A draft is internal until it is shared for negotiation (or offered for signature).
    expect((await api.query('agreement.get', { id }, signer)).status).toBe(404);
    await api.mutate('agreement.share', { id, expectedVersion: 1, shared: true }, inkoper);
    expect((await api.query('agreement.get', { id }, signer)).body.result.data.status).toBe('draft');
    const moved = await api.mutate(
      'agreement.update',
      {
        id,
        expectedVersion: 2,
        data: { parties: [{ organisationId: 'org-wijkracht', role: 'contractor' }] },
      },
      inkoper,
    );
    expect(moved.status).toBe(200);
    expect((await api.query('agreement.get', { id }, signer)).status).toBe(404);
    const wijkracht = await api.token('wijkracht.signer');
    expect((await api.query('agreement.get', { id }, wijkracht)).status).toBe(200);
    await api.mutate('agreement.transition', { id, expectedVersion: 3, to: 'in_approval' }, inkoper);
    expect((await api.query('agreement.get', { id }, wijkracht)).body.result.data.status).toBe('in_approval');
  });

  it('shows each region member its share of a shared agreement, adding up to the cent', async () => {
    const ict = await api.query('agreement.get', { id: 'rnv-ict-01' }, await api.token('zeewolde.inkoper'));
    const { shares, valueCeilingCents } = ict.body.result.data;
    expect(shares.map((s: { space: string }) => s.space)).toEqual(['GM0233', 'GM0243', 'GM0050']);
    expect(shares.reduce((sum: number, s: { cents: number }) => sum + s.cents, 0)).toBe(valueCeilingCents);
  });
});
