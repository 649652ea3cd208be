import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.ts';
import { createTestDb } from '../support/db.ts';

/**
 * Issue 15 point 1 through the API: the simulator reads a stored agreement's terms, realisations and relation
 * type (`simulation.agreement`), or a draft's terms as sent (`simulation.terms`), and never writes.
 */
describe('simulation.agreement and simulation.terms (SPEC §4.8)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(await createTestDb(inject('dynamoEndpoint'), { seed: true }));
  });
  afterAll(() => api.close());

  it('simulates a seeded contract under the default scenarios, within its ceilings', async () => {
    const res = await api.query(
      'simulation.agreement',
      { id: 'erm-jh-2025' },
      await api.token('ermelo.viewer'),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const sim = res.body.result.data;
    expect(sim.scenarios.map((s: { change: number }) => s.change)).toEqual([-10, 0, 10, 25, 50]);
    expect(sim.lines.map((l: { lineId: string }) => l.lineId)).toEqual(['jh-45a12', 'jh-45a13']);
    for (const s of sim.scenarios) expect(s.exposureCents).toBeLessThanOrEqual(125_000_000);
    // Both lines carry caps that agree (tariff × volume cap = money cap): nothing to flag.
    expect(sim.flags).toEqual([]);
  });

  it('reads the chosen relation type: an effort line under a customer relation is flagged', async () => {
    const token = await api.token('ermelo.inkoper');
    const before = await api.query('simulation.agreement', { id: 'erm-wmo-2026' }, token);
    expect(before.body.result.data.flags).toEqual([]);
    const steering = await api.query('steering.get', { agreementId: 'erm-wmo-2026' }, token);
    const decided = await api.mutate(
      'steering.update',
      {
        agreementId: 'erm-wmo-2026',
        expectedVersion: steering.body.result.data.version,
        relation: {
          answers: { complexity: 'medium', controlWhat: 'high', controlHow: 'low', alignment: 'partial' },
          chosen: 'customer',
          governance: (
            await api.query(
              'steering.propose',
              {
                answers: {
                  complexity: 'medium',
                  controlWhat: 'high',
                  controlHow: 'low',
                  alignment: 'partial',
                },
              },
              token,
            )
          ).body.result.data.governance,
        },
      },
      token,
    );
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    const after = await api.query('simulation.agreement', { id: 'erm-wmo-2026', scenarios: [0] }, token);
    expect(after.body.result.data.flags).toEqual([
      expect.objectContaining({
        code: 'variant_contradicts_relation',
        lineId: 'wmo-02a01',
        reason: 'simulation.variantContradictsRelation',
      }),
    ]);
  });

  it("simulates a draft's terms as sent, flagging an uncapped per-unit line", async () => {
    const token = await api.token('ermelo.inkoper');
    const line = { category: '45', productCode: '45A12', variant: 'output' as const, tariffCents: 10_000 };
    const terms = { startDate: '2027-01-01', endDate: '2027-12-31', productLines: [line] };
    const open = await api.query('simulation.terms', { terms }, token);
    expect(open.status, JSON.stringify(open.body)).toBe(200);
    expect(open.body.result.data.flags.map((f: { code: string }) => f.code)).toEqual([
      'uncapped_per_unit_line',
    ]);
    const capped = await api.query(
      'simulation.terms',
      {
        terms: { ...terms, productLines: [{ ...line, volumeCeiling: 40 }] },
        scenarios: [25],
      },
      token,
    );
    expect(capped.body.result.data.flags).toEqual([]);
    // 40 units expected (the cap), +25% is 50 units of which 10 earn nothing.
    expect(capped.body.result.data.scenarios[0]).toMatchObject({
      change: 25,
      exposureCents: 400_000,
      lines: [{ lineId: 'line-1', volume: 50, unpaidVolume: 10 }],
    });
  });

  it('refuses bad input with a 400 and a provider with a 403', async () => {
    const token = await api.token('ermelo.inkoper');
    const tooMany = await api.query(
      'simulation.agreement',
      { id: 'erm-jh-2025', scenarios: [0, 1, 2, 3, 4, 5, 6, 7, 8] },
      token,
    );
    expect(tooMany.status).toBe(400);
    const below = await api.query('simulation.agreement', { id: 'erm-jh-2025', scenarios: [-101] }, token);
    expect(below.status).toBe(400);
    const backwards = await api.query(
      'simulation.terms',
      { terms: { startDate: '2027-12-31', endDate: '2027-01-01', productLines: [] } },
      token,
    );
    expect(backwards.status).toBe(400);
    const provider = await api.query(
      'simulation.agreement',
      { id: 'erm-jh-2025' },
      await api.token('kompas.signer'),
    );
    expect(provider.status).toBe(403);
  });
});
