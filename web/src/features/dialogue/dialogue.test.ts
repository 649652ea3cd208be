import { describe, expect, it } from 'vitest';
import { canTalk, validateMeeting } from './model';

const base = {
  date: '2026-10-08',
  kind: 'meeting' as const,
  participants: '',
  notes: '',
  actions: '',
  score: '',
};

describe('dialogue form', () => {
  it('reads participants and actions per line, with an optional due date and score', () => {
    const result = validateMeeting('erm-jh-2025', {
      ...base,
      participants: 'A. de Vries\n\nB. Jansen ',
      actions: 'Wachtlijst delen; Kompas; 2026-11-01\nCijfers nalopen; gemeente',
      notes: ' Goed gesprek ',
      score: '4',
    });
    expect(result).toEqual({
      ok: true,
      input: {
        agreementId: 'erm-jh-2025',
        date: '2026-10-08',
        kind: 'meeting',
        participants: ['A. de Vries', 'B. Jansen'],
        notes: 'Goed gesprek',
        actions: [
          { text: 'Wachtlijst delen', owner: 'Kompas', due: '2026-11-01' },
          { text: 'Cijfers nalopen', owner: 'gemeente' },
        ],
        score: 4,
      },
    });
  });

  it('names what is wrong', () => {
    expect(
      validateMeeting('x', { ...base, date: '2026-02-30', actions: 'zonder eigenaar', score: '6' }),
    ).toEqual({
      ok: false,
      errors: ['date', 'participants', 'actions', 'score'],
    });
  });

  it('lets both sides talk, not a viewer', () => {
    expect(canTalk({ roles: ['provider_signer'] })).toBe(true);
    expect(canTalk({ roles: ['viewer'] })).toBe(false);
  });
});
