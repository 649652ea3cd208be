import * as z from 'zod/mini';
import { ACTION_SIDES, type ActionSide, type CollabAnswers, collabAnswersSchema } from './collaboration.ts';
import { dataFieldKeySchema } from './deliveries.ts';
import { REPORT_FREQUENCIES } from './duties.ts';
import { onBehalfOfSchema } from './parties.ts';
import { KPI_DEPTHS } from './relation.ts';
import { idSchema, text } from './schema.ts';

/**
 * KPIs and joint accountability (SPEC §4.5): one agreed indicator set per agreement, with a target and a
 * direction; results per period with comments from both sides. Both sides see the same figures.
 */
/** Whether a higher or a lower value of an indicator is better. */
export const KPI_DIRECTIONS = ['higher', 'lower'] as const;
export type KpiDirection = (typeof KPI_DIRECTIONS)[number];

export const kpiDefinitionSchema = z.strictObject({
  id: z.optional(idSchema()),
  name: text(120, 1),
  unit: text(30, 1),
  target: z.number().check(z.gte(-1e12), z.lte(1e12)),
  /** Whether a higher or a lower value is better. */
  direction: z.enum(KPI_DIRECTIONS),
  frequency: z.enum(REPORT_FREQUENCIES),
  /**
   * What the indicator measures: input/process, output, or outcome (societal effect). Optional: the relation's
   * expected KPI depth (governance.ts) counts only indicators whose level is set.
   */
  level: z.optional(z.enum(KPI_DEPTHS)),
  /**
   * Where the results come from when not entered by hand: a field of a periodic duty's data specification
   * (deliveries.ts). The duty must have the KPI's frequency; each delivered value is the result of its period.
   */
  source: z.optional(z.strictObject({ dutyId: idSchema(), field: dataFieldKeySchema() })),
});
export type KpiDefinitionInput = z.infer<typeof kpiDefinitionSchema>;
export type KpiDefinition = KpiDefinitionInput & { id: string };

const period = () => z.string().check(z.regex(/^\d{4}(-(0[1-9]|1[0-2]|Q[1-4]|H[12]))?$/, 'Invalid period'));

const version = () => z.int().check(z.gte(0), z.lte(1_000_000_000));

/** A KPI value of one period, per provider party; `expectedVersion` is the result's version seen, 0 for new. */
export const kpiRecordSchema = z.strictObject({
  agreementId: idSchema(),
  kpiId: idSchema(),
  period: period(),
  value: z.number().check(z.gte(-1e12), z.lte(1e12)),
  expectedVersion: version(),
  /** For a contract manager recording on behalf of a provider party; required with more than one. */
  party: onBehalfOfSchema(),
});

export const kpiCommentSchema = z.strictObject({
  agreementId: idSchema(),
  kpiId: idSchema(),
  period: period(),
  text: text(2000, 1),
  /** Whose result the municipality comments on; required with more than one provider party. */
  party: onBehalfOfSchema(),
});

export interface KpiResult {
  kpiId: string;
  period: string;
  value: number;
  /** Whether the value meets the target, given the direction. */
  onTarget: boolean;
  recordedAt: string;
  recordedBy: string;
  /** The person's name next to the key, when it was recorded (older items have none: readers show the key). */
  recordedByName?: string;
  side: 'provider' | 'municipality';
  comments: { side: 'provider' | 'municipality'; by: string; byName?: string; at: string; text: string }[];
  /** The result's own version: `kpi.record` and comments change it conditionally. */
  version: number;
  /** The provider party the result is of, and its name; absent where no party has a portal. */
  party?: string;
  partyName?: string;
  /** `delivery`: taken from a delivered report's figures (the KPI's source), not entered by hand. */
  source?: 'delivery';
}

export function onTarget(kpi: Pick<KpiDefinition, 'target' | 'direction'>, value: number): boolean {
  return kpi.direction === 'higher' ? value >= kpi.target : value <= kpi.target;
}

/**
 * Dialogue about the collaboration itself (SPEC §4.7): meetings and evaluations with participants, agreed
 * actions and a short trust/cooperation score per side.
 */
export const meetingRecordSchema = z.strictObject({
  agreementId: idSchema(),
  date: z.iso.date(),
  kind: z.enum(['meeting', 'evaluation']),
  participants: z.array(text(120, 1)).check(z.minLength(1), z.maxLength(30)),
  notes: z.optional(text(5000)),
  actions: z.optional(
    z
      .array(
        z.strictObject({
          text: text(300, 1),
          owner: text(120, 1),
          due: z.optional(z.iso.date()),
          /** The owner's side (default: the side that records the meeting); a due date becomes a deadline. */
          side: z.optional(z.enum(ACTION_SIDES)),
          /** A provider-owned action the municipality records: which party (required with more than one). */
          party: onBehalfOfSchema(),
        }),
      )
      .check(z.maxLength(30)),
  ),
  /** The recording side's score of trust and cooperation, 1 (poor) to 5 (excellent). */
  score: z.optional(z.int().check(z.gte(1), z.lte(5))),
  /** The recording side's answers to the collaboration questions; the overall score is their rounded mean. */
  answers: z.optional(collabAnswersSchema),
});

/**
 * The caller's own rating of a meeting: the municipality's, or the caller's own provider party's. The four
 * answers (the collaboration questions), an overall `score` (older clients), or both; with answers and no score
 * the score is derived (their rounded mean).
 */
export const meetingScoreSchema = z
  .strictObject({
    agreementId: idSchema(),
    meetingId: idSchema(),
    score: z.optional(z.int().check(z.gte(1), z.lte(5))),
    answers: z.optional(collabAnswersSchema),
    /** The meeting's version seen (`dialogue.list`). */
    expectedVersion: z.int().check(z.gte(1), z.lte(1_000_000_000)),
  })
  .check(
    z.refine((v) => v.score !== undefined || v.answers !== undefined, {
      message: 'Give the answers or a score',
      params: { reason: 'meeting.ratingRequired' },
      path: ['answers'],
    }),
  );

/** Marks an agreed action of a meeting done: its deadline goes (`dialogue.actionDone`). */
export const meetingActionDoneSchema = z.strictObject({
  agreementId: idSchema(),
  meetingId: idSchema(),
  actionIndex: z.int().check(z.gte(0), z.lte(29)),
  /** The meeting's version seen (`dialogue.list`). */
  expectedVersion: z.int().check(z.gte(1), z.lte(1_000_000_000)),
});

/** An agreed action as stored: its owner's side and, once done, when and by whom. */
export interface MeetingAction {
  text: string;
  owner: string;
  due?: string;
  /** Absent on actions stored before owners had a side: read as the recording side. */
  side?: ActionSide;
  /** For a provider-owned action: the provider party that owns it. */
  party?: string;
  done?: { at: string; by: string; byName?: string };
}

/**
 * A meeting as stored and as the owner sees it. A meeting the municipality records is its own record (notes,
 * participants, actions are internal); one a provider records belongs to that provider's party. Scores: the
 * municipality's, and each provider party's own (`partyScores`, labelled). A provider sees a meeting only through
 * `toMeetingPartyView` (views.ts).
 */
export interface Meeting {
  id: string;
  agreementId: string;
  date: string;
  kind: 'meeting' | 'evaluation';
  participants: string[];
  notes: string;
  actions: MeetingAction[];
  /** Who recorded it. */
  side: 'provider' | 'municipality';
  /** For a meeting a provider recorded: its party and name. */
  party?: string;
  partyName?: string;
  /** The municipality's score (`provider` only in a provider's own view: its party's score). */
  scores: { municipality?: number; provider?: number };
  /** The answers to the collaboration questions, beside the scores (absent on older meetings). */
  answers?: { municipality?: CollabAnswers; provider?: CollabAnswers };
  partyScores: { party: string; partyName: string; score: number; answers?: CollabAnswers }[];
  recordedBy: string;
  /** The person's name next to the key, when it was recorded (older items have none: readers show the key). */
  recordedByName?: string;
  recordedAt: string;
  version: number;
}
