import { describe, expect, it } from 'vitest';
import { DEADLINE_KINDS } from './deadlines.ts';
import {
  governanceApplySchema,
  governancePreview,
  MEETING_GRACE_DAYS,
  meetingDeadlines,
  meetingHeldBy,
  missedBefore,
  variantComparison,
} from './governance-apply.ts';
import { meetingsToDrop } from './governance-schedule.ts';
import { governanceDefaults, type RelationType } from './relation.ts';

const decision = (chosen: RelationType) => ({ chosen, governance: governanceDefaults(chosen) });
const answers = { complexity: 'high', controlWhat: 'low', controlHow: 'low', alignment: 'aligned' } as const;

describe('variantComparison', () => {
  it('marks each product line whose variant differs from the preferred one', () => {
    expect(
      variantComparison('task', [
        { id: 'a', productCode: '45A12', description: 'Licht', variant: 'output' },
        { id: 'b', productCode: '45A48', description: 'Wijk', variant: 'task' },
      ]),
    ).toEqual([
      { productLineId: 'a', productCode: '45A12', description: 'Licht', variant: 'output', matches: false },
      { productLineId: 'b', productCode: '45A48', description: 'Wijk', variant: 'task', matches: true },
    ]);
  });
});

describe('governancePreview', () => {
  it('adds the preferred variant and the per-line comparison to the proposal', () => {
    const preview = governancePreview(
      decision('partner'),
      {
        startDate: '2026-01-01',
        endDate: '2027-12-31',
        productLines: [
          { id: 'x', productCode: '45A53', description: 'Gezinsbehandeling', variant: 'output' },
        ],
        duties: [{ kind: 'periodic', title: 'Kwartaal', frequency: 'quarterly', dueDays: 30 }],
        kpis: [{ name: 'Doelen behaald', level: 'output' }],
      },
      '2026-12-02',
    );
    expect(preview.preferredVariant).toBe('task');
    expect(preview.variants.map((v) => v.matches)).toEqual([false]);
    // Partner reports half-yearly: the quarterly report is more detail than it asks, so it is proposed for removal.
    expect(preview.duties.removed.map((d) => d.title)).toEqual(['Kwartaal']);
    expect(preview.duties.added.map((d) => d.title)).toContain('Halfjaarrapportage');
    expect(preview.kpiLevel).toEqual({ expected: 'outcome', reached: 'output', unclassified: [] });
    expect(preview.meetings.map((m) => m.date)).toEqual([
      '2027-02-02',
      '2027-04-02',
      '2027-06-02',
      '2027-08-02',
      '2027-10-04',
      '2027-12-02',
    ]);
    expect(preview.warnings.map((w) => w.code)).toEqual([
      'kpi_depth_not_reached',
      'execution_variant_differs',
    ]);
  });
});

describe('meeting deadlines', () => {
  it('are deadlines of kind meeting for the contract manager and the purchaser', () => {
    expect(DEADLINE_KINDS).toContain('meeting');
    expect(
      meetingDeadlines({ id: 'agr', space: 'GM0233' }, [{ key: 'meeting-2027-02-02', date: '2027-02-02' }]),
    ).toEqual([
      {
        kind: 'meeting',
        key: 'meeting-2027-02-02',
        date: '2027-02-02',
        agreementId: 'agr',
        space: 'GM0233',
        roles: ['contractmanager', 'inkoper'],
        label: 'meeting',
      },
    ]);
  });

  it('count as held by a dialogue record on the day or within the grace days after, not before', () => {
    expect(meetingHeldBy('2027-02-02', '2027-02-02')).toBe(true);
    expect(meetingHeldBy('2027-02-02', '2027-02-09')).toBe(true);
    expect(meetingHeldBy('2027-02-02', '2027-02-10')).toBe(false);
    expect(meetingHeldBy('2027-02-02', '2027-02-01')).toBe(false);
  });

  it('are missed once the grace days have passed', () => {
    expect(MEETING_GRACE_DAYS).toBe(7);
    expect(missedBefore('2027-02-10')).toBe('2027-02-03');
  });
});

describe('governanceApplySchema', () => {
  const valid = {
    agreementId: 'erm-jh-2026-samen',
    expectedVersion: 0,
    agreementVersion: 4,
    relation: { answers, chosen: 'partner', governance: governanceDefaults('partner') },
    duties: [{ kind: 'event', title: 'Melding calamiteit', event: 'calamity', responseDays: 1 }],
  };

  it('takes a decision and the accepted duties', () => {
    expect(governanceApplySchema.safeParse(valid).success).toBe(true);
  });

  it('refuses a duty without its schedule, a negative version and unknown fields', () => {
    expect(
      governanceApplySchema.safeParse({ ...valid, duties: [{ kind: 'periodic', title: 'Rapport' }] }).success,
    ).toBe(false);
    expect(governanceApplySchema.safeParse({ ...valid, agreementVersion: -1 }).success).toBe(false);
    expect(governanceApplySchema.safeParse({ ...valid, extra: true }).success).toBe(false);
    expect(
      governanceApplySchema.safeParse({ ...valid, duties: Array.from({ length: 21 }, () => valid.duties[0]) })
        .success,
    ).toBe(false);
  });
});

describe('meetingsToDrop: planned meetings an agreement no longer has', () => {
  const meetings = [
    { key: 'meeting-2026-10-01', date: '2026-10-01' },
    { key: 'meeting-2026-11-01', date: '2026-11-01', held: true },
    { key: 'meeting-2027-01-01', date: '2027-01-01' },
    { key: 'meeting-2027-07-01', date: '2027-07-01' },
  ];
  const today = '2026-12-01';
  it('keeps them all while the agreement runs to its end', () => {
    expect(meetingsToDrop(meetings, { status: 'active', endDate: '2027-12-31' }, today)).toEqual([]);
  });
  it('drops those after an earlier end date, held or past ones never', () => {
    expect(meetingsToDrop(meetings, { status: 'active', endDate: '2027-03-31' }, today)).toEqual([
      'meeting-2027-07-01',
    ]);
  });
  it('drops the ones still to come once it stopped running; a missed one stays on record', () => {
    for (const status of ['terminated', 'expired'])
      expect(meetingsToDrop(meetings, { status, endDate: '2027-12-31' }, today)).toEqual([
        'meeting-2027-01-01',
        'meeting-2027-07-01',
      ]);
  });
});
