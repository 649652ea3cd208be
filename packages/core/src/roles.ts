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
  'provider_admin',
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
/** A provider's own roles; `provider_admin` manages the provider's people as `admin` does a municipality's. */
export const PROVIDER_ROLES: readonly Role[] = ['provider_signer', 'provider_reporter', 'provider_admin'];

/**
 * Who drafts and changes agreements (`agreement.create`/`update`/`renew`…): the coordinator only in its region,
 * where it writes the region's own agreements (docs/region-rules.md). The API declares these roles and the web app
 * offers the actions by the same list.
 */
export const AGREEMENT_WRITE_ROLES = [
  'inkoper',
  'contractmanager',
  'coordinator',
] as const satisfies readonly Role[];
/** Who registers organisations (`organisation.create`). */
export const ORGANISATION_WRITE_ROLES = [
  'inkoper',
  'contractmanager',
  'admin',
] as const satisfies readonly Role[];
/**
 * Who reads a municipality's paragraaf verbonden partijen (BBV art. 15; pc-indicators.ts): the municipality's own
 * roles — the controller (`viewer`) first. A region has no paragraaf of its own (the coordinator role is left out).
 */
export const PC_PARAGRAPH_ROLES = [
  'viewer',
  'approver',
  'contractmanager',
  'inkoper',
  'admin',
] as const satisfies readonly Role[];
