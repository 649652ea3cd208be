import { describe, expect, it } from 'vitest';
import { governanceDefaults, governanceSchema, proposeRelation, RELATION_TYPES } from './relation.ts';

describe('relation designer', () => {
  it('proposes boss for a simple task with divergent interests and close control', () => {
    const p = proposeRelation({
      complexity: 'low',
      controlWhat: 'high',
      controlHow: 'high',
      alignment: 'divergent',
    });
    expect(p.type).toBe('boss');
    expect(p.rationale.find((r) => r.question === 'controlHow')?.supports).toEqual(['boss']);
  });

  it('proposes customer when the municipality fixes what but not how', () => {
    expect(
      proposeRelation({ complexity: 'medium', controlWhat: 'high', controlHow: 'low', alignment: 'partial' })
        .type,
    ).toBe('customer');
  });

  it('proposes partner for a complex task with aligned interests and little control', () => {
    const p = proposeRelation({
      complexity: 'high',
      controlWhat: 'low',
      controlHow: 'low',
      alignment: 'aligned',
    });
    expect(p.type).toBe('partner');
    expect(p.scores.partner).toBeGreaterThan(p.scores.customer);
  });

  it('adds up the points of each answer', () => {
    // medium complexity [0,2,1] + medium what [0,1,1] + medium how [1,1,1] + partial [0,2,1]
    const p = proposeRelation({
      complexity: 'medium',
      controlWhat: 'medium',
      controlHow: 'medium',
      alignment: 'partial',
    });
    expect(p.scores).toEqual({ boss: 1, customer: 6, partner: 4 });
    expect(p.type).toBe('customer');
  });

  it('breaks a tie towards the lighter touch', () => {
    // low complexity [2,1,0] + low what [0,0,2] + medium how [1,1,1] + aligned [0,0,2] → boss 3, customer 2, partner 5
    expect(
      proposeRelation({ complexity: 'low', controlWhat: 'low', controlHow: 'medium', alignment: 'aligned' })
        .type,
    ).toBe('partner');
    // high complexity [0,0,3] + high what [1,2,0] + high how [3,0,0] + partial [0,2,1] → boss 4, customer 4, partner 4
    const tie = proposeRelation({
      complexity: 'high',
      controlWhat: 'high',
      controlHow: 'high',
      alignment: 'partial',
    });
    expect(tie.scores).toEqual({ boss: 4, customer: 4, partner: 4 });
    expect(tie.type).toBe('partner');
  });

  it('covers every combination of answers with a type and a rationale per question', () => {
    const levels = ['low', 'medium', 'high'] as const;
    for (const complexity of levels)
      for (const controlWhat of levels)
        for (const controlHow of levels)
          for (const alignment of ['divergent', 'partial', 'aligned'] as const) {
            const p = proposeRelation({ complexity, controlWhat, controlHow, alignment });
            expect(RELATION_TYPES).toContain(p.type);
            expect(p.rationale).toHaveLength(4);
          }
  });

  it('gives valid governance defaults that differ per type', () => {
    for (const type of RELATION_TYPES)
      expect(governanceSchema.safeParse(governanceDefaults(type)).success).toBe(true);
    expect(governanceDefaults('boss').reportingFrequency).toBe('monthly');
    expect(governanceDefaults('customer').executionVariant).toBe('output');
    expect(governanceDefaults('partner').kpiDepth).toBe('outcome');
  });
});
