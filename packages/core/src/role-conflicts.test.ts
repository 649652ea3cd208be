import { describe, expect, it } from 'vitest';
import { crossAgreementConflicts, deliveredBy, type RoleAssignment } from './role-conflicts.ts';

const gr: RoleAssignment = {
  agreementId: 'rnv-gr-01',
  space: 'RGNOORDVELUWE',
  reference: 'RNV-GR-01',
  title: 'GR Sociaal Domein',
  kind: 'joint_arrangement',
  parties: [{ role: 'joint_body', kind: 'joint_body', kvkNumber: '62345678' }],
  roles: {
    opdrachtgever: { name: 'AO sociaal domein', portfolioHolder: 'Wethouder A. Jansen' },
    eigenaar: { name: 'Lid AB', portfolioHolder: 'Wethouder M. Bakker' },
  },
};
const dvo: RoleAssignment = {
  agreementId: 'erm-dvo-1',
  space: 'GM0233',
  reference: 'ERM-DVO-1',
  title: 'DVO uitvoering',
  kind: 'service_agreement',
  parties: [{ role: 'contractor', kind: 'joint_body', kvkNumber: '62345678' }],
  roles: { opdrachtgever: { name: 'Team Wmo', portfolioHolder: ' wethouder m.  Bakker' } },
};

describe('crossAgreementConflicts', () => {
  it('finds the holder who is opdrachtgever of a DVO and eigenaar of the GR that delivers it', () => {
    expect(crossAgreementConflicts([gr, dvo])).toEqual([
      {
        portfolioHolder: ' wethouder m.  Bakker',
        client: {
          agreementId: 'erm-dvo-1',
          space: 'GM0233',
          reference: 'ERM-DVO-1',
          title: 'DVO uitvoering',
          kind: 'service_agreement',
          role: 'opdrachtgever',
          roleName: 'Team Wmo',
        },
        owner: {
          agreementId: 'rnv-gr-01',
          space: 'RGNOORDVELUWE',
          reference: 'RNV-GR-01',
          title: 'GR Sociaal Domein',
          kind: 'joint_arrangement',
          role: 'eigenaar',
          roleName: 'Lid AB',
        },
        delivers: true,
        reason: 'delivers',
        source: 'SPEC §4.2; DOMAIN.md §(h)',
      },
    ]);
  });

  it('reports a holder on two unrelated agreements, not as delivering', () => {
    const contract: RoleAssignment = {
      ...dvo,
      agreementId: 'c1',
      reference: 'C1',
      kind: 'contract',
      parties: [],
    };
    const [conflict] = crossAgreementConflicts([gr, contract]);
    expect(conflict?.delivers).toBe(false);
    expect(conflict?.reason).toBe('client_and_owner');
    expect(conflict?.client.agreementId).toBe('c1');
  });

  it('leaves a conflict inside one agreement to the per-agreement warning', () => {
    const same: RoleAssignment = {
      ...gr,
      roles: { opdrachtgever: gr.roles.eigenaar, eigenaar: gr.roles.eigenaar },
    };
    expect(crossAgreementConflicts([same])).toEqual([]);
  });

  it('finds nothing when the holders differ or are missing', () => {
    const other = {
      ...dvo,
      roles: { opdrachtgever: { name: 'Team Wmo', portfolioHolder: 'Wethouder S. de Boer' } },
    };
    const none = { ...dvo, agreementId: 'x', roles: { opdrachtgever: { name: 'Team Wmo' } } };
    expect(crossAgreementConflicts([gr, other, none])).toEqual([]);
  });

  it('lists delivering conflicts first and each pair once', () => {
    const contract: RoleAssignment = {
      ...dvo,
      agreementId: 'a0',
      reference: 'A0',
      kind: 'contract',
      parties: [],
    };
    const result = crossAgreementConflicts([contract, gr, dvo, dvo]);
    expect(result.map((c) => [c.client.reference, c.delivers])).toEqual([
      ['ERM-DVO-1', true],
      ['A0', false],
    ]);
  });
});

describe('crossAgreementConflicts with a GR’s roles per member and owners of any agreement', () => {
  const ermeloOnGr: RoleAssignment = {
    ...gr,
    member: 'GM0233',
    memberName: 'Gemeente Ermelo',
    roles: {
      opdrachtgever: { name: 'AO Ermelo', portfolioHolder: 'Wethouder J. Mulder' },
      eigenaar: { name: 'Lid AB Ermelo', portfolioHolder: 'Wethouder R. Jansen' },
    },
  };
  const ermeloDvo: RoleAssignment = {
    ...dvo,
    agreementId: 'erm-dvo-2026',
    reference: 'ERM-DVO-2026-01',
    parties: [{ role: 'contractor', kind: 'provider', kvkNumber: '40123456' }],
    roles: { opdrachtgever: { name: 'Team Schuldhulp', portfolioHolder: 'wethouder R. Jansen' } },
  };

  it('finds a member municipality’s GR eigenaar who is opdrachtgever of its own DVO', () => {
    const [conflict, ...rest] = crossAgreementConflicts([gr, ermeloOnGr, ermeloDvo]);
    expect(rest).toEqual([]);
    expect(conflict).toMatchObject({
      portfolioHolder: 'wethouder R. Jansen',
      delivers: false,
      reason: 'client_and_owner',
      client: { agreementId: 'erm-dvo-2026', role: 'opdrachtgever', roleName: 'Team Schuldhulp' },
      owner: {
        agreementId: 'rnv-gr-01',
        member: 'GM0233',
        memberName: 'Gemeente Ermelo',
        role: 'eigenaar',
        roleName: 'Lid AB Ermelo',
      },
    });
    expect(conflict?.client.member).toBeUndefined();
  });

  it('counts an eigenaar of an agreement that is no GR', () => {
    const owned: RoleAssignment = {
      ...dvo,
      agreementId: 'a',
      reference: 'A',
      kind: 'contract',
      parties: [],
      roles: { eigenaar: { name: 'College', portfolioHolder: 'Wethouder S. de Boer' } },
    };
    const client: RoleAssignment = {
      ...owned,
      agreementId: 'b',
      reference: 'B',
      roles: { opdrachtgever: { name: 'Team Wmo', portfolioHolder: 'Wethouder S. de Boer' } },
    };
    expect(
      crossAgreementConflicts([owned, client]).map((c) => [c.client.reference, c.owner.reference, c.reason]),
    ).toEqual([['B', 'A', 'client_and_owner']]);
  });

  it('leaves a member’s roles against the same GR’s own roles to the GR, and counts repeats once', () => {
    const clash: RoleAssignment = {
      ...ermeloOnGr,
      roles: { eigenaar: { name: 'Lid AB', portfolioHolder: 'Wethouder A. Jansen' } },
    };
    expect(crossAgreementConflicts([gr, clash, clash])).toEqual([]);
    expect(crossAgreementConflicts([ermeloDvo, ermeloOnGr, ermeloOnGr, ermeloDvo])).toHaveLength(1);
  });
});

describe('deliveredBy', () => {
  it('needs the DVO to contract the GR’s own joint body', () => {
    expect(deliveredBy(dvo, gr)).toBe(true);
    const otherBody = {
      ...dvo,
      parties: [{ role: 'contractor' as const, kind: 'joint_body' as const, kvkNumber: '11111111' }],
    };
    expect(deliveredBy(otherBody, gr)).toBe(false);
    expect(deliveredBy({ ...dvo, kind: 'contract' }, gr)).toBe(false);
  });
});
