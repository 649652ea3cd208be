import type { SteeringRoles } from '@regie/core/browser';
import { describe, expect, it } from 'vitest';
import { deepestField, validateForm } from '../../lib/form-schema';
import { rtvbField, withOwnRow } from './rtvb-form';
import { rolesFieldOrder, rolesSchema, rolesSchemaFor, rolesValues } from './steering-form';

const k = (name: string) => `steering.errors.${name}`;
const r = (name: string) => `rtvb.errors.${name}`;
const members = [
  { space: 'GM0233', name: 'Gemeente Ermelo' },
  { space: 'GM0243', name: 'Gemeente Harderwijk' },
];

describe('roles form: RTVB per role and per member (issue 14)', () => {
  const stored: SteeringRoles = {
    opdrachtgever: {
      name: 'Team Schuldhulpverlening',
      portfolioHolder: 'Wethouder R. Jansen',
      tasks: ['Stelt de opdracht vast'],
      responsibilities: ['Bewaakt het plafond'],
      authorities: [{ what: 'Meerwerk opdragen', maxAmountCents: 2_500_000 }, { what: 'Verlengen' }],
    },
    members: [{ space: 'GM0233', eigenaar: { name: 'Lid AB', portfolioHolder: 'Wethouder R. Jansen' } }],
  };

  it('shows amounts in Dutch and gives back what is stored, members without roles left out', async () => {
    const values = rolesValues(stored, members);
    expect(values.opdrachtgever.authorities).toEqual([
      { what: 'Meerwerk opdragen', amount: '25.000,00' },
      { what: 'Verlengen', amount: '' },
    ]);
    expect(values.members.map((m) => [m.space, m.name, m.eigenaar.name])).toEqual([
      ['GM0233', 'Gemeente Ermelo', 'Lid AB'],
      ['GM0243', 'Gemeente Harderwijk', ''],
    ]);
    expect(await validateForm(rolesSchema, values)).toEqual({ ok: true, value: stored });
    expect(rolesValues(stored, members, 'en-GB').opdrachtgever.authorities[0]?.amount).toBe('25,000.00');
  });

  it('reads euros as typed and trims lines', async () => {
    const values = rolesValues({}, members);
    values.uitvoerder = {
      ...values.uitvoerder,
      name: 'Wijkteam',
      tasks: [{ text: ' Voert uit ' }],
      authorities: [{ what: ' Kleine aanschaf ', amount: '€ 1.234,5' }],
    };
    values.members[1]!.opdrachtgever.name = 'AO Harderwijk';
    expect(await validateForm(rolesSchema, values)).toEqual({
      ok: true,
      value: {
        uitvoerder: {
          name: 'Wijkteam',
          tasks: ['Voert uit'],
          authorities: [{ what: 'Kleine aanschaf', maxAmountCents: 123_450 }],
        },
        members: [{ space: 'GM0243', opdrachtgever: { name: 'AO Harderwijk' } }],
      },
    });
    values.uitvoerder.authorities = [{ what: 'Kleine aanschaf', amount: '1,234.50' }];
    const english = await validateForm(rolesSchemaFor('en-GB'), values);
    expect(english.ok && english.value.uitvoerder?.authorities).toEqual([
      { what: 'Kleine aanschaf', maxAmountCents: 123_450 },
    ]);
  });

  it('ties each wrong RTVB field to its own input', async () => {
    const values = rolesValues({}, members);
    values.eigenaar = {
      ...values.eigenaar,
      name: 'College',
      tasks: [{ text: '' }, { text: 'x'.repeat(301) }],
      responsibilities: Array.from({ length: 11 }, () => ({ text: 'Bewaken' })),
      authorities: [
        { what: '', amount: '100' },
        { what: 'Besluiten', amount: 'duizend' },
      ],
    };
    values.members[0]!.eigenaar.authorities = [{ what: 'Zienswijze', amount: '-5' }];
    const result = await validateForm(rolesSchema, values);
    expect(result.ok ? {} : result.errors).toEqual({
      'eigenaar.tasks.0.text': r('lineRequired'),
      'eigenaar.tasks.1.text': r('lineTooLong'),
      'eigenaar.responsibilities': r('listTooLong'),
      'eigenaar.authorities.0.what': r('authorityRequired'),
      'eigenaar.authorities.1.amount': r('amountInvalid'),
      'members.0.eigenaar.authorities.0.amount': r('amountInvalid'),
      'members.0.eigenaar.name': k('nameForPortfolioHolder'),
    });
  });

  it('puts the server’s issues onto member and authority fields', () => {
    const values = rolesValues(stored, members);
    const deepest = deepestField(rolesFieldOrder(values), /^roles(\.|$)/);
    // As the roles page maps them: the API's line and amount paths to the form's first.
    const fieldOf = (path: string) => deepest(rtvbField(path));
    expect(fieldOf('roles.members.1.space')).toBe('members.1.space');
    expect(fieldOf('roles.opdrachtgever.authorities.1.what')).toBe('opdrachtgever.authorities.1.what');
    expect(fieldOf('roles.opdrachtgever.authorities.1.maxAmountCents')).toBe(
      'opdrachtgever.authorities.1.amount',
    );
    expect(fieldOf('roles.opdrachtgever.tasks.0')).toBe('opdrachtgever.tasks.0.text');
    expect(fieldOf('roles.members.0.eigenaar.tasks')).toBe('members.0.eigenaar.tasks');
  });
});

describe('a GR member saves its own row only', () => {
  const stored: SteeringRoles = {
    eigenaar: { name: 'Algemeen bestuur' },
    members: [
      { space: 'GM0233', eigenaar: { name: 'Ermelo' } },
      { space: 'GM0243', eigenaar: { name: 'Harderwijk' } },
    ],
  };
  it('takes its own row from the form and everything else from what is stored', () => {
    const edited: SteeringRoles = {
      eigenaar: { name: 'Iets anders dat de vorm meestuurt' },
      members: [
        { space: 'GM0233', eigenaar: { name: 'Gewijzigd door de vorm' } },
        { space: 'GM0243', eigenaar: { name: 'Harderwijk, nieuw' } },
      ],
    };
    expect(withOwnRow(stored, edited, 'GM0243')).toEqual({
      eigenaar: { name: 'Algemeen bestuur' },
      members: [
        { space: 'GM0233', eigenaar: { name: 'Ermelo' } },
        { space: 'GM0243', eigenaar: { name: 'Harderwijk, nieuw' } },
      ],
    });
  });
  it('removes its row when the form leaves it empty, and adds one that was not there', () => {
    expect(withOwnRow(stored, { members: [] }, 'GM0243').members).toEqual([stored.members![0]]);
    expect(withOwnRow(stored, { members: [{ space: 'GM0050' }] }, 'GM0050').members).toHaveLength(3);
  });
});
