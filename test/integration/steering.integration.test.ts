import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type ProcedureInput, startTestApi, type TestApi } from '../support/api.ts';
import { createTestDb } from '../support/db.ts';

describe('steering: relation designer and roles (SPEC §4.1–4.2)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(await createTestDb(inject('dynamoEndpoint'), { seed: true }));
  });
  afterAll(() => api.close());

  it('proposes a relation type with its rationale and governance defaults', async () => {
    const response = await api.query(
      'steering.propose',
      { answers: { complexity: 'high', controlWhat: 'low', controlHow: 'low', alignment: 'aligned' } },
      await api.token('ermelo.viewer'),
    );
    expect(response.status).toBe(200);
    expect(response.body.result.data).toMatchObject({
      type: 'partner',
      governance: { kpiDepth: 'outcome', executionVariant: 'task' },
    });
    expect(response.body.result.data.rationale).toHaveLength(4);
  });

  it('stores a decision with the proposal recomputed, versioned and audited, without touching the terms version', async () => {
    const token = await api.token('ermelo.contractmanager');
    const before = (await api.query('agreement.get', { id: 'erm-wmo-2026' }, token)).body.result.data;
    const answers: ProcedureInput<'steering.propose'>['answers'] = {
      complexity: 'low',
      controlWhat: 'high',
      controlHow: 'high',
      alignment: 'divergent',
    };
    const governance = (await api.query('steering.propose', { answers }, token)).body.result.data.governance;
    const saved = await api.mutate(
      'steering.update',
      {
        agreementId: 'erm-wmo-2026',
        expectedVersion: 0,
        relation: { answers, chosen: 'customer', governance, motivation: 'Markt kent het product' },
      },
      token,
    );
    expect(saved.status).toBe(200);
    expect(saved.body.result.data).toMatchObject({
      version: 1,
      relation: { proposed: 'boss', chosen: 'customer' },
    });
    const stale = await api.mutate(
      'steering.update',
      { agreementId: 'erm-wmo-2026', expectedVersion: 0, roles: {} },
      token,
    );
    expect(stale.status).toBe(409);
    const after = (await api.query('agreement.get', { id: 'erm-wmo-2026' }, token)).body.result.data;
    expect(after.version).toBe(before.version);
    const history = (await api.query('agreement.history', { id: 'erm-wmo-2026' }, token)).body.result.data;
    expect(history.at(-1)).toMatchObject({ action: 'steering', actor: 'ermelo.contractmanager' });
    expect(
      (await api.query('agreement.verifyAudit', { id: 'erm-wmo-2026' }, token)).body.result.data.valid,
    ).toBe(true);
    // A terms edit after a steering edit still works with the terms version the user saw.
    const edit = await api.mutate(
      'agreement.update',
      { id: 'erm-wmo-2026', expectedVersion: before.version, data: { title: 'Begeleiding individueel' } },
      token,
    );
    expect(edit.status).toBe(200);
    expect(
      (await api.query('agreement.verifyAudit', { id: 'erm-wmo-2026' }, token)).body.result.data.valid,
    ).toBe(true);
  });

  it('warns on the agreement and tenant-wide when opdrachtgever and eigenaar share a portfolio holder', async () => {
    const token = await api.token('harderwijk.contractmanager');
    const gr = await api.query('steering.get', { agreementId: 'rnv-gr-01' }, token);
    expect(gr.body.result.data.warnings).toEqual([
      { code: 'owner_and_client_same_portfolio_holder', portfolioHolder: 'Wethouder M. Bakker' },
    ]);
    const region = await api.query('steering.roleConflicts', { space: 'RGNOORDVELUWE' }, token);
    expect(region.body.result.data.items).toEqual([
      {
        agreementId: 'rnv-gr-01',
        reference: 'RNV-GR-01',
        title: 'GR Sociaal Domein Noord-Veluwe',
        portfolioHolder: 'Wethouder M. Bakker',
      },
    ]);
    const own = await api.query('steering.roleConflicts', {}, token);
    expect(own.body.result.data.items).toEqual([]);

    // Resolving the conflict (the region's to do) takes it off the report.
    const coordinator = await api.token('noordveluwe.coordinator');
    const current = (await api.query('steering.get', { agreementId: 'rnv-gr-01' }, coordinator)).body.result
      .data;
    await api.mutate(
      'steering.update',
      {
        agreementId: 'rnv-gr-01',
        expectedVersion: current.version,
        roles: {
          ...current.roles,
          eigenaar: { name: 'Lid algemeen bestuur', portfolioHolder: 'Wethouder K. Visser' },
        },
      },
      coordinator,
    );
    expect(
      (await api.query('steering.roleConflicts', { space: 'RGNOORDVELUWE' }, token)).body.result.data.items,
    ).toEqual([]);
  });

  it('keeps steering internal: providers may not read it and the party view has none of it', async () => {
    const signer = await api.token('wijkracht.signer');
    expect((await api.query('steering.get', { agreementId: 'erm-hh-2026' }, signer)).status).toBe(403);
    // The seeded draft is internal until shared with its provider for negotiation (issue 11).
    expect((await api.query('agreement.get', { id: 'erm-hh-2026' }, signer)).status).toBe(404);
    const inkoper = await api.token('ermelo.inkoper');
    const { version } = (await api.query('agreement.get', { id: 'erm-hh-2026' }, inkoper)).body.result.data;
    const shared = await api.mutate(
      'agreement.share',
      { id: 'erm-hh-2026', expectedVersion: version, shared: true },
      inkoper,
    );
    expect(shared.status).toBe(200);
    const view = (await api.query('agreement.get', { id: 'erm-hh-2026' }, signer)).body.result.data;
    expect(JSON.stringify(view)).not.toMatch(/Mulder|relation|opdrachtgever/);
  });
});

describe('steering dashboard', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(await createTestDb(inject('dynamoEndpoint'), { seed: true }));
  });
  afterAll(() => api.close());

  it('counts relation types, and lists overdue duties, open escalations and role conflicts with their agreements', async () => {
    const viewer = await api.token('ermelo.viewer');
    const own = (await api.query('steering.dashboard', {}, viewer)).body.result.data;
    // ERM-2026-HH03 and the combination contract ERM-2026-JH02 (seed-relation.ts) as customer.
    expect(own.relationTypes).toEqual({ boss: 0, customer: 2, partner: 0 });
    expect(own.openEscalations.map((e: { reference: string }) => e.reference)).toEqual(['ERM-2025-JH01']);
    const today = new Date().toISOString().slice(0, 10);
    expect(own.overdueDuties.every((d: { dueDate: string }) => d.dueDate < today)).toBe(true);
    const region = (await api.query('steering.dashboard', { space: 'RGNOORDVELUWE' }, viewer)).body.result
      .data;
    expect(region.roleConflicts.map((c: { reference: string }) => c.reference)).toEqual(['RNV-GR-01']);

    // A decision moves the count from one type to another.
    const manager = await api.token('ermelo.contractmanager');
    const current = (await api.query('steering.get', { agreementId: 'erm-hh-2026' }, manager)).body.result
      .data;
    const answers: ProcedureInput<'steering.propose'>['answers'] = {
      complexity: 'high',
      controlWhat: 'low',
      controlHow: 'low',
      alignment: 'aligned',
    };
    const governance = (await api.query('steering.propose', { answers }, manager)).body.result.data
      .governance;
    await api.mutate(
      'steering.update',
      {
        agreementId: 'erm-hh-2026',
        expectedVersion: current.version,
        relation: { answers, chosen: 'partner', governance },
      },
      manager,
    );
    expect((await api.query('steering.dashboard', {}, viewer)).body.result.data.relationTypes).toEqual({
      boss: 0,
      customer: 1,
      partner: 1,
    });
  });

  it('shows a ceiling at risk after a realisation crosses 80%', async () => {
    const manager = await api.token('ermelo.contractmanager');
    await api.mutate(
      'budget.record',
      { agreementId: 'erm-dvo-2026', realisation: { period: '2026-10', amountCents: 8_000_000 } },
      manager,
    );
    const board = (await api.query('steering.dashboard', {}, manager)).body.result.data;
    expect(board.ceilingsAtRisk).toEqual([
      {
        agreementId: 'erm-dvo-2026',
        reference: 'ERM-DVO-2026-01',
        title: 'DVO schuldhulpverlening',
        threshold: 80,
      },
    ]);
  });
});
