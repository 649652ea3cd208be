import { describe, expect, it } from 'vitest';
import {
  answersAverage,
  type CollabAnswers,
  collaborationSignals,
  latestAverages,
  meetingActionDeadlines,
  meetingSeries,
  overallScore,
  seriesSignals,
  trendOf,
} from './collaboration.ts';
import type { Meeting } from './kpi.ts';
import { meetingScoreSchema } from './kpi.ts';

const all = (n: number): CollabAnswers => ({ openness: n, agreements: n, information: n, understanding: n });

function meeting(id: string, date: string, over: Partial<Meeting> = {}): Meeting {
  return {
    id,
    agreementId: 'agr1',
    date,
    kind: 'meeting',
    participants: ['A'],
    notes: '',
    actions: [],
    side: 'municipality',
    scores: {},
    partyScores: [],
    recordedBy: 'u',
    recordedAt: `${date}T10:00:00.000Z`,
    version: 1,
    ...over,
  };
}

describe('collaboration averages', () => {
  it('averages the four answers to one decimal and rounds the overall score', () => {
    expect(answersAverage({ openness: 4, agreements: 3, information: 3, understanding: 3 })).toBe(3.3);
    expect(answersAverage({ openness: 5, agreements: 4, information: 4, understanding: 4 })).toBe(4.3);
    expect(overallScore({ openness: 5, agreements: 4, information: 4, understanding: 4 })).toBe(4);
    expect(overallScore({ openness: 2, agreements: 3, information: 3, understanding: 3 })).toBe(3);
  });

  it('reads an older meeting with only a score as that average, without per-question values', () => {
    const points = trendOf([
      { meetingId: 'b', date: '2025-06-01', answers: all(4) },
      { meetingId: 'a', date: '2025-01-01', score: 3 },
      { meetingId: 'c', date: '2025-09-01' },
    ]);
    expect(points).toEqual([
      { meetingId: 'a', date: '2025-01-01', average: 3 },
      { meetingId: 'b', date: '2025-06-01', average: 4, answers: all(4) },
    ]);
  });

  it('accepts a score without answers, answers without a score, and refuses neither', () => {
    const base = { agreementId: 'agr1', meetingId: 'm1', expectedVersion: 1 };
    expect(meetingScoreSchema.safeParse({ ...base, score: 3 }).success).toBe(true);
    expect(meetingScoreSchema.safeParse({ ...base, answers: all(2) }).success).toBe(true);
    expect(meetingScoreSchema.safeParse(base).success).toBe(false);
    expect(meetingScoreSchema.safeParse({ ...base, answers: { ...all(2), openness: 6 } }).success).toBe(
      false,
    );
  });
});

describe('collaboration signals', () => {
  const municipality = { side: 'municipality' } as const;

  it('signals a drop of 2 or more against the previous meeting, per measure, from and to', () => {
    const signals = seriesSignals({
      who: municipality,
      points: trendOf([
        { meetingId: 'a', date: '2025-01-01', answers: all(5) },
        {
          meetingId: 'b',
          date: '2025-06-01',
          answers: { openness: 3, agreements: 4, information: 5, understanding: 5 },
        },
      ]),
    });
    expect(signals).toEqual([
      {
        who: municipality,
        kind: 'drop',
        measure: 'openness',
        from: 5,
        to: 3,
        meetingId: 'b',
        date: '2025-06-01',
      },
    ]);
  });

  it('does not signal a drop of 1, nor a rise', () => {
    const points = trendOf([
      { meetingId: 'a', date: '2025-01-01', answers: all(4) },
      { meetingId: 'b', date: '2025-06-01', answers: all(3) },
      { meetingId: 'c', date: '2025-07-01', answers: all(5) },
    ]);
    expect(seriesSignals({ who: municipality, points: points.slice(0, 2) })).toEqual([]);
    expect(seriesSignals({ who: municipality, points })).toEqual([]);
  });

  it('signals a value below 3, also on a first rating', () => {
    const signals = seriesSignals({
      who: municipality,
      points: trendOf([
        {
          meetingId: 'a',
          date: '2025-01-01',
          answers: { openness: 2, agreements: 4, information: 4, understanding: 4 },
        },
      ]),
    });
    expect(signals.map((s) => [s.kind, s.measure, s.from, s.to])).toEqual([
      ['low', 'openness', undefined, 2],
    ]);
  });

  it('compares an old single score with new answers on the average only', () => {
    const who = { side: 'provider', party: 'PV12345678', partyName: 'Zorg BV' } as const;
    const signals = seriesSignals({
      who,
      points: trendOf([
        { meetingId: 'a', date: '2025-01-01', score: 5 },
        { meetingId: 'b', date: '2025-06-01', answers: all(3) },
      ]),
    });
    expect(signals).toEqual([
      { who, kind: 'drop', measure: 'average', from: 5, to: 3, meetingId: 'b', date: '2025-06-01' },
    ]);
  });

  it('builds a series per side and per provider party from a dialogue log', () => {
    const log = [
      meeting('m1', '2025-01-10', {
        scores: { municipality: 4 },
        partyScores: [
          { party: 'PV22222222', partyName: 'B', score: 2 },
          { party: 'PV11111111', partyName: 'A', score: 5, answers: all(5) },
        ],
      }),
      meeting('m2', '2025-04-10', {
        scores: { municipality: 4 },
        answers: { municipality: all(4) },
        partyScores: [{ party: 'PV11111111', partyName: 'A', score: 3, answers: all(3) }],
      }),
    ];
    const series = meetingSeries(log);
    expect(series.map((s) => [s.who, s.points.map((p) => p.average)])).toEqual([
      [{ side: 'municipality' }, [4, 4]],
      [{ side: 'provider', party: 'PV11111111', partyName: 'A' }, [5, 3]],
      [{ side: 'provider', party: 'PV22222222', partyName: 'B' }, [2]],
    ]);
    const signals = collaborationSignals(series);
    // Party A dropped 2 on the average and on every question; party B's one score is below 3.
    expect(signals.filter((s) => s.who.side === 'provider' && s.who.party === 'PV11111111')).toHaveLength(5);
    expect(signals.find((s) => s.who.side === 'provider' && s.who.party === 'PV22222222')).toMatchObject({
      kind: 'low',
      measure: 'average',
      to: 2,
    });
    expect(signals.some((s) => s.who.side === 'municipality')).toBe(false);
    expect(latestAverages(series).map((l) => l.average)).toEqual([4, 3, 2]);
  });
});

describe('action deadlines', () => {
  it('gives an open action with a due date a deadline by its owner side; done or undated ones none', () => {
    const m = meeting('m1', '2025-01-10', {
      side: 'provider',
      actions: [
        { text: 'Wachtlijst delen', owner: 'Zorg BV', due: '2025-02-01' },
        { text: 'Tarief toetsen', owner: 'Gemeente', due: '2025-03-01', side: 'municipality' },
        { text: 'Zonder datum', owner: 'Gemeente', side: 'municipality' },
        {
          text: 'Klaar',
          owner: 'Gemeente',
          due: '2025-03-01',
          side: 'municipality',
          done: { at: 'x', by: 'u' },
        },
      ],
    });
    expect(meetingActionDeadlines(m, 'GM0233').map((d) => [d.key, d.label, d.date, d.roles])).toEqual([
      ['action-m1-0', 'provider_action', '2025-02-01', ['contractmanager']],
      ['action-m1-1', 'action', '2025-03-01', ['contractmanager']],
    ]);
  });
});
