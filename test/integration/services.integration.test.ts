import { type ServiceInput, serviceYearlyPrice } from '@regie/core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.ts';
import { createTestDb } from '../support/db.ts';
import { tableFingerprint } from '../support/snapshot.ts';

/**
 * Issue 16 point 1 through the API: the service catalogue is part of a service agreement's terms — created and
 * changed with `agreement.create` / `agreement.update`, versioned, audited with the terms, strict and bounded;
 * any other kind refuses it with a reason key and nothing written.
 */
const basis: ServiceInput = {
  name: 'Werkplekbeheer',
  description: 'Beheer van werkplekken en servicedesk',
  levels: [
    { measure: 'Beschikbaarheid', unit: 'percent', target: 99.5, direction: 'at_least', period: 'month' },
    {
      measure: 'Oplostijd incidenten',
      unit: 'working_hours',
      target: 8,
      direction: 'at_most',
      share: 95,
      period: 'month',
    },
  ],
  price: {
    model: 'basePlusUnit',
    baseYearlyCents: 1_200_000,
    unit: 'workstation',
    unitPriceCents: 45_050,
    quantity: 120,
  },
};
const archive: ServiceInput = {
  name: 'Digitaal archief',
  levels: [],
  price: { model: 'fixed', yearlyCents: 800_000 },
};

const terms = {
  domain: 'ict',
  startDate: '2026-01-01',
  endDate: '2027-12-31',
} as const;

type Stored = ServiceInput & { id: string; levels: (ServiceInput['levels'][number] & { id: string })[] };

describe('the service catalogue of a service agreement (SPEC §3.4)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(await createTestDb(inject('dynamoEndpoint'), { seed: true }));
  });
  afterAll(() => api.close());

  it('creates a DVO with its catalogue, giving each service and level an id, and audits it', async () => {
    const token = await api.token('ermelo.inkoper');
    const res = await api.mutate(
      'agreement.create',
      {
        kind: 'service_agreement',
        reference: 'SVC-DVO-1',
        title: 'DVO werkplek',
        ...terms,
        services: [basis],
      },
      token,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const created = res.body.result.data;
    const services = created.services as Stored[];
    expect(services).toHaveLength(1);
    expect(services[0]?.id).toMatch(/^[0-9a-z-]+$/);
    expect(services[0]?.levels.map((l) => l.id)).toEqual([expect.any(String), expect.any(String)]);
    expect(services[0]).toMatchObject({ name: basis.name, price: basis.price });
    // € 12.000 + 120 × € 450,50 = € 66.060
    expect(serviceYearlyPrice(services[0]!)).toBe(6_606_000);

    const history = (await api.query('agreement.history', { id: created.id }, token)).body.result.data;
    expect(history[0].changes.services.after).toEqual(services);
    const versions = (await api.query('agreement.versions', { id: created.id }, token)).body.result.data;
    expect(versions[0].terms.services).toEqual(services);
  });

  it('changes the catalogue with expectedVersion: ids kept, one new version and audit event', async () => {
    const token = await api.token('ermelo.inkoper');
    const created = (
      await api.mutate(
        'agreement.create',
        {
          kind: 'service_agreement',
          reference: 'SVC-DVO-2',
          title: 'DVO archief',
          ...terms,
          services: [basis],
        },
        token,
      )
    ).body.result.data;
    const [stored] = created.services as Stored[];
    const raised = { ...stored!, price: { ...basis.price, quantity: 130 } } as Stored;
    const res = await api.mutate(
      'agreement.update',
      { id: created.id, expectedVersion: created.version, data: { services: [raised, archive] } },
      token,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const updated = res.body.result.data;
    expect(updated.version).toBe(created.version + 1);
    expect(updated.termsVersion).toBe(updated.version);
    const [first, second] = updated.services as Stored[];
    expect(first?.id).toBe(stored?.id);
    expect(first?.levels.map((l) => l.id)).toEqual(stored?.levels.map((l) => l.id));
    expect(first?.price).toEqual({ ...basis.price, quantity: 130 });
    expect(second).toMatchObject({
      name: 'Digitaal archief',
      price: { model: 'fixed', yearlyCents: 800_000 },
    });

    const history = (await api.query('agreement.history', { id: created.id }, token)).body.result.data;
    const last = history.at(-1);
    expect(last.action).toBe('update');
    expect(Object.keys(last.changes).sort()).toEqual(['services', 'termsVersion']);
    expect(last.changes.services.before).toEqual(created.services);
    const verified = (await api.query('agreement.verifyAudit', { id: created.id }, token)).body.result.data;
    expect(verified.valid).toBe(true);
    const versions = (await api.query('agreement.versions', { id: created.id }, token)).body.result.data;
    expect(versions.map((v: { terms: { services: unknown[] } }) => v.terms.services.length)).toEqual([1, 2]);
  });

  it('refuses a stale version with nothing written', async () => {
    const token = await api.token('ermelo.inkoper');
    const created = (
      await api.mutate(
        'agreement.create',
        { kind: 'service_agreement', reference: 'SVC-DVO-3', title: 'DVO stale', ...terms },
        token,
      )
    ).body.result.data;
    const first = await api.mutate(
      'agreement.update',
      { id: created.id, expectedVersion: created.version, data: { services: [archive] } },
      token,
    );
    expect(first.status).toBe(200);
    const before = await tableFingerprint(api.db);
    const stale = await api.mutate(
      'agreement.update',
      { id: created.id, expectedVersion: created.version, data: { services: [basis] } },
      token,
    );
    expect(stale.status).toBe(409);
    expect(stale.body.error.data.reason).toBe('agreement.versionConflict');
    expect(await tableFingerprint(api.db)).toEqual(before);
  });

  it('refuses a catalogue on a kind that cannot carry one, with its reason and nothing written', async () => {
    const token = await api.token('ermelo.inkoper');
    const before = await tableFingerprint(api.db);
    for (const kind of ['contract', 'subsidy', 'joint_arrangement'] as const) {
      const res = await api.mutate(
        'agreement.create',
        { kind, reference: `SVC-${kind}`, title: 'Geen DVO', ...terms, services: [basis] },
        token,
      );
      expect(res.status, kind).toBe(400);
      expect(res.body.error.data.reason).toBe('service.notAllowed');
      expect(res.body.error.data.params).toEqual({ kind });
      expect(res.body.error.data.issues).toEqual([expect.objectContaining({ path: 'services' })]);
    }
    // A seeded contract: an update adding services is refused the same way.
    const contract = (await api.query('agreement.get', { id: 'erm-jh-2025' }, token)).body.result.data;
    const update = await api.mutate(
      'agreement.update',
      { id: contract.id, expectedVersion: contract.version, data: { services: [archive] } },
      token,
    );
    expect(update.status).toBe(400);
    expect(update.body.error.data.reason).toBe('service.notAllowed');
    expect(await tableFingerprint(api.db)).toEqual(before);
  });

  it('refuses a catalogue over its bounds, with unknown fields or a service twice: 4xx, nothing written', async () => {
    const token = await api.token('ermelo.inkoper');
    const dvo = (await api.query('agreement.get', { id: 'erm-dvo-2026' }, token)).body.result.data;
    const before = await tableFingerprint(api.db);
    const send = (services: unknown) =>
      api.raw.mutate(
        'agreement.update',
        { id: dvo.id, expectedVersion: dvo.version, data: { services } },
        token,
      );
    const many = Array.from({ length: 51 }, (_, i) => ({ ...archive, name: `Dienst ${i}` }));
    const sixLevels = { ...basis, levels: Array.from({ length: 6 }, () => basis.levels[0]) };
    const cases: [unknown, string][] = [
      [many, 'validation.too_big'],
      [[sixLevels], 'validation.too_big'],
      [[{ ...archive, secret: true }], 'validation.unrecognized_keys'],
      [
        [{ ...archive, price: { model: 'fixed', yearlyCents: 1, unit: 'user' } }],
        'validation.unrecognized_keys',
      ],
      [[{ ...basis, price: { ...basis.price, quantity: 1.234 } }], 'service.quantityDecimals'],
      [[{ ...basis, levels: [{ ...basis.levels[0], target: 101 }] }], 'service.percentTooHigh'],
      [[archive, { ...archive, name: 'digitaal  ARCHIEF' }], 'service.nameDuplicate'],
    ];
    for (const [services, reason] of cases) {
      const res = await send(services);
      expect(res.status, reason).toBe(400);
      const issues = res.body.error.data.issues as { reason: string }[] | undefined;
      const reasons = [res.body.error.data.reason, ...(issues ?? []).map((i) => i.reason)];
      expect(reasons, JSON.stringify(res.body.error.data)).toContain(reason);
    }
    expect(await tableFingerprint(api.db)).toEqual(before);
  });

  it('seeds RNV-ICT-01 and ERM-DVO-2026-01 with their catalogues, which the region members and the party see', async () => {
    const member = (
      await api.query('agreement.get', { id: 'rnv-ict-01' }, await api.token('zeewolde.inkoper'))
    ).body.result.data;
    expect(member.status).toBe('active');
    expect(member.services.map((s: Stored) => [s.name, s.price.model])).toEqual([
      ['Basispakket', 'basePlusUnit'],
      ['Plusmodule Zaakgericht werken', 'perUnit'],
      ['Plusmodule Informatiebeveiliging', 'fixed'],
    ]);
    const party = (
      await api.query('agreement.get', { id: 'erm-dvo-2026' }, await api.token('wijkracht.signer'))
    ).body.result.data;
    expect(party.view).toBe('party');
    expect(party.status).toBe('out_for_signature');
    expect(party.services).toHaveLength(2);
    expect(party.services[0].levels).toEqual([
      expect.objectContaining({ unit: 'percent', target: 99.5, direction: 'at_least', period: 'month' }),
    ]);
    expect(party.services[1].levels).toEqual([
      expect.objectContaining({ unit: 'working_hours', target: 8, direction: 'at_most', share: 95 }),
    ]);
  });

  it('lets only the region change the regional catalogue; a member is refused with nothing written', async () => {
    const coordinator = await api.token('noordveluwe.coordinator');
    const ict = (await api.query('agreement.get', { id: 'rnv-ict-01' }, coordinator)).body.result.data;
    const before = await tableFingerprint(api.db);
    const member = await api.mutate(
      'agreement.update',
      { id: ict.id, expectedVersion: ict.version, data: { services: [archive] } },
      await api.token('harderwijk.inkoper'),
    );
    expect(member.status).toBe(403);
    expect(await tableFingerprint(api.db)).toEqual(before);
    const own = await api.mutate(
      'agreement.update',
      { id: ict.id, expectedVersion: ict.version, data: { services: [...ict.services, archive] } },
      coordinator,
    );
    expect(own.status, JSON.stringify(own.body)).toBe(200);
    expect(own.body.result.data.status).toBe('active'); // an amendment after signing keeps it in force
    expect(own.body.result.data.services).toHaveLength(4);
  });
});
