import * as z from 'zod/mini';
import { type AllocationKey, allocate } from './allocation.ts';
import { addDays } from './calendar.ts';
import type { Deadline } from './deadlines.ts';
import { DomainError } from './errors.ts';
import { actsForOwner } from './offer.ts';
import type { Role } from './roles.ts';
import { cents, idSchema, isoDate, text } from './schema.ts';
import { SPACE_PATTERN } from './spaces.ts';
import { type WgrPlan, type WgrStep, wgrCalendar } from './wgr.ts';

/**
 * The stored Wgr planning & control calendar of one GR for one budget year (SPEC §5.6, DOMAIN.md §a): the
 * board's plan (when the general board adopts the budget and the accounts, and the draft budget's total), and per
 * participating council its zienswijze on the draft budget — received, submitted, outcome, answered in writing
 * by the board — next to that municipality's contribution under the GR's allocation key.
 */

/** Art. 35 lid 3 Wgr: the councils have 12 weeks after the board sent the draft budget. */
export const WGR_OPINION_WINDOW_DAYS = 84;

export const WGR_OPINION_OUTCOMES = ['agrees', 'agrees_with_remarks', 'objects', 'no_opinion'] as const;
export type WgrOpinionOutcome = (typeof WGR_OPINION_OUTCOMES)[number];

/** Who writes a calendar: the region's own users with these roles (and a member only its own council's row). */
export const WGR_WRITE_ROLES: readonly Role[] = ['coordinator', 'contractmanager', 'inkoper'];
/** Who is told of its statutory dates (the deadline engine's signals, in the GR's own space). */
export const WGR_DEADLINE_ROLES: Role[] = ['coordinator', 'contractmanager'];

export const wgrYear = () => z.int().check(z.gte(2000), z.lte(2100));
const version = () => z.int().check(z.gte(0), z.lte(1_000_000));
const yearOf = (date: string) => Number(date.slice(0, 4));

export const wgrGetSchema = z.strictObject({ agreementId: idSchema(), year: wgrYear() });

/**
 * Creates (expectedVersion 0) or replaces the plan of a calendar. Omitted dates take the defaults of
 * `wgrCalendar` (1 July Y-1 and 1 July Y+1); `draftBudgetCents` is the draft budget's total the contributions
 * are computed from (default: the agreement's ceiling for year Y, else its value ceiling).
 */
export const wgrPlanSchema = z
  .strictObject({
    agreementId: idSchema(),
    year: wgrYear(),
    expectedVersion: version(),
    budgetAdoption: z.optional(isoDate()),
    accountsAdoption: z.optional(isoDate()),
    draftBudgetCents: z.optional(cents()),
  })
  .check(
    // The dates may break the statutory deadlines (that is warned), but must belong to this budget year's cycle.
    z.refine(
      (p) =>
        p.budgetAdoption === undefined ||
        (yearOf(p.budgetAdoption) >= p.year - 1 && yearOf(p.budgetAdoption) <= p.year),
      {
        message: 'The board adopts the budget of year Y in Y-1 (or, late, in Y)',
        path: ['budgetAdoption'],
        params: { reason: 'wgr.budgetAdoptionYear' },
      },
    ),
    z.refine(
      (p) =>
        p.accountsAdoption === undefined ||
        (yearOf(p.accountsAdoption) >= p.year + 1 && yearOf(p.accountsAdoption) <= p.year + 2),
      {
        message: 'The board adopts the accounts of year Y in Y+1 (or, late, in Y+2)',
        path: ['accountsAdoption'],
        params: { reason: 'wgr.accountsAdoptionYear' },
      },
    ),
  );
export type WgrPlanInput = z.infer<typeof wgrPlanSchema>;

/** One council's zienswijze on the draft budget; every field optional so it can be recorded as it happens. */
export const wgrOpinionSchema = z
  .strictObject({
    /** The day the council received the draft budget (art. 35 lid 1). */
    draftReceived: z.optional(isoDate()),
    /** The day the council submitted its opinion (or decided to give none). */
    opinionSubmitted: z.optional(isoDate()),
    outcome: z.optional(z.enum(WGR_OPINION_OUTCOMES)),
    summary: z.optional(text(2000, 1)),
    /** The day the board answered the opinion in writing. */
    answered: z.optional(isoDate()),
  })
  .check(
    // Each rule carries a stable reason key (`params.reason`), so a form can say it in the user's language.
    z.refine((o) => o.opinionSubmitted === undefined || o.outcome !== undefined, {
      message: 'An opinion needs both its date and its outcome',
      path: ['outcome'],
      params: { reason: 'wgr.outcomeNeeded' },
    }),
    z.refine((o) => o.outcome === undefined || o.opinionSubmitted !== undefined, {
      message: 'An opinion needs both its date and its outcome',
      path: ['outcome'],
      params: { reason: 'wgr.opinionDateNeeded' },
    }),
    z.refine((o) => o.summary === undefined || o.outcome !== undefined, {
      message: 'A summary belongs to a submitted opinion',
      path: ['summary'],
      params: { reason: 'wgr.summaryWithoutOpinion' },
    }),
    z.refine((o) => o.opinionSubmitted === undefined || o.draftReceived !== undefined, {
      message: 'An opinion is given on a draft budget the council received',
      path: ['draftReceived'],
      params: { reason: 'wgr.draftReceivedNeeded' },
    }),
    z.refine(
      (o) =>
        o.opinionSubmitted === undefined ||
        o.draftReceived === undefined ||
        o.opinionSubmitted >= o.draftReceived,
      {
        message: 'The opinion cannot come before the draft budget was received',
        path: ['opinionSubmitted'],
        params: { reason: 'wgr.opinionBeforeDraft' },
      },
    ),
    z.refine((o) => o.answered === undefined || o.opinionSubmitted !== undefined, {
      message: 'The board answers an opinion that was submitted',
      path: ['answered'],
      params: { reason: 'wgr.answerWithoutOpinion' },
    }),
    z.refine((o) => o.answered === undefined || o.outcome !== 'no_opinion', {
      message: 'A council that gave no opinion gets no answer',
      path: ['answered'],
      params: { reason: 'wgr.answerToNoOpinion' },
    }),
    z.refine(
      (o) => o.answered === undefined || o.opinionSubmitted === undefined || o.answered >= o.opinionSubmitted,
      {
        message: 'The board cannot answer before the opinion was submitted',
        path: ['answered'],
        params: { reason: 'wgr.answerBeforeOpinion' },
      },
    ),
  );
export type WgrOpinion = z.infer<typeof wgrOpinionSchema>;

export const wgrRecordOpinionSchema = z.strictObject({
  agreementId: idSchema(),
  year: wgrYear(),
  /** The participating municipality whose council gave the opinion. */
  member: z.string().check(z.regex(SPACE_PATTERN, 'Invalid space')),
  expectedVersion: z.int().check(z.gte(1), z.lte(1_000_000)),
  opinion: wgrOpinionSchema,
});
export type WgrRecordOpinionInput = z.infer<typeof wgrRecordOpinionSchema>;

/** The dates of an opinion on the draft budget of year Y fall in Y-2 … Y; anything else is a typing error. */
export function checkOpinionDates(year: number, opinion: WgrOpinion): void {
  for (const field of ['draftReceived', 'opinionSubmitted', 'answered'] as const) {
    const date = opinion[field];
    if (date !== undefined && (yearOf(date) < year - 2 || yearOf(date) > year)) {
      throw new DomainError('BAD_REQUEST', 'wgr.opinionDateRange', {
        params: { year, from: year - 2, to: year },
        field: `opinion.${field}`,
        message: `The opinion on the budget for ${year} is dated between ${year - 2} and ${year}`,
      });
    }
  }
}

export interface WgrRecordedOpinion extends WgrOpinion {
  recordedAt: string;
  recordedBy: string;
  recordedByName?: string;
}

/** What is stored per GR and budget year. */
export interface WgrCalendarRecord {
  agreementId: string;
  year: number;
  version: number;
  plan: { budgetAdoption?: string; accountsAdoption?: string; draftBudgetCents?: number };
  opinions: Record<string, WgrRecordedOpinion>;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  updatedByName?: string;
}

/**
 * What a recorded opinion calls attention to:
 * - draft_late: the draft reached the council after the date 12 weeks before the board decides (art. 35 lid 1)
 * - late: the opinion came more than 12 weeks after the draft was received (art. 35 lid 3)
 * - after_adoption: the opinion came after the general board adopted the budget
 * - window_passed: the 12 weeks are over and no opinion is recorded
 * - unanswered: the budget is adopted and the board's written answer is not recorded
 */
export type WgrOpinionFlag = 'draft_late' | 'late' | 'after_adoption' | 'window_passed' | 'unanswered';

export function opinionWindowCloses(opinion: Pick<WgrOpinion, 'draftReceived'>): string | null {
  return opinion.draftReceived ? addDays(opinion.draftReceived, WGR_OPINION_WINDOW_DAYS) : null;
}

export function opinionFlags(
  steps: readonly WgrStep[],
  opinion: WgrOpinion,
  today: string,
): WgrOpinionFlag[] {
  const date = (key: WgrStep['key']) => steps.find((s) => s.key === key)!.date;
  const flags: WgrOpinionFlag[] = [];
  const closes = opinionWindowCloses(opinion);
  if (opinion.draftReceived && opinion.draftReceived > date('draftBudgetToCouncils'))
    flags.push('draft_late');
  if (opinion.opinionSubmitted && closes && opinion.opinionSubmitted > closes) flags.push('late');
  if (opinion.opinionSubmitted && opinion.opinionSubmitted > date('budgetAdoption'))
    flags.push('after_adoption');
  if (!opinion.opinionSubmitted && closes && today > closes) flags.push('window_passed');
  if (
    opinion.opinionSubmitted &&
    opinion.outcome !== 'no_opinion' &&
    !opinion.answered &&
    today > date('budgetAdoption')
  )
    flags.push('unanswered');
  return flags;
}

/** The plan as `wgrCalendar` takes it. */
export function planOf(plan: WgrCalendarRecord['plan']): WgrPlan {
  return {
    ...(plan.budgetAdoption ? { budgetAdoption: plan.budgetAdoption } : {}),
    ...(plan.accountsAdoption ? { accountsAdoption: plan.accountsAdoption } : {}),
  };
}

/** Every statutory date of the calendar as a stored deadline of the GR (kind `wgr`), for signals and iCal. */
export function wgrDeadlines(
  gr: { id: string; space: string },
  year: number,
  steps: readonly WgrStep[],
): Deadline[] {
  return steps.map((step) => ({
    kind: 'wgr',
    key: `wgr-${year}-${step.key}`,
    date: step.date,
    agreementId: gr.id,
    space: gr.space,
    roles: WGR_DEADLINE_ROLES,
    label: `wgr.${step.key}`,
    params: { year: String(year) },
  }));
}

export type WgrBudgetSource = 'plan' | 'year_ceiling' | 'value_ceiling' | 'none';

/** The draft budget the contributions are computed from: the plan's total, else the GR's ceiling for Y. */
export function wgrBudget(
  plan: WgrCalendarRecord['plan'],
  gr: { yearCeilings?: readonly { year: number; cents: number }[]; valueCeilingCents?: number | null },
  year: number,
): { cents: number | null; source: WgrBudgetSource } {
  if (plan.draftBudgetCents !== undefined) return { cents: plan.draftBudgetCents, source: 'plan' };
  const yearCeiling = gr.yearCeilings?.find((y) => y.year === year);
  if (yearCeiling) return { cents: yearCeiling.cents, source: 'year_ceiling' };
  if (gr.valueCeilingCents !== undefined && gr.valueCeilingCents !== null)
    return { cents: gr.valueCeilingCents, source: 'value_ceiling' };
  return { cents: null, source: 'none' };
}

/** Which rows a caller may write: the GR's own space plans and records for every member; a member its own. */
export function wgrAccess(
  caller: { space: string; roles: readonly string[] },
  grSpace: string,
  members: readonly string[],
): { canPlan: boolean; canRecordFor: string[] } {
  if (!caller.roles.some((r) => (WGR_WRITE_ROLES as readonly string[]).includes(r)))
    return { canPlan: false, canRecordFor: [] };
  if (actsForOwner(caller, grSpace)) return { canPlan: true, canRecordFor: [...members] };
  if (members.includes(caller.space)) return { canPlan: false, canRecordFor: [caller.space] };
  return { canPlan: false, canRecordFor: [] };
}

export interface WgrMemberRow {
  space: string;
  name: string;
  /** This member's share of the draft budget under the GR's allocation key, in cents (null without a budget). */
  contributionCents: number | null;
  opinion: WgrRecordedOpinion | null;
  /** The day the 12 weeks after the draft was received run out. */
  windowCloses: string | null;
  flags: WgrOpinionFlag[];
}

export interface WgrCalendarView {
  agreementId: string;
  year: number;
  /** 0 while nothing is stored: the statutory defaults are shown and `plan` with expectedVersion 0 creates it. */
  version: number;
  exists: boolean;
  plan: WgrCalendarRecord['plan'];
  steps: WgrStep[];
  budgetCents: number | null;
  budgetSource: WgrBudgetSource;
  allocationMethod: AllocationKey['method'] | null;
  members: WgrMemberRow[];
  canPlan: boolean;
  canRecordFor: string[];
  updatedAt: string | null;
  updatedBy: string | null;
  /** The name of who changed it last, when recorded (older records: only the key). */
  updatedByName: string | null;
}

/** The whole calendar as shown: statutory steps, per member the opinion, its flags and the contribution. */
export function wgrCalendarView(input: {
  gr: {
    id: string;
    space: string;
    allocationKey?: AllocationKey | null;
    yearCeilings?: readonly { year: number; cents: number }[];
    valueCeilingCents?: number | null;
  };
  year: number;
  record: WgrCalendarRecord | null;
  /** Participating municipalities in order (the allocation key's, else the region's members). */
  members: readonly string[];
  names: Readonly<Record<string, string>>;
  caller: { space: string; roles: readonly string[] };
  today: string;
}): WgrCalendarView {
  const { gr, year, record } = input;
  const plan = record?.plan ?? {};
  const steps = wgrCalendar(year, planOf(plan));
  const budget = wgrBudget(plan, gr, year);
  const key = gr.allocationKey ?? null;
  // Without an allocation key there is no agreed split, so no contribution is shown (never a guessed one).
  const shares = budget.cents !== null && key ? allocate(budget.cents, key) : [];
  const members = input.members.map((space) => {
    const opinion = record?.opinions[space] ?? null;
    return {
      space,
      name: input.names[space] ?? space,
      contributionCents: shares.find((s) => s.space === space)?.cents ?? null,
      opinion,
      windowCloses: opinion ? opinionWindowCloses(opinion) : null,
      flags: opinion ? opinionFlags(steps, opinion, input.today) : [],
    };
  });
  return {
    agreementId: gr.id,
    year,
    version: record?.version ?? 0,
    exists: record !== null,
    plan,
    steps,
    budgetCents: budget.cents,
    budgetSource: budget.source,
    allocationMethod: key?.method ?? null,
    members,
    ...wgrAccess(input.caller, gr.space, input.members),
    updatedAt: record?.updatedAt ?? null,
    updatedBy: record?.updatedBy ?? null,
    updatedByName: record?.updatedByName ?? null,
  };
}
