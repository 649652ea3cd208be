import { describe, expect, it } from 'vitest';
import { EMPTY_ORGANISATION, organisationIssues, validateOrganisation } from './organisation-form';

const valid = {
  kind: 'provider',
  name: ' Zorg Noord B.V. ',
  kvkNumber: '8123 4567',
  agbCode: '',
  iban: 'nl20 ingb 0001 2345 67',
};

describe('validateOrganisation', () => {
  it('builds the API input, identifiers without spaces', () => {
    expect(validateOrganisation(valid, 'GM0233', 'GM0233')).toEqual({
      ok: true,
      input: { kind: 'provider', name: 'Zorg Noord B.V.', kvkNumber: '81234567', iban: 'NL20INGB0001234567' },
    });
  });

  it('registers in a region when one is chosen', () => {
    const result = validateOrganisation({ ...valid, agbCode: '41001234' }, 'RGNOORDVELUWE', 'GM0233');
    expect(result.ok && result.input).toMatchObject({ space: 'RGNOORDVELUWE', agbCode: '41001234' });
  });

  it('names each wrong identifier with its own message', () => {
    const result = validateOrganisation(
      { ...valid, kvkNumber: '1234567', agbCode: '42001234', iban: 'NL21INGB0001234567' },
      'GM0233',
      'GM0233',
    );
    expect(result.ok ? {} : result.errors).toEqual({
      kvkNumber: { key: 'kvkInvalid' },
      agbCode: { key: 'agbInvalid' },
      iban: { key: 'ibanInvalid' },
    });
  });

  it('needs a kind, a name and a KvK number', () => {
    const result = validateOrganisation(EMPTY_ORGANISATION, 'GM0233', 'GM0233');
    expect(result.ok ? {} : result.errors).toEqual({
      kind: { key: 'kindRequired' },
      name: { key: 'nameRequired' },
      kvkNumber: { key: 'kvkInvalid' },
    });
  });
});

describe('organisationIssues', () => {
  it('maps the server’s identifier issues to the Dutch messages', () => {
    expect(
      organisationIssues([
        { path: 'kvkNumber', message: 'KvK number must be 8 digits' },
        { path: 'iban', message: 'IBAN is not valid (mod-97 check)' },
        { path: 'name', message: 'Too big' },
        { path: '', message: 'Unrecognized key' },
      ]),
    ).toEqual({
      errors: { kvkNumber: { key: 'kvkInvalid' }, iban: { key: 'ibanInvalid' }, name: { text: 'Too big' } },
      other: ['Unrecognized key'],
    });
  });
});
