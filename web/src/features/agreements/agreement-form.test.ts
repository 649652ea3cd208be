import { describe, expect, it } from 'vitest';
import { EMPTY_FORM, type FormValues, issuesToFieldErrors, validateAgreementForm } from './agreement-form';

const valid: FormValues = {
  kind: 'contract',
  reference: ' ERM-2027-001 ',
  title: 'Jeugdhulp ambulant',
  description: '',
  domain: 'youth',
  startDate: '2027-01-01',
  endDate: '2027-12-31',
  ceiling: '1.234,56',
};

describe('validateAgreementForm', () => {
  it('builds the API input from valid values', () => {
    expect(validateAgreementForm(valid, 'nl-NL')).toEqual({
      ok: true,
      input: {
        kind: 'contract',
        reference: 'ERM-2027-001',
        title: 'Jeugdhulp ambulant',
        domain: 'youth',
        startDate: '2027-01-01',
        endDate: '2027-12-31',
        valueCeilingCents: 123456,
      },
    });
  });

  it('leaves out an empty ceiling and description', () => {
    const result = validateAgreementForm({ ...valid, ceiling: '' }, 'nl-NL');
    expect(result.ok && 'valueCeilingCents' in result.input).toBe(false);
    expect(result.ok && 'description' in result.input).toBe(false);
  });

  it('names every missing required field', () => {
    const result = validateAgreementForm(EMPTY_FORM, 'nl-NL');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toEqual({
        kind: { key: 'kindRequired' },
        reference: { key: 'referenceRequired' },
        title: { key: 'titleRequired' },
        domain: { key: 'domainRequired' },
        startDate: { key: 'startDateRequired' },
        endDate: { key: 'endDateRequired' },
      });
    }
  });

  it('refuses an end before the start, over-long text and a bad amount', () => {
    const result = validateAgreementForm(
      { ...valid, endDate: '2026-12-31', reference: 'x'.repeat(51), ceiling: '12,345' },
      'nl-NL',
    );
    expect(result.ok ? {} : result.errors).toEqual({
      endDate: { key: 'endBeforeStart' },
      reference: { key: 'referenceTooLong' },
      ceiling: { key: 'ceilingInvalid' },
    });
  });

  it('accepts an end on the start date', () => {
    expect(validateAgreementForm({ ...valid, endDate: valid.startDate }, 'nl-NL').ok).toBe(true);
  });
});

describe('issuesToFieldErrors', () => {
  it('keeps the first issue per field and maps API paths to fields', () => {
    expect(
      issuesToFieldErrors([
        { path: 'reference', message: 'too long' },
        { path: 'reference', message: 'second' },
        { path: 'valueCeilingCents', message: 'not an integer' },
        { path: '', message: 'unknown field x' },
      ]),
    ).toEqual({
      errors: { reference: { text: 'too long' }, ceiling: { text: 'not an integer' } },
      other: ['unknown field x'],
    });
  });
});

describe('reference format', () => {
  it.each(['ERM-2027/01', 'Jeugd 2027.1', 'ÉÉN_1'])('accepts %s', (reference) => {
    expect(validateAgreementForm({ ...valid, reference }, 'nl-NL').ok).toBe(true);
  });
  it.each(['-ERM', 'ERM#1', 'a<b'])('refuses %s', (reference) => {
    const result = validateAgreementForm({ ...valid, reference }, 'nl-NL');
    expect(result.ok ? undefined : result.errors.reference).toEqual({ key: 'referenceInvalid' });
  });
});
