import * as z from 'zod/mini';
import type { Agreement, AgreementStatus } from './agreement.ts';
import { addDays, extendToWorkingDay } from './calendar.ts';
import type { Deadline } from './deadlines.ts';
import { DomainError } from './errors.ts';
import type { Role } from './roles.ts';
import { cents, idSchema, isoDate, text } from './schema.ts';
import { SPACE_PATTERN } from './spaces.ts';

/**
 * Subsidies under the Awb, titel 4.2 (SPEC §3.2, DOMAIN.md §b). Pure rules:
 * - a subsidy regulation (subsidieregeling) rests on a legal basis (4:23) and may carry a ceiling
 *   (subsidieplafond, 4:25) for its budget year, published beforehand (4:27): a grant that would take the
 *   granted total past the ceiling is refused, and the refusal names the room left;
 * - a book-year subsidy is applied for at least 13 weeks before the book year starts, unless the
 *   regulation sets another term (4:60); a late application may be refused — the grant decision records
 *   that it was late and why it is granted anyway;
 * - settlement (vaststelling) follows the grant; lower only on a ground of 4:46 lid 2, recorded with a
 *   motivation; ex officio (ambtshalve, 4:47) directly at grant for small subsidies when the regulation
 *   allows it, or once the term to apply for settlement (4:44) has lapsed;
 * - ending or cutting a subsidy a recipient has had for 3 or more consecutive years needs a reasonable
 *   phase-out term (4:51): warn.
 */

/** The Awb's default term for a book-year subsidy application, in weeks before the book year (4:60). */
export const BOOK_YEAR_APPLICATION_WEEKS = 13;
/** Default weeks after the subsidised period ends to apply for settlement, when the regulation sets none. */
export const DEFAULT_SETTLEMENT_WEEKS = 13;
/** Consecutive years of subsidy after which ending or cutting it needs a phase-out term (4:51). */
export const PHASE_OUT_YEARS = 3;

/** Who acts on a subsidy's Awb terms. */
export const AWB_ROLES: Role[] = ['contractmanager', 'inkoper'];

// ---- regulation ----

const weeks = (min: number, max: number) => z.int().check(z.gte(min), z.lte(max));

const regulationTerms = {
  name: text(200, 1),
  /** The wettelijk voorschrift the regulation rests on (4:23), e.g. "ASV Ermelo 2024, art. 4". */
  legalBasis: text(500, 1),
  budgetYear: z.int().check(z.gte(2000), z.lte(2100)),
  /** The subsidieplafond (4:25) in cents; null when the regulation sets none. */
  ceilingCents: z.nullable(cents()),
  /** When the ceiling was published (4:27). */
  ceilingPublishedOn: z.optional(z.nullable(isoDate())),
  /** Weeks before the book year a book-year application is due; 13 unless the regulation says otherwise (4:60). */
  applicationWeeks: z.optional(weeks(0, 52)),
  /** The decision term (beslistermijn) in weeks from the application, when the regulation sets one (4:13). */
  decisionWeeks: z.optional(z.nullable(weeks(1, 52))),
  /** Weeks after the subsidised period ends within which settlement must be applied for (4:44). */
  settlementWeeks: z.optional(weeks(1, 104)),
  /** Grants up to this amount may be settled ex officio directly at grant (4:47); null: never at grant. */
  exOfficioUpToCents: z.optional(z.nullable(cents())),
};

export const regulationCreateInput = z.strictObject({
  /** The owning space: the caller's own by default, or a region the caller's municipality belongs to. */
  space: z.optional(z.string().check(z.regex(SPACE_PATTERN, 'Invalid space'))),
  ...regulationTerms,
});
export type RegulationCreateInput = z.infer<typeof regulationCreateInput>;

export const regulationPatch = z.strictObject({
  name: z.optional(regulationTerms.name),
  legalBasis: z.optional(regulationTerms.legalBasis),
  budgetYear: z.optional(regulationTerms.budgetYear),
  ceilingCents: z.optional(regulationTerms.ceilingCents),
  ceilingPublishedOn: regulationTerms.ceilingPublishedOn,
  applicationWeeks: regulationTerms.applicationWeeks,
  decisionWeeks: regulationTerms.decisionWeeks,
  settlementWeeks: regulationTerms.settlementWeeks,
  exOfficioUpToCents: regulationTerms.exOfficioUpToCents,
});
export type RegulationPatch = z.infer<typeof regulationPatch>;

export interface Regulation {
  id: string;
  space: string;
  name: string;
  legalBasis: string;
  budgetYear: number;
  ceilingCents: number | null;
  ceilingPublishedOn: string | null;
  applicationWeeks: number;
  decisionWeeks: number | null;
  settlementWeeks: number;
  exOfficioUpToCents: number | null;
  /** The running total of grants under this regulation. */
  grantedCents: number;
  version: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

/** What is left under the ceiling; null when the regulation has no ceiling. */
export function roomLeft(r: Pick<Regulation, 'ceilingCents' | 'grantedCents'>): number | null {
  return r.ceilingCents === null ? null : Math.max(0, r.ceilingCents - r.grantedCents);
}

/** An amount in euros as the API's English messages write it: `€15,000.00`. */
export function euro(amountCents: number): string {
  const sign = amountCents < 0 ? '-' : '';
  const abs = Math.abs(amountCents);
  const whole = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}€${whole}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * Awb 4:25 lid 2: a subsidy is refused to the extent that granting it would exceed the ceiling. Throws a
 * BAD_REQUEST that names the ceiling and the room left, in euros.
 */
export function assertWithinCeiling(
  r: Pick<Regulation, 'name' | 'ceilingCents' | 'grantedCents'>,
  amountCents: number,
): void {
  if (r.ceilingCents === null) return;
  if (r.grantedCents + amountCents <= r.ceilingCents) return;
  throw new DomainError('BAD_REQUEST', 'subsidy.ceilingExceeded', {
    params: {
      amountCents,
      ceilingCents: r.ceilingCents,
      regulation: r.name,
      roomLeftCents: roomLeft(r) ?? 0,
    },
    field: 'amountCents',
    message: `Refused under Awb 4:25: a grant of ${euro(amountCents)} would exceed the ceiling of ${euro(r.ceilingCents)} of "${r.name}"; room left: ${euro(roomLeft(r) ?? 0)}`,
  });
}

/** A regulation's ceiling may not go below what is already granted under it. */
export function assertCeilingCovers(r: Pick<Regulation, 'ceilingCents' | 'grantedCents'>): void {
  if (r.ceilingCents !== null && r.ceilingCents < r.grantedCents) {
    throw new DomainError('BAD_REQUEST', 'subsidy.ceilingBelowGranted', {
      params: { grantedCents: r.grantedCents },
      field: 'ceilingCents',
      message: `The ceiling cannot be lower than what is already granted (${euro(r.grantedCents)})`,
    });
  }
}

// ---- application (aanvraag) and 4:60 ----

/** The last day a book-year application is on time: `weeks` before 1 January, moved to a working day (Atw). */
export function applicationDeadline(bookYear: number, weeksBefore = BOOK_YEAR_APPLICATION_WEEKS): string {
  return extendToWorkingDay(addDays(`${bookYear}-01-01`, -7 * weeksBefore));
}

export interface ApplicationCheck {
  rule: '4:60';
  bookYear: number;
  weeks: number;
  deadline: string;
  received: string;
  late: boolean;
}

/** The 4:60 check of a book-year application; null for a subsidy that is not per book year. */
export function checkApplication(
  bookYear: number | null,
  received: string,
  weeksBefore = BOOK_YEAR_APPLICATION_WEEKS,
): ApplicationCheck | null {
  if (bookYear === null) return null;
  const deadline = applicationDeadline(bookYear, weeksBefore);
  return { rule: '4:60', bookYear, weeks: weeksBefore, deadline, received, late: received > deadline };
}

export const subsidyApplicationInput = z.strictObject({
  agreementId: idSchema(),
  expectedVersion: z.int().check(z.gte(1), z.lte(1_000_000_000)),
  regulationId: idSchema(),
  /** The day the application was received. */
  applicationDate: isoDate(),
  requestedCents: cents().check(z.gte(1)),
  /** For a book-year subsidy (4:60): the book year; null or absent otherwise. */
  bookYear: z.optional(z.nullable(z.int().check(z.gte(2000), z.lte(2100)))),
});
export type SubsidyApplicationInput = z.infer<typeof subsidyApplicationInput>;

// ---- grant (verlening) ----

export const subsidyGrantInput = z.strictObject({
  agreementId: idSchema(),
  expectedVersion: z.int().check(z.gte(1), z.lte(1_000_000_000)),
  amountCents: cents().check(z.gte(1)),
  /** The last day to apply for settlement; by default the regulation's term after the subsidised period. */
  settlementDueDate: z.optional(isoDate()),
  /** A late book-year application (4:60) is granted only when the decision says so, with its reason. */
  acceptLateApplication: z.optional(z.boolean()),
  lateMotivation: z.optional(text(2000, 1)),
  /** Settle ex officio at once (4:47), for a grant within the regulation's limit for that. */
  settleAtGrant: z.optional(z.boolean()),
  note: z.optional(text(1000)),
});
export type SubsidyGrantInput = z.infer<typeof subsidyGrantInput>;

/** The settlement application term: `weeks` after the subsidised period ends, on a working day. */
export function settlementDueDate(endDate: string, weeksAfter = DEFAULT_SETTLEMENT_WEEKS): string {
  return extendToWorkingDay(addDays(endDate, 7 * weeksAfter));
}

/** The decision term from the day the application was received, when the regulation sets one. */
export function decisionDueDate(applicationDate: string, decisionWeeks: number | null): string | null {
  return decisionWeeks === null ? null : extendToWorkingDay(addDays(applicationDate, 7 * decisionWeeks));
}

/** A late book-year application is granted only knowingly: the decision says so and why. */
export function assertApplicationTerm(
  check: ApplicationCheck | null,
  acceptLate: boolean | undefined,
  motivation: string | undefined,
): void {
  if (!check?.late) return;
  if (!acceptLate) {
    throw new DomainError('BAD_REQUEST', 'subsidy.lateApplication', {
      params: {
        bookYear: check.bookYear,
        receivedDate: check.received,
        deadlineDate: check.deadline,
        weeks: check.weeks,
      },
      field: 'acceptLateApplication',
      message: `The application for book year ${check.bookYear} was received on ${check.received}, after the Awb 4:60 deadline of ${check.deadline} (${check.weeks} weeks before the book year): refuse it, or grant it with acceptLateApplication and a motivation`,
    });
  }
  if (!motivation?.trim()) {
    throw new DomainError('BAD_REQUEST', 'subsidy.lateMotivationRequired', {
      field: 'lateMotivation',
      message: 'Granting a late application (Awb 4:60) needs a motivation',
    });
  }
}

/** Ex officio settlement directly at grant (4:47) only within the regulation's limit for it. */
export function assertSettleAtGrant(
  regulation: Pick<Regulation, 'exOfficioUpToCents'>,
  amountCents: number,
): void {
  if (regulation.exOfficioUpToCents === null) {
    throw new DomainError('BAD_REQUEST', 'subsidy.settleAtGrantNotProvided', {
      field: 'settleAtGrant',
      message: 'The regulation does not provide for settlement at grant (Awb 4:47)',
    });
  }
  if (amountCents > regulation.exOfficioUpToCents) {
    throw new DomainError('BAD_REQUEST', 'subsidy.settleAtGrantAbove', {
      params: { limitCents: regulation.exOfficioUpToCents },
      field: 'settleAtGrant',
      message: `Only a grant up to ${euro(regulation.exOfficioUpToCents)} is settled at grant (Awb 4:47)`,
    });
  }
}

// ---- settlement (vaststelling) ----

/** Awb 4:46 lid 2: the grounds on which settlement may be lower than the grant. */
export const SETTLEMENT_GROUNDS = [
  /** a. the activities did not take place, or not entirely */
  'not_carried_out',
  /** b. the recipient did not meet the obligations attached to the subsidy */
  'obligations_not_met',
  /** c. the recipient gave incorrect or incomplete information, which would have led to another decision */
  'incorrect_information',
  /** d. the grant was wrong and the recipient knew or should have known */
  'knew_incorrect',
] as const;
export type SettlementGround = (typeof SETTLEMENT_GROUNDS)[number];

export const subsidySettleInput = z.strictObject({
  agreementId: idSchema(),
  expectedVersion: z.int().check(z.gte(1), z.lte(1_000_000_000)),
  amountCents: cents(),
  ground: z.optional(z.enum(SETTLEMENT_GROUNDS)),
  motivation: z.optional(text(2000)),
  /** Settled without an application for settlement (4:47). */
  exOfficio: z.boolean(),
});
export type SubsidySettleInput = z.infer<typeof subsidySettleInput>;

export interface Settlement {
  amountCents: number;
  exOfficio: boolean;
  ground: SettlementGround | null;
  motivation: string | null;
  at: string;
  by: string;
  /** The person's name at the time (older records have only `by`). */
  byName?: string;
}

/**
 * Checks a settlement decision and returns what it records. On an application for settlement the board
 * settles on it; without one, only ex officio and only once the term to apply has lapsed (4:44 lid 4,
 * 4:47). The amount follows the grant; lower only on a 4:46 lid 2 ground with a motivation.
 */
export function decideSettlement(input: {
  status: AgreementStatus;
  grantedCents: number;
  settlementDueDate: string | null;
  today: string;
  amountCents: number;
  ground?: SettlementGround;
  motivation?: string;
  exOfficio: boolean;
}): Omit<Settlement, 'at' | 'by'> {
  const { status, grantedCents, amountCents, exOfficio } = input;
  if (status !== 'granted' && status !== 'settlement_requested') {
    throw new DomainError('BAD_REQUEST', 'subsidy.cannotSettle', {
      params: { status },
      field: 'agreementId',
      message: `A ${status} subsidy cannot be settled`,
    });
  }
  if (status === 'settlement_requested' && exOfficio) {
    throw new DomainError('BAD_REQUEST', 'subsidy.settleOnApplication', {
      field: 'exOfficio',
      message: 'There is an application for settlement: settle on it, not ex officio',
    });
  }
  if (status === 'granted') {
    if (!exOfficio) {
      throw new DomainError('BAD_REQUEST', 'subsidy.onlyExOfficio', {
        field: 'exOfficio',
        message:
          'Without an application for settlement the subsidy can only be settled ex officio (Awb 4:47)',
      });
    }
    if (input.settlementDueDate && input.today <= input.settlementDueDate) {
      throw new DomainError('BAD_REQUEST', 'subsidy.exOfficioTooEarly', {
        params: { dueDate: input.settlementDueDate },
        field: 'exOfficio',
        message: `Ex officio settlement (Awb 4:44, 4:47) only after the term to apply for settlement has lapsed on ${input.settlementDueDate}`,
      });
    }
  }
  if (amountCents > grantedCents) {
    throw new DomainError('BAD_REQUEST', 'subsidy.settlementAboveGrant', {
      params: { grantedCents },
      field: 'amountCents',
      message: `The settlement cannot exceed the grant of ${euro(grantedCents)} (Awb 4:46 lid 1)`,
    });
  }
  const motivation = input.motivation?.trim() ?? '';
  if (amountCents < grantedCents) {
    if (!input.ground) {
      throw new DomainError('BAD_REQUEST', 'subsidy.groundRequired', {
        params: { grantedCents },
        field: 'ground',
        message: `A settlement lower than the grant of ${euro(grantedCents)} needs a ground of Awb 4:46 lid 2`,
      });
    }
    if (!motivation) {
      throw new DomainError('BAD_REQUEST', 'subsidy.motivationRequired', {
        field: 'motivation',
        message: 'A lower settlement needs a motivation',
      });
    }
    return { amountCents, exOfficio, ground: input.ground, motivation };
  }
  if (input.ground) {
    throw new DomainError('BAD_REQUEST', 'subsidy.groundOnlyLower', {
      field: 'ground',
      message: 'A ground of Awb 4:46 lid 2 is only for a settlement lower than the grant',
    });
  }
  return { amountCents, exOfficio, ground: null, motivation: motivation || null };
}

// ---- advances (voorschotten, Awb 4:95) ----

/** An advance paid on a granted subsidy, before it is settled. */
export const subsidyAdvanceInput = z.strictObject({
  agreementId: idSchema(),
  expectedVersion: z.int().check(z.gte(1), z.lte(1_000_000_000)),
  /** The day the advance is (to be) paid. */
  date: isoDate(),
  amountCents: cents().check(z.gte(1)),
  note: z.optional(text(500)),
});
export type SubsidyAdvanceInput = z.infer<typeof subsidyAdvanceInput>;

export interface SubsidyAdvance {
  id: string;
  date: string;
  amountCents: number;
  note: string | null;
  at: string;
  by: string;
  byName?: string;
}

/** What the advances of a subsidy add up to. */
export function advancedCents(record: Pick<SubsidyRecord, 'advances'> | null | undefined): number {
  return (record?.advances ?? []).reduce((sum, a) => sum + a.amountCents, 0);
}

/**
 * An advance (SPEC §3.2, Awb 4:95) is paid on a granted subsidy until it is settled, and the advances together
 * never exceed the grant: what would pass it is refused with what is left to advance.
 */
export function assertAdvance(
  status: AgreementStatus,
  record: Pick<SubsidyRecord, 'grant' | 'advances'> | null | undefined,
  amountCents: number,
): void {
  if ((status !== 'granted' && status !== 'settlement_requested') || !record?.grant) {
    throw new DomainError('BAD_REQUEST', 'subsidy.advanceNotGranted', {
      params: { status },
      field: 'agreementId',
      message: `Advances are paid on a granted subsidy until it is settled; this one is ${status}`,
    });
  }
  const advanced = advancedCents(record);
  const left = record.grant.amountCents - advanced;
  if (amountCents > left) {
    throw new DomainError('BAD_REQUEST', 'subsidy.advancesAboveGrant', {
      params: { grantedCents: record.grant.amountCents, advancedCents: advanced, leftCents: left },
      field: 'amountCents',
      message: `The advances together cannot exceed the grant of ${euro(record.grant.amountCents)}: ${euro(advanced)} advanced, ${euro(left)} left`,
    });
  }
}

/**
 * After the settlement, what is still to pay (positive) or to reclaim (negative, Awb 4:95 lid 4 and 4:57): the
 * settled amount less the advances paid. Null until settled.
 */
export function settlementBalance(
  record: Pick<SubsidyRecord, 'settlement' | 'advances'> | null,
): number | null {
  return record?.settlement ? record.settlement.amountCents - advancedCents(record) : null;
}

// ---- phase-out (4:51) ----

/** A subsidy the same recipient had before: its period and what it was granted (or settled at). */
export interface SubsidyHistoryEntry {
  agreementId: string;
  reference: string;
  startDate: string;
  endDate: string;
  cents: number;
}

export interface PhaseOutCheck {
  rule: '4:51';
  /** True when the decision ends or cuts a subsidy of 3 or more consecutive years. */
  warning: boolean;
  decisionYear: number;
  decisionCents: number;
  /** The unbroken run of subsidised years right before the decision year. */
  consecutiveYears: number;
  years: number[];
  /** What the recipient had in the year before (each subsidy spread evenly over its years). */
  previousAnnualCents: number | null;
  references: string[];
}

function yearsOf(e: SubsidyHistoryEntry): number[] {
  const from = Number(e.startDate.slice(0, 4));
  const to = Number(e.endDate.slice(0, 4));
  const out: number[] = [];
  for (let y = from; y <= to; y++) out.push(y);
  return out;
}

/**
 * Awb 4:51: when a recipient has had a subsidy for 3 or more consecutive years, refusing it for the next
 * period — or cutting it — needs a reasonable phase-out term. `decision.cents` is 0 for a refusal.
 */
export function checkPhaseOut(
  history: readonly SubsidyHistoryEntry[],
  decision: { year: number; cents: number },
): PhaseOutCheck {
  const annual = new Map<number, number>();
  const refs = new Map<number, string[]>();
  for (const e of history) {
    const years = yearsOf(e);
    for (const y of years) {
      annual.set(y, (annual.get(y) ?? 0) + Math.floor(e.cents / years.length));
      refs.set(y, [...(refs.get(y) ?? []), e.reference]);
    }
  }
  const years: number[] = [];
  for (let y = decision.year - 1; annual.has(y); y--) years.unshift(y);
  const previousAnnualCents = annual.get(decision.year - 1) ?? null;
  const cuts = previousAnnualCents !== null && decision.cents < previousAnnualCents;
  return {
    rule: '4:51',
    warning: years.length >= PHASE_OUT_YEARS && cuts,
    decisionYear: decision.year,
    decisionCents: decision.cents,
    consecutiveYears: years.length,
    years,
    previousAnnualCents,
    references: [...new Set(years.flatMap((y) => refs.get(y) ?? []))],
  };
}

// ---- the record on the agreement ----

/** What a subsidy agreement carries besides its terms: the application, the grant and the settlement. */
export interface SubsidyRecord {
  regulationId: string;
  applicationDate: string;
  requestedCents: number;
  bookYear: number | null;
  application: ApplicationCheck | null;
  decisionDue: string | null;
  grant: {
    amountCents: number;
    at: string;
    by: string;
    byName?: string;
    settlementDueDate: string;
    /** Recorded when a late book-year application was granted anyway (4:60). */
    lateApplication: { deadline: string; received: string; motivation: string } | null;
    /** The 4:51 check at the time of the decision. */
    phaseOut: PhaseOutCheck | null;
    settledAtGrant: boolean;
  } | null;
  settlement: Settlement | null;
  /** Advances paid on the grant (voorschotten); absent on records from before advances. */
  advances?: SubsidyAdvance[];
}

/** The year a subsidy decision is about: its book year, or the year its period starts. */
export function subsidyYear(a: Pick<Agreement, 'startDate'>, record: Pick<SubsidyRecord, 'bookYear'> | null) {
  return record?.bookYear ?? Number(a.startDate.slice(0, 4));
}

/**
 * The Awb terms of a subsidy as deadlines (SPEC §5.3): the decision term while the application waits
 * (when the regulation sets one), and the term to apply for settlement while the subsidy is granted.
 */
export function subsidyDeadlines(a: Agreement): Deadline[] {
  const record = a.subsidy;
  if (a.kind !== 'subsidy' || !record) return [];
  const base = { agreementId: a.id, space: a.space, roles: AWB_ROLES, kind: 'awb' as const };
  if (a.status === 'requested' && record.decisionDue) {
    return [{ ...base, key: 'awb-decision', date: record.decisionDue, label: 'awb.decision' }];
  }
  if (a.status === 'granted' && record.grant) {
    return [
      {
        ...base,
        key: 'awb-settlement',
        date: record.grant.settlementDueDate,
        label: 'awb.settlement_application',
      },
    ];
  }
  return [];
}
