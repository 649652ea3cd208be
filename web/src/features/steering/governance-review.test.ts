import { describe, expect, it } from 'vitest';
import { acceptedDuties, type DutyDiff, initialChoices, invalidRows, validDays } from './governance-review';

const quarterly = {
  id: 'q',
  kind: 'periodic' as const,
  title: 'Kwartaal',
  frequency: 'quarterly' as const,
  dueDays: 30,
};
const annual = {
  id: 'y',
  kind: 'periodic' as const,
  title: 'Jaar',
  frequency: 'yearly' as const,
  dueDays: 90,
};
const slowCalamity = {
  id: 'c',
  kind: 'event' as const,
  title: 'Calamiteit',
  event: 'calamity' as const,
  responseDays: 5,
};
const halfYear = {
  kind: 'periodic' as const,
  title: 'Halfjaarrapportage',
  frequency: 'half_yearly' as const,
  dueDays: 45,
};
const ownership = {
  kind: 'event' as const,
  title: 'Melding wijziging eigendom',
  event: 'ownership_change' as const,
  responseDays: 10,
};

const diff: DutyDiff = {
  kept: [annual],
  added: [halfYear, ownership],
  removed: [quarterly],
  changed: [{ before: slowCalamity, after: { ...slowCalamity, responseDays: 1 } }],
  result: [],
  unmatched: [],
};

describe('the governance review', () => {
  it('applies every proposed change by default, with the proposed terms', () => {
    expect(acceptedDuties(diff, initialChoices(diff))).toEqual([
      annual,
      { ...slowCalamity, responseDays: 1 },
      halfYear,
      ownership,
    ]);
  });

  it('keeps what the user declines and takes the terms the user typed', () => {
    const choices = initialChoices(diff);
    choices.removed[0] = false;
    choices.changed[0] = { accept: false, days: '1' };
    choices.added[0] = { accept: true, days: '60' };
    choices.added[1] = { accept: false, days: '10' };
    expect(acceptedDuties(diff, choices)).toEqual([
      annual,
      quarterly,
      slowCalamity,
      { ...halfYear, dueDays: 60 },
    ]);
  });

  it('checks the days of accepted rows only, against the schema’s bounds', () => {
    expect(validDays(halfYear, '0')).toBe(true);
    expect(validDays(halfYear, '181')).toBe(false);
    expect(validDays(ownership, '0')).toBe(false);
    expect(validDays(ownership, '2,5')).toBe(false);
    const choices = initialChoices(diff);
    choices.added[1] = { accept: true, days: '' };
    choices.changed[0] = { accept: false, days: 'x' };
    expect(invalidRows(diff, choices).map((r) => r.id)).toEqual(['governance-added-1']);
  });
});
