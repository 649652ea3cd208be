import { addDays } from './calendar.ts';
import type { DutyInput, ReportFrequency } from './duties.ts';
import type { ParamValue, Reason } from './errors.ts';
import {
  type DutyDiff,
  dutyDiff,
  FREQUENCY_RANK,
  meetingSchedule,
  reportDueDates,
} from './governance-schedule.ts';
import type { KpiDefinitionInput } from './kpi.ts';
import type { EVENT_DUTIES, Governance, KPI_DEPTHS, RelationType } from './relation.ts';
import { addMonths, type ProductLineInput } from './terms.ts';

/**
 * Governance that acts (issue 14 point 1): what a relation decision means for an agreement's terms. Pure rules; a
 * later step shows the proposal as a diff and applies it in one audited transaction. Nothing here is wired yet.
 */
type KpiDepth = (typeof KPI_DEPTHS)[number];
type EventDuty = (typeof EVENT_DUTIES)[number];

/** The part of a relation decision the rules read. */
export interface GovernanceDecision {
  chosen: RelationType;
  governance: Governance;
}

/** The agreed terms the rules compare with (agreement input shapes; stored agreements fit too). */
export interface GovernanceTerms {
  startDate: string;
  endDate: string;
  productLines: readonly Pick<ProductLineInput, 'variant' | 'lumpSumCents'>[];
  duties: readonly DutyInput[];
  kpis: readonly Pick<KpiDefinitionInput, 'name' | 'level'>[];
}

/** Where a warning's reasoning comes from: a section of DOMAIN.md and the publication it cites. */
export interface GovernanceSource {
  section: string;
  cites: string;
}

export const SOURCES = {
  steering: {
    section: 'DOMAIN.md §(h) Steering the relation',
    cites: 'opdrachtgeverschap consultancy and round-table texts (boss / customer / partner typology)',
  },
  informationAsymmetry: {
    section: 'DOMAIN.md §(h) Steering the relation — information asymmetry',
    cites:
      'opdrachtgeverschap round-table texts: asking ever more detail breeds distrust; agree the moments to inform',
  },
  variants: {
    section: 'DOMAIN.md §(c) iStandaarden iJw/iWmo: execution variants',
    cites: 'iStandaarden UP028 [C2]; uitvoeringsvarianten inspanningsgericht/outputgericht/taakgericht [C3]',
  },
} as const satisfies Record<string, GovernanceSource>;

export const GOVERNANCE_WARNING_CODES = [
  'partner_monthly_input_effort',
  'boss_outcome_without_detailed_duties',
  'customer_long_lump_sum_without_kpis',
  'kpi_depth_not_reached',
  'execution_variant_differs',
] as const;
export type GovernanceWarningCode = (typeof GOVERNANCE_WARNING_CODES)[number];

export interface GovernanceWarning {
  code: GovernanceWarningCode;
  reason: Reason;
  params: Record<string, ParamValue>;
  source: GovernanceSource;
}

/** A task-based lump sum that runs at least this long is "long-running": two budget years or more. */
export const LONG_RUNNING_MONTHS = 24;

const DEPTH_RANK: Record<KpiDepth, number> = { input: 0, output: 1, outcome: 2 };

/** The deepest level among the agreed KPIs whose level is set, or null when none is. */
export function kpiDepthReached(kpis: GovernanceTerms['kpis']): KpiDepth | null {
  let best: KpiDepth | null = null;
  for (const kpi of kpis) {
    if (kpi.level && (best === null || DEPTH_RANK[kpi.level] > DEPTH_RANK[best])) best = kpi.level;
  }
  return best;
}

function reportsMonthly(decision: GovernanceDecision, terms: GovernanceTerms): boolean {
  return (
    decision.governance.reportingFrequency === 'monthly' ||
    terms.duties.some((d) => d.kind === 'periodic' && d.frequency === 'monthly')
  );
}

/** Steered on input: the governance asks input indicators, or every classified KPI is an input indicator. */
function steersOnInput(decision: GovernanceDecision, terms: GovernanceTerms): boolean {
  const levels = terms.kpis.flatMap((k) => (k.level ? [k.level] : []));
  return (
    decision.governance.kpiDepth === 'input' || (levels.length > 0 && levels.every((l) => l === 'input'))
  );
}

/** Detailed duties: periodic reports at least quarterly. */
function hasDetailedDuties(terms: GovernanceTerms): boolean {
  return terms.duties.some(
    (d) => d.kind === 'periodic' && d.frequency !== undefined && FREQUENCY_RANK[d.frequency] <= 1,
  );
}

/**
 * Contradictions between the chosen relation and the agreed terms, in a fixed order. Each says why (a reason key
 * with its params) and where the reasoning comes from.
 */
export function relationWarnings(decision: GovernanceDecision, terms: GovernanceTerms): GovernanceWarning[] {
  const out: GovernanceWarning[] = [];
  const { chosen, governance } = decision;
  const variants = [...new Set(terms.productLines.map((l) => l.variant))].sort();
  const reached = kpiDepthReached(terms.kpis);

  // A partner shares what and how; monthly input reporting on hours delivered is a boss's close control.
  if (
    chosen === 'partner' &&
    reportsMonthly(decision, terms) &&
    steersOnInput(decision, terms) &&
    variants.length === 1 &&
    variants[0] === 'effort'
  ) {
    out.push({
      code: 'partner_monthly_input_effort',
      reason: 'governance.partnerMonthlyInputEffort',
      params: {},
      source: SOURCES.informationAsymmetry,
    });
  }

  // A boss decides what and how: judging only on outcomes without detailed reports leaves it nothing to steer on.
  if (
    chosen === 'boss' &&
    (governance.kpiDepth === 'outcome' || reached === 'outcome') &&
    !hasDetailedDuties(terms)
  ) {
    out.push({
      code: 'boss_outcome_without_detailed_duties',
      reason: 'governance.bossOutcomeWithoutDuties',
      params: {},
      source: SOURCES.steering,
    });
  }

  // A customer buys results; a task-based lump sum has no per-client volume, so only KPIs show what it buys.
  const months = monthsBetween(terms.startDate, terms.endDate);
  if (
    chosen === 'customer' &&
    terms.kpis.length === 0 &&
    months >= LONG_RUNNING_MONTHS &&
    terms.productLines.some((l) => l.variant === 'task' && l.lumpSumCents !== undefined)
  ) {
    out.push({
      code: 'customer_long_lump_sum_without_kpis',
      reason: 'governance.customerLumpSumWithoutKpis',
      params: { months },
      source: SOURCES.variants,
    });
  }

  if (reached === null || DEPTH_RANK[reached] < DEPTH_RANK[governance.kpiDepth]) {
    out.push({
      code: 'kpi_depth_not_reached',
      reason: 'governance.kpiDepthNotReached',
      params: { expectedDepth: governance.kpiDepth, reachedDepth: reached ?? 'none' },
      source: SOURCES.steering,
    });
  }

  const differing = variants.filter((v) => v !== governance.executionVariant);
  if (differing.length > 0) {
    out.push({
      code: 'execution_variant_differs',
      reason: 'governance.executionVariantDiffers',
      params: { preferred: governance.executionVariant, variants: differing.join(', ') },
      source: SOURCES.variants,
    });
  }
  return out;
}

/** Whole calendar months from start to end (a contract of 1 Jan – 31 Dec counts 12). */
export function monthsBetween(start: string, end: string): number {
  const day = addDays(end, 1);
  let months = (Number(day.slice(0, 4)) - Number(start.slice(0, 4))) * 12;
  months += Number(day.slice(5, 7)) - Number(start.slice(5, 7));
  return addMonths(start, months) > day ? months - 1 : months;
}

export interface GovernanceProposal {
  relation: RelationType;
  duties: DutyDiff;
  /** The due dates of the periodic duties in the result within the next 12 months, by duty title. */
  reportDues: { title: string; frequency: ReportFrequency; dueDates: string[] }[];
  /** Response times of the event duties in the result, in working days. */
  eventResponses: { event: EventDuty; title: string; responseDays: number }[];
  kpiLevel: { expected: KpiDepth; reached: KpiDepth | null; unclassified: string[] };
  meetings: { key: string; date: string }[];
  warnings: GovernanceWarning[];
}

/** Every change applying `decision` to `terms` would make, as a diff in the agreement's input shapes. */
export function governanceProposal(
  decision: GovernanceDecision,
  terms: GovernanceTerms,
  today: string,
): GovernanceProposal {
  const duties = dutyDiff(decision.governance, terms.duties);
  return {
    relation: decision.chosen,
    duties,
    reportDues: duties.result.flatMap((d) =>
      d.kind === 'periodic' && d.frequency
        ? [{ title: d.title, frequency: d.frequency, dueDates: reportDueDates(d, terms, today) }]
        : [],
    ),
    eventResponses: duties.result.flatMap((d) =>
      d.kind === 'event' && d.event && d.responseDays !== undefined
        ? [{ event: d.event, title: d.title, responseDays: d.responseDays }]
        : [],
    ),
    kpiLevel: {
      expected: decision.governance.kpiDepth,
      reached: kpiDepthReached(terms.kpis),
      unclassified: terms.kpis.filter((k) => !k.level).map((k) => k.name),
    },
    meetings: meetingSchedule(decision.governance.meetingCadence, today, terms.endDate),
    warnings: relationWarnings(decision, terms),
  };
}
