import * as z from 'zod/mini';
import type { Deadline } from './deadlines.ts';
import type { Meeting } from './kpi.ts';
import type { Role } from './roles.ts';

/** Who hears that an agreed action of a dialogue meeting is due (the municipality's side of the dialogue). */
export const ACTION_DEADLINE_ROLES: Role[] = ['contractmanager'];

/**
 * The collaboration monitor (issue 14 point 5, SPEC §4.7): a short fixed question set about the collaboration that
 * each side answers per meeting (1 poor – 5 excellent), the trend over meetings per side, and the signals when a
 * side's view drops sharply or is poor. Pure: the db layer keeps a per-agreement summary of what this computes.
 */
export const COLLAB_QUESTIONS = ['openness', 'agreements', 'information', 'understanding'] as const;
export type CollabQuestion = (typeof COLLAB_QUESTIONS)[number];
/** A measure of the trend: one question, or the average of the four. */
export type CollabMeasure = CollabQuestion | 'average';
export const COLLAB_MEASURES: readonly CollabMeasure[] = ['average', ...COLLAB_QUESTIONS];

const answer = () => z.int().check(z.gte(1), z.lte(5));

/** One side's answers to the four questions (openheid, nakomen van afspraken, tijdige informatie, begrip). */
export const collabAnswersSchema = z.strictObject({
  openness: answer(),
  agreements: answer(),
  information: answer(),
  understanding: answer(),
});
export type CollabAnswers = z.infer<typeof collabAnswersSchema>;

/** A drop against the side's previous meeting that raises a signal. */
export const COLLAB_DROP = 2;
/** A value below this raises a signal. */
export const COLLAB_FLOOR = 3;

/** The mean of the four answers, to one decimal. */
export function answersAverage(a: CollabAnswers): number {
  const sum = COLLAB_QUESTIONS.reduce((s, q) => s + a[q], 0);
  return Math.round((sum / COLLAB_QUESTIONS.length) * 10) / 10;
}

/** The single overall score (1–5) an older client reads: the rounded average of the answers. */
export function overallScore(a: CollabAnswers): number {
  return Math.min(5, Math.max(1, Math.round(answersAverage(a))));
}

/** What one side said of one meeting: the four answers, or (older meetings) only an overall score. */
export interface SideRating {
  score?: number;
  answers?: CollabAnswers;
}

/** One side's value of a meeting: the average of its answers, or its single score where it gave no answers. */
export function sideAverage(r: SideRating): number | undefined {
  if (r.answers) return answersAverage(r.answers);
  return r.score;
}

/** Which side a series is of: the municipality, or one provider party (each its own, SPEC §2 rule 6). */
export type CollabSide = { side: 'municipality' } | { side: 'provider'; party: string; partyName: string };

export interface TrendPoint {
  meetingId: string;
  date: string;
  average: number;
  /** Absent for a meeting with only an overall score. */
  answers?: CollabAnswers;
}

export interface CollabSeries {
  who: CollabSide;
  points: TrendPoint[];
}

/** One side's ratings over meetings, oldest first; meetings it did not rate are left out. */
export function trendOf(
  ratings: readonly (SideRating & { meetingId: string; date: string })[],
): TrendPoint[] {
  return ratings
    .flatMap((r) => {
      const average = sideAverage(r);
      if (average === undefined) return [];
      return [
        {
          meetingId: r.meetingId,
          date: r.date,
          average,
          ...(r.answers ? { answers: r.answers } : {}),
        },
      ];
    })
    .sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : x.meetingId < y.meetingId ? -1 : 1));
}

export interface CollabSignal {
  who: CollabSide;
  /** `drop`: 2 or more lower than at the side's previous meeting; `low`: below 3. */
  kind: 'drop' | 'low';
  measure: CollabMeasure;
  /** The value at the previous meeting (absent for a `low` signal on a first rating). */
  from?: number;
  to: number;
  meetingId: string;
  date: string;
}

const measureValue = (p: TrendPoint, m: CollabMeasure): number | undefined =>
  m === 'average' ? p.average : p.answers?.[m];

/**
 * The signals of one side now: of its latest rated meeting against its previous one, per measure (the average
 * and each question). A question only an older overall score covers has no value and raises nothing.
 */
export function seriesSignals(series: CollabSeries): CollabSignal[] {
  const latest = series.points.at(-1);
  if (!latest) return [];
  const previous = series.points.at(-2);
  const out: CollabSignal[] = [];
  for (const measure of COLLAB_MEASURES) {
    const to = measureValue(latest, measure);
    if (to === undefined) continue;
    const from = previous ? measureValue(previous, measure) : undefined;
    const base = { who: series.who, measure, to, meetingId: latest.meetingId, date: latest.date };
    if (from !== undefined && from - to >= COLLAB_DROP) out.push({ ...base, kind: 'drop', from });
    if (to < COLLAB_FLOOR) out.push({ ...base, kind: 'low', ...(from !== undefined ? { from } : {}) });
  }
  return out;
}

export function collaborationSignals(series: readonly CollabSeries[]): CollabSignal[] {
  return series.flatMap(seriesSignals);
}

/** The latest average of each side, for the dashboard. */
export function latestAverages(
  series: readonly CollabSeries[],
): { who: CollabSide; average: number; date: string }[] {
  return series.flatMap((s) => {
    const last = s.points.at(-1);
    return last ? [{ who: s.who, average: last.average, date: last.date }] : [];
  });
}

/** The owner of an agreed action: the municipality or the provider (default: the side that recorded it). */
export const ACTION_SIDES = ['municipality', 'provider'] as const;
export type ActionSide = (typeof ACTION_SIDES)[number];

/**
 * The series of a dialogue log: the municipality's ratings and each provider party's own, oldest first. Older
 * meetings with only a single score count with that score as their average.
 */
export function meetingSeries(meetings: readonly Meeting[]): CollabSeries[] {
  const municipality = trendOf(
    meetings.map((m) => ({
      meetingId: m.id,
      date: m.date,
      ...(m.scores.municipality !== undefined ? { score: m.scores.municipality } : {}),
      ...(m.answers?.municipality ? { answers: m.answers.municipality } : {}),
    })),
  );
  const parties = new Map<string, string>();
  for (const m of meetings) for (const s of m.partyScores) parties.set(s.party, s.partyName);
  const out: CollabSeries[] = [];
  if (municipality.length > 0) out.push({ who: { side: 'municipality' }, points: municipality });
  for (const [party, partyName] of [...parties].sort((x, y) => (x[0] < y[0] ? -1 : 1))) {
    const points = trendOf(
      meetings.flatMap((m) => {
        const s = m.partyScores.find((p) => p.party === party);
        return s
          ? [{ meetingId: m.id, date: m.date, score: s.score, ...(s.answers ? { answers: s.answers } : {}) }]
          : [];
      }),
    );
    out.push({ who: { side: 'provider', party, partyName }, points });
  }
  return out;
}

/** The deadline key of a meeting's action (unique within the agreement). */
export const actionDeadlineKey = (meetingId: string, index: number) => `action-${meetingId}-${index}`;

/**
 * The deadlines of a meeting's agreed actions: one per open action with a due date, on the owning municipality's
 * deadline index for its contract managers — its own action (`action`) or a provider's (`provider_action`,
 * "actie aanbieder"). A done action has none.
 */
export function meetingActionDeadlines(meeting: Meeting, space: string): Deadline[] {
  return meeting.actions.flatMap((action, index) => {
    if (!action.due || action.done) return [];
    const side = action.side ?? meeting.side;
    return [
      {
        kind: 'action' as const,
        key: actionDeadlineKey(meeting.id, index),
        date: action.due,
        agreementId: meeting.agreementId,
        space,
        roles: ACTION_DEADLINE_ROLES,
        label: side === 'provider' ? 'provider_action' : 'action',
        params: { text: action.text, owner: action.owner },
      },
    ];
  });
}
