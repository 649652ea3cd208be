import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.ts';
import { createTestDb } from '../support/db.ts';

/**
 * Issue 14 point 4: the portfolio-holder check across agreements. The seed's GR (region space) has Wethouder M.
 * Bakker as eigenaar; these tests make him opdrachtgever of an Ermelo DVO that the GR's joint body delivers.
 */
describe('steering.conflicts: one portfolio holder across agreements (SPEC §4.2)', () => {
  let api: TestApi;
  let dvoId = '';
  beforeAll(async () => {
    api = await startTestApi(await createTestDb(inject('dynamoEndpoint'), { seed: true }));
  });
  afterAll(() => api.close());

  const conflicts = async (user: string) => api.query('steering.conflicts', {}, await api.token(user));

  /** An agreement of the user's space with the given opdrachtgever's portfolio holder. */
  async function agreementWithClient(
    user: string,
    input: { kind: 'service_agreement' | 'contract'; reference: string; parties?: unknown[] },
    holder: string,
  ): Promise<string> {
    const token = await api.token(user);
    const created = await api.mutate(
      'agreement.create',
      {
        kind: input.kind,
        reference: input.reference,
        title: `Uitvoering ${input.reference}`,
        domain: 'participation',
        startDate: '2026-01-01',
        endDate: '2026-12-31',
        ...(input.parties ? { parties: input.parties } : {}),
      } as never,
      token,
    );
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    const id = created.body.result.data.id as string;
    const roles = await api.mutate(
      'steering.update',
      {
        agreementId: id,
        expectedVersion: 0,
        roles: { opdrachtgever: { name: 'Team Werk', portfolioHolder: holder } },
      },
      token,
    );
    expect(roles.status, JSON.stringify(roles.body)).toBe(200);
    return id;
  }

  /** The seed's one conflict across agreements: Ermelo's eigenaar on the GR is opdrachtgever of Ermelo's DVO. */
  const seeded = {
    portfolioHolder: 'Wethouder R. Jansen',
    delivers: false,
    reason: 'client_and_owner',
    source: 'SPEC §4.2; DOMAIN.md §(h)',
    client: {
      agreementId: 'erm-dvo-2026',
      space: 'GM0233',
      reference: 'ERM-DVO-2026-01',
      title: 'DVO schuldhulpverlening',
      kind: 'service_agreement',
      role: 'opdrachtgever',
      roleName: 'Team Schuldhulpverlening',
    },
    owner: {
      agreementId: 'rnv-gr-01',
      space: 'RGNOORDVELUWE',
      reference: 'RNV-GR-01',
      title: 'GR Sociaal Domein Noord-Veluwe',
      kind: 'joint_arrangement',
      role: 'eigenaar',
      roleName: 'Lid algemeen bestuur namens Ermelo',
      member: 'GM0233',
      memberName: 'Gemeente Ermelo',
    },
  };

  it('finds the seed’s one: Ermelo’s GR eigenaar as opdrachtgever of its DVO; the GR’s own is per agreement', async () => {
    const response = await conflicts('ermelo.viewer');
    expect(response.status).toBe(200);
    expect(response.body.result.data).toEqual({ items: [seeded] });
  });

  it('finds the wethouder who is opdrachtgever of a DVO and eigenaar of the GR that delivers it', async () => {
    // Ermelo registers the GR's openbaar lichaam (same KvK number as the region's) and contracts it in a DVO.
    const body = await api.mutate(
      'organisation.create',
      { kind: 'joint_body', name: 'Sociaal Domein Noord-Veluwe', kvkNumber: '62345678' },
      await api.token('ermelo.inkoper'),
    );
    expect(body.status, JSON.stringify(body.body)).toBe(200);
    dvoId = await agreementWithClient(
      'ermelo.inkoper',
      {
        kind: 'service_agreement',
        reference: 'ERM-DVO-GR-1',
        parties: [{ organisationId: body.body.result.data.id, role: 'contractor' }],
      },
      ' wethouder m. bakker',
    );
    for (const user of ['ermelo.viewer', 'ermelo.contractmanager']) {
      const response = await conflicts(user);
      expect(response.status).toBe(200);
      expect(response.body.result.data.items).toEqual([
        {
          portfolioHolder: ' wethouder m. bakker',
          delivers: true,
          client: {
            agreementId: dvoId,
            space: 'GM0233',
            reference: 'ERM-DVO-GR-1',
            title: 'Uitvoering ERM-DVO-GR-1',
            kind: 'service_agreement',
            role: 'opdrachtgever',
            roleName: 'Team Werk',
          },
          owner: {
            agreementId: 'rnv-gr-01',
            space: 'RGNOORDVELUWE',
            reference: 'RNV-GR-01',
            title: 'GR Sociaal Domein Noord-Veluwe',
            kind: 'joint_arrangement',
            role: 'eigenaar',
            roleName: 'Lid algemeen bestuur',
          },
          reason: 'delivers',
          source: 'SPEC §4.2; DOMAIN.md §(h)',
        },
        seeded,
      ]);
    }
  });

  it('reports the same holder on an unrelated agreement too, not as delivering', async () => {
    const id = await agreementWithClient(
      'ermelo.inkoper',
      { kind: 'contract', reference: 'ERM-WERK-1' },
      'Wethouder M. Bakker',
    );
    const items = (await conflicts('ermelo.viewer')).body.result.data.items as {
      delivers: boolean;
      client: { agreementId: string };
    }[];
    expect(items.map((c) => [c.client.agreementId, c.delivers])).toEqual([
      [dvoId, true],
      [id, false],
      ['erm-dvo-2026', false],
    ]);
  });

  it('never shows another tenant’s agreements', async () => {
    // Utrecht (no member of the region) names the same wethouder: it sees no GR, and Ermelo never sees Utrecht's.
    const utrecht = await agreementWithClient(
      'utrecht.inkoper',
      { kind: 'contract', reference: 'UTR-WERK-1' },
      'Wethouder M. Bakker',
    );
    expect((await conflicts('utrecht.inkoper')).body.result.data).toEqual({ items: [] });
    const ermelo = JSON.stringify((await conflicts('ermelo.viewer')).body.result.data);
    expect(ermelo).not.toContain(utrecht);
    expect(ermelo).not.toContain('GM0344');
    // Harderwijk shares the region (it sees the GR) but never Ermelo's DVO.
    const harderwijk = await conflicts('harderwijk.contractmanager');
    expect(harderwijk.status).toBe(200);
    expect(harderwijk.body.result.data).toEqual({ items: [] });
    // The region's coordinator sees the GR's space only.
    const region = await conflicts('noordveluwe.coordinator');
    expect(JSON.stringify(region.body.result.data)).not.toContain('GM0233');
  });

  it('refuses providers, and input it does not know', async () => {
    for (const user of ['kompas.admin', 'kompas.signer', 'wijkracht.signer', 'wijkracht.reporter']) {
      const response = await conflicts(user);
      expect(response.status, user).toBe(403);
      expect(JSON.stringify(response.body)).not.toContain('RNV-GR-01');
    }
    const bad = await api.query(
      'steering.conflicts',
      { space: 'GM0344' } as never,
      await api.token('ermelo.viewer'),
    );
    expect(bad.status).toBe(400);
  });
});
