import { describe, expect, it } from 'vitest';
import { DomainError } from './errors.ts';
import { rolesFitSpace } from './offer.ts';
import { PROVIDER_ROLES, ROLES } from './roles.ts';
import {
  adminRoleOf,
  applyUserChange,
  assertRolesFitSpace,
  emailSchema,
  isActiveAdmin,
  toUser,
  type User,
  type UserChange,
  userChanged,
  userInviteInput,
  userKeySchema,
} from './users.ts';

const user = (over: Partial<User> = {}): User => ({
  key: 'ermelo.admin',
  name: 'Ahmed Beheerder',
  email: null,
  space: 'GM0233',
  roles: ['admin'],
  disabled: false,
  version: 1,
  createdAt: null,
  updatedAt: null,
  ...over,
});

const reasonOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, reason: error.reason, params: error.params };
    throw error;
  }
  return null;
};

const change = (over: Partial<UserChange>): UserChange => ({
  actor: 'ermelo.admin',
  target: user({ key: 'ermelo.inkoper', roles: ['inkoper'] }),
  expectedVersion: 1,
  otherActiveAdmins: () => ['ermelo.admin'],
  ...over,
});

describe('provider_admin', () => {
  it('is a provider role and the admin role of a provider', () => {
    expect(ROLES).toContain('provider_admin');
    expect(PROVIDER_ROLES).toContain('provider_admin');
    expect(adminRoleOf('provider')).toBe('provider_admin');
    expect(adminRoleOf('municipality')).toBe('admin');
    expect(adminRoleOf('region')).toBe('admin');
  });

  it('fits a provider space only', () => {
    expect(rolesFitSpace('provider', ['provider_admin', 'provider_signer'])).toBe(true);
    expect(rolesFitSpace('municipality', ['provider_admin'])).toBe(false);
    expect(rolesFitSpace('region', ['provider_admin'])).toBe(false);
    expect(rolesFitSpace('provider', ['admin'])).toBe(false);
  });
});

describe('roles fit the space kind', () => {
  it('refuses a role of the other side with user.rolesDoNotFit on the roles field', () => {
    expect(reasonOf(() => assertRolesFitSpace('GM0233', ['inkoper', 'provider_signer']))).toEqual({
      code: 'BAD_REQUEST',
      reason: 'user.rolesDoNotFit',
      params: { spaceKind: 'municipality' },
    });
    expect(reasonOf(() => assertRolesFitSpace('PV81234567', ['admin']))?.reason).toBe('user.rolesDoNotFit');
    expect(reasonOf(() => assertRolesFitSpace('GM0233', ['coordinator']))?.reason).toBe('user.rolesDoNotFit');
    expect(reasonOf(() => assertRolesFitSpace('RGNOORDVELUWE', ['coordinator']))).toBeNull();
    expect(reasonOf(() => assertRolesFitSpace('PV81234567', ['provider_admin']))).toBeNull();
  });

  it('checks new roles on update', () => {
    expect(reasonOf(() => applyUserChange(change({ roles: ['provider_reporter'] })))?.reason).toBe(
      'user.rolesDoNotFit',
    );
  });
});

describe('applyUserChange', () => {
  it('changes roles and the disabled flag', () => {
    const next = applyUserChange(change({ roles: ['inkoper', 'approver'], disabled: true }));
    expect(next.roles).toEqual(['inkoper', 'approver']);
    expect(next.disabled).toBe(true);
  });

  it('refuses a stale version with the version it has', () => {
    expect(reasonOf(() => applyUserChange(change({ expectedVersion: 2, disabled: true })))).toEqual({
      code: 'CONFLICT',
      reason: 'user.versionConflict',
      params: { version: 1, expectedVersion: 2 },
    });
  });

  it('refuses an admin disabling themself, but lets them change their own roles', () => {
    const self = user({ key: 'ermelo.admin', roles: ['admin', 'viewer'] });
    expect(reasonOf(() => applyUserChange(change({ target: self, disabled: true })))).toEqual({
      code: 'BAD_REQUEST',
      reason: 'user.selfDisable',
      params: {},
    });
    const others = () => ['other.admin'];
    expect(
      applyUserChange(change({ target: self, roles: ['viewer'], otherActiveAdmins: others })).roles,
    ).toEqual(['viewer']);
  });

  describe('the last active admin', () => {
    const last = user({ key: 'ermelo.admin2', roles: ['admin'] });
    const none = () => [];
    it('cannot be disabled', () => {
      expect(
        reasonOf(() => applyUserChange(change({ target: last, disabled: true, otherActiveAdmins: none }))),
      ).toEqual({ code: 'CONFLICT', reason: 'user.lastAdmin', params: { role: 'admin' } });
    });
    it('cannot lose the admin role, not even by their own hand', () => {
      expect(
        reasonOf(() => applyUserChange(change({ target: last, roles: ['viewer'], otherActiveAdmins: none })))
          ?.reason,
      ).toBe('user.lastAdmin');
      expect(
        reasonOf(() =>
          applyUserChange(
            change({ actor: last.key, target: last, roles: ['inkoper'], otherActiveAdmins: none }),
          ),
        )?.reason,
      ).toBe('user.lastAdmin');
    });
    it('of a provider is its provider_admin', () => {
      const kompas = user({ key: 'kompas.admin', space: 'PV81234567', roles: ['provider_admin'] });
      expect(
        reasonOf(() =>
          applyUserChange(change({ target: kompas, roles: ['provider_signer'], otherActiveAdmins: none })),
        ),
      ).toEqual({ code: 'CONFLICT', reason: 'user.lastAdmin', params: { role: 'provider_admin' } });
    });
    it('may go when another active admin remains, and others are asked only when it matters', () => {
      expect(applyUserChange(change({ target: last, disabled: true })).disabled).toBe(true);
      let asked = 0;
      const count = () => {
        asked++;
        return [];
      };
      applyUserChange(change({ roles: ['inkoper', 'approver'], otherActiveAdmins: count }));
      applyUserChange(change({ target: last, roles: ['admin', 'viewer'], otherActiveAdmins: count }));
      expect(asked).toBe(0);
    });
    it('a disabled admin may be re-enabled (or stay disabled) with no other admin', () => {
      const disabled = user({ key: 'x.admin', disabled: true });
      expect(
        applyUserChange(change({ target: disabled, disabled: false, otherActiveAdmins: none })).disabled,
      ).toBe(false);
      expect(
        applyUserChange(change({ target: disabled, roles: ['viewer'], otherActiveAdmins: none })).roles,
      ).toEqual(['viewer']);
    });
  });
});

describe('records and inputs', () => {
  it('reads a record written before issue 13 as active, version 1, without e-mail', () => {
    expect(toUser({ key: 'ermelo.viewer', name: 'Vera', space: 'GM0233', roles: ['viewer'] })).toEqual({
      key: 'ermelo.viewer',
      name: 'Vera',
      email: null,
      space: 'GM0233',
      roles: ['viewer'],
      disabled: false,
      version: 1,
      createdAt: null,
      updatedAt: null,
    });
  });

  it('counts only active holders of the space admin role as admins', () => {
    expect(isActiveAdmin(user())).toBe(true);
    expect(isActiveAdmin(user({ disabled: true }))).toBe(false);
    expect(isActiveAdmin(user({ roles: ['viewer'] }))).toBe(false);
    expect(isActiveAdmin(user({ space: 'PV81234567', roles: ['provider_admin'] }))).toBe(true);
  });

  it('tells a no-op from a change', () => {
    expect(userChanged(user(), user())).toBe(false);
    expect(userChanged(user(), user({ disabled: true }))).toBe(true);
    expect(userChanged(user(), user({ roles: ['admin', 'viewer'] }))).toBe(true);
  });

  it('accepts only addresses that are also valid user keys (a local login key is the address)', () => {
    const email = emailSchema();
    for (const address of [
      "o'brien@apeldoorn.nl",
      'a.b+c_d%e@sub.gemeente-x.nl',
      '_x@x.nl',
      'Piet@Apeldoorn.NL',
    ]) {
      const parsed = email.safeParse(address);
      expect(parsed.success, address).toBe(true);
      expect(userKeySchema().safeParse(parsed.data).success, address).toBe(true);
    }
    for (const address of ['a#b@x.nl', 'a b@x.nl', '"q"@x.nl', 'a@x', 'a@-x.nl', '@x.nl', 'a@x.n1']) {
      expect(email.safeParse(address).success, address).toBe(false);
    }
  });

  it('stores an invited e-mail in lower case and refuses a role twice', () => {
    expect(
      userInviteInput.parse({ name: 'Piet', email: 'Piet@Apeldoorn.NL', roles: ['inkoper'] }).email,
    ).toBe('piet@apeldoorn.nl');
    expect(
      userInviteInput.safeParse({ name: 'Piet', email: 'piet@apeldoorn.nl', roles: ['inkoper', 'inkoper'] })
        .success,
    ).toBe(false);
  });
});
