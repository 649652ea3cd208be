import { describe, expect, it } from 'vitest';
import {
  checkPeriod,
  mayConfigureServiceLevels,
  mayReportServiceLevels,
  parseLevelValues,
} from './service-levels-model';

describe('the service-level forms’ rules', () => {
  it('takes a month, a quarter or a year as the period', () => {
    expect(['2026-10', '2026-Q4', '2026'].map(checkPeriod)).toEqual([true, true, true]);
    expect(['2026-13', '2026-Q5', '26-10', 'oktober'].map(checkPeriod)).toEqual([false, false, false, false]);
  });

  it('sends the filled fields and names the ones that are not a number', () => {
    const levels = [
      { serviceId: 's', levelId: 'a' },
      { serviceId: 's', levelId: 'b' },
      { serviceId: 't', levelId: 'c' },
    ];
    const parse = (s: string) =>
      Number.isNaN(Number(s.replace(',', '.'))) ? null : Number(s.replace(',', '.'));
    expect(parseLevelValues(levels, { a: '99,1', b: '', c: 'veel' }, parse)).toEqual({
      values: [{ serviceId: 's', levelId: 'a', value: 99.1 }],
      invalid: ['c'],
    });
  });

  it('offers the report form to the provider: a party’s reporter, or the owner’s own for a joint body', () => {
    const reporter = { roles: ['provider_reporter'], space: 'PV1' };
    const manager = { roles: ['contractmanager'], space: 'GM0233' };
    const coordinator = { roles: ['coordinator'], space: 'RGNOORDVELUWE' };
    expect(mayReportServiceLevels(reporter, { view: 'party', providerParties: 0 })).toBe(true);
    expect(
      mayReportServiceLevels(
        { ...reporter, roles: ['provider_signer'] },
        { view: 'party', providerParties: 0 },
      ),
    ).toBe(false);
    expect(mayReportServiceLevels(manager, { view: 'internal', space: 'GM0233', providerParties: 1 })).toBe(
      false,
    );
    expect(mayReportServiceLevels(manager, { view: 'internal', space: 'GM0233', providerParties: 0 })).toBe(
      true,
    );
    const region = { view: 'internal' as const, space: 'RGNOORDVELUWE', providerParties: 0 };
    expect(mayReportServiceLevels(coordinator, region)).toBe(true);
    expect(mayReportServiceLevels(manager, region)).toBe(false);
    expect(mayConfigureServiceLevels(manager, region)).toBe(false);
    expect(mayConfigureServiceLevels(coordinator, region)).toBe(true);
    expect(mayConfigureServiceLevels(reporter, { view: 'party' })).toBe(false);
  });
});
