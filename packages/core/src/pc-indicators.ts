import * as z from 'zod/mini';
import { actsForOwner } from './offer.ts';
import { member, uniqueBy, version } from './pc-schema.ts';
import { confirmationState } from './relation-confirm.ts';
import type { Role } from './roles.ts';
import { idSchema, text } from './schema.ts';
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
