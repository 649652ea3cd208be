import { describe, expect, it } from 'vitest';
import { readFilters, withFilter } from './filters';

describe('register filters in the address', () => {
  it('reads every filter the API knows', () => {
    const params = new URLSearchParams(
      'space=RGNOORDVELUWE&kind=contract&status=draft&domain=youth&party=org-kompas&endsBefore=2027-01-01&sort=endDate&q=%20kompas%20',
    );
    expect(readFilters(params)).toEqual({
      space: 'RGNOORDVELUWE',
      kind: 'contract',
      status: 'draft',
      domain: 'youth',
      party: 'org-kompas',
      endsBefore: '2027-01-01',
      sort: 'endDate',
      q: 'kompas',
    });
  });

  it('ignores what the API would refuse, and the default sort', () => {
    const params = new URLSearchParams(
      'space=nowhere&kind=x&status=y&domain=z&party=ORG%20X&endsBefore=2026-02-30&sort=newest&q=%20%20',
    );
    expect(readFilters(params)).toEqual({});
  });

  it('caps the search words at the API’s limit', () => {
    expect(readFilters(new URLSearchParams(`q=${'a'.repeat(150)}`)).q).toHaveLength(100);
  });

  it('sets and clears one filter; another register drops the party filter', () => {
    const start = new URLSearchParams('kind=contract&party=org-kompas');
    expect(withFilter(start, 'status', 'draft').toString()).toBe(
      'kind=contract&party=org-kompas&status=draft',
    );
    expect(withFilter(start, 'kind', '').toString()).toBe('party=org-kompas');
    expect(withFilter(start, 'space', 'RGNOORDVELUWE').toString()).toBe('kind=contract&space=RGNOORDVELUWE');
  });
});
