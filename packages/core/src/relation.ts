import * as z from 'zod/mini';
import { text } from './schema.ts';

/**
 * Relation designer (SPEC §4.1). The purchaser answers three questions; the product proposes how the
 * municipality relates to the contractor, after the common Dutch opdrachtgeverschap typology:
 * - boss (baas): the municipality decides what is done and how — simple tasks, interests that diverge,
 *   or a wish to control the execution itself;
 * - customer (klant): the municipality decides what (results, products), the contractor how — tasks that
 *   can be specified as output;
 * - partner: what and how are decided together — complex tasks that cannot be specified up front, with
 *   interests that align.
 * The rule is a transparent score: every answer adds points to the types it fits, and the rationale names
 * each answer's contribution, so a user can see why — and choose otherwise.
 */
export const RELATION_TYPES = ['boss', 'customer', 'partner'] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

/** The designer's questions in the order asked (question 2 has two parts) and their answer options. */
export const RELATION_ANSWERS = {
  /** How complex and unpredictable the task is. */
  complexity: ['low', 'medium', 'high'],
  /** How much control the municipality wants over WHAT is delivered. */
  controlWhat: ['low', 'medium', 'high'],
  /** How much control the municipality wants over HOW it is delivered. */
  controlHow: ['low', 'medium', 'high'],
  /** How far the contractor's interests align with the municipality's. */
  alignment: ['divergent', 'partial', 'aligned'],
} as const;
export const RELATION_QUESTIONS = ['complexity', 'controlWhat', 'controlHow', 'alignment'] as const;

export const relationAnswersSchema = z.strictObject({
  complexity: z.enum(RELATION_ANSWERS.complexity),
  controlWhat: z.enum(RELATION_ANSWERS.controlWhat),
  controlHow: z.enum(RELATION_ANSWERS.controlHow),
  alignment: z.enum(RELATION_ANSWERS.alignment),
});
export type RelationAnswers = z.infer<typeof relationAnswersSchema>;

type Scores = Record<RelationType, number>;

/** Points per answer: [boss, customer, partner]. */
const POINTS: { [Q in keyof RelationAnswers]: Record<RelationAnswers[Q], [number, number, number]> } = {
  complexity: { low: [2, 1, 0], medium: [0, 2, 1], high: [0, 0, 3] },
  controlWhat: { low: [0, 0, 2], medium: [0, 1, 1], high: [1, 2, 0] },
  controlHow: { low: [0, 2, 1], medium: [1, 1, 1], high: [3, 0, 0] },
  alignment: { divergent: [2, 1, 0], partial: [0, 2, 1], aligned: [0, 0, 2] },
};

export interface RelationProposal {
  type: RelationType;
  scores: Scores;
  /** One line per answer: which types it supports (i18n keys with their values, for the UI to phrase). */
  rationale: { question: keyof RelationAnswers; answer: string; supports: RelationType[] }[];
}

/** The proposed relation type: the highest score; a tie goes to the lighter-touch type (partner > customer > boss). */
export function proposeRelation(answers: RelationAnswers): RelationProposal {
  const scores: Scores = { boss: 0, customer: 0, partner: 0 };
  const rationale: RelationProposal['rationale'] = [];
  for (const question of Object.keys(POINTS) as (keyof RelationAnswers)[]) {
    const answer = answers[question];
    const points = (POINTS[question] as Record<string, [number, number, number]>)[answer]!;
    RELATION_TYPES.forEach((type, i) => {
      scores[type] += points[i]!;
    });
    const best = Math.max(...points);
    rationale.push({
      question,
      answer,
      supports: RELATION_TYPES.filter((_, i) => points[i] === best && best > 0),
    });
  }
  const type = (['partner', 'customer', 'boss'] as const).reduce((a, b) => (scores[b] > scores[a] ? b : a));
  return { type, scores, rationale };
}

export const REPORTING_FREQUENCIES = ['monthly', 'quarterly', 'half_yearly', 'yearly'] as const;
export const KPI_DEPTHS = ['input', 'output', 'outcome'] as const;
export const MEETING_CADENCES = ['monthly', 'bimonthly', 'quarterly', 'half_yearly'] as const;
export const GOVERNANCE_EXECUTION_VARIANTS = ['effort', 'output', 'task'] as const;
/** The usual escalation levels, lowest first; a level is stored as text, so others are allowed. */
export const ESCALATION_LEVELS = ['contractmanager', 'regisseur', 'directie', 'portefeuillehouder'] as const;

export const governanceSchema = z.strictObject({
  reportingFrequency: z.enum(REPORTING_FREQUENCIES),
  /** input/process indicators (boss), output (customer), outcome/societal effect (partner). */
  kpiDepth: z.enum(KPI_DEPTHS),
  informationDuties: z.array(text(60, 1)).check(z.maxLength(20)),
  meetingCadence: z.enum(MEETING_CADENCES),
  /** Escalation levels in order, each with a time limit in working days. */
  escalationLadder: z
    .array(z.strictObject({ level: text(60, 1), days: z.int().check(z.gte(1), z.lte(120)) }))
    .check(z.minLength(1), z.maxLength(6)),
  executionVariant: z.enum(GOVERNANCE_EXECUTION_VARIANTS),
});
export type Governance = z.infer<typeof governanceSchema>;

/** Standard event duties (SPEC §4.3) by key; the UI names them. */
export const EVENT_DUTIES = [
  'waiting_time',
  'ceiling_80',
  'calamity',
  'ownership_change',
  'financial_trouble',
  'staff_quality',
  'complaints',
  /** Any other event the parties agreed must be reported (issue 14 point 3). */
  'other',
] as const;

/**
 * Governance that fits each relation type; the user accepts or changes it. A boss steers closely (monthly,
 * process indicators, effort-based), a customer on results (quarterly, output), a partner on shared
 * outcomes (half-yearly reports, frequent dialogue, task-based funding).
 */
export function governanceDefaults(type: RelationType): Governance {
  const ladder = (days: [number, number, number, number]) =>
    ESCALATION_LEVELS.map((level, i) => ({
      level,
      days: days[i]!,
    }));
  switch (type) {
    case 'boss':
      return {
        reportingFrequency: 'monthly',
        kpiDepth: 'input',
        informationDuties: [
          'waiting_time',
          'ceiling_80',
          'calamity',
          'ownership_change',
          'financial_trouble',
          'staff_quality',
          'complaints',
        ],
        meetingCadence: 'monthly',
        escalationLadder: ladder([5, 5, 10, 10]),
        executionVariant: 'effort',
      };
    case 'customer':
      return {
        reportingFrequency: 'quarterly',
        kpiDepth: 'output',
        informationDuties: [
          'waiting_time',
          'ceiling_80',
          'calamity',
          'ownership_change',
          'financial_trouble',
          'complaints',
        ],
        meetingCadence: 'quarterly',
        escalationLadder: ladder([10, 10, 15, 20]),
        executionVariant: 'output',
      };
    case 'partner':
      return {
        reportingFrequency: 'half_yearly',
        kpiDepth: 'outcome',
        informationDuties: ['calamity', 'ownership_change', 'financial_trouble'],
        meetingCadence: 'bimonthly',
        escalationLadder: ladder([15, 15, 20, 30]),
        executionVariant: 'task',
      };
  }
}
