import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, isWorkingDay } from './calendar.ts';
import { type DutyInput, dutyInputSchema, REPORT_FREQUENCIES } from './duties.ts';
import { REASONS } from './errors.ts';
import {
  type GovernanceDecision,
  type GovernanceTerms,
  governanceProposal,
  kpiDepthReached,
  monthsBetween,
  relationWarnings,
} from './governance.ts';
import {
  dutyDiff,
  EVENT_RESPONSE_DAYS,
  eventResponseDeadline,
  generatedDuties,
  meetingSchedule,
  reportDueDates,
} from './governance-schedule.ts';
import { kpiDefinitionSchema } from './kpi.ts';
import {
  EVENT_DUTIES,
  type Governance,
  governanceDefaults,
  KPI_DEPTHS,
  MEETING_CADENCES,
  RELATION_TYPES,
  REPORTING_FREQUENCIES,
  type RelationType,
} from './relation.ts';

const decision = (chosen: RelationType, patch: Partial<Governance> = {}): GovernanceDecision => ({
  chosen,
  governance: { ...governanceDefaults(chosen), ...patch },
});

const effortLine = { variant: 'effort' as const };
const taskLine = { variant: 'task' as const, lumpSumCents: 500_000_00 };
const kpi = (level?: 'input' | 'output' | 'outcome') => ({
  name: `kpi-${level ?? 'none'}`,
  ...(level ? { level } : {}),
});
const quarterly: DutyInput = { kind: 'periodic', title: 'Kwartaal', frequency: 'quarterly', dueDays: 30 };
const monthly: DutyInput = { kind: 'periodic', title: 'Maand', frequency: 'monthly', dueDays: 15 };

const terms = (patch: Partial<GovernanceTerms> = {}): GovernanceTerms => ({
  startDate: '2026-01-01',
  endDate: '2027-12-31',
  productLines: [],
  duties: [],
  kpis: [],
  ...patch,
});

const codes = (d: GovernanceDecision, t: GovernanceTerms) => relationWarnings(d, t).map((w) => w.code);

describe('relationWarnings', () => {
  describe('a partner relation with monthly input reporting and only effort-based lines', () => {
    const base = terms({ productLines: [effortLine, effortLine], kpis: [kpi('outcome')] });
    const partner = decision('partner', {
      reportingFrequency: 'monthly',
      kpiDepth: 'input',
      executionVariant: 'effort',
    });

    it('is warned about, with its reason and source in DOMAIN.md §(h)', () => {
      const warning = relationWarnings(partner, base).find((w) => w.code === 'partner_monthly_input_effort');
      expect(warning).toMatchObject({ reason: 'governance.partnerMonthlyInputEffort', params: {} });
      expect(warning?.source.section).toMatch(/^DOMAIN\.md §\(h\)/);
    });

    it('also when the monthly report is an agreed duty and every classified KPI is an input one', () => {
      const d = decision('partner', { reportingFrequency: 'half_yearly', kpiDepth: 'outcome' });
      expect(codes(d, { ...base, duties: [monthly], kpis: [kpi('input'), kpi()] })).toContain(
        'partner_monthly_input_effort',
      );
    });

    it('not without monthly reporting, without input steering, with another variant among the lines, or as boss', () => {
      expect(
        codes({ ...partner, governance: { ...partner.governance, reportingFrequency: 'quarterly' } }, base),
      ).not.toContain('partner_monthly_input_effort');
      expect(
        codes({ ...partner, governance: { ...partner.governance, kpiDepth: 'output' } }, base),
      ).not.toContain('partner_monthly_input_effort');
      expect(codes(partner, { ...base, productLines: [effortLine, taskLine] })).not.toContain(
        'partner_monthly_input_effort',
      );
      expect(codes(partner, { ...base, productLines: [] })).not.toContain('partner_monthly_input_effort');
      expect(codes({ ...partner, chosen: 'boss' }, base)).not.toContain('partner_monthly_input_effort');
    });
  });

  describe('a boss relation with outcome KPIs and no detailed duties', () => {
    const boss = decision('boss', { kpiDepth: 'outcome' });

    it('is warned about: by the governance depth or by an agreed outcome KPI', () => {
      expect(
        relationWarnings(boss, terms()).find((w) => w.code === 'boss_outcome_without_detailed_duties'),
      ).toMatchObject({
        reason: 'governance.bossOutcomeWithoutDuties',
        source: { section: expect.stringMatching(/^DOMAIN\.md §\(h\)/) },
      });
      expect(codes(decision('boss'), terms({ kpis: [kpi('outcome')] }))).toContain(
        'boss_outcome_without_detailed_duties',
      );
      // A half-yearly report is not detailed.
      expect(codes(boss, terms({ duties: [{ ...quarterly, frequency: 'half_yearly' }] }))).toContain(
        'boss_outcome_without_detailed_duties',
      );
    });

    it('not with a quarterly or monthly report, nor without outcome indicators, nor as customer', () => {
      expect(codes(boss, terms({ duties: [quarterly] }))).not.toContain(
        'boss_outcome_without_detailed_duties',
      );
      expect(codes(boss, terms({ duties: [monthly] }))).not.toContain('boss_outcome_without_detailed_duties');
      expect(codes(decision('boss'), terms({ kpis: [kpi('output')] }))).not.toContain(
        'boss_outcome_without_detailed_duties',
      );
      expect(codes({ ...boss, chosen: 'customer' }, terms())).not.toContain(
        'boss_outcome_without_detailed_duties',
      );
    });
  });

  describe('a customer relation with a long-running task-based lump sum and no KPIs', () => {
    const customer = decision('customer');

    it('is warned about, naming the months and citing the execution variants of DOMAIN.md §(c)', () => {
      const warning = relationWarnings(customer, terms({ productLines: [taskLine] })).find(
        (w) => w.code === 'customer_long_lump_sum_without_kpis',
      );
      expect(warning).toMatchObject({
        reason: 'governance.customerLumpSumWithoutKpis',
        params: { months: 24 },
      });
      expect(warning?.source.section).toMatch(/^DOMAIN\.md §\(c\)/);
      expect(warning?.source.cites).toMatch(/UP028/);
    });

    it('not for a short one, with a KPI, without a lump sum, or as partner', () => {
      const short = terms({ productLines: [taskLine], endDate: '2027-11-30' });
      expect(codes(customer, short)).not.toContain('customer_long_lump_sum_without_kpis');
      expect(codes(customer, terms({ productLines: [taskLine], kpis: [kpi()] }))).not.toContain(
        'customer_long_lump_sum_without_kpis',
      );
      expect(codes(customer, terms({ productLines: [effortLine] }))).not.toContain(
        'customer_long_lump_sum_without_kpis',
      );
      expect(codes(decision('partner'), terms({ productLines: [taskLine] }))).not.toContain(
        'customer_long_lump_sum_without_kpis',
      );
    });
  });

  describe('the expected KPI depth', () => {
    it('is not reached by shallower or unclassified KPIs, and says how far they go', () => {
      const partner = decision('partner');
      expect(relationWarnings(partner, terms({ kpis: [kpi('input'), kpi('output')] }))).toContainEqual(
        expect.objectContaining({
          code: 'kpi_depth_not_reached',
          reason: 'governance.kpiDepthNotReached',
          params: { expectedDepth: 'outcome', reachedDepth: 'output' },
        }),
      );
      expect(relationWarnings(partner, terms({ kpis: [kpi()] }))).toContainEqual(
        expect.objectContaining({ params: { expectedDepth: 'outcome', reachedDepth: 'none' } }),
      );
    });

    it('is reached by one KPI at that level or deeper', () => {
      expect(codes(decision('partner'), terms({ kpis: [kpi('input'), kpi('outcome')] }))).not.toContain(
        'kpi_depth_not_reached',
      );
      expect(codes(decision('customer'), terms({ kpis: [kpi('outcome')] }))).not.toContain(
        'kpi_depth_not_reached',
      );
    });

    it('holds for every pair of levels (property)', () => {
      fc.assert(
        fc.property(
          fc.constantFrom(...KPI_DEPTHS),
          fc.array(fc.option(fc.constantFrom(...KPI_DEPTHS), { nil: undefined })),
          (expected, levels) => {
            const kpis = levels.map((l) => kpi(l));
            const warned = codes(decision('customer', { kpiDepth: expected }), terms({ kpis })).includes(
              'kpi_depth_not_reached',
            );
            const reaches = levels.some(
              (l) => l !== undefined && KPI_DEPTHS.indexOf(l) >= KPI_DEPTHS.indexOf(expected),
            );
            expect(warned).toBe(!reaches);
          },
        ),
      );
    });
  });

  describe('the preferred execution variant', () => {
    it('is compared with the lines: the differing variants are named, sorted and once', () => {
      const d = decision('customer', { executionVariant: 'output' });
      expect(
        relationWarnings(
          d,
          terms({
            productLines: [taskLine, effortLine, effortLine, { variant: 'output' }],
            kpis: [kpi('output')],
          }),
        ),
      ).toEqual([
        expect.objectContaining({
          code: 'execution_variant_differs',
          reason: 'governance.executionVariantDiffers',
          params: { preferred: 'output', variants: 'effort, task' },
        }),
      ]);
    });

    it('is quiet when every line has it, or there are no lines', () => {
      const d = decision('customer', { executionVariant: 'output' });
      expect(codes(d, terms({ productLines: [{ variant: 'output' }] }))).not.toContain(
        'execution_variant_differs',
      );
      expect(codes(d, terms())).not.toContain('execution_variant_differs');
    });
  });

  it('is deterministic, uses only registered reason keys whose params it fills, and cites DOMAIN.md', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...RELATION_TYPES),
        fc.constantFrom(...REPORTING_FREQUENCIES),
        fc.constantFrom(...KPI_DEPTHS),
        fc.array(fc.constantFrom(effortLine, taskLine, { variant: 'output' as const }), { maxLength: 4 }),
        fc.array(fc.option(fc.constantFrom(...KPI_DEPTHS), { nil: undefined }), { maxLength: 3 }),
        (chosen, reportingFrequency, kpiDepth, productLines, levels) => {
          const d = decision(chosen, { reportingFrequency, kpiDepth });
          const t = terms({ productLines, kpis: levels.map((l) => kpi(l)) });
          const warnings = relationWarnings(d, t);
          expect(relationWarnings(d, t)).toEqual(warnings);
          for (const w of warnings) {
            expect(Object.keys(w.params).sort()).toEqual([...REASONS[w.reason]].sort());
            expect(w.source.section).toMatch(/^DOMAIN\.md §\([ch]\)/);
          }
        },
      ),
    );
  });
});

describe('generated duties', () => {
  it('are one periodic report at the chosen frequency and one event duty per chosen standard event', () => {
    const duties = generatedDuties({
      ...governanceDefaults('partner'),
      reportingFrequency: 'quarterly',
      informationDuties: ['financial_trouble', 'calamity', 'calamity', 'Iets eigens'],
    });
    expect(duties).toEqual([
      { kind: 'periodic', title: 'Kwartaalrapportage', frequency: 'quarterly', dueDays: 30 },
      { kind: 'event', title: 'Melding calamiteit', event: 'calamity', responseDays: 1 },
      { kind: 'event', title: 'Melding financiële problemen', event: 'financial_trouble', responseDays: 5 },
    ]);
  });

  it('always fit the agreement’s duty input schema (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...REPORTING_FREQUENCIES),
        fc.uniqueArray(fc.constantFrom(...EVENT_DUTIES)),
        (reportingFrequency, informationDuties) => {
          const duties = generatedDuties({
            ...governanceDefaults('boss'),
            reportingFrequency,
            informationDuties,
          });
          expect(duties).toHaveLength(1 + informationDuties.length);
          for (const duty of duties) expect(dutyInputSchema.safeParse(duty).success).toBe(true);
        },
      ),
    );
  });

  it('give an event its response deadline in working days (Atw: weekend and feestdagen skipped)', () => {
    // Friday 24 April 2026 + 1 working day: Monday 27 April is King's Day, so Tuesday 28 April.
    expect(eventResponseDeadline('2026-04-24', EVENT_RESPONSE_DAYS.calamity)).toBe('2026-04-28');
    expect(eventResponseDeadline('2026-03-02', 5)).toBe('2026-03-09');
  });
});

describe('dutyDiff', () => {
  const governance = { ...governanceDefaults('customer'), informationDuties: ['calamity', 'ceiling_80'] };

  it('keeps what covers a generated duty, adds the rest, and removes what the relation does not ask', () => {
    const yearly: DutyInput = { kind: 'periodic', title: 'Jaarverslag', frequency: 'yearly', dueDays: 90 };
    const calamity: DutyInput = {
      id: 'c',
      kind: 'event',
      title: 'Calamiteit',
      event: 'calamity',
      responseDays: 1,
    };
    const complaints: DutyInput = { kind: 'event', title: 'Klachten', event: 'complaints', responseDays: 10 };
    const slowCeiling: DutyInput = { kind: 'event', title: 'Plafond', event: 'ceiling_80', responseDays: 20 };
    const diff = dutyDiff(governance, [monthly, yearly, calamity, complaints, slowCeiling]);
    expect(diff.kept).toEqual([yearly, calamity]);
    expect(diff.removed).toEqual([monthly, complaints]);
    expect(diff.changed).toEqual([{ before: slowCeiling, after: { ...slowCeiling, responseDays: 5 } }]);
    expect(diff.added).toEqual([
      { kind: 'periodic', title: 'Kwartaalrapportage', frequency: 'quarterly', dueDays: 30 },
    ]);
    expect(diff.result).toEqual([yearly, calamity, { ...slowCeiling, responseDays: 5 }, ...diff.added]);
  });

  it('does not duplicate an existing report at the chosen frequency, whatever its title', () => {
    const diff = dutyDiff(governance, [quarterly]);
    expect(diff.kept).toEqual([quarterly]);
    expect(diff.added.filter((d) => d.kind === 'periodic')).toEqual([]);
  });

  it('removes a second duty for the same event and lists free-text duties as unmatched', () => {
    const a: DutyInput = { kind: 'event', title: 'A', event: 'calamity', responseDays: 1 };
    const diff = dutyDiff({ ...governance, informationDuties: ['calamity', 'Iets eigens'] }, [
      a,
      { ...a, title: 'B' },
    ]);
    expect(diff.kept).toEqual([a]);
    expect(diff.removed).toEqual([{ ...a, title: 'B' }]);
    expect(diff.unmatched).toEqual(['Iets eigens']);
  });

  it('is settled after applying: its result yields nothing more to add, change or remove (property)', () => {
    const duty = fc.oneof(
      fc.record({
        kind: fc.constant('periodic' as const),
        title: fc.constant('P'),
        frequency: fc.constantFrom(...REPORT_FREQUENCIES),
        dueDays: fc.integer({ min: 0, max: 180 }),
      }),
      fc.record({
        kind: fc.constant('event' as const),
        title: fc.constant('E'),
        event: fc.constantFrom(...EVENT_DUTIES),
        responseDays: fc.integer({ min: 1, max: 60 }),
      }),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...REPORTING_FREQUENCIES),
        fc.uniqueArray(fc.constantFrom(...EVENT_DUTIES)),
        fc.array(duty, { maxLength: 8 }),
        (reportingFrequency, informationDuties, existing) => {
          const g = { ...governanceDefaults('partner'), reportingFrequency, informationDuties };
          const first = dutyDiff(g, existing);
          // Every existing duty is accounted for exactly once.
          expect(first.kept.length + first.removed.length + first.changed.length).toBe(existing.length);
          const again = dutyDiff(g, first.result);
          expect(again.added).toEqual([]);
          expect(again.changed).toEqual([]);
          expect(again.removed.filter((d) => d.kind === 'event')).toEqual([]);
          expect(new Set(first.result.flatMap((d) => (d.event ? [d.event] : []))).size).toBe(
            first.result.filter((d) => d.kind === 'event').length,
          );
        },
      ),
    );
  });
});

describe('meetingSchedule', () => {
  it('gives the next 12 months of meetings from the cadence, moved to working days', () => {
    expect(meetingSchedule('quarterly', '2026-03-02', '2030-12-31').map((m) => m.date)).toEqual([
      '2026-06-02',
      '2026-09-02',
      '2026-12-02',
      '2027-03-02',
    ]);
    // 27 April 2026 is King's Day (a Monday): the meeting moves to Tuesday.
    expect(meetingSchedule('monthly', '2026-03-27', '2030-12-31')[0]).toEqual({
      key: 'meeting-2026-04-28',
      date: '2026-04-28',
    });
  });

  it('stops at the agreement’s end', () => {
    expect(meetingSchedule('bimonthly', '2026-01-15', '2026-06-30').map((m) => m.date)).toEqual([
      '2026-03-16',
      '2026-05-15',
    ]);
  });

  it('gives 12, 6, 4 or 2 increasing working days within the year ahead (property)', () => {
    const expected = { monthly: 12, bimonthly: 6, quarterly: 4, half_yearly: 2 };
    fc.assert(
      fc.property(
        fc.constantFrom(...MEETING_CADENCES),
        fc.date({ min: new Date('2024-01-01'), max: new Date('2035-12-31'), noInvalidDate: true }),
        (cadence, date) => {
          const today = date.toISOString().slice(0, 10);
          const meetings = meetingSchedule(cadence, today, '2099-12-31');
          expect(meetings).toHaveLength(expected[cadence]);
          meetings.forEach((m, i) => {
            expect(isWorkingDay(m.date)).toBe(true);
            expect(m.date > (meetings[i - 1]?.date ?? today)).toBe(true);
            expect(m.date <= addDays(today, 372)).toBe(true);
          });
        },
      ),
    );
  });
});

describe('reportDueDates', () => {
  it('lists the due dates in the year ahead, starting from the period the deadline engine expects', () => {
    // Today 10 May 2026: the first expected quarter is Q1 (just ended), due 30 days after 31 March — already past.
    expect(reportDueDates(quarterly, terms({ endDate: '2030-12-31' }), '2026-05-10')).toEqual([
      '2026-07-30',
      '2026-10-30',
      '2027-01-30',
      '2027-04-30',
    ]);
  });

  it('stops after the agreement’s last period', () => {
    expect(reportDueDates(quarterly, terms({ endDate: '2026-09-30' }), '2026-05-10')).toEqual([
      '2026-07-30',
      '2026-10-30',
    ]);
  });
});

describe('governanceProposal', () => {
  it('brings together the duty diff, their due dates and response times, the KPI level, the meetings and the warnings', () => {
    const t = terms({
      productLines: [effortLine],
      duties: [monthly],
      kpis: [kpi('input'), { name: 'Wachttijd' }],
    });
    const proposal = governanceProposal(decision('partner'), t, '2026-05-10');
    expect(proposal.relation).toBe('partner');
    expect(proposal.duties.removed).toEqual([monthly]);
    expect(proposal.duties.added.map((d) => d.title)).toEqual([
      'Halfjaarrapportage',
      'Melding calamiteit',
      'Melding wijziging eigendom',
      'Melding financiële problemen',
    ]);
    expect(proposal.reportDues).toEqual([
      { title: 'Halfjaarrapportage', frequency: 'half_yearly', dueDates: ['2026-08-14', '2027-02-14'] },
    ]);
    expect(proposal.eventResponses.map((e) => [e.event, e.responseDays])).toEqual([
      ['calamity', 1],
      ['ownership_change', 10],
      ['financial_trouble', 5],
    ]);
    expect(proposal.kpiLevel).toEqual({ expected: 'outcome', reached: 'input', unclassified: ['Wachttijd'] });
    expect(proposal.meetings).toHaveLength(6);
    // The agreed monthly report and the only classified KPI (input) make this partner relation a boss's.
    expect(proposal.warnings.map((w) => w.code)).toEqual([
      'partner_monthly_input_effort',
      'kpi_depth_not_reached',
      'execution_variant_differs',
    ]);
    for (const d of proposal.duties.result) expect(dutyInputSchema.safeParse(d).success).toBe(true);
  });
});

describe('helpers', () => {
  it('counts whole months of an agreement', () => {
    expect(monthsBetween('2026-01-01', '2027-12-31')).toBe(24);
    expect(monthsBetween('2026-01-01', '2027-12-30')).toBe(23);
    expect(monthsBetween('2026-01-15', '2026-02-14')).toBe(1);
  });

  it('finds the deepest classified KPI level, and KPIs accept a level in their input', () => {
    expect(kpiDepthReached([kpi('output'), kpi(), kpi('input')])).toBe('output');
    expect(kpiDepthReached([kpi()])).toBeNull();
    const base = { name: 'x', unit: '%', target: 1, direction: 'higher', frequency: 'yearly' };
    expect(kpiDefinitionSchema.safeParse({ ...base, level: 'outcome' }).success).toBe(true);
    expect(kpiDefinitionSchema.safeParse({ ...base, level: 'impact' }).success).toBe(false);
  });
});
