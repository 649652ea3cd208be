import { describe, expect, it } from 'vitest';
import { DomainError } from './errors.ts';
import { checkMemberRoles, type SteeringRoles, steeringRolesSchema, steeringWarnings } from './steering.ts';

/** RTVB in full (issue 14 point 4): tasks, responsibilities and authorities per role, and a GR's roles per member. */
const valid = (input: unknown) => steeringRolesSchema.safeParse(input).success;
const issuePath = (input: unknown) =>
  steeringRolesSchema.safeParse(input).error?.issues.map((i) => i.path.join('.'));

describe('steeringRolesSchema: RTVB per role', () => {
  const full = {
    opdrachtgever: {
      name: 'Team Wmo',
      portfolioHolder: 'Wethouder J. Mulder',
      tasks: ['Stelt de opdracht vast'],
      responsibilities: ['Bewaakt het budget'],
      authorities: [{ what: 'Meerwerk opdragen', maxAmountCents: 2_500_000 }, { what: 'Verlengen' }],
    },
  };

  it('takes tasks, responsibilities and authorities, and stored roles without them', () => {
    expect(valid(full)).toBe(true);
    expect(valid({ opdrachtgever: { name: 'Team Wmo', portfolioHolder: 'Wethouder J. Mulder' } })).toBe(true);
    expect(valid({})).toBe(true);
  });

  it('bounds every list at 10 and every line at 300 characters', () => {
    const lines = (n: number) => Array.from({ length: n }, (_, i) => `Taak ${i}`);
    expect(valid({ uitvoerder: { name: 'X', tasks: lines(10) } })).toBe(true);
    expect(issuePath({ uitvoerder: { name: 'X', tasks: lines(11) } })).toEqual(['uitvoerder.tasks']);
    expect(issuePath({ eigenaar: { name: 'X', responsibilities: ['a'.repeat(301)] } })).toEqual([
      'eigenaar.responsibilities.0',
    ]);
    expect(valid({ eigenaar: { name: 'X', responsibilities: ['a'.repeat(300)] } })).toBe(true);
    const authorities = Array.from({ length: 11 }, () => ({ what: 'Besluiten' }));
    expect(issuePath({ opdrachtnemer: { name: 'X', authorities } })).toEqual(['opdrachtnemer.authorities']);
    expect(issuePath({ opdrachtnemer: { name: 'X', tasks: [''] } })).toEqual(['opdrachtnemer.tasks.0']);
  });

  it('takes an amount as whole, non-negative cents and nothing it does not know', () => {
    const at = (authority: unknown) => issuePath({ opdrachtgever: { name: 'X', authorities: [authority] } });
    expect(at({ what: 'Meerwerk', maxAmountCents: -1 })).toEqual([
      'opdrachtgever.authorities.0.maxAmountCents',
    ]);
    expect(at({ what: 'Meerwerk', maxAmountCents: 10.5 })).toEqual([
      'opdrachtgever.authorities.0.maxAmountCents',
    ]);
    expect(at({ what: '', maxAmountCents: 100 })).toEqual(['opdrachtgever.authorities.0.what']);
    expect(at({ what: 'Meerwerk', limit: 100 })).toEqual(['opdrachtgever.authorities.0']);
  });

  it('takes per-member roles with a space, for the four municipal roles only', () => {
    expect(valid({ members: [{ space: 'GM0233', eigenaar: full.opdrachtgever }] })).toBe(true);
    expect(issuePath({ members: [{ space: 'ermelo' }] })).toEqual(['members.0.space']);
    expect(issuePath({ members: [{ space: 'GM0233', uitvoerder: { name: 'X' } }] })).toEqual(['members.0']);
  });
});

describe('per-member roles of a GR', () => {
  const gr = { kind: 'joint_arrangement', space: 'RGNOORDVELUWE' };
  const members = ['GM0233', 'GM0243', 'GM0050'];
  const refusal = (roles: SteeringRoles, on = gr) => {
    try {
      checkMemberRoles(roles, on, members);
    } catch (error) {
      if (error instanceof DomainError) return [error.reason, error.field];
      throw error;
    }
    return null;
  };

  it('accepts the GR’s own members, each once', () => {
    expect(refusal({ members: [{ space: 'GM0233' }, { space: 'GM0050' }] })).toBeNull();
    expect(refusal({})).toBeNull();
    // Without per-member roles any agreement is fine.
    expect(refusal({ members: [] }, { kind: 'contract', space: 'GM0233' })).toBeNull();
  });

  it('refuses a non-member, a member twice, and per-member roles on another kind', () => {
    expect(refusal({ members: [{ space: 'GM0233' }, { space: 'GM0344' }] })).toEqual([
      'steering.notMember',
      'roles.members.1.space',
    ]);
    expect(refusal({ members: [{ space: 'GM0243' }, { space: 'GM0243' }] })).toEqual([
      'steering.memberTwice',
      'roles.members.1.space',
    ]);
    expect(
      refusal({ members: [{ space: 'GM0233' }] }, { kind: 'service_agreement', space: 'GM0233' }),
    ).toEqual(['steering.membersOnlyForGr', 'roles.members']);
  });

  it('warns per member when its opdrachtgever and eigenaar share a portfolio holder', () => {
    expect(
      steeringWarnings({
        opdrachtgever: { name: 'AO', portfolioHolder: 'Wethouder M. Bakker' },
        eigenaar: { name: 'AB', portfolioHolder: 'Wethouder A. Jansen' },
        members: [
          {
            space: 'GM0233',
            opdrachtgever: { name: 'AO Ermelo', portfolioHolder: 'Wethouder R. Jansen' },
            eigenaar: { name: 'AB Ermelo', portfolioHolder: 'wethouder r.  jansen' },
          },
          {
            space: 'GM0243',
            // A member's roles never clash with the GR's own roles or another member's.
            opdrachtgever: { name: 'AO Harderwijk', portfolioHolder: 'Wethouder M. Bakker' },
            eigenaar: { name: 'AB Harderwijk', portfolioHolder: 'Wethouder R. Jansen' },
          },
        ],
      }),
    ).toEqual([
      {
        code: 'owner_and_client_same_portfolio_holder',
        portfolioHolder: 'Wethouder R. Jansen',
        member: 'GM0233',
      },
    ]);
  });
});
