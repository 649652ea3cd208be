import * as z from 'zod/mini';
import { type Approval, LIFECYCLES, withinMandate } from './agreement-lifecycle.ts';
import { type AllocationKey, allocationKeySchema } from './allocation.ts';
import { invalidKpiSource } from './deliveries.ts';
import { type Duty, dutyInputSchema } from './duties.ts';
import { DomainError, type DomainErrorOptions, type Reason } from './errors.ts';
import { assertIncentives, type IncentiveRule, incentivesSchema } from './incentives.ts';
import { type KpiDefinition, kpiDefinitionSchema } from './kpi.ts';
import {
  AGREEMENT_KINDS,
  AGREEMENT_STATUSES,
  type AgreementKind,
  type AgreementStatus,
  DOMAINS,
  type Domain,
} from './lists.ts';
import { repeatedParties } from './parties.ts';
import { cents, idSchema, isoDate, text } from './schema.ts';
import { checkServices, type Service, serviceCatalogueSchema } from './services.ts';
import { SPACE_PATTERN } from './spaces.ts';
import type { SubsidyRecord } from './subsidy.ts';
import {
  checkProductLines,
  type Party,
  type PartyInput,
  type ProductLine,
  partyInputSchema,
  productLineSchema,
  type Renewal,
  renewalSchema,
} from './terms.ts';
import { type Publication, publicationSchema } from './woo.ts';

// The life cycles and the mandate live in agreement-lifecycle.ts; these are its names the domain exports.
export {
  type Approval,
  allowedTransitions,
  approvalCovers,
  assertMandateCovers,
  assertTransition,
  dedicatedRoute,
  LIFECYCLES,
  mandateCovers,
  mandateMatters,
  statusesOf,
  type TransitionContext,
} from './agreement-lifecycle.ts';
export {
  AGREEMENT_KINDS,
  AGREEMENT_STATUSES,
  type AgreementKind,
  type AgreementStatus,
  DOMAINS,
  type Domain,
};

// ---- input schemas (strict: unknown fields are rejected) ----

/** Ceilings per calendar year (SPEC §4.4): year 2000–2100, each year once, at most 30. */
export const yearCeilingsSchema = () =>
  z.array(z.strictObject({ year: z.int().check(z.gte(2000), z.lte(2100)), cents: cents() })).check(
    z.maxLength(30),
    // Named at the repeated year, so a form shows it at that row's field.
    z.superRefine((list, ctx) => {
      list.forEach((y, i) => {
        if (list.findIndex((other) => other.year === y.year) < i)
          ctx.addIssue({
            code: 'custom',
            message: 'Each year may appear once',
            path: [i, 'year'],
            input: y.year,
            params: { reason: 'agreement.yearsUnique' },
          });
      });
    }),
  );

const termsShape = {
  title: text(200, 1),
  description: z.optional(text(5000)),
  domain: z.enum(DOMAINS),
  startDate: isoDate(),
  endDate: isoDate(),
  noticePeriodMonths: z.optional(z.nullable(z.int().check(z.gte(0), z.lte(120)))),
  valueCeilingCents: z.optional(z.nullable(cents())),
  parties: z.optional(z.array(partyInputSchema).check(z.maxLength(10))),
  productLines: z.optional(z.array(productLineSchema).check(z.maxLength(100))),
  renewal: z.optional(z.nullable(renewalSchema)),
  /** Information duties (meldplichten): periodic reports and event duties. */
  duties: z.optional(z.array(dutyInputSchema).check(z.maxLength(20))),
  /** Ceilings per calendar year, where the agreement sets them (SPEC §4.4). */
  yearCeilings: z.optional(yearCeilingsSchema()),
  /** Woo publication (SPEC §5.4): whether it appears in the public register, and how. */
  publication: z.optional(z.nullable(publicationSchema)),
  /** The agreed indicator set (SPEC §4.5). */
  kpis: z.optional(z.array(kpiDefinitionSchema).check(z.maxLength(20))),
  /** Result-linked payment on the KPIs: a bonus or malus per KPI and period (incentives.ts). */
  incentives: z.optional(incentivesSchema()),
  /** Only for agreements a region owns: how the members share the cost. */
  allocationKey: z.optional(z.nullable(allocationKeySchema)),
  /** A service agreement's catalogue: services, their service levels and price models (services.ts). */
  services: z.optional(serviceCatalogueSchema),
};

/** Where both dates are given (always on create; on update when both change), the end is not before the start. */
const endNotBeforeStart = z.refine<{ startDate?: string; endDate?: string }>(
  (v) => v.startDate === undefined || v.endDate === undefined || v.endDate >= v.startDate,
  {
    message: 'endDate must not be before startDate',
    path: ['endDate'],
    params: { reason: 'agreement.endBeforeStart' },
  },
);

export const agreementCreateInput = z
  .strictObject({
    kind: z.enum(AGREEMENT_KINDS),
    reference: text(50, 1).check(z.regex(/^[\p{L}\p{N}][\p{L}\p{N} ./_-]*$/u, 'Invalid reference')),
    /** The owning space: the caller's own by default, or a region the caller's municipality belongs to. */
    space: z.optional(z.string().check(z.regex(SPACE_PATTERN, 'Invalid space'))),
    /** A call-off (deelovereenkomst) names its framework agreement (raamovereenkomst). */
    parentId: z.optional(idSchema()),
    ...termsShape,
  })
  .check(endNotBeforeStart);

export type AgreementCreateInput = z.infer<typeof agreementCreateInput>;

export const agreementTermsPatch = z
  .strictObject({
    title: z.optional(termsShape.title),
    description: termsShape.description,
    domain: z.optional(termsShape.domain),
    startDate: z.optional(termsShape.startDate),
    endDate: z.optional(termsShape.endDate),
    noticePeriodMonths: termsShape.noticePeriodMonths,
    valueCeilingCents: termsShape.valueCeilingCents,
    parties: termsShape.parties,
    productLines: termsShape.productLines,
    renewal: termsShape.renewal,
    duties: termsShape.duties,
    kpis: termsShape.kpis,
    incentives: termsShape.incentives,
    yearCeilings: termsShape.yearCeilings,
    publication: termsShape.publication,
    allocationKey: termsShape.allocationKey,
    services: termsShape.services,
  })
  // The stored agreement is checked again after the patch is applied (`assertTerms`).
  .check(endNotBeforeStart);

export type AgreementTermsPatch = z.infer<typeof agreementTermsPatch>;

/** The agreement as stored and as internal users see it. */
export interface Agreement {
  id: string;
  space: string;
  kind: AgreementKind;
  reference: string;
  title: string;
  description: string;
  status: AgreementStatus;
  version: number;
  domain: Domain;
  startDate: string;
  endDate: string;
  noticePeriodMonths: number | null;
  valueCeilingCents: number | null;
  parties: Party[];
  productLines: ProductLine[];
  renewal: Renewal | null;
  duties: Duty[];
  kpis: KpiDefinition[];
  /** The incentive arrangement on the KPIs (absent on agreements stored before it existed: none). */
  incentives?: IncentiveRule[];
  yearCeilings: { year: number; cents: number }[];
  publication: Publication | null;
  allocationKey: AllocationKey | null;
  /** The service catalogue (service agreements only; empty for every other kind). */
  services: Service[];
  parentId: string | null;
  /** A subsidy's application, grant and settlement (Awb titel 4.2; subsidy.ts), once recorded. */
  subsidy?: SubsidyRecord | null;
  /** The version at which the terms last changed (created, or amended): approvals and documents name it. */
  termsVersion: number;
  /** The approval of the current course (SPEC §5.1), or null; an amendment before signing drops it. */
  approval: Approval | null;
  /** A draft the owner shared with its provider parties for negotiation (`agreement.share`; offer.ts). */
  sharedWithParties?: boolean;
  createdAt: string;
  createdBy: string;
  /** The people's names next to their keys (agreements written before names were kept have none). */
  createdByName?: string;
  updatedAt: string;
  updatedBy: string;
  updatedByName?: string;
}

/** Terms as the repository applies them: parties resolved to their organisations, lines with ids. */
export type ResolvedTerms = Omit<
  AgreementTermsPatch,
  'parties' | 'productLines' | 'renewal' | 'duties' | 'kpis' | 'services'
> & {
  services?: Service[];
  parties?: Party[];
  duties?: Duty[];
  kpis?: KpiDefinition[];
  productLines?: ProductLine[];
  renewal?: Renewal | null;
};

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Applies resolved terms and returns the changed fields as before/after pairs (for the audit event). */
export function applyTerms(
  current: Agreement,
  patch: ResolvedTerms,
): { next: Agreement; changes: Record<string, { before: unknown; after: unknown }> } {
  const next: Agreement = { ...current };
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  for (const [field, value] of Object.entries(patch) as [keyof ResolvedTerms, unknown][]) {
    if (value === undefined) continue;
    const before = current[field] ?? null;
    if (same(before, value)) continue;
    (next as unknown as Record<string, unknown>)[field] = value;
    changes[field] = { before, after: value };
  }
  assertTerms(next);
  return { next, changes };
}

/** Statuses of a signed life cycle in which approval has been asked but nothing is signed yet. */
export const FROZEN_STATUSES: readonly AgreementStatus[] = ['in_approval', 'approved', 'out_for_signature'];

/** Statuses after signing: the agreement is (or was) in force. */
const SIGNED_STATUSES: readonly AgreementStatus[] = ['active', 'terminated', 'expired'];

/** Patch fields that are not terms: whether and how it appears in the Woo register changes nothing agreed. */
const NOT_TERMS: ReadonlySet<string> = new Set(['publication']);

/** Whether a change touches the terms (anything but the Woo publication fields). */
export const changesTerms = (changes: Record<string, unknown>) =>
  Object.keys(changes).some((field) => !NOT_TERMS.has(field));

/** What an amendment before signing did, for the response and the UI. */
export interface AmendmentOutcome {
  returnedToDraft: true;
  from: AgreementStatus;
  approvalDropped: boolean;
}

/**
 * A change of terms once approval has been asked is an amendment (SPEC §3, §5.1); `next` is `current` with the
 * change applied (`applyTerms`). Before signing (in approval, approved, out for signature) it returns the
 * agreement to draft and drops the approval: the whole course — approval if needed, document, signatures — runs
 * again. After signing (active, terminated, expired) it keeps the status, unless it raises the value ceiling
 * above the mandate threshold: that needs an approver, so it is refused. Renewal is not an amendment (`renew`).
 * Returns the state to store (with its new terms version) and the extra audit changes.
 */
export function amend(
  current: Agreement,
  next: Agreement,
  changes: Record<string, { before: unknown; after: unknown }>,
  mandateThresholdCents: number | null,
): {
  next: Agreement;
  changes: Record<string, { before: unknown; after: unknown }>;
  outcome: AmendmentOutcome | null;
} {
  if (!changesTerms(changes)) return { next, changes, outcome: null };
  const amended: Agreement = { ...next, termsVersion: current.version + 1 };
  const extra: Record<string, { before: unknown; after: unknown }> = {
    termsVersion: { before: current.termsVersion, after: amended.termsVersion },
  };
  const signed = LIFECYCLES[current.kind].rules.some((r) => r.to === 'out_for_signature');
  if (signed && FROZEN_STATUSES.includes(current.status)) {
    amended.status = 'draft';
    amended.approval = null;
    extra.status = { before: current.status, after: 'draft' };
    if (current.approval) extra.approval = { before: current.approval, after: null };
    return {
      next: amended,
      changes: { ...changes, ...extra },
      outcome: { returnedToDraft: true, from: current.status, approvalDropped: current.approval !== null },
    };
  }
  if (signed && SIGNED_STATUSES.includes(current.status)) {
    const before = current.valueCeilingCents;
    const after = next.valueCeilingCents;
    // No ceiling is no bound: removing one raises the value as much as a higher figure does.
    const raised = after === null ? before !== null : before !== null && after > before;
    if (raised && !withinMandate({ valueCeilingCents: after, mandateThresholdCents })) {
      throw new DomainError('BAD_REQUEST', 'mandate.raiseNeedsApproval', {
        params: { thresholdCents: mandateThresholdCents },
        field: 'valueCeilingCents',
        message:
          'Raising the value of a signed agreement above the mandate threshold needs an approver: ' +
          'make a new agreement (or a call-off) and have it approved',
      });
    }
  }
  return { next: amended, changes: { ...changes, ...extra }, outcome: null };
}

/** The rules every stored state of an agreement keeps; throws the first broken one with its field. */
export function assertTerms(a: Agreement): void {
  if (a.endDate < a.startDate)
    throw new DomainError('BAD_REQUEST', 'agreement.endBeforeStart', {
      field: 'endDate',
      message: 'endDate must not be before startDate',
    });
  const issue = checkProductLines(a.kind, a.domain, a.productLines)[0];
  if (issue)
    throw new DomainError('BAD_REQUEST', issue.reason, {
      params: issue.params,
      field: issue.path,
      message: issue.message,
    } as DomainErrorOptions<Reason>);
  const serviceIssue = checkServices(a.kind, a.services ?? [])[0];
  if (serviceIssue)
    throw new DomainError('BAD_REQUEST', serviceIssue.reason, {
      params: serviceIssue.params,
      field: serviceIssue.path,
      message: serviceIssue.message,
    } as DomainErrorOptions<Reason>);
  if (a.renewal && a.renewal.used > a.renewal.options) {
    throw new DomainError('BAD_REQUEST', 'renewal.moreUsedThanOptions', {
      params: { used: a.renewal.used, options: a.renewal.options },
      field: 'renewal',
      message: 'More renewals used than there are options',
    });
  }
  assertIncentives(a.incentives ?? [], a.kpis);
  // Each organisation once per role: the same rule the web form marks per row (`repeatedParties`).
  if (repeatedParties(a.parties).length > 0)
    throw new DomainError('BAD_REQUEST', 'party.duplicate', {
      field: 'parties',
      message: 'A party appears twice in the same role',
    });
  // A KPI taken from a delivery names a field of a periodic duty of its own frequency (deliveries.ts).
  const sourced = invalidKpiSource(a.kpis ?? [], a.duties ?? []);
  if (sourced !== null)
    throw new DomainError('BAD_REQUEST', 'kpi.sourceInvalid', {
      params: { kpi: a.kpis[sourced]?.name ?? '' },
      field: `kpis.${sourced}.source`,
      message: 'A KPI source must name a field of a periodic duty with the same frequency',
    });
}

/** Party input → stored parties, given the organisations the owning space has registered. */
export function resolveParties(
  input: readonly PartyInput[],
  organisations: ReadonlyMap<string, { name: string; kind: 'provider' | 'joint_body'; kvkNumber: string }>,
): Party[] {
  return input.map((party, i) => {
    const organisation = organisations.get(party.organisationId);
    if (!organisation) {
      throw new DomainError('BAD_REQUEST', 'party.unknown', {
        params: { organisationId: party.organisationId },
        field: `parties.${i}.organisationId`,
        message: `Organisation ${party.organisationId} is not registered`,
      });
    }
    return {
      organisationId: party.organisationId,
      role: party.role,
      name: organisation.name,
      kind: organisation.kind,
      kvkNumber: organisation.kvkNumber,
      providerSpace: organisation.kind === 'provider' ? `PV${organisation.kvkNumber}` : null,
    };
  });
}
