import { describe, expect, it } from 'vitest';
import type { Agreement } from './agreement.ts';
import { dedicatedRoute } from './agreement.ts';
import { DomainError } from './errors.ts';
import {
  advancedCents,
  applicationDeadline,
  assertAdvance,
  assertApplicationTerm,
  assertCeilingCovers,
  assertSettleAtGrant,
  assertWithinCeiling,
  checkApplication,
  checkPhaseOut,
  decideSettlement,
  decisionDueDate,
  euro,
  regulationCreateInput,
  roomLeft,
  type SubsidyRecord,
  settlementBalance,
  settlementDueDate,
  subsidyDeadlines,
  subsidySettleInput,
} from './subsidy.ts';
import { bookYearApplicationDeadline } from './wgr.ts';

function rejection(fn: () => unknown): DomainError | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  return undefined;
}

const regulation = { name: 'Welzijn 2026', ceilingCents: 40_000_000, grantedCents: 38_500_000 };

describe('subsidieplafond (Awb 4:25)', () => {
  it('grants up to the ceiling, exactly included', () => {
    expect(() => assertWithinCeiling(regulation, 1_500_000)).not.toThrow();
    expect(roomLeft(regulation)).toBe(1_500_000);
  });

  it('refuses a grant beyond the ceiling and names the room left in euros', () => {
    const error = rejection(() => assertWithinCeiling(regulation, 1_500_001));
    expect(error?.code).toBe('BAD_REQUEST');
    expect(error?.field).toBe('amountCents');
    expect(error?.message).toContain('Awb 4:25');
    expect(error?.message).toContain('room left: €15,000.00');
    expect(error?.message).toContain('ceiling of €400,000.00');
  });

  it('never limits a regulation without a ceiling', () => {
    const open = { ...regulation, ceilingCents: null };
    expect(() => assertWithinCeiling(open, 1_000_000_000_000)).not.toThrow();
    expect(roomLeft(open)).toBeNull();
  });

  it('keeps the ceiling at or above what is granted', () => {
    expect(() => assertCeilingCovers({ ceilingCents: 38_500_000, grantedCents: 38_500_000 })).not.toThrow();
    expect(rejection(() => assertCeilingCovers({ ceilingCents: 1, grantedCents: 2 }))?.field).toBe(
      'ceilingCents',
    );
  });

  it('writes euros with thousands separators', () => {
    expect(euro(0)).toBe('€0.00');
    expect(euro(5)).toBe('€0.05');
    expect(euro(123_456_789)).toBe('€1,234,567.89');
  });

  it('validates a regulation strictly', () => {
    const valid = {
      name: 'Welzijn',
      legalBasis: 'ASV Ermelo 2024, art. 4',
      budgetYear: 2026,
      ceilingCents: 100,
    };
    expect(regulationCreateInput.safeParse(valid).success).toBe(true);
    expect(regulationCreateInput.safeParse({ ...valid, ceilingCents: -1 }).success).toBe(false);
    expect(regulationCreateInput.safeParse({ ...valid, legalBasis: '' }).success).toBe(false);
    expect(regulationCreateInput.safeParse({ ...valid, extra: 1 }).success).toBe(false);
  });
});

describe('book-year application term (Awb 4:60)', () => {
  it('is 13 weeks before the book year by default, the same date as the deadline engine', () => {
    expect(applicationDeadline(2027)).toBe('2026-10-02');
    expect(applicationDeadline(2027)).toBe(bookYearApplicationDeadline(2027));
    expect(applicationDeadline(2028)).toBe(bookYearApplicationDeadline(2028)); // Saturday → Monday
  });

  it('follows another term the regulation sets', () => {
    expect(applicationDeadline(2027, 26)).toBe('2026-07-03'); // 26 weeks = 182 days, a Friday
  });

  it('marks an application received after the deadline as late, on time up to the day itself', () => {
    expect(checkApplication(2027, '2026-10-02')).toMatchObject({ late: false, deadline: '2026-10-02' });
    expect(checkApplication(2027, '2026-10-05')).toMatchObject({ late: true, bookYear: 2027, weeks: 13 });
    expect(checkApplication(null, '2026-12-30')).toBeNull();
  });

  it('grants a late application only knowingly, with a motivation', () => {
    const late = checkApplication(2027, '2026-11-15');
    const refused = rejection(() => assertApplicationTerm(late, undefined, undefined));
    expect(refused?.field).toBe('acceptLateApplication');
    expect(refused?.message).toContain('2026-10-02');
    expect(rejection(() => assertApplicationTerm(late, true, ' '))?.field).toBe('lateMotivation');
    expect(() => assertApplicationTerm(late, true, 'Nieuwe taak, pas in november bekend')).not.toThrow();
    expect(() =>
      assertApplicationTerm(checkApplication(2027, '2026-09-01'), undefined, undefined),
    ).not.toThrow();
  });
});

describe('terms', () => {
  it('puts the settlement application term weeks after the period, on a working day', () => {
    expect(settlementDueDate('2026-12-31')).toBe('2027-04-01');
    expect(settlementDueDate('2026-12-31', 1)).toBe('2027-01-07');
    expect(settlementDueDate('2026-12-20', 1)).toBe('2026-12-28'); // 27 Dec is a Sunday
  });

  it('gives a decision term only when the regulation sets one', () => {
    expect(decisionDueDate('2026-09-01', 8)).toBe('2026-10-27');
    expect(decisionDueDate('2026-09-01', null)).toBeNull();
  });
});

describe('settlement (Awb 4:46, 4:47)', () => {
  const base = {
    status: 'settlement_requested' as const,
    grantedCents: 10_000_00,
    settlementDueDate: '2027-04-01',
    today: '2027-02-01',
    exOfficio: false,
  };

  it('settles at the granted amount on an application', () => {
    expect(decideSettlement({ ...base, amountCents: 10_000_00 })).toEqual({
      amountCents: 10_000_00,
      exOfficio: false,
      ground: null,
      motivation: null,
    });
  });

  it('refuses a lower settlement without a 4:46 lid 2 ground, or without a motivation', () => {
    expect(rejection(() => decideSettlement({ ...base, amountCents: 8_000_00 }))?.field).toBe('ground');
    expect(
      rejection(() => decideSettlement({ ...base, amountCents: 8_000_00, ground: 'not_carried_out' }))?.field,
    ).toBe('motivation');
  });

  it('accepts a lower settlement with a ground and a motivation', () => {
    expect(
      decideSettlement({
        ...base,
        amountCents: 8_000_00,
        ground: 'not_carried_out',
        motivation: 'Twee van de tien activiteiten vonden niet plaats',
      }),
    ).toMatchObject({ amountCents: 8_000_00, ground: 'not_carried_out' });
  });

  it('never settles above the grant, and takes a ground only for a lower amount', () => {
    expect(rejection(() => decideSettlement({ ...base, amountCents: 10_000_01 }))?.field).toBe('amountCents');
    expect(
      rejection(() =>
        decideSettlement({ ...base, amountCents: 10_000_00, ground: 'knew_incorrect', motivation: 'x' }),
      )?.field,
    ).toBe('ground');
  });

  it('settles ex officio without an application only once the term has lapsed', () => {
    const granted = { ...base, status: 'granted' as const };
    expect(rejection(() => decideSettlement({ ...granted, amountCents: 10_000_00 }))?.field).toBe(
      'exOfficio',
    );
    const early = rejection(() => decideSettlement({ ...granted, exOfficio: true, amountCents: 10_000_00 }));
    expect(early?.message).toContain('2027-04-01');
    expect(
      decideSettlement({ ...granted, today: '2027-04-02', exOfficio: true, amountCents: 10_000_00 }),
    ).toMatchObject({ exOfficio: true });
  });

  it('does not settle ex officio when there is an application, nor a subsidy that is not granted', () => {
    expect(
      rejection(() => decideSettlement({ ...base, exOfficio: true, amountCents: 10_000_00 }))?.field,
    ).toBe('exOfficio');
    expect(
      rejection(() => decideSettlement({ ...base, status: 'requested', amountCents: 10_000_00 }))?.message,
    ).toMatch(/cannot be settled/);
  });

  it('settles at grant only within the regulation’s limit', () => {
    expect(() => assertSettleAtGrant({ exOfficioUpToCents: 5_000_00 }, 5_000_00)).not.toThrow();
    expect(rejection(() => assertSettleAtGrant({ exOfficioUpToCents: 5_000_00 }, 5_000_01))?.field).toBe(
      'settleAtGrant',
    );
    expect(rejection(() => assertSettleAtGrant({ exOfficioUpToCents: null }, 1))?.message).toMatch(/4:47/);
  });

  it('validates the settle input strictly', () => {
    const ok = { agreementId: 'a-1', expectedVersion: 1, amountCents: 0, exOfficio: false };
    expect(subsidySettleInput.safeParse(ok).success).toBe(true);
    expect(subsidySettleInput.safeParse({ ...ok, ground: 'because' }).success).toBe(false);
    expect(subsidySettleInput.safeParse({ ...ok, exOfficio: undefined }).success).toBe(false);
  });

  it('leaves grant and settlement to their own procedures', () => {
    expect(dedicatedRoute('subsidy', 'granted')).toBe('subsidy.grant');
    expect(dedicatedRoute('subsidy', 'settled')).toBe('subsidy.settle');
    expect(dedicatedRoute('subsidy', 'settlement_requested')).toBeUndefined();
    expect(dedicatedRoute('contract', 'active')).toBeUndefined();
  });
});

describe('phase-out (Awb 4:51)', () => {
  const entry = (reference: string, from: number, to: number, cents: number) => ({
    agreementId: reference.toLowerCase(),
    reference,
    startDate: `${from}-01-01`,
    endDate: `${to}-12-31`,
    cents,
  });
  const history = [entry('S-2024', 2024, 2025, 60_000_00), entry('S-2026', 2026, 2026, 30_000_00)];

  it('warns when a subsidy of 3 consecutive years is refused', () => {
    const check = checkPhaseOut(history, { year: 2027, cents: 0 });
    expect(check).toMatchObject({
      warning: true,
      consecutiveYears: 3,
      years: [2024, 2025, 2026],
      previousAnnualCents: 30_000_00,
    });
    expect(check.references).toEqual(['S-2024', 'S-2026']);
  });

  it('warns when it is cut, not when it stays the same or grows', () => {
    expect(checkPhaseOut(history, { year: 2027, cents: 29_999_99 }).warning).toBe(true);
    expect(checkPhaseOut(history, { year: 2027, cents: 30_000_00 }).warning).toBe(false);
    expect(checkPhaseOut(history, { year: 2027, cents: 40_000_00 }).warning).toBe(false);
  });

  it('does not warn after fewer than 3 years, or after a gap', () => {
    expect(checkPhaseOut([entry('S-2025', 2025, 2026, 1)], { year: 2027, cents: 0 })).toMatchObject({
      warning: false,
      consecutiveYears: 2,
    });
    expect(checkPhaseOut(history, { year: 2028, cents: 0 })).toMatchObject({
      warning: false,
      consecutiveYears: 0,
      previousAnnualCents: null,
    });
  });
});

describe('Awb deadlines', () => {
  const record: SubsidyRecord = {
    regulationId: 'r-1',
    applicationDate: '2026-09-01',
    requestedCents: 100,
    bookYear: 2027,
    application: null,
    decisionDue: '2026-10-27',
    grant: null,
    settlement: null,
  };
  const a = {
    id: 's-1',
    space: 'GM0233',
    kind: 'subsidy',
    status: 'requested',
    startDate: '2027-01-01',
    endDate: '2027-12-31',
    subsidy: record,
  } as Agreement;

  it('gives the decision term while the application waits', () => {
    expect(subsidyDeadlines(a)).toEqual([
      expect.objectContaining({
        kind: 'awb',
        key: 'awb-decision',
        date: '2026-10-27',
        label: 'awb.decision',
        roles: ['contractmanager', 'inkoper'],
      }),
    ]);
  });

  it('gives the settlement application term while granted, and nothing once settled or not a subsidy', () => {
    const grant = {
      amountCents: 100,
      at: 'x',
      by: 'x',
      settlementDueDate: '2028-04-03',
      lateApplication: null,
      phaseOut: null,
      settledAtGrant: false,
    };
    const granted = { ...a, status: 'granted', subsidy: { ...record, grant } } as Agreement;
    expect(subsidyDeadlines(granted)).toEqual([
      expect.objectContaining({
        key: 'awb-settlement',
        date: '2028-04-03',
        label: 'awb.settlement_application',
      }),
    ]);
    expect(subsidyDeadlines({ ...granted, status: 'settlement_requested' })).toEqual([]);
    expect(subsidyDeadlines({ ...granted, status: 'settled' })).toEqual([]);
    expect(subsidyDeadlines({ ...a, kind: 'contract' })).toEqual([]);
    expect(subsidyDeadlines({ ...a, subsidy: null })).toEqual([]);
  });
});

describe('advances on a subsidy (Awb 4:95)', () => {
  const grant = {
    amountCents: 1_000_000,
    at: '2026-01-02T00:00:00.000Z',
    by: 'x',
    settlementDueDate: '2027-04-01',
    lateApplication: null,
    phaseOut: null,
    settledAtGrant: false,
  };
  const advance = (amountCents: number) => ({
    id: `a${amountCents}`,
    date: '2026-01-15',
    amountCents,
    note: null,
    at: '2026-01-15T00:00:00.000Z',
    by: 'x',
  });

  it('pays advances on a granted subsidy up to the grant, and not before the grant or after the settlement', () => {
    const record = { grant, advances: [advance(400_000), advance(500_000)] };
    expect(advancedCents(record)).toBe(900_000);
    expect(() => assertAdvance('granted', record, 100_000)).not.toThrow();
    expect(() => assertAdvance('settlement_requested', record, 100_000)).not.toThrow();
    expect(() => assertAdvance('granted', record, 100_001)).toThrow(
      'The advances together cannot exceed the grant of €10,000.00: €9,000.00 advanced, €1,000.00 left',
    );
    expect(() => assertAdvance('requested', { grant: null }, 1)).toThrow('granted subsidy');
    expect(() => assertAdvance('settled', record, 1)).toThrow('this one is settled');
    expect(advancedCents({})).toBe(0);
  });

  it('settles to a balance: what is still to pay, or to reclaim when the advances were more', () => {
    const settlement = (amountCents: number) => ({
      amountCents,
      exOfficio: false,
      ground: null,
      motivation: null,
      at: '2027-02-01T00:00:00.000Z',
      by: 'x',
    });
    const advances = [advance(800_000)];
    expect(settlementBalance({ settlement: settlement(1_000_000), advances })).toBe(200_000);
    expect(settlementBalance({ settlement: settlement(700_000), advances })).toBe(-100_000);
    expect(settlementBalance({ settlement: null, advances })).toBeNull();
    expect(settlementBalance({ settlement: settlement(500_000) })).toBe(500_000);
  });
});
