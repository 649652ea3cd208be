import type { AppRouter } from '@regie/api';
import {
  AGREEMENT_KINDS,
  AGREEMENT_STATUSES,
  AGREEMENT_WRITE_ROLES,
  type AgreementKind,
  type AgreementStatus,
  ALLOCATION_METHODS,
  type AllocationMethod,
  DOMAINS,
  type Domain,
  EXECUTION_VARIANTS,
  FREQUENCIES,
  ID_PATTERN,
  ORGANISATION_KINDS,
  ORGANISATION_WRITE_ROLES,
  type OrganisationKind,
  PARTY_ROLES,
  type PartyRole,
  SPACE_PATTERN,
  UNITS,
} from '@regie/core/browser';
import type { inferInput, inferOutput, TRPCOptionsProxy } from '@trpc/tanstack-react-query';

type Api = TRPCOptionsProxy<AppRouter>;

/** Types come from the router (types only: no server code reaches the browser bundle). */
export type AgreementSummary = inferOutput<Api['agreement']['find']>['items'][number];
/** What `agreement.get` answers: the internal view for municipal users, the party view for providers. */
export type Agreement = inferOutput<Api['agreement']['get']>;
export type InternalAgreement = Extract<Agreement, { view: 'internal' }>;
export type PartyAgreement = Extract<Agreement, { view: 'party' }>;
export type ProductLine = Agreement['productLines'][number];
export type Party = InternalAgreement['parties'][number];
export type AllocationKey = NonNullable<InternalAgreement['allocationKey']>;
export type TermsVersion = inferOutput<Api['agreement']['versions']>[number];
export type AuditEvent = inferOutput<Api['agreement']['history']>[number];
export type VerifyResult = inferOutput<Api['agreement']['verifyAudit']>;
export type Me = inferOutput<Api['me']['get']>;
export type Organisation = inferOutput<Api['organisation']['find']>['items'][number];
export type CreateAgreementInput = inferInput<Api['agreement']['create']>;
export type UpdateAgreementInput = inferInput<Api['agreement']['update']>;
export type TermsPatch = UpdateAgreementInput['data'];
export type CreateOrganisationInput = inferInput<Api['organisation']['create']>;
// The input is optional on the wire; this is its object form.
export type FindAgreementsInput = Extract<inferInput<Api['agreement']['find']>, object>;

// The closed lists come from core's browser entry: the same lists the API's schemas accept.
export const KINDS = AGREEMENT_KINDS;
export type { AgreementKind };
export type AgreementDomain = Domain;
export { DOMAINS };
export const STATUSES = AGREEMENT_STATUSES;
export type { AgreementStatus };
/** Execution variants (uitvoeringsvarianten, iStandaarden UP028), units (WJ756) and frequencies (WMO757). */
export const VARIANTS = EXECUTION_VARIANTS;
export type Variant = (typeof VARIANTS)[number];
export { FREQUENCIES, PARTY_ROLES, UNITS };
export type Unit = (typeof UNITS)[number];
export type Frequency = (typeof FREQUENCIES)[number];
export type { AllocationMethod, OrganisationKind, PartyRole };
export { ALLOCATION_METHODS, ORGANISATION_KINDS };

export const SORTS = ['newest', 'endDate'] as const;
export type Sort = (typeof SORTS)[number];

function oneOf<T extends string>(list: readonly T[]) {
  return (value: string | null | undefined): value is T => (list as readonly string[]).includes(value ?? '');
}

export const isKind = oneOf(KINDS);
export const isDomain = oneOf(DOMAINS);
export const isStatus = oneOf(STATUSES);
export const isVariant = oneOf(VARIANTS);
export const isUnit = oneOf(UNITS);
export const isFrequency = oneOf(FREQUENCIES);
export const isPartyRole = oneOf(PARTY_ROLES);
export const isAllocationMethod = oneOf(ALLOCATION_METHODS);
export const isOrganisationKind = oneOf(ORGANISATION_KINDS);
export const isSort = oneOf(SORTS);

/** Roles that may draft and change an agreement: the very list `agreement.create`/`update`/`renew` declare. */
export const CREATE_ROLES: readonly string[] = AGREEMENT_WRITE_ROLES;
/** Roles that may register an organisation: the list `organisation.create` declares. */
export const ORGANISATION_ROLES: readonly string[] = ORGANISATION_WRITE_ROLES;

export function canWrite(me: Pick<Me, 'roles'> | undefined): boolean {
  return me?.roles.some((role) => CREATE_ROLES.includes(role)) ?? false;
}

/**
 * Whether the caller may change this agreement: a writing role, acting in the space that owns it — a member
 * municipality reads a region's agreements but only the region's own users change them (docs/region-rules.md).
 */
export function canWriteAgreement(
  me: Pick<Me, 'roles' | 'space'> | undefined,
  a: Pick<InternalAgreement, 'space'>,
): boolean {
  return canWrite(me) && me?.space === a.space;
}

/** Statuses in which reports, realisations and KPI values are accepted (the API refuses them otherwise). */
export function isRunning(status: AgreementStatus): boolean {
  return status === 'active' || status === 'granted' || status === 'settlement_requested';
}

/** A provider's users see party views; everything internal (audit, versions, regions) is not theirs. */
export function isProviderUser(me: Pick<Me, 'organisation'> | undefined): boolean {
  return me?.organisation.kind === 'provider';
}

/**
 * The provider parties a municipal user may act for on an agreement (`party` of report, KPI and escalation
 * inputs), each once; none in a provider's party view, where every entry is the provider's own.
 */
export function providerPartiesOf(a: Agreement): { party: string; partyName: string }[] {
  if (a.view !== 'internal') return [];
  const out: { party: string; partyName: string }[] = [];
  for (const p of a.parties) {
    if (p.providerSpace && !out.some((o) => o.party === p.providerSpace))
      out.push({ party: p.providerSpace, partyName: p.name });
  }
  return out;
}

/** Ids and spaces as the API accepts them, so a hand-edited address cannot make a request fail. */
export { ID_PATTERN, SPACE_PATTERN };

export function isRegionSpace(space: string): boolean {
  return space.startsWith('RG');
}

/** A space's name as far as the caller can know it (`me.reach`), else its code (`GM0243`). */
export function spaceName(me: Pick<Me, 'reach'> | undefined, space: string): string {
  return me?.reach.find((r) => r.space === space)?.name ?? space;
}
