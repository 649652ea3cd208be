import type { TFunction } from 'i18next';
import { isDomain, isKind, isStatus } from './model';

/** Labels for values that come from the API; an unknown value is shown as it came rather than hidden. */
export function kindLabel(t: TFunction, kind: string): string {
  return isKind(kind) ? t(`kinds.${kind}`) : kind;
}

export function statusLabel(t: TFunction, status: string): string {
  return isStatus(status) ? t(`statuses.${status}`) : status;
}

export function domainLabel(t: TFunction, domain: string): string {
  return isDomain(domain) ? t(`domains.${domain}`) : domain;
}

const ROLES = [
  'inkoper',
  'contractmanager',
  'approver',
  'viewer',
  'admin',
  'coordinator',
  'provider_signer',
  'provider_reporter',
] as const;

export function roleLabel(t: TFunction, role: string): string {
  return (ROLES as readonly string[]).includes(role) ? t(`roles.${role as (typeof ROLES)[number]}`) : role;
}

const ORGANISATION_KINDS = ['municipality', 'region', 'provider', 'joint_body'] as const;

export function organisationKindLabel(t: TFunction, kind: string): string {
  return (ORGANISATION_KINDS as readonly string[]).includes(kind)
    ? t(`organisationKinds.${kind as (typeof ORGANISATION_KINDS)[number]}`)
    : kind;
}
