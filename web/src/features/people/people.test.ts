import { describe, expect, it } from 'vitest';
import { validateForm } from '../../lib/form-schema';
import { EMPTY_INVITE, inviteSchema } from './invite-form';
import { canDisable, managesPeople, orderedRoles, rolesOffered, sameRoles, sortPeople } from './model';

describe('what the people page offers', () => {
  it('offers municipal roles in a municipality, the coordinator only in a region, provider roles to a provider', () => {
    expect(rolesOffered('municipality')).toEqual([
      'inkoper',
      'contractmanager',
      'approver',
      'viewer',
      'admin',
    ]);
    expect(rolesOffered('region')).toEqual([
      'inkoper',
      'contractmanager',
      'approver',
      'viewer',
      'admin',
      'coordinator',
    ]);
    expect(rolesOffered('provider')).toEqual(['provider_signer', 'provider_reporter', 'provider_admin']);
    expect(rolesOffered('joint_body')).toEqual([]);
  });

  it('lets the admin of a municipality or region and a provider’s own admin manage people, nobody else', () => {
    expect(managesPeople(['admin'])).toBe(true);
    expect(managesPeople(['provider_admin'])).toBe(true);
    for (const role of ['inkoper', 'contractmanager', 'approver', 'viewer', 'coordinator', 'provider_signer'])
      expect(managesPeople([role])).toBe(false);
  });

  it('never offers to disable oneself or someone already disabled', () => {
    const me = { key: 'ermelo.admin' };
    expect(canDisable({ key: 'ermelo.inkoper', disabled: false }, me)).toBe(true);
    expect(canDisable({ key: 'ermelo.admin', disabled: false }, me)).toBe(false);
    expect(canDisable({ key: 'ermelo.inkoper', disabled: true }, me)).toBe(false);
  });

  it('shows roles in the product’s order and compares them as sets', () => {
    expect(orderedRoles(['admin', 'inkoper', 'unknown'])).toEqual(['inkoper', 'admin']);
    expect(sameRoles(['admin', 'inkoper'], ['inkoper', 'admin'])).toBe(true);
    expect(sameRoles(['admin'], ['admin', 'inkoper'])).toBe(false);
    expect(sameRoles(['admin', 'viewer'], ['admin', 'inkoper'])).toBe(false);
  });

  it('lists active people first, each group by name', () => {
    const people = [
      { key: 'c', name: 'Zeger', disabled: false },
      { key: 'b', name: 'anna', disabled: true },
      { key: 'a', name: 'Émile', disabled: false },
      { key: 'd', name: 'Bart', disabled: false },
    ];
    expect(sortPeople(people).map((p) => p.key)).toEqual(['d', 'a', 'c', 'b']);
  });
});

describe('the invite form, checked with the API’s schema', () => {
  const municipal = inviteSchema(rolesOffered('municipality'));

  it('builds the API input: the name trimmed, the e-mail trimmed and in lower case', async () => {
    const result = await validateForm(municipal, {
      name: ' Carla Collega ',
      email: ' Carla.Collega@Ermelo.NL ',
      roles: ['contractmanager'],
    });
    expect(result).toEqual({
      ok: true,
      value: { name: 'Carla Collega', email: 'carla.collega@ermelo.nl', roles: ['contractmanager'] },
    });
  });

  it('needs a name, a valid e-mail address and at least one role', async () => {
    const result = await validateForm(municipal, EMPTY_INVITE);
    expect(result.ok ? {} : result.errors).toEqual({
      name: 'people.errors.nameRequired',
      email: 'people.errors.emailInvalid',
      roles: 'people.errors.rolesRequired',
    });
    const bad = await validateForm(municipal, {
      name: 'x'.repeat(201),
      email: 'carla@ermelo',
      roles: ['admin'],
    });
    expect(bad.ok ? {} : bad.errors).toEqual({
      name: 'people.errors.nameTooLong',
      email: 'people.errors.emailInvalid',
    });
  });

  it('refuses a role that does not fit the space', async () => {
    const result = await validateForm(municipal, {
      name: 'Piet',
      email: 'piet@ermelo.nl',
      roles: ['provider_signer'],
    });
    expect(result.ok ? {} : result.errors).toEqual({ roles: 'people.errors.rolesNotFit' });
    const provider = inviteSchema(rolesOffered('provider'));
    expect(await validateForm(provider, { name: 'Piet', email: 'piet@kompas.nl', roles: ['admin'] })).toEqual(
      {
        ok: false,
        errors: { roles: 'people.errors.rolesNotFit' },
      },
    );
  });
});
