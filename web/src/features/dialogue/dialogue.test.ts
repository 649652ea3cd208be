import { describe, expect, it } from 'vitest';
import { canTalk, noAnswers, readAnswers, validateMeeting } from './model';

const base = {
  date: '2026-10-08',
  kind: 'meeting' as const,
  participants: '',
  notes: '',
  actions: '',
  answers: noAnswers(),
};

describe('dialogue form', () => {
  it('reads participants and actions per line, with an optional due date, owner side and the answers', () => {
    const result = validateMeeting('erm-jh-2025', {
      ...base,
      participants: 'A. de Vries\n\nB. Jansen ',
      actions:
        'Wachtlijst delen; Kompas; 2026-11-01; aanbieder\nCijfers nalopen; gemeente\nTarief; Karim; Gemeente',
      notes: ' Goed gesprek ',
      answers: { openness: '4', agreements: '3', information: '5', understanding: '4' },
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
          { text: 'Wachtlijst delen', owner: 'Kompas', due: '2026-11-01', side: 'provider' },
          { text: 'Cijfers nalopen', owner: 'gemeente' },
          { text: 'Tarief', owner: 'Karim', side: 'municipality' },
        ],
        answers: { openness: 4, agreements: 3, information: 5, understanding: 4 },
      },
    });
  });

  it('names what is wrong', () => {
    expect(
      validateMeeting('x', {
        ...base,
        date: '2026-02-30',
        actions: 'zonder eigenaar',
        answers: { ...noAnswers(), openness: '4' },
      }),
    ).toEqual({
      ok: false,
      errors: ['date', 'participants', 'actions', 'answers'],
    });
    expect(validateMeeting('x', { ...base, participants: 'A', actions: 'a; b; iemand' })).toMatchObject({
      ok: false,
      errors: ['actions'],
    });
  });

  it('takes all four answers or, where optional, none', () => {
    const four = { openness: '1', agreements: '2', information: '3', understanding: '5' };
    expect(readAnswers(four, false)).toEqual({
      ok: true,
      answers: { openness: 1, agreements: 2, information: 3, understanding: 5 },
    });
    expect(readAnswers(noAnswers(), true)).toEqual({ ok: true });
    expect(readAnswers(noAnswers(), false)).toEqual({ ok: false });
    expect(readAnswers({ ...four, understanding: '' }, true)).toEqual({ ok: false });
  });

  it('lets both sides talk, not a viewer', () => {
    expect(canTalk({ roles: ['provider_signer'] })).toBe(true);
    expect(canTalk({ roles: ['viewer'] })).toBe(false);
  });
});
