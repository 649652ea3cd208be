import { describe, expect, it } from 'vitest';
import type { AllocationKey } from './allocation.ts';
import { wgrCalendar } from './wgr.ts';
import {
  checkOpinionDates,
  opinionFlags,
  type WgrCalendarRecord,
  wgrAccess,
  wgrBudget,
  wgrCalendarView,
  wgrDeadlines,
  wgrOpinionSchema,
  wgrPlanSchema,
  wgrRecordOpinionSchema,
} from './wgr-calendar.ts';

const KEY: AllocationKey = {
  method: 'per_inhabitant',
  referenceDate: '2026-01-01',
  source: 'CBS',
  weights: [
    { space: 'GM0233', weight: 27_000 },
    { space: 'GM0243', weight: 49_000 },
    { space: 'GM0050', weight: 23_000 },
  ],
};
const GR = { id: 'rnv-gr-01', space: 'RGNOORDVELUWE', allocationKey: KEY, valueCeilingCents: 1_450_000_000 };
const MEMBERS = ['GM0233', 'GM0243', 'GM0050'];
const steps2027 = wgrCalendar(2027); // draft 2026-04-08, adoption 2026-07-01

const record = (opinions: WgrCalendarRecord['opinions'] = {}, plan = {}): WgrCalendarRecord => ({
  agreementId: 'rnv-gr-01',
  year: 2027,
  version: 2,
  plan,
  opinions,
  createdAt: '2026-01-05T10:00:00.000Z',
  createdBy: 'rnv.coordinator',
  updatedAt: '2026-06-01T10:00:00.000Z',
  updatedBy: 'rnv.coordinator',
});
const recorded = { recordedAt: '2026-06-01T10:00:00.000Z', recordedBy: 'x' };

describe('Wgr calendar: plan input', () => {
  it('accepts a plan in the budget year’s cycle and refuses dates outside it', () => {
    const base = { agreementId: 'rnv-gr-01', year: 2027, expectedVersion: 0 };
    expect(wgrPlanSchema.safeParse(base).success).toBe(true);
    expect(
      wgrPlanSchema.safeParse({
        ...base,
        budgetAdoption: '2026-07-08',
        accountsAdoption: '2028-06-24',
        draftBudgetCents: 1_500_000_000,
      }).success,
    ).toBe(true);
    const early = wgrPlanSchema.safeParse({ ...base, budgetAdoption: '2025-07-01' });
    expect(early.success).toBe(false);
    expect(early.error?.issues[0]?.path).toEqual(['budgetAdoption']);
    expect(wgrPlanSchema.safeParse({ ...base, accountsAdoption: '2027-07-01' }).success).toBe(false);
    expect(wgrPlanSchema.safeParse({ ...base, year: 1999 }).success).toBe(false);
    expect(wgrPlanSchema.safeParse({ ...base, draftBudgetCents: -1 }).success).toBe(false);
    expect(wgrPlanSchema.safeParse({ ...base, extra: 1 }).success).toBe(false);
  });
});

describe('Wgr calendar: a council’s opinion', () => {
  const path = (input: unknown) =>
    wgrOpinionSchema.safeParse(input).error?.issues.map((i) => i.path.join('.'));

  it('accepts an opinion as it happens: first the draft received, later the opinion and the answer', () => {
    expect(wgrOpinionSchema.safeParse({}).success).toBe(true);
    expect(wgrOpinionSchema.safeParse({ draftReceived: '2026-04-08' }).success).toBe(true);
    expect(
      wgrOpinionSchema.safeParse({
        draftReceived: '2026-04-08',
        opinionSubmitted: '2026-06-18',
        outcome: 'agrees_with_remarks',
        summary: 'Akkoord, met zorg over de stijgende kosten jeugdhulp.',
        answered: '2026-06-25',
      }).success,
    ).toBe(true);
  });

  it('refuses an opinion before the draft was received and an answer before the opinion', () => {
    expect(path({ draftReceived: '2026-04-08', opinionSubmitted: '2026-04-07', outcome: 'agrees' })).toEqual([
      'opinionSubmitted',
    ]);
    expect(
      path({
        draftReceived: '2026-04-08',
        opinionSubmitted: '2026-06-18',
        outcome: 'objects',
        answered: '2026-06-17',
      }),
    ).toEqual(['answered']);
    expect(path({ opinionSubmitted: '2026-06-18', outcome: 'agrees' })).toEqual(['draftReceived']);
    expect(path({ draftReceived: '2026-04-08', answered: '2026-06-17' })).toEqual(['answered']);
  });

  it('needs date and outcome together, a summary only with an opinion, and no answer to “no opinion”', () => {
    expect(path({ draftReceived: '2026-04-08', opinionSubmitted: '2026-06-18' })).toEqual(['outcome']);
    expect(path({ draftReceived: '2026-04-08', outcome: 'agrees' })).toEqual(['outcome']);
    expect(path({ draftReceived: '2026-04-08', summary: 'x' })).toEqual(['summary']);
    expect(
      path({
        draftReceived: '2026-04-08',
        opinionSubmitted: '2026-06-18',
        outcome: 'no_opinion',
        answered: '2026-06-20',
      }),
    ).toEqual(['answered']);
    expect(path({ outcome: 'maybe' })).toContain('outcome');
    expect(
      path({ draftReceived: '2026-04-08', opinionSubmitted: '2026-06-18', outcome: 'agrees', summary: '' }),
    ).toEqual(['summary']);
    expect(
      wgrOpinionSchema.safeParse({
        draftReceived: '2026-04-08',
        opinionSubmitted: '2026-06-18',
        outcome: 'agrees',
        summary: 'x'.repeat(2001),
      }).success,
    ).toBe(false);
  });

  it('names the member by its space and refuses dates outside the budget year’s cycle', () => {
    const input = { agreementId: 'rnv-gr-01', year: 2027, member: 'GM0233', expectedVersion: 1, opinion: {} };
    expect(wgrRecordOpinionSchema.safeParse(input).success).toBe(true);
    expect(wgrRecordOpinionSchema.safeParse({ ...input, member: 'Ermelo' }).success).toBe(false);
    expect(wgrRecordOpinionSchema.safeParse({ ...input, expectedVersion: 0 }).success).toBe(false);
    expect(() => checkOpinionDates(2027, { draftReceived: '2026-04-08' })).not.toThrow();
    expect(() => checkOpinionDates(2027, { draftReceived: '2024-12-31' })).toThrow(/between 2025 and 2027/);
    try {
      checkOpinionDates(2027, {
        draftReceived: '2026-04-08',
        opinionSubmitted: '2028-01-01',
        outcome: 'agrees',
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ code: 'BAD_REQUEST', field: 'opinion.opinionSubmitted' });
    }
  });
});

describe('Wgr calendar: flags on an opinion', () => {
  it('flags an opinion later than 12 weeks after the draft was received', () => {
    const inTime = {
      draftReceived: '2026-04-08',
      opinionSubmitted: '2026-07-01',
      outcome: 'agrees' as const,
    };
    // 8 April + 84 days = 1 July: the last day of the window is still in time.
    expect(opinionFlags(steps2027, inTime, '2026-06-01')).toEqual([]);
    const late = { ...inTime, opinionSubmitted: '2026-07-02' };
    expect(opinionFlags(steps2027, late, '2026-06-01')).toEqual(['late', 'after_adoption']);
  });

  it('flags a draft sent less than 12 weeks before the board decides', () => {
    expect(opinionFlags(steps2027, { draftReceived: '2026-04-09' }, '2026-04-10')).toEqual(['draft_late']);
    expect(opinionFlags(steps2027, { draftReceived: '2026-04-08' }, '2026-04-10')).toEqual([]);
  });

  it('flags a window that passed without an opinion, and an opinion left unanswered after adoption', () => {
    expect(opinionFlags(steps2027, { draftReceived: '2026-04-08' }, '2026-07-01')).toEqual([]);
    expect(opinionFlags(steps2027, { draftReceived: '2026-04-08' }, '2026-07-02')).toEqual(['window_passed']);
    const objects = {
      draftReceived: '2026-04-08',
      opinionSubmitted: '2026-06-10',
      outcome: 'objects' as const,
    };
    expect(opinionFlags(steps2027, objects, '2026-07-01')).toEqual([]);
    expect(opinionFlags(steps2027, objects, '2026-07-02')).toEqual(['unanswered']);
    expect(opinionFlags(steps2027, { ...objects, answered: '2026-06-20' }, '2026-07-02')).toEqual([]);
    expect(opinionFlags(steps2027, { ...objects, outcome: 'no_opinion' }, '2026-07-02')).toEqual([]);
  });
});

describe('Wgr calendar: deadlines, budget and access', () => {
  it('makes every statutory date a deadline of the GR for the coordinator and contract manager', () => {
    const deadlines = wgrDeadlines(GR, 2027, steps2027);
    expect(deadlines).toHaveLength(8);
    expect(deadlines[1]).toEqual({
      kind: 'wgr',
      key: 'wgr-2027-draftBudgetToCouncils',
      date: '2026-04-08',
      agreementId: 'rnv-gr-01',
      space: 'RGNOORDVELUWE',
      roles: ['coordinator', 'contractmanager'],
      label: 'wgr.draftBudgetToCouncils',
      params: { year: '2027' },
    });
    const moved = wgrDeadlines(GR, 2027, wgrCalendar(2027, { budgetAdoption: '2026-07-08' }));
    expect(moved.find((d) => d.key === 'wgr-2027-budgetAdoption')?.date).toBe('2026-07-08');
    expect(moved.find((d) => d.key === 'wgr-2027-kaderbrief')?.date).toBe('2026-04-30');
  });

  it('takes the draft budget from the plan, else the ceiling for the year, else the value ceiling', () => {
    expect(wgrBudget({ draftBudgetCents: 5 }, GR, 2027)).toEqual({ cents: 5, source: 'plan' });
    expect(wgrBudget({}, { ...GR, yearCeilings: [{ year: 2027, cents: 7 }] }, 2027)).toEqual({
      cents: 7,
      source: 'year_ceiling',
    });
    expect(wgrBudget({}, GR, 2027)).toEqual({ cents: 1_450_000_000, source: 'value_ceiling' });
    expect(wgrBudget({}, { valueCeilingCents: null }, 2027)).toEqual({ cents: null, source: 'none' });
  });

  it('lets the GR’s own space plan and record every row, a member only its own row, a reader nothing', () => {
    expect(wgrAccess({ space: 'RGNOORDVELUWE', roles: ['coordinator'] }, 'RGNOORDVELUWE', MEMBERS)).toEqual({
      canPlan: true,
      canRecordFor: MEMBERS,
    });
    expect(wgrAccess({ space: 'GM0233', roles: ['inkoper'] }, 'RGNOORDVELUWE', MEMBERS)).toEqual({
      canPlan: false,
      canRecordFor: ['GM0233'],
    });
    expect(wgrAccess({ space: 'GM0233', roles: ['viewer'] }, 'RGNOORDVELUWE', MEMBERS)).toEqual({
      canPlan: false,
      canRecordFor: [],
    });
    expect(wgrAccess({ space: 'RGNOORDVELUWE', roles: ['approver'] }, 'RGNOORDVELUWE', MEMBERS).canPlan).toBe(
      false,
    );
    expect(wgrAccess({ space: 'GM0344', roles: ['inkoper'] }, 'RGNOORDVELUWE', MEMBERS).canRecordFor).toEqual(
      [],
    );
  });
});

describe('Wgr calendar: the view', () => {
  const names = { GM0233: 'Gemeente Ermelo', GM0243: 'Gemeente Harderwijk', GM0050: 'Gemeente Zeewolde' };
  const caller = { space: 'RGNOORDVELUWE', roles: ['coordinator'] };

  it('shows the statutory defaults and each member’s contribution before anything is stored', () => {
    const view = wgrCalendarView({
      gr: GR,
      year: 2027,
      record: null,
      members: MEMBERS,
      names,
      caller,
      today: '2026-11-23',
    });
    expect(view).toMatchObject({
      version: 0,
      exists: false,
      budgetCents: 1_450_000_000,
      budgetSource: 'value_ceiling',
    });
    expect(view.steps.map((s) => s.date)).toEqual(wgrCalendar(2027).map((s) => s.date));
    const contributions = view.members.map((m) => m.contributionCents);
    // Per inhabitant, largest remainder: the parts add up to the whole, to the cent.
    expect(contributions).toEqual([395_454_545, 717_676_768, 336_868_687]);
    expect(contributions.reduce((a, b) => a! + b!, 0)).toBe(1_450_000_000);
    expect(view.members[0]).toMatchObject({
      space: 'GM0233',
      name: 'Gemeente Ermelo',
      opinion: null,
      flags: [],
    });
  });

  it('puts each recorded opinion, its window and its flags next to the member’s contribution', () => {
    const view = wgrCalendarView({
      gr: GR,
      year: 2027,
      record: record(
        {
          GM0243: {
            draftReceived: '2026-04-08',
            opinionSubmitted: '2026-07-03',
            outcome: 'objects',
            summary: 'Bezwaar tegen de verhoging.',
            ...recorded,
          },
        },
        { draftBudgetCents: 99_000_00 },
      ),
      members: MEMBERS,
      names,
      caller: { space: 'GM0243', roles: ['contractmanager'] },
      today: '2026-11-23',
    });
    expect(view).toMatchObject({ version: 2, exists: true, budgetCents: 9_900_000, budgetSource: 'plan' });
    const harderwijk = view.members.find((m) => m.space === 'GM0243')!;
    expect(harderwijk).toMatchObject({
      contributionCents: 4_900_000,
      windowCloses: '2026-07-01',
      flags: ['late', 'after_adoption', 'unanswered'],
    });
    expect(harderwijk.opinion?.outcome).toBe('objects');
    expect(view.canPlan).toBe(false);
    expect(view.canRecordFor).toEqual(['GM0243']);
  });

  it('shows no contribution for a GR without an allocation key', () => {
    const view = wgrCalendarView({
      gr: { ...GR, allocationKey: null },
      year: 2027,
      record: null,
      members: MEMBERS,
      names,
      caller,
      today: '2026-11-23',
    });
    expect(view.members.map((m) => m.contributionCents)).toEqual([null, null, null]);
    expect(view.allocationMethod).toBeNull();
  });
});
