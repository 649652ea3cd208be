import { describe, expect, it } from 'vitest';
import { DomainError } from './errors.ts';
import {
  ceilingSignalEntries,
  escalateNotification,
  escalationSubjectOf,
  fileNotification,
  isOverdue,
  notificationDeadline,
  notificationFileSchema,
  respondNotification,
} from './notifications.ts';

const calamity = {
  id: 'jh-calamiteit',
  title: 'Melding calamiteit',
  event: 'calamity' as const,
  responseDays: 1,
};
const by = (at: string) => ({ actor: 'u1', actorName: 'Karim', at });
const filed = (at: string, responseDays = 1) =>
  fileNotification(
    {
      id: 'n-1',
      agreementId: 'erm-jh-2025',
      duty: { ...calamity, responseDays },
      description: 'Cliënt gevallen',
      party: 'PV81234567',
      partyName: 'Kompas',
    },
    by(at),
  );

describe('notification response clock (Atw working days)', () => {
  it('counts working days from the filing day', () => {
    // Wednesday 2 December 2026, one working day: Thursday.
    expect(notificationDeadline('2026-12-02T09:00:00.000Z', 1)).toBe('2026-12-03');
    expect(notificationDeadline('2026-12-02T23:59:59.000Z', 5)).toBe('2026-12-09');
  });

  it('skips the weekend when filed on a Friday', () => {
    expect(notificationDeadline('2026-11-27T10:00:00.000Z', 1)).toBe('2026-11-30');
    expect(notificationDeadline('2026-11-27T10:00:00.000Z', 2)).toBe('2026-12-01');
  });

  it('skips a feestdag when filed the day before one', () => {
    // Monday 4 May 2026; 5 May (Bevrijdingsdag) is no working day.
    expect(notificationDeadline('2026-05-04T08:00:00.000Z', 1)).toBe('2026-05-06');
    // Thursday 24 December 2026: both Christmas days (Fri, Sat) and the Sunday pass.
    expect(notificationDeadline('2026-12-24T08:00:00.000Z', 1)).toBe('2026-12-28');
  });

  it('starts the count at the next working day when filed on a weekend or feestdag', () => {
    // Saturday 28 November 2026 counts as filed on Monday 30 November.
    expect(notificationDeadline('2026-11-28T12:00:00.000Z', 1)).toBe('2026-12-01');
    expect(notificationDeadline('2026-12-25T12:00:00.000Z', 1)).toBe('2026-12-29');
  });

  it('is overdue only after the deadline day, and only while pending', () => {
    const n = filed('2026-11-27T10:00:00.000Z'); // deadline Monday 30 November
    expect(n.deadline).toBe('2026-11-30');
    expect(isOverdue(n, '2026-11-30')).toBe(false);
    expect(isOverdue(n, '2026-12-01')).toBe(true);
    const acknowledged = respondNotification(n, 'acknowledge', 'Ontvangen', by('2026-11-30T09:00:00Z'));
    expect(isOverdue(acknowledged, '2026-12-01')).toBe(true);
    const answered = respondNotification(acknowledged, 'answer', 'Opgepakt', by('2026-12-02T09:00:00Z'));
    expect(isOverdue(answered, '2026-12-09')).toBe(false);
  });
});

describe('notification states', () => {
  it('goes open → acknowledged → answered, each step a version', () => {
    const n = filed('2026-12-02T09:00:00.000Z');
    expect(n).toMatchObject({ state: 'open', version: 1, source: 'provider', event: 'calamity' });
    const a = respondNotification(n, 'acknowledge', 'Ontvangen', by('2026-12-02T10:00:00Z'));
    expect(a).toMatchObject({ state: 'acknowledged', version: 2, deadline: n.deadline });
    const b = respondNotification(a, 'answer', 'Maatregelen afgesproken', by('2026-12-03T10:00:00Z'));
    expect(b).toMatchObject({ state: 'answered', version: 3 });
    expect(b.steps.map((s) => s.action)).toEqual(['filed', 'acknowledged', 'answered']);
  });

  it('may be answered without acknowledging first', () => {
    const n = filed('2026-12-02T09:00:00.000Z');
    expect(respondNotification(n, 'answer', 'x', by('2026-12-02T10:00:00Z')).state).toBe('answered');
  });

  it('refuses a second acknowledgement and any step after answering or escalating', () => {
    const n = filed('2026-12-02T09:00:00.000Z');
    const a = respondNotification(n, 'acknowledge', 'x', by('2026-12-02T10:00:00Z'));
    expect(() => respondNotification(a, 'acknowledge', 'x', by('2026-12-02T11:00:00Z'))).toThrow(
      expect.objectContaining({ reason: 'notification.alreadyAcknowledged' }),
    );
    const answered = respondNotification(a, 'answer', 'x', by('2026-12-02T11:00:00Z'));
    for (const step of [
      () => respondNotification(answered, 'answer', 'x', by('2026-12-03T10:00:00Z')),
      () => escalateNotification(answered, 'e-1', by('2026-12-03T10:00:00Z')),
    ])
      expect(step).toThrow(DomainError);
    const escalated = escalateNotification(n, 'e-1', by('2026-12-03T10:00:00Z'));
    expect(escalated).toMatchObject({ state: 'escalated', escalationId: 'e-1', version: 2 });
    expect(() => respondNotification(escalated, 'answer', 'x', by('2026-12-03T10:00:00Z'))).toThrow(
      expect.objectContaining({ reason: 'notification.closed', params: { state: 'escalated' } }),
    );
  });

  it('names the escalation after the duty and the description’s first line, within 200 characters', () => {
    expect(escalationSubjectOf({ dutyTitle: 'Melding calamiteit', description: 'Val\nDetails' })).toBe(
      'Melding calamiteit: Val',
    );
    expect(escalationSubjectOf({ dutyTitle: 'X', description: 'y'.repeat(300) })).toHaveLength(200);
  });
});

describe('notification schema', () => {
  const valid = { agreementId: 'erm-jh-2025', dutyId: 'jh-calamiteit', description: 'x' };
  it('bounds the description and the figures', () => {
    expect(notificationFileSchema.safeParse(valid).success).toBe(true);
    expect(notificationFileSchema.safeParse({ ...valid, description: '' }).success).toBe(false);
    expect(notificationFileSchema.safeParse({ ...valid, description: 'x'.repeat(4001) }).success).toBe(false);
    const figure = { label: 'Wachtenden', value: 12, unit: 'cliënten' };
    expect(notificationFileSchema.safeParse({ ...valid, figures: [figure] }).success).toBe(true);
    expect(notificationFileSchema.safeParse({ ...valid, figures: Array(11).fill(figure) }).success).toBe(
      false,
    );
    for (const bad of [
      { ...figure, value: Number.NaN },
      { ...figure, value: 1e13 },
      { ...figure, label: '' },
    ])
      expect(notificationFileSchema.safeParse({ ...valid, figures: [bad] }).success).toBe(false);
    expect(notificationFileSchema.safeParse({ ...valid, at: '2020-01-01' }).success).toBe(false);
  });
});

describe('ceiling signals as notifications', () => {
  const duties = [
    { id: 'jh-kwartaal', kind: 'periodic', title: 'Kwartaal' },
    { id: 'jh-plafond', kind: 'event', title: '80% van het plafond bereikt', event: 'ceiling_80' },
  ];
  const signals = [
    { key: '80', threshold: 80, at: '2026-10-01T10:00:00Z' },
    { key: '2026#100', threshold: 100, year: 2026, at: '2026-11-01T10:00:00Z' },
    { key: '50', threshold: 50, at: '2026-09-01T10:00:00Z' },
    { key: 'line#x#amount#80', threshold: 80, at: '2026-10-02T10:00:00Z', line: { id: 'x' } },
  ];
  it('shows 80% and 100% signals of the overall and year ceilings under the ceiling_80 duty, as met', () => {
    const entries = ceilingSignalEntries('a-1', duties, signals);
    expect(entries.map((e) => [e.id, e.dutyId, e.threshold, e.metBySignal])).toEqual([
      ['signal-2026#100', 'jh-plafond', 100, true],
      ['signal-80', 'jh-plafond', 80, true],
    ]);
  });
  it('shows none without a ceiling_80 duty', () => {
    expect(ceilingSignalEntries('a-1', duties.slice(0, 1), signals)).toEqual([]);
  });
});
