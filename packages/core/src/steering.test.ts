import { describe, expect, it } from 'vitest';
import { governanceDefaults } from './relation.ts';
import { assertMayWriteSteering, decideRelation, personKey, steeringWarnings } from './steering.ts';

describe('steering rules', () => {
  it('warns when opdrachtgever and eigenaar sit with the same portfolio holder, however typed', () => {
    expect(
      steeringWarnings({
        opdrachtgever: { name: 'Team Jeugd', portfolioHolder: 'Wethouder A. de Vries' },
        eigenaar: { name: 'AB-lid', portfolioHolder: 'wethouder a. de  vries' },
      }),
    ).toEqual([{ code: 'owner_and_client_same_portfolio_holder', portfolioHolder: 'Wethouder A. de Vries' }]);
    expect(
      steeringWarnings({
        opdrachtgever: { name: 'Team Jeugd', portfolioHolder: 'A. de Vries' },
        eigenaar: { name: 'AB-lid', portfolioHolder: 'B. Jansen' },
      }),
    ).toEqual([]);
    expect(steeringWarnings({})).toEqual([]);
  });

  it('normalises names', () => {
    expect(personKey('  Émile  van Dijk ')).toBe('emile van dijk');
  });

  it('stores the proposal computed from the answers beside the choice', () => {
    const relation = decideRelation({
      answers: { complexity: 'high', controlWhat: 'low', controlHow: 'low', alignment: 'aligned' },
      chosen: 'customer',
      governance: governanceDefaults('customer'),
      motivation: 'Eerst resultaten afspreken',
    });
    expect(relation.proposed).toBe('partner');
    expect(relation.chosen).toBe('customer');
  });

  it('requires a motivation for choosing otherwise than proposed', () => {
    expect(() =>
      decideRelation({
        answers: { complexity: 'high', controlWhat: 'low', controlHow: 'low', alignment: 'aligned' },
        chosen: 'boss',
        governance: governanceDefaults('boss'),
      }),
    ).toThrow(/motivation/);
  });
});

describe('who writes the steering of a region’s GR', () => {
  const gr = { space: 'RGNOORDVELUWE' };
  const current = {
    eigenaar: { name: 'Algemeen bestuur' },
    contacts: [{ side: 'municipality' as const, name: 'A. Jansen', role: 'Secretaris' }],
    members: [
      { space: 'GM0233', eigenaar: { name: 'Wethouder R. Jansen' } },
      { space: 'GM0243', eigenaar: { name: 'Wethouder K. Hendriks' } },
    ],
  };
  const refused = (caller: string, change: Parameters<typeof assertMayWriteSteering>[3]) => {
    try {
      assertMayWriteSteering({ space: caller }, gr, current, change);
      return null;
    } catch (error) {
      return (error as { code: string; reason: string }).code + ' ' + (error as { reason: string }).reason;
    }
  };
  it('lets the region write everything', () => {
    expect(refused('RGNOORDVELUWE', { relation: null, roles: { members: [] } })).toBeNull();
  });
  it('lets a member change, add or remove only its own row, in any order', () => {
    const ownChanged = {
      ...current,
      members: [
        { space: 'GM0243', eigenaar: { name: 'Wethouder K. Hendriks' } },
        {
          space: 'GM0233',
          eigenaar: { name: 'Wethouder P. de Boer' },
          opdrachtgever: { name: 'Team Regie' },
        },
      ],
    };
    expect(refused('GM0233', { roles: ownChanged })).toBeNull();
    expect(
      refused('GM0050', { roles: { ...current, members: [...current.members, { space: 'GM0050' }] } }),
    ).toBeNull();
    expect(refused('GM0233', { roles: { ...current, members: [current.members[1]!] } })).toBeNull();
  });
  it('refuses a member another member’s row, the GR’s own roles, the contacts and the relation', () => {
    const expected = 'FORBIDDEN steering.memberOwnRowOnly';
    expect(
      refused('GM0233', {
        roles: { ...current, members: [current.members[0]!, { space: 'GM0243', eigenaar: { name: 'X' } }] },
      }),
    ).toBe(expected);
    expect(refused('GM0233', { roles: { ...current, members: [current.members[0]!] } })).toBe(expected);
    expect(refused('GM0233', { roles: { ...current, eigenaar: { name: 'Dagelijks bestuur' } } })).toBe(
      expected,
    );
    expect(refused('GM0233', { roles: { ...current, contacts: [] } })).toBe(expected);
    expect(refused('GM0233', { relation: null })).toBe(expected);
  });
});
