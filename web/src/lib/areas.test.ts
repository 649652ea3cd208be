import { describe, expect, it } from 'vitest';
import { areasFor } from './areas';

describe('areas of the main navigation', () => {
  const keys = (roles: string[]) => areasFor(roles).map((a) => a.key);

  it('offers a provider only its portal, its register and, to a signer, signing', () => {
    expect(keys(['provider_reporter'])).toEqual(['register', 'deliver']);
    expect(keys(['provider_signer'])).toEqual(['register', 'deliver', 'signing']);
  });

  it('offers administration to the admin, and to the controller to read', () => {
    expect(keys(['admin'])).toContain('admin');
    expect(keys(['viewer'])).toContain('admin');
    for (const role of ['inkoper', 'contractmanager', 'approver', 'coordinator', 'provider_signer'])
      expect(keys([role])).not.toContain('admin');
  });

  it('offers municipal areas to municipal roles, never deadlines or steering to a provider', () => {
    expect(keys(['inkoper'])).toEqual([
      'register',
      'steering',
      'signing',
      'deadlines',
      'subsidies',
      'regions',
      'paragraph',
      'organisations',
    ]);
    expect(keys(['provider_signer', 'provider_reporter'])).not.toContain('deadlines');
    expect(keys(['provider_reporter'])).not.toContain('steering');
  });

  it('offers the paragraaf verbonden partijen to a municipality’s own roles, the controller first', () => {
    for (const role of ['viewer', 'approver', 'contractmanager', 'inkoper', 'admin'])
      expect(keys([role])).toContain('paragraph');
    for (const role of ['coordinator', 'provider_signer', 'provider_reporter', 'provider_admin'])
      expect(keys([role])).not.toContain('paragraph');
  });

  it('offers Beheer → Mensen to the admin of a municipality or region and to a provider’s own admin only', () => {
    expect(keys(['admin'])).toEqual(expect.arrayContaining(['admin', 'people']));
    expect(keys(['provider_admin'])).toContain('people');
    expect(keys(['provider_admin'])).not.toContain('admin');
    for (const role of ['inkoper', 'contractmanager', 'approver', 'viewer', 'coordinator', 'provider_signer'])
      expect(keys([role])).not.toContain('people');
  });
});
