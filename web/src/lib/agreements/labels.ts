import type { TFunction } from 'i18next';
import {
  isAllocationMethod,
  isDomain,
  isFrequency,
  isKind,
  isOrganisationKind,
  isPartyRole,
  isStatus,
  isUnit,
  isVariant,
} from './model';

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

export function variantLabel(t: TFunction, variant: string): string {
  return isVariant(variant) ? t(`variants.${variant}`) : variant;
}

export function unitLabel(t: TFunction, unit: string): string {
  return isUnit(unit) ? t(`units.${unit}`) : unit;
}

export function frequencyLabel(t: TFunction, frequency: string): string {
  return isFrequency(frequency) ? t(`frequencies.${frequency}`) : frequency;
}

export function partyRoleLabel(t: TFunction, role: string): string {
  return isPartyRole(role) ? t(`partyRoles.${role}`) : role;
}

export function allocationMethodLabel(t: TFunction, method: string): string {
  return isAllocationMethod(method) ? t(`allocationMethods.${method}`) : method;
}

/** The button for a move in the life cycle, named after what it does ("Goedkeuren"), by its target status. */
export function transitionLabel(t: TFunction, to: string): string {
  return isStatus(to) ? t(`transitions.${to}`) : to;
}

const ACTIONS = ['create', 'update', 'transition', 'renew', 'steering', 'report', 'realisation'] as const;
/** Actions whose name has a dot (a key path to i18next), by their label's key. */
const DOTTED_ACTIONS: Record<string, 'import'> = { 'agreement.import': 'import' };

export function actionLabel(t: TFunction, action: string): string {
  const dotted = DOTTED_ACTIONS[action];
  if (dotted) return t(`auditActions.${dotted}`);
  return (ACTIONS as readonly string[]).includes(action)
    ? t(`auditActions.${action as (typeof ACTIONS)[number]}`)
    : action;
}

/** The agreement's fields as named in the audit trail and the version diff. */
const TERM_FIELDS = [
  'kind',
  'reference',
  'title',
  'description',
  'status',
  'version',
  'domain',
  'startDate',
  'endDate',
  'noticePeriodMonths',
  'valueCeilingCents',
  'parties',
  'productLines',
  'renewal',
  'allocationKey',
  'parentId',
  'note',
  // Steering changes (SPEC §4.1–4.2) are events in the same audit trail, without a new terms version.
  'relation',
  'roles',
  // Information duties are terms; a report and a realisation are events of their own (SPEC §4.3–4.4).
  'duties',
  // A service agreement's catalogue (issue 16): terms like the duties.
  'services',
  'spentCents',
] as const;
export type TermField = (typeof TERM_FIELDS)[number];

export function isTermField(field: string): field is TermField {
  return (TERM_FIELDS as readonly string[]).includes(field);
}

/**
 * A field in the trail or the diff. A delivered report is `report.<duty>.<period>` and a realisation
 * `realisation.<month>`: named by their period, as a person reads them.
 */
export function termFieldLabel(t: TFunction, field: string): string {
  if (isTermField(field)) return t(`termFields.${field}`);
  const report = /^report\.[^.]+\.(.+)$/.exec(field);
  if (report?.[1]) return t('audit.reportField', { period: report[1] });
  const realisation = /^realisation\.(\d{4}-\d{2})$/.exec(field);
  if (realisation?.[1]) return t('audit.realisationField', { month: realisation[1] });
  return field;
}

const LINE_FIELDS = [
  'category',
  'productCode',
  'description',
  'variant',
  'unit',
  'frequency',
  'tariffCents',
  'volumeCeiling',
  'moneyCeilingCents',
  'lumpSumCents',
  'population',
] as const;
export type LineField = (typeof LINE_FIELDS)[number];

export function lineFieldLabel(t: TFunction, field: string): string {
  return (LINE_FIELDS as readonly string[]).includes(field) ? t(`lineFields.${field as LineField}`) : field;
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
  'provider_admin',
] as const;

export function roleLabel(t: TFunction, role: string): string {
  return (ROLES as readonly string[]).includes(role) ? t(`roles.${role as (typeof ROLES)[number]}`) : role;
}

const SPACE_KINDS = ['municipality', 'region', 'provider', 'joint_body'] as const;

export function organisationKindLabel(t: TFunction, kind: string): string {
  return (SPACE_KINDS as readonly string[]).includes(kind) || isOrganisationKind(kind)
    ? t(`organisationKinds.${kind as (typeof SPACE_KINDS)[number]}`)
    : kind;
}
