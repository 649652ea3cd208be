import { MUNICIPAL_ROLES, PC_PARAGRAPH_ROLES, PROVIDER_ROLES, type Role } from '@regie/core/browser';

/**
 * The areas of the main navigation and the roles that can use each: a role sees only what it can work in, so no
 * page it is offered answers "not for you" (or fails with a 403). The roles follow the procedures each page calls
 * (packages/api/src/routers).
 */
type AreaKey =
  | 'register'
  | 'deliver'
  | 'steering'
  | 'signing'
  | 'deadlines'
  | 'subsidies'
  | 'regions'
  | 'organisations'
  | 'admin'
  | 'people'
  | 'paragraph';

export const AREAS: readonly { key: AreaKey; path: string; roles: readonly Role[] }[] = [
  { key: 'register', path: '/register', roles: [...MUNICIPAL_ROLES, ...PROVIDER_ROLES] },
  { key: 'deliver', path: '/deliver', roles: PROVIDER_ROLES },
  { key: 'steering', path: '/steering', roles: MUNICIPAL_ROLES },
  {
    key: 'signing',
    path: '/signing',
    roles: ['inkoper', 'contractmanager', 'approver', 'viewer', 'coordinator', 'provider_signer'],
  },
  { key: 'deadlines', path: '/deadlines', roles: MUNICIPAL_ROLES },
  { key: 'subsidies', path: '/subsidies', roles: ['inkoper', 'contractmanager', 'approver', 'viewer'] },
  { key: 'regions', path: '/regions', roles: MUNICIPAL_ROLES },
  // The paragraaf verbonden partijen (BBV art. 15): the municipality's own, for its controller first.
  { key: 'paragraph', path: '/verbonden-partijen', roles: PC_PARAGRAPH_ROLES },
  { key: 'organisations', path: '/organisations', roles: ['inkoper', 'contractmanager', 'viewer', 'admin'] },
  // The controller (viewer) reads the tenant's settings; only the admin changes them.
  { key: 'admin', path: '/admin', roles: ['admin', 'viewer'] },
  // Beheer → Mensen: the space's own administrator, a provider's too (issue 13).
  { key: 'people', path: '/admin/people', roles: ['admin', 'provider_admin'] },
];

/** The areas a user with these roles can use, in navigation order. */
export function areasFor(roles: readonly string[]) {
  return AREAS.filter((area) => area.roles.some((role) => roles.includes(role)));
}
