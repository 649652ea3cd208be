import { describe, expect, it } from 'vitest';
import { governanceDefaults } from './relation.ts';
import { decideRelation, personKey, steeringWarnings } from './steering.ts';

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
