import { describe, expect, it } from 'vitest';
import {
  escalate,
  ladderOf,
  mayResolve,
  openEscalation,
  resolveEscalation,
  respondEscalation,
} from './escalation.ts';

const ladder = ladderOf(undefined);
const by = (at: string) => ({ actor: 'ermelo.contractmanager', side: 'municipality' as const, at });

describe('escalation ladder', () => {
  it('opens at the first level with a deadline in working days', () => {
    const e = openEscalation(
      { id: 'e1', agreementId: 'a1', subject: 'Wachttijd', description: 'Wachtlijst loopt op' },
      ladder,
      by('2026-12-23T09:00:00Z'),
    );
    // contractmanager: 10 working days from Wed 23 Dec 2026, skipping Christmas and New Year
    expect(e).toMatchObject({ level: 0, status: 'open', deadline: '2027-01-08' });
    expect(e.steps[0]).toMatchObject({ action: 'opened', levelName: 'contractmanager' });
  });

  it('goes up two levels, records each step, and stops at the top', () => {
    let e = openEscalation(
      { id: 'e1', agreementId: 'a1', subject: 's', description: 'd' },
      ladder,
      by('2026-11-23T09:00:00Z'),
    );
    e = escalate(e, 'Geen reactie', { actor: 'kompas.signer', side: 'provider', at: '2026-11-30T09:00:00Z' });
    e = escalate(e, 'Naar directie', by('2026-12-07T09:00:00Z'));
    expect(e.steps.map((s) => s.levelName)).toEqual(['contractmanager', 'regisseur', 'directie']);
    expect(e.version).toBe(3);
    e = escalate(e, 'Naar wethouder', by('2026-12-14T09:00:00Z'));
    expect(() => escalate(e, 'verder', by('2026-12-15T09:00:00Z'))).toThrow(/top of the ladder/);
    const resolved = resolveEscalation(e, 'Afspraken gemaakt', by('2026-12-16T09:00:00Z'));
    expect(resolved).toMatchObject({ status: 'resolved', deadline: null });
    expect(() => escalate(resolved, 'x', by('2026-12-17T09:00:00Z'))).toThrow(/resolved/);
  });

  it('records the opening side; the other side responds without moving level or deadline', () => {
    const e = openEscalation(
      {
        id: 'e1',
        agreementId: 'a1',
        subject: 's',
        description: 'd',
        party: 'PV81234567',
        partyName: 'Kompas',
      },
      ladder,
      by('2026-11-23T09:00:00Z'),
    );
    expect(e).toMatchObject({ side: 'municipality', party: 'PV81234567' });
    const answered = respondEscalation(e, 'Wij pakken het op', {
      actor: 'kompas.signer',
      side: 'provider',
      at: '2026-11-24T09:00:00Z',
    });
    expect(answered).toMatchObject({ level: 0, deadline: e.deadline, version: 2, status: 'open' });
    expect(answered.steps.at(-1)).toMatchObject({ action: 'responded', side: 'provider' });
    const closed = resolveEscalation(answered, 'ok', by('2026-11-25T09:00:00Z'));
    expect(() => respondEscalation(closed, 'x', by('2026-11-26T09:00:00Z'))).toThrow(/resolved/);
  });

  it('lets only the opening side, or the owner roles, resolve', () => {
    expect(mayResolve({ side: 'municipality' }, { side: 'provider', ownerRole: false })).toBe(false);
    expect(mayResolve({ side: 'municipality' }, { side: 'municipality', ownerRole: false })).toBe(true);
    expect(mayResolve({ side: 'provider' }, { side: 'provider', ownerRole: false })).toBe(true);
    expect(mayResolve({ side: 'provider' }, { side: 'municipality', ownerRole: true })).toBe(true);
    expect(mayResolve({ side: 'provider' }, { side: 'municipality', ownerRole: false })).toBe(false);
  });
});
