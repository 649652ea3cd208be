/**
 * The closed lists of the domain, with no schema library attached: the web app's first page needs the lists
 * (labels, filters, navigation) but not zod, so they live apart from the schemas that use them.
 */

export const AGREEMENT_KINDS = ['contract', 'subsidy', 'joint_arrangement', 'service_agreement'] as const;
export type AgreementKind = (typeof AGREEMENT_KINDS)[number];

export const DOMAINS = ['youth', 'wmo', 'participation', 'ict', 'other'] as const;
export type Domain = (typeof DOMAINS)[number];

export const AGREEMENT_STATUSES = [
  'draft',
  'in_approval',
  'approved',
  'out_for_signature',
  'active',
  'terminated',
  'expired',
  'requested',
  'granted',
  'settlement_requested',
  'settled',
  'refused',
  'withdrawn',
] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

/** Execution variants (uitvoeringsvarianten, iStandaarden UP028), units (WJ756) and frequencies (WMO757). */
export const EXECUTION_VARIANTS = ['effort', 'output', 'task'] as const;
export const UNITS = ['minute', 'hour', 'etmaal', 'dagdeel', 'piece', 'euro'] as const;
export const FREQUENCIES = ['per_day', 'per_week', 'per_month', 'total'] as const;

export const PARTY_ROLES = ['contractor', 'recipient', 'joint_body', 'subcontractor'] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];

export const ALLOCATION_METHODS = ['fixed', 'per_inhabitant', 'usage', 'base_plus_variable'] as const;
export type AllocationMethod = (typeof ALLOCATION_METHODS)[number];

export const ORGANISATION_KINDS = ['provider', 'joint_body'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** An object id as the API accepts it (lower-case letters, digits, hyphens). */
export const ID_PATTERN = /^[0-9a-z-]{1,40}$/;
