import * as z from 'zod/mini';
import { DomainError } from './errors.ts';
import {
  agreedByAll,
  type Indicator,
  type IndicatorDirection,
  indicatorValue,
  MAX_INDICATORS,
  memberAgreementState,
  PC_STEPS,
  type PcAgreementState,
  type PcProfile,
  type PcSetRecord,
  type PcStep,
  pcAccess,
  pcMemberVisible,
  signedCents,
} from './pc-indicators.ts';
import { member, uniqueBy, version } from './pc-schema.ts';
import { idSchema, text } from './schema.ts';
import { wgrYear } from './wgr-calendar.ts';

/**
 * P&C per budget year (issue 16 point 5): the targets and realised values of the agreed indicator set
 * (pc-indicators.ts), the party's figures, and the year's view as a caller may see it.
 */

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
