import { describe, expect, it } from 'vitest';
import { isAgbCode, isCbsMunicipalityCode, isIban, isKvkNumber, normaliseIban } from './identifiers.ts';

describe('identifiers', () => {
  it('accepts 8-digit KvK numbers only', () => {
    expect(isKvkNumber('12345678')).toBe(true);
    for (const bad of ['1234567', '123456789', '1234567a', '']) expect(isKvkNumber(bad)).toBe(false);
  });

  it('accepts AGB codes for organisations (41) and care providers (91)', () => {
    expect(isAgbCode('41000123')).toBe(true);
    expect(isAgbCode('91000123')).toBe(true);
    for (const bad of ['51000123', '4100012', '410001234']) expect(isAgbCode(bad)).toBe(false);
  });

  it('checks IBANs with mod-97', () => {
    expect(isIban('NL91ABNA0417164300')).toBe(true);
    expect(isIban('NL91 ABNA 0417 1643 00')).toBe(true);
    expect(isIban('DE89370400440532013000')).toBe(true);
    expect(isIban('NL92ABNA0417164300')).toBe(false); // check digits wrong
    expect(isIban('NL91ABNA041716430')).toBe(false); // too short for NL
    expect(isIban('NL91AB1A0417164300')).toBe(false); // bank code must be letters
  });

  it('accepts CBS municipality codes with the GM prefix', () => {
    expect(isCbsMunicipalityCode('GM0233')).toBe(true);
    for (const bad of ['0233', 'GM233', 'gm0233', 'PV0233']) expect(isCbsMunicipalityCode(bad)).toBe(false);
  });
});

describe('IBAN normalisation (one rule for API, database and web)', () => {
  it('drops spaces of every kind and dots, and upper-cases', () => {
    expect(normaliseIban(' nl91 abna 0417 1643 00 ')).toBe('NL91ABNA0417164300');
    expect(normaliseIban('NL91\u00a0ABNA\u202f0417\t1643\n00')).toBe('NL91ABNA0417164300');
    expect(normaliseIban('NL91.ABNA.0417.1643.00')).toBe('NL91ABNA0417164300');
  });

  it('checks the normalised value, so what is typed and what is stored agree', () => {
    expect(isIban('NL91\u00a0ABNA\u00a00417\u00a01643\u00a000')).toBe(true);
    expect(isIban('NL91.ABNA.0417.1643.00')).toBe(true);
    // Other punctuation is not a separator: refused rather than guessed at.
    expect(isIban('NL91-ABNA-0417-1643-00')).toBe(false);
    expect(isIban('NL91/ABNA0417164300')).toBe(false);
  });
});
