import * as z from 'zod/mini';
import { type AllocationKey, allocate } from './allocation.ts';
import { DomainError } from './errors.ts';
import { actsForOwner } from './offer.ts';
import { confirmationState } from './relation-confirm.ts';
import type { Role } from './roles.ts';
import { idSchema, text } from './schema.ts';
import { SPACE_PATTERN } from './spaces.ts';
import { WGR_WRITE_ROLES, wgrYear } from './wgr-calendar.ts';

/**
 * P&C harmonised in content (issue 16 point 5; DOMAIN.md §h, §g). A gemeenschappelijke regeling carries ONE set of
 * indicators its members agree on — input, output and outcome (an outcome indicator with a baseline) — each with a
 * unit and a direction. The set is versioned: a change of its content starts a new `setVersion`, and an agreement a
 * member gave to an earlier version no longer counts (the round rule of relation-confirm.ts). Per budget year the
 * draft-budget step of the Wgr calendar records a target per indicator and the annual-accounts step the realised
 * value. The arrangement also holds what the paragraaf verbonden partijen (BBV art. 15) needs and Regie does not
 * otherwise know: its legal form, the public interest it serves, and per year its equity, debt, result and the
 * risks the municipalities have not covered. Browser-safe.
 */

export const INDICATOR_TYPES = ['input', 'output', 'outcome'] as const;
export type IndicatorType = (typeof INDICATOR_TYPES)[number];
export const INDICATOR_DIRECTIONS = ['higher_is_better', 'lower_is_better'] as const;
export type IndicatorDirection = (typeof INDICATOR_DIRECTIONS)[number];

/** BBV art. 15 lid 2 groups the list of verbonden partijen by these legal forms, in this order (DOMAIN.md §g). */
export const LEGAL_FORMS = [
  'gemeenschappelijke_regeling',
  'vennootschap_cooperatie',
  'stichting_vereniging',
  'overig',
] as const;
export type LegalForm = (typeof LEGAL_FORMS)[number];
export const LEGAL_FORMS_NL: Record<LegalForm, string> = {
  gemeenschappelijke_regeling: 'Gemeenschappelijke regelingen',
  vennootschap_cooperatie: 'Vennootschappen en coöperaties',
  stichting_vereniging: 'Stichtingen en verenigingen',
  overig: 'Overige verbonden partijen',
};

export const PC_STEPS = ['draftBudget', 'annualAccounts'] as const;
export type PcStep = (typeof PC_STEPS)[number];

export const MAX_INDICATORS = 30;
/** Who writes the set, the values and the verbonden-partij fields: the region's own users (as the Wgr calendar). */
export const PC_WRITE_ROLES: readonly Role[] = WGR_WRITE_ROLES;

const version = () => z.int().check(z.gte(0), z.lte(1_000_000));
const member = () => z.string().check(z.regex(SPACE_PATTERN, 'Invalid space'));
/** An indicator value: any finite number in a sane range (percentages, counts, euros, days). */
export const indicatorValue = () => z.number().check(z.gte(-1_000_000_000_000), z.lte(1_000_000_000_000));
/** Money that may be negative (a loss, negative equity), in cents. */
export const signedCents = () => z.int().check(z.gte(-1_000_000_000_000), z.lte(1_000_000_000_000));

export const indicatorSchema = z
  .strictObject({
    id: idSchema(),
    name: text(200, 1),
    type: z.enum(INDICATOR_TYPES),
    /** What the value counts: "%", "cliënten", "dagen", "€". */
    unit: text(40, 1),
    direction: z.enum(INDICATOR_DIRECTIONS),
    /** The starting point an outcome is measured against (required for outcome indicators). */
    baseline: z.optional(z.strictObject({ value: indicatorValue(), year: wgrYear() })),
    description: z.optional(text(1000, 1)),
  })
  .check(
    z.refine((i) => i.type !== 'outcome' || i.baseline !== undefined, {
      message: 'An outcome indicator needs a baseline',
      path: ['baseline'],
      params: { reason: 'pc.baselineRequired' },
    }),
  );
export type Indicator = z.infer<typeof indicatorSchema>;

const uniqueBy =
  <T>(key: (t: T) => string) =>
  (list: readonly T[]) =>
    new Set(list.map(key)).size === list.length;

export const pcGetSchema = z.strictObject({ agreementId: idSchema(), year: wgrYear() });
export const pcMemberSchema = z.strictObject({ agreementId: idSchema(), year: wgrYear(), member: member() });
export const pcParagraphSchema = z.strictObject({ year: wgrYear() });

/** Creates (expectedVersion 0) or replaces the indicator set. */
export const pcSetIndicatorsSchema = z.strictObject({
  agreementId: idSchema(),
  expectedVersion: version(),
  indicators: z.array(indicatorSchema).check(
    z.minLength(1),
    z.maxLength(MAX_INDICATORS),
    z.refine(
      uniqueBy((i: Indicator) => i.id),
      {
        message: 'An indicator id appears twice',
        params: { reason: 'pc.indicatorDuplicate' },
      },
    ),
  ),
});
export type PcSetIndicatorsInput = z.infer<typeof pcSetIndicatorsSchema>;

/** The arrangement's verbonden-partij profile (not year-bound). */
export const pcProfileSchema = z.strictObject({
  legalForm: z.enum(LEGAL_FORMS),
  /** Which public interest the party serves (BBV art. 15 lid 1 b). */
  publicInterest: text(2000, 1),
  /** How the municipality has its interest: its seat on the board, its voting rights (BBV art. 1). */
  governanceInterest: text(1000, 1),
  /** Whether a member sees the other members' contributions, opinions and interests (default: no). */
  shareMemberRows: z.boolean(),
});
export type PcProfile = z.infer<typeof pcProfileSchema>;
export const pcSetProfileSchema = z.strictObject({
  agreementId: idSchema(),
  expectedVersion: version(),
  profile: pcProfileSchema,
});
export type PcSetProfileInput = z.infer<typeof pcSetProfileSchema>;

/** A member's agreement to one version of the set (by its own users, or recorded by the region on its behalf). */
export const pcAgreeSchema = z.strictObject({
  agreementId: idSchema(),
  member: member(),
  setVersion: z.int().check(z.gte(1), z.lte(1_000_000)),
  expectedVersion: z.int().check(z.gte(1), z.lte(1_000_000)),
});
export type PcAgreeInput = z.infer<typeof pcAgreeSchema>;

/** Targets (draft-budget step) or realised values (annual-accounts step) of one budget year. */
export const pcRecordValuesSchema = z.strictObject({
  agreementId: idSchema(),
  year: wgrYear(),
  step: z.enum(PC_STEPS),
  expectedVersion: version(),
  values: z.array(z.strictObject({ indicatorId: idSchema(), value: indicatorValue() })).check(
    z.minLength(1),
    z.maxLength(MAX_INDICATORS),
    z.refine(
      uniqueBy((v: { indicatorId: string }) => v.indicatorId),
      {
        message: 'An indicator appears twice',
        params: { reason: 'pc.indicatorDuplicate' },
      },
    ),
  ),
});
export type PcRecordValuesInput = z.infer<typeof pcRecordValuesSchema>;

/** The party's figures of one year (BBV art. 15 lid 1 c–e), and per member its interest where it is entered. */
export const pcFinancialsSchema = z.strictObject({
  equityStartCents: signedCents(),
  equityEndCents: signedCents(),
  debtStartCents: signedCents(),
  debtEndCents: signedCents(),
  resultCents: signedCents(),
  /** Risks the municipalities have not covered and that could matter for their finances. */
  uncoveredRisks: text(2000, 1),
  /** Figures from a budget or provisional accounts, shown as such (DOMAIN.md §g [B3]). */
  provisional: z.boolean(),
  /** A member's financial interest at the start and end of the year; without one its share of equity is shown. */
  interests: z
    .array(z.strictObject({ member: member(), startCents: signedCents(), endCents: signedCents() }))
    .check(
      z.maxLength(100),
      z.refine(
        uniqueBy((i: { member: string }) => i.member),
        {
          message: 'A member appears twice',
          params: { reason: 'pc.memberDuplicate' },
        },
      ),
    ),
});
export type PcFinancials = z.infer<typeof pcFinancialsSchema>;
export const pcSetFinancialsSchema = z.strictObject({
  agreementId: idSchema(),
  year: wgrYear(),
  expectedVersion: version(),
  financials: pcFinancialsSchema,
});
export type PcSetFinancialsInput = z.infer<typeof pcSetFinancialsSchema>;

export interface PcMemberAgreement {
  setVersion: number;
  at: string;
  by: string;
  byName?: string;
}

/** What is stored per GR (`PC#SET`): the indicator set, the members' agreements and the party's profile. */
export interface PcSetRecord {
  agreementId: string;
  /** The item's own version (every change). */
  version: number;
  /** The version of the set's content: 0 before any set, +1 each time the indicators change. */
  setVersion: number;
  indicators: Indicator[];
  agreements: Record<string, PcMemberAgreement>;
  profile?: PcProfile;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  updatedByName?: string;
}

/** What is stored per GR and budget year (`PC#YEAR#<year>`). */
export interface PcYearRecord {
  agreementId: string;
  year: number;
  version: number;
  targets: Record<string, number>;
  realised: Record<string, number>;
  /** The set version the targets were recorded against. */
  targetsSetVersion?: number;
  financials?: PcFinancials;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  updatedByName?: string;
}

/** Whether the content of the set changed (order counts: it is the order the members agreed to). */
export function indicatorsChanged(before: readonly Indicator[], after: readonly Indicator[]): boolean {
  const canon = (list: readonly Indicator[]) =>
    JSON.stringify(
      list.map((i) => [i.id, i.name, i.type, i.unit, i.direction, i.baseline ?? null, i.description ?? null]),
    );
  return canon(before) !== canon(after);
}

export type PcAgreementState = 'agreed' | 'pending';

/** A member has agreed when its last agreement was given to the current set version (the round rule). */
export function memberAgreementState(
  agreement: PcMemberAgreement | undefined,
  setVersion: number,
): PcAgreementState {
  const state = confirmationState(
    agreement ? { round: agreement.setVersion, state: 'confirmed' } : null,
    setVersion,
  );
  return state === 'confirmed' ? 'agreed' : 'pending';
}

/** The set counts as agreed when it exists and every member agreed to its current version. */
export function agreedByAll(
  record: Pick<PcSetRecord, 'setVersion' | 'agreements'> | null,
  members: readonly string[],
) {
  return (
    record !== null &&
    record.setVersion > 0 &&
    members.length > 0 &&
    members.every((m) => memberAgreementState(record.agreements[m], record.setVersion) === 'agreed')
  );
}

/** Who may do what: the region's own writers edit; a member's writers agree for their own municipality only. */
export function pcAccess(
  caller: { space: string; roles: readonly string[] },
  grSpace: string,
  members: readonly string[],
): { canEdit: boolean; canAgreeFor: string[] } {
  if (!caller.roles.some((r) => (PC_WRITE_ROLES as readonly string[]).includes(r)))
    return { canEdit: false, canAgreeFor: [] };
  if (actsForOwner(caller, grSpace)) return { canEdit: true, canAgreeFor: [...members] };
  if (members.includes(caller.space)) return { canEdit: false, canAgreeFor: [caller.space] };
  return { canEdit: false, canAgreeFor: [] };
}

/** Whether a caller sees a member's own rows (contribution, opinion, interest, agreement). */
export function pcMemberVisible(
  caller: { space: string },
  grSpace: string,
  member: string,
  profile: Pick<PcProfile, 'shareMemberRows'> | undefined,
): boolean {
  return actsForOwner(caller, grSpace) || caller.space === member || profile?.shareMemberRows === true;
}

/**
 * Checks values against the set: every indicator is in the set; targets need a set all members agreed to
 * (harmonised in content: the draft budget is measured on what the members agreed). Throws BAD_REQUEST.
 */
export function checkValues(
  record: Pick<PcSetRecord, 'indicators' | 'setVersion' | 'agreements'> | null,
  members: readonly string[],
  step: PcStep,
  values: readonly { indicatorId: string }[],
): void {
  if (!record || record.indicators.length === 0)
    throw new DomainError('BAD_REQUEST', 'pc.noIndicators', {
      field: 'agreementId',
      message: 'The arrangement has no indicator set yet',
    });
  const ids = new Set(record.indicators.map((i) => i.id));
  values.forEach((v, i) => {
    if (!ids.has(v.indicatorId))
      throw new DomainError('BAD_REQUEST', 'pc.unknownIndicator', {
        field: `values.${i}.indicatorId`,
        params: { indicatorId: v.indicatorId },
        message: 'Not an indicator of the set',
      });
  });
  if (step === 'draftBudget' && !agreedByAll(record, members))
    throw new DomainError('BAD_REQUEST', 'pc.setNotAgreed', {
      message: 'Targets are recorded against a set every member agreed to',
    });
}

export type IndicatorOutcome = 'met' | 'not_met' | null;

/** Met when the realised value is at least (higher is better) or at most (lower is better) the target. */
export function indicatorOutcome(
  direction: IndicatorDirection,
  target: number | undefined,
  realised: number | undefined,
): IndicatorOutcome {
  if (target === undefined || realised === undefined) return null;
  return (direction === 'higher_is_better' ? realised >= target : realised <= target) ? 'met' : 'not_met';
}

export interface IndicatorRow extends Indicator {
  target: number | null;
  realised: number | null;
  outcome: IndicatorOutcome;
}

export function indicatorRows(
  indicators: readonly Indicator[],
  year: Pick<PcYearRecord, 'targets' | 'realised'> | null,
): IndicatorRow[] {
  return indicators.map((i) => {
    const target = year?.targets[i.id];
    const realised = year?.realised[i.id];
    return {
      ...i,
      target: target ?? null,
      realised: realised ?? null,
      outcome: indicatorOutcome(i.direction, target, realised),
    };
  });
}

/** A share of an amount by the allocation key; a negative amount (negative equity) is split as its size. */
export function shareOf(
  amountCents: number,
  key: AllocationKey | null | undefined,
  member: string,
): number | null {
  if (!key?.weights.some((w) => w.space === member)) return null;
  const shares = allocate(Math.abs(amountCents), key);
  const cents = shares.find((s) => s.space === member)?.cents ?? 0;
  return amountCents < 0 ? -cents : cents;
}

export type InterestSource = 'entered' | 'equity_share' | 'none';

/**
 * The municipality's financial interest at the start and end of the year (BBV art. 15 lid 1 c): as entered on the
 * arrangement, else its share of the party's equity under the GR's allocation key.
 */
export function memberInterest(
  financials: PcFinancials | undefined,
  key: AllocationKey | null | undefined,
  member: string,
): { startCents: number | null; endCents: number | null; source: InterestSource } {
  const entered = financials?.interests.find((i) => i.member === member);
  if (entered) return { startCents: entered.startCents, endCents: entered.endCents, source: 'entered' };
  if (!financials) return { startCents: null, endCents: null, source: 'none' };
  const start = shareOf(financials.equityStartCents, key, member);
  const end = shareOf(financials.equityEndCents, key, member);
  if (start === null || end === null) return { startCents: null, endCents: null, source: 'none' };
  return { startCents: start, endCents: end, source: 'equity_share' };
}

/** One verbonden partij in a municipality's paragraaf. */
export interface ParagraphRow {
  agreementId: string;
  reference: string;
  title: string;
  /** The party itself (the joint body), or the arrangement's title without one. */
  partyName: string;
  legalForm: LegalForm;
  publicInterest: string | null;
  governanceInterest: string | null;
  /** The municipality's contribution for the year under the allocation key (from the Wgr calendar's budget). */
  contributionCents: number | null;
  interestStartCents: number | null;
  interestEndCents: number | null;
  interestSource: InterestSource;
  equityStartCents: number | null;
  equityEndCents: number | null;
  debtStartCents: number | null;
  debtEndCents: number | null;
  resultCents: number | null;
  uncoveredRisks: string | null;
  provisional: boolean | null;
  /** The BBV fields that are still missing (nothing: the row is complete). */
  missing: ParagraphField[];
}

export type ParagraphField =
  | 'legalForm'
  | 'publicInterest'
  | 'governanceInterest'
  | 'interest'
  | 'financials';

export function paragraphRow(input: {
  agreement: { id: string; reference: string; title: string; allocationKey?: AllocationKey | null };
  partyName: string | null;
  member: string;
  profile: PcProfile | undefined;
  financials: PcFinancials | undefined;
  contributionCents: number | null;
}): ParagraphRow {
  const { agreement, profile, financials } = input;
  const interest = memberInterest(financials, agreement.allocationKey, input.member);
  const missing: ParagraphField[] = [];
  if (!profile) missing.push('legalForm', 'publicInterest', 'governanceInterest');
  if (interest.source === 'none') missing.push('interest');
  if (!financials) missing.push('financials');
  return {
    agreementId: agreement.id,
    reference: agreement.reference,
    title: agreement.title,
    partyName: input.partyName ?? agreement.title,
    // A joint arrangement is a GR unless its profile says otherwise.
    legalForm: profile?.legalForm ?? 'gemeenschappelijke_regeling',
    publicInterest: profile?.publicInterest ?? null,
    governanceInterest: profile?.governanceInterest ?? null,
    contributionCents: input.contributionCents,
    interestStartCents: interest.startCents,
    interestEndCents: interest.endCents,
    interestSource: interest.source,
    equityStartCents: financials?.equityStartCents ?? null,
    equityEndCents: financials?.equityEndCents ?? null,
    debtStartCents: financials?.debtStartCents ?? null,
    debtEndCents: financials?.debtEndCents ?? null,
    resultCents: financials?.resultCents ?? null,
    uncoveredRisks: financials?.uncoveredRisks ?? null,
    provisional: financials?.provisional ?? null,
    missing,
  };
}

export interface ParagraphGroup {
  legalForm: LegalForm;
  rows: ParagraphRow[];
}

/** The rows grouped by legal form in the BBV's order, each group by reference; empty groups left out. */
export function groupParagraph(rows: readonly ParagraphRow[]): ParagraphGroup[] {
  return LEGAL_FORMS.map((legalForm) => ({
    legalForm,
    rows: rows
      .filter((r) => r.legalForm === legalForm)
      .sort((a, b) => a.reference.localeCompare(b.reference)),
  })).filter((g) => g.rows.length > 0);
}

export interface Paragraph {
  space: string;
  year: number;
  groups: ParagraphGroup[];
  complete: boolean;
}

/** The columns of the export (CSV and XLSX share them); money in euros. */
export const PARAGRAPH_COLUMNS = [
  { key: 'group', header: 'Categorie', type: 'text' },
  { key: 'reference', header: 'Kenmerk', type: 'text' },
  { key: 'party', header: 'Verbonden partij', type: 'text' },
  { key: 'publicInterest', header: 'Openbaar belang', type: 'text' },
  { key: 'governanceInterest', header: 'Bestuurlijk belang', type: 'text' },
  { key: 'contribution', header: 'Bijdrage gemeente (€)', type: 'money' },
  { key: 'interestStart', header: 'Financieel belang begin jaar (€)', type: 'money' },
  { key: 'interestEnd', header: 'Financieel belang eind jaar (€)', type: 'money' },
  { key: 'interestSource', header: 'Bron financieel belang', type: 'text' },
  { key: 'equityStart', header: 'Eigen vermogen begin jaar (€)', type: 'money' },
  { key: 'equityEnd', header: 'Eigen vermogen eind jaar (€)', type: 'money' },
  { key: 'debtStart', header: 'Vreemd vermogen begin jaar (€)', type: 'money' },
  { key: 'debtEnd', header: 'Vreemd vermogen eind jaar (€)', type: 'money' },
  { key: 'result', header: 'Financieel resultaat (€)', type: 'money' },
  { key: 'risks', header: 'Niet-afgedekte risico’s', type: 'text' },
  { key: 'status', header: 'Status cijfers', type: 'text' },
] as const;

const INTEREST_SOURCE_NL: Record<InterestSource, string> = {
  entered: 'Ingevoerd',
  equity_share: 'Aandeel eigen vermogen volgens verdeelsleutel',
  none: 'Ontbreekt',
};
const euros = (cents: number | null) => (cents === null ? null : cents / 100);

/** The paragraaf as rows of cells in PARAGRAPH_COLUMNS order (money in euros, two decimals). */
export function paragraphCells(paragraph: Pick<Paragraph, 'groups'>): (string | number | null)[][] {
  return paragraph.groups.flatMap((g) =>
    g.rows.map((r) => [
      LEGAL_FORMS_NL[g.legalForm],
      r.reference,
      r.partyName,
      r.publicInterest,
      r.governanceInterest,
      euros(r.contributionCents),
      euros(r.interestStartCents),
      euros(r.interestEndCents),
      INTEREST_SOURCE_NL[r.interestSource],
      euros(r.equityStartCents),
      euros(r.equityEndCents),
      euros(r.debtStartCents),
      euros(r.debtEndCents),
      euros(r.resultCents),
      r.uncoveredRisks,
      r.provisional === null ? 'Ontbreekt' : r.provisional ? 'Voorlopig' : 'Definitief',
    ]),
  );
}

/** What one member's view of the arrangement shows for a budget year. */
export interface PcMemberView {
  agreementId: string;
  year: number;
  member: string;
  name: string;
  setVersion: number;
  agreement: PcAgreementState;
  contributionCents: number | null;
  opinion: { outcome: string | null; opinionSubmitted: string | null; summary: string | null } | null;
  indicators: IndicatorRow[];
}

/** The arrangement's P&C content for a year as a caller may see it. */
export interface PcView {
  agreementId: string;
  year: number;
  version: number;
  setVersion: number;
  yearVersion: number;
  indicators: IndicatorRow[];
  /** Per member its agreement to the current set; others' rows only where the caller may see them. */
  members: { space: string; name: string; state: PcAgreementState; agreedVersion: number | null }[];
  agreedCount: number;
  memberCount: number;
  agreedByAll: boolean;
  profile: PcProfile | null;
  financials: (Omit<PcFinancials, 'interests'> & { interests: PcFinancials['interests'] }) | null;
  canEdit: boolean;
  canAgreeFor: string[];
}

export function pcView(input: {
  agreementId: string;
  grSpace: string;
  year: number;
  record: PcSetRecord | null;
  yearRecord: PcYearRecord | null;
  members: readonly string[];
  names: Readonly<Record<string, string>>;
  caller: { space: string; roles: readonly string[] };
}): PcView {
  const { record, yearRecord, caller } = input;
  const setVersion = record?.setVersion ?? 0;
  const visible = (m: string) => pcMemberVisible(caller, input.grSpace, m, record?.profile);
  const all = input.members.map((space) => ({
    space,
    name: input.names[space] ?? space,
    state: memberAgreementState(record?.agreements[space], setVersion),
    agreedVersion: record?.agreements[space]?.setVersion ?? null,
  }));
  const financials = yearRecord?.financials
    ? {
        ...yearRecord.financials,
        interests: yearRecord.financials.interests.filter((i) => visible(i.member)),
      }
    : null;
  return {
    agreementId: input.agreementId,
    year: input.year,
    version: record?.version ?? 0,
    setVersion,
    yearVersion: yearRecord?.version ?? 0,
    indicators: indicatorRows(record?.indicators ?? [], yearRecord),
    members: all.filter((m) => visible(m.space)),
    agreedCount: all.filter((m) => m.state === 'agreed').length,
    memberCount: all.length,
    agreedByAll: agreedByAll(record, input.members),
    profile: record?.profile ?? null,
    financials,
    ...pcAccess(caller, input.grSpace, input.members),
  };
}
