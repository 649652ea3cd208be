import { describe, expect, it } from 'vitest';
import {
  type DueLike,
  dueCounts,
  hasEnded,
  highestVolumeUse,
  latestScores,
  minusMonths,
  nextDeadline,
  noticeDate,
  openEscalations,
  sectionsOf,
} from './cockpit-model';

const due = (dueDate: string, overdue: boolean, dutyId = 'q'): DueLike => ({
  dutyId,
  dutyTitle: 'Kwartaalrapportage',
  period: '2026-Q3',
  dueDate,
  overdue,
});

describe('sectionsOf', () => {
  it('lists the internal sections of a municipal contract in page order', () => {
    expect(
      sectionsOf(
        { view: 'internal', kind: 'contract', valueCeilingCents: 100, space: 'GM0233', parentId: null },
        false,
      ),
    ).toEqual([
      'terms',
      'parties',
      'lines',
      'call-offs',
      'duties',
      'budget',
      'kpis',
      'escalations',
      'notifications',
      'dialogue',
      'steering',
      'status',
      'versions',
      'audit',
    ]);
  });

  it('shows the data deliveries, to both sides, only where a duty has a data specification', () => {
    const base = { kind: 'contract' as const, valueCeilingCents: 100 };
    const spec = [{ duties: [{ dataSpec: [{}] }, {}] }, { duties: [{}, { dataSpec: [] }] }];
    for (const view of ['internal', 'party'] as const) {
      const ids = sectionsOf({ ...base, view, ...spec[0] }, false);
      expect(ids.slice(ids.indexOf('duties'), ids.indexOf('duties') + 2)).toEqual(['duties', 'deliveries']);
      expect(sectionsOf({ ...base, view, ...spec[1] }, false)).not.toContain('deliveries');
    }
  });

  it('gives a region its allocation, a call-off no call-offs, a ceiling-less agreement no budget', () => {
    const ids = sectionsOf(
      { view: 'internal', kind: 'contract', valueCeilingCents: null, space: 'RGNV', parentId: 'x' },
      true,
    );
    expect(ids).toContain('allocation');
    expect(ids).toContain('signing');
    expect(ids).not.toContain('call-offs');
    expect(ids).not.toContain('budget');
  });

  it('gives take-up per member only to a region’s service agreement, read internally', () => {
    const region = {
      view: 'internal' as const,
      kind: 'service_agreement',
      valueCeilingCents: 1,
      space: 'RGNV',
    } as const;
    expect(sectionsOf(region, false)).toContain('takeup');
    expect(sectionsOf({ ...region, space: 'GM0233' }, false)).not.toContain('takeup');
    expect(sectionsOf({ ...region, kind: 'contract' as const }, false)).not.toContain('takeup');
    expect(sectionsOf({ ...region, view: 'party' }, false)).not.toContain('takeup');
    expect(sectionsOf(region, false)).toContain('usage');
    expect(sectionsOf({ ...region, space: 'GM0233' }, false)).not.toContain('usage');
  });

  it('shows a provider only the party sections: no steering, status, versions, audit or budget', () => {
    const ids = sectionsOf({ view: 'party', kind: 'subsidy', valueCeilingCents: 100 }, false);
    expect(ids).toEqual([
      'terms',
      'parties',
      'lines',
      'duties',
      'subsidy',
      'realisations',
      'kpis',
      'escalations',
      'notifications',
      'dialogue',
      'relation',
    ]);
  });

  it('shows result-linked payment on a contract with KPIs, to both sides', () => {
    const kpis = [{ id: 'k' }];
    expect(sectionsOf({ view: 'internal', kind: 'contract', valueCeilingCents: 1, kpis }, false)).toContain(
      'incentives',
    );
    expect(sectionsOf({ view: 'party', kind: 'contract', valueCeilingCents: 1, kpis }, false)).toContain(
      'incentives',
    );
    expect(
      sectionsOf({ view: 'internal', kind: 'contract', valueCeilingCents: 1, kpis: [] }, false),
    ).not.toContain('incentives');
    expect(
      sectionsOf({ view: 'internal', kind: 'subsidy', valueCeilingCents: 1, kpis }, false),
    ).not.toContain('incentives');
  });

  it('shows the Wgr section for a joint arrangement only', () => {
    expect(
      sectionsOf(
        { view: 'internal', kind: 'joint_arrangement', valueCeilingCents: null, space: 'RGNV' },
        false,
      ),
    ).toContain('wgr');
  });
});

describe('noticeDate', () => {
  it('is the end date minus the notice period, clamped to the end of a shorter month', () => {
    expect(noticeDate('2027-12-31', 6)).toBe('2027-06-30');
    expect(noticeDate('2027-08-31', 6)).toBe('2027-02-28');
    expect(noticeDate('2028-08-31', 6)).toBe('2028-02-29');
    expect(noticeDate('2027-03-15', 15)).toBe('2025-12-15');
    expect(minusMonths('2026-01-31', 1)).toBe('2025-12-31');
  });

  it('is absent without a notice period', () => {
    expect(noticeDate('2027-12-31', null)).toBeNull();
    expect(noticeDate('2027-12-31', 0)).toBeNull();
  });
});

describe('nextDeadline', () => {
  const base = { endDate: '2027-12-31', noticeDate: '2027-06-30', today: '2026-10-15', ended: false };

  it('puts the oldest overdue report first, before anything sooner', () => {
    const next = nextDeadline({
      ...base,
      dues: [due('2026-11-01', false), due('2026-09-30', true, 'a'), due('2026-08-31', true, 'b')],
    });
    expect(next).toMatchObject({ kind: 'report', date: '2026-08-31', overdue: true });
  });

  it('otherwise takes the soonest of reports, notice date and end date', () => {
    expect(nextDeadline({ ...base, dues: [due('2026-11-01', false)] })).toMatchObject({
      kind: 'report',
      date: '2026-11-01',
    });
    expect(nextDeadline({ ...base, dues: [due('2027-07-30', false)] })).toEqual({
      kind: 'notice',
      date: '2027-06-30',
      overdue: false,
    });
    expect(nextDeadline({ ...base, today: '2027-07-01', dues: [] })).toEqual({
      kind: 'end',
      date: '2027-12-31',
      overdue: false,
    });
  });

  it('prefers the report when it falls on the notice date', () => {
    expect(nextDeadline({ ...base, dues: [due('2027-06-30', false)] })).toMatchObject({ kind: 'report' });
  });

  it('leaves out the term dates once the agreement has ended, and past dates always', () => {
    expect(nextDeadline({ ...base, ended: true, dues: [] })).toBeNull();
    expect(nextDeadline({ ...base, today: '2028-01-01', dues: [] })).toBeNull();
    expect(hasEnded('terminated')).toBe(true);
    expect(hasEnded('active')).toBe(false);
  });
});

describe('summaries', () => {
  it('counts open and late duties', () => {
    expect(dueCounts([due('2026-01-01', true), due('2026-12-01', false)])).toEqual({ open: 2, overdue: 1 });
    expect(dueCounts([])).toEqual({ open: 0, overdue: 0 });
  });

  it('keeps the open escalations, soonest deadline first, and counts the late ones', () => {
    const e = (id: string, status: 'open' | 'resolved', deadline: string | null) => ({
      id,
      subject: id,
      status,
      deadline,
      level: 0,
      ladder: [{ level: 'contractmanager' }],
    });
    const result = openEscalations(
      [
        e('a', 'open', null),
        e('b', 'resolved', '2026-01-01'),
        e('c', 'open', '2026-10-01'),
        e('d', 'open', '2026-11-01'),
      ],
      '2026-10-15',
    );
    expect(result.open.map((x) => x.id)).toEqual(['c', 'd', 'a']);
    expect(result.overdue).toBe(1);
  });

  it('takes the scores of the latest scored meeting', () => {
    expect(
      latestScores([
        { date: '2026-06-01', scores: { municipality: 2 } },
        { date: '2026-12-01', scores: {} },
        {
          date: '2026-10-08',
          scores: { municipality: 3 },
          partyScores: [{ partyName: 'Kompas', score: 4 }],
        },
      ]),
    ).toEqual({ date: '2026-10-08', municipality: 3, parties: [{ partyName: 'Kompas', score: 4 }] });
    expect(latestScores([{ date: '2026-10-08', scores: { provider: 4 } }])).toEqual({
      date: '2026-10-08',
      provider: 4,
      parties: [],
    });
    expect(latestScores([{ date: '2026-10-08', scores: {} }])).toBeNull();
  });

  it('finds the product line nearest its volume ceiling', () => {
    expect(
      highestVolumeUse([
        { productCode: 'A', volume: 50, volumeCeiling: 100 },
        { productCode: 'B', volume: 90, volumeCeiling: 100 },
        { productCode: 'C', volume: 999, volumeCeiling: null },
      ]),
    ).toEqual({ productCode: 'B', volume: 90, volumeCeiling: 100, usedBasisPoints: 9000 });
    expect(highestVolumeUse([{ productCode: 'C', volume: 1, volumeCeiling: null }])).toBeNull();
  });
});
