import { describe, expect, it } from 'vitest';
import { repeatedParties } from './parties.ts';

describe('repeatedParties', () => {
  it('names the rows that repeat an organisation in the same role, not the first one', () => {
    const party = (organisationId: string, role: string) => ({ organisationId, role });
    expect(
      repeatedParties([
        party('org-a', 'contractor'),
        party('org-a', 'subcontractor'),
        party('org-b', 'contractor'),
        party('org-a', 'contractor'),
        party('org-a', 'contractor'),
      ]),
    ).toEqual([3, 4]);
    expect(repeatedParties([])).toEqual([]);
  });
});
