import { describe, expect, it } from 'vitest';
import { isAgbCode, isCbsMunicipalityCode, isIban, isKvkNumber } from './identifiers.ts';

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
