import { describe, expect, it } from 'vitest';
import { canEscalate, isOverdue, nextLevel, today } from './model';

const ladder = [
  { level: 'contractmanager', days: 5 },
  { level: 'regisseur', days: 5 },
  { level: 'directie', days: 10 },
  { level: 'portefeuillehouder', days: 10 },
];

describe('escalation model', () => {
  it('names the next level up, none at the top', () => {
    expect(nextLevel({ level: 0, ladder })).toBe('regisseur');
    expect(nextLevel({ level: 2, ladder })).toBe('portefeuillehouder');
    expect(nextLevel({ level: 3, ladder })).toBeNull();
  });

  it('marks an open escalation past its deadline as overdue, a resolved one never', () => {
    expect(isOverdue({ status: 'open', deadline: '2026-01-05' }, '2026-01-06')).toBe(true);
    expect(isOverdue({ status: 'open', deadline: '2026-01-06' }, '2026-01-06')).toBe(false);
    expect(isOverdue({ status: 'resolved', deadline: null }, '2026-01-06')).toBe(false);
  });

  it('takes today in Dutch time', () => {
    expect(today(new Date('2026-03-31T22:30:00Z'))).toBe('2026-04-01');
  });

  it('lets both sides act, not a viewer or approver', () => {
    expect(canEscalate({ roles: ['provider_signer'] })).toBe(true);
    expect(canEscalate({ roles: ['contractmanager'] })).toBe(true);
    expect(canEscalate({ roles: ['viewer'] })).toBe(false);
    expect(canEscalate(undefined)).toBe(false);
  });
});
