import { describe, expect, it } from 'vitest';
import { regionMembers } from './members';

const key = (...spaces: string[]) => ({ weights: spaces.map((space) => ({ space, weight: 1 })) });

describe('regionMembers', () => {
  it('collects the members of every allocation key once, in the order they are named', () => {
    expect(
      regionMembers(
        [
          { allocationKey: key('GM0233', 'GM0243') },
          { allocationKey: null },
          { allocationKey: key('GM0050', 'GM0233') },
        ],
        'GM0050',
      ),
    ).toEqual(['GM0233', 'GM0243', 'GM0050']);
  });

  it('always counts the caller’s own municipality', () => {
    expect(regionMembers([], 'GM0233')).toEqual(['GM0233']);
  });
});
