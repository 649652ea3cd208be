import { describe, expect, it } from 'vitest';
import { validateForm } from '../../lib/form-schema';
import { EMPTY_ORGANISATION, organisationSchema } from './organisation-form';

const valid = {
  kind: 'provider',
  name: ' Zorg Noord B.V. ',
  kvkNumber: '8123 4567',
  agbCode: '',
  iban: 'nl20 ingb 0001 2345 67',
};
const home = organisationSchema('GM0233', 'GM0233');

describe('the organisation form, checked with the API’s schema', () => {
  it('builds the API input, identifiers without spaces', async () => {
    expect(await validateForm(home, valid)).toEqual({
      ok: true,
      value: { kind: 'provider', name: 'Zorg Noord B.V.', kvkNumber: '81234567', iban: 'NL20INGB0001234567' },
    });
  });

  it('drops the dots people type in identifiers', async () => {
    const result = await validateForm(home, {
      ...valid,
      kvkNumber: '81.234.567',
      iban: 'NL20.INGB.0001.2345.67',
    });
    expect(result).toMatchObject({ ok: true, value: { kvkNumber: '81234567', iban: 'NL20INGB0001234567' } });
  });

  it('registers in a region when one is chosen', async () => {
    const result = await validateForm(organisationSchema('RGNOORDVELUWE', 'GM0233'), {
      ...valid,
      agbCode: '41001234',
    });
    expect(result.ok && result.value).toMatchObject({ space: 'RGNOORDVELUWE', agbCode: '41001234' });
  });

  it('names each wrong identifier with its own message', async () => {
    const result = await validateForm(home, {
      ...valid,
      kvkNumber: '1234567',
      agbCode: '42001234',
      iban: 'NL21INGB0001234567',
    });
    expect(result.ok ? {} : result.errors).toEqual({
      kvkNumber: 'organisations.errors.kvkInvalid',
      agbCode: 'organisations.errors.agbInvalid',
      iban: 'organisations.errors.ibanInvalid',
    });
  });

  it('needs a kind, a name and a KvK number', async () => {
    const result = await validateForm(home, EMPTY_ORGANISATION);
    expect(result.ok ? {} : result.errors).toEqual({
      kind: 'organisations.errors.kindRequired',
      name: 'organisations.errors.nameRequired',
      kvkNumber: 'organisations.errors.kvkInvalid',
    });
    const long = await validateForm(home, { ...valid, name: 'x'.repeat(201) });
    expect(long.ok ? {} : long.errors).toEqual({ name: 'organisations.errors.nameTooLong' });
  });
});
