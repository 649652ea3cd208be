import { describe, expect, it } from 'vitest';
import { validateForm } from '../../lib/form-schema';
import {
  checkPeriod,
  correctionDefaults,
  correctionSchema,
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

describe('the correction form of a reported value', () => {
  const target = {
    agreementId: 'agr-1',
    serviceId: 'svc-1',
    levelId: 'lvl-1',
    period: '2026-10',
    expectedVersion: 2,
  };

  it('reads a Dutch or English number into service.correct’s input with the version read', async () => {
    expect(await validateForm(correctionSchema(target, 'nl-NL'), { value: ' 99,6 ', note: '' })).toEqual({
      ok: true,
      value: { ...target, value: 99.6 },
    });
    expect(
      await validateForm(correctionSchema(target, 'en-GB'), { value: '1,000.5', note: ' meetfout ' }),
    ).toEqual({ ok: true, value: { ...target, value: 1000.5, note: 'meetfout' } });
  });

  it('names a value that is empty, no number, negative or too large at the value field', async () => {
    for (const value of ['', 'veel', '-1', '1000001']) {
      expect(await validateForm(correctionSchema(target, 'nl-NL'), { value, note: '' })).toEqual({
        ok: false,
        errors: { value: 'services.correct.errors.value' },
      });
    }
  });

  it('names a reason over 500 characters at the reason field', async () => {
    expect(
      await validateForm(correctionSchema(target, 'nl-NL'), { value: '99', note: 'x'.repeat(501) }),
    ).toEqual({ ok: false, errors: { note: 'services.correct.errors.note' } });
  });

  it('says a target the schema refuses about the form as a whole', async () => {
    const stale = { ...target, expectedVersion: 0 };
    expect(await validateForm(correctionSchema(stale, 'nl-NL'), { value: '99', note: '' })).toEqual({
      ok: false,
      errors: { '': 'services.correct.errors.rejected' },
    });
  });

  it('starts from the reported value in the user’s number format', () => {
    expect(correctionDefaults(99.1, 'nl-NL')).toEqual({ value: '99,1', note: '' });
    expect(correctionDefaults(99.1, 'en-GB')).toEqual({ value: '99.1', note: '' });
  });
});
