/** Roles are data stored per user; this is the closed set a user record may hold (SPEC §1). */
export const ROLES = [
  'inkoper',
  'contractmanager',
  'approver',
  'viewer',
  'admin',
  'coordinator',
  'provider_signer',
  'provider_reporter',
] as const;
export type Role = (typeof ROLES)[number];

/** Roles that work inside a municipality or region (everyone but provider users). */
export const MUNICIPAL_ROLES: readonly Role[] = [
  'inkoper',
  'contractmanager',
  'approver',
  'viewer',
  'admin',
  'coordinator',
];
export const PROVIDER_ROLES: readonly Role[] = ['provider_signer', 'provider_reporter'];
