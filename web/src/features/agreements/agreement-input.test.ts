import { describe, expect, it } from 'vitest';
import { decodeFieldError, formSchema, validateCreate, validateTerms } from './agreement-form';
import { type CreateValues, emptyCreateValues, type LineRow, newLineRow } from './agreement-values';

/** Reading typed Dutch input into the API's input, and the Standard Schema react-hook-form's resolver takes. */
const valid: CreateValues = {
  ...emptyCreateValues('GM0233'),
  kind: 'contract',
  reference: ' ERM-2027-001 ',
  title: 'Jeugdhulp ambulant',
  domain: 'youth',
  startDate: '2027-01-01',
  endDate: '2027-12-31',
  valueCeilingCents: '1.234,56',
};

const line = (over: Partial<LineRow> = {}): LineRow => ({
  ...newLineRow(),
  category: '45',
  productCode: '45A12',
  variant: 'output',
  unit: 'piece',
  frequency: 'per_month',
  tariffCents: '985,00',
  ...over,
});

describe('reading what was typed before core checks it', () => {
  it('takes Dutch dates and amounts, and names a negative amount as such', () => {
    const result = validateCreate(
      { ...valid, startDate: '1-1-2027', endDate: '31-12-2027', valueCeilingCents: '€ 1.000' },
      'GM0233',
      'nl-NL',
    );
    expect(
      result.ok && [result.input.startDate, result.input.endDate, result.input.valueCeilingCents],
    ).toEqual(['2027-01-01', '2027-12-31', 100_000]);
    const negative = validateCreate(
      { ...valid, valueCeilingCents: '-10', productLines: [line({ tariffCents: '-1,00' })] },
      'GM0233',
      'nl-NL',
    );
    expect(negative.ok ? {} : negative.errors).toEqual({
      valueCeilingCents: { key: 'ceilingNegative' },
      'productLines.0.tariffCents': { key: 'amountNegative' },
    });
  });

  it('refuses a date that does not exist and a notice period that is not a whole number', () => {
    const result = validateTerms(
      { ...valid, startDate: '30-2-2027', noticePeriodMonths: '1,5' },
      'contract',
      'nl-NL',
    );
    expect(result.ok ? {} : result.errors).toEqual({
      startDate: { key: 'startDateInvalid' },
      noticePeriodMonths: { key: 'noticeInvalid' },
    });
  });
});

describe('the form schema for react-hook-form', () => {
  it('hands over the output, or each error at its path as a decodable message', () => {
    const schema = formSchema<CreateValues, unknown>((values) => {
      const result = validateCreate(values, 'GM0233', 'nl-NL');
      return result.ok ? { ok: true, output: result.input } : result;
    });
    const ok = schema['~standard'].validate(valid);
    expect('value' in ok && ok.value).toMatchObject({
      reference: 'ERM-2027-001',
      valueCeilingCents: 123_456,
    });
    const bad = schema['~standard'].validate({ ...valid, productLines: [line({ category: '12' })] });
    expect(bad.issues?.map((issue) => [issue.path, decodeFieldError(issue.message)])).toEqual([
      [['productLines', 0, 'category'], { key: 'categoryRange', values: { range: '31–50' } }],
    ]);
    expect(decodeFieldError('plain text')).toEqual({ text: 'plain text' });
  });
});
