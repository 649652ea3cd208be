import { describe, expect, it } from 'vitest';
import {
  compactIdentifier,
  formatIban,
  isAgbCode,
  isIban,
  isKvkNumber,
  normaliseIban,
} from './identifiers.ts';

// The cases the web app's own copy was tested with, now against core's rules (the one copy left).

describe('KvK-nummer', () => {
  it.each(['81234567', '40123456', '00000000'])('accepts %s', (value) => {
    expect(isKvkNumber(value)).toBe(true);
  });
  it.each(['', '1234567', '123456789', '8123456a', ' 81234567'])('refuses %j', (value) => {
    expect(isKvkNumber(value)).toBe(false);
  });
  it('drops the spaces and dots people type', () => {
    expect(compactIdentifier(' 8123 4567 ')).toBe('81234567');
    expect(compactIdentifier('81.234.567')).toBe('81234567');
  });
});

describe('AGB-code', () => {
  it.each(['41001234', '91123456'])('accepts %s', (value) => {
    expect(isAgbCode(value)).toBe(true);
  });
  it.each(['42001234', '4100123', '410012345', '01001234', 'AB001234'])('refuses %s', (value) => {
    expect(isAgbCode(value)).toBe(false);
  });
});

describe('IBAN (mod-97)', () => {
  it.each([
    'NL20INGB0001234567',
    'NL44RABO0123456789',
    'NL38BNGH0285012345',
    'nl20 ingb 0001 2345 67',
    'NL91ABNA0417164300',
    'DE89370400440532013000',
    'BE68539007547034',
  ])('accepts %s', (value) => {
    expect(isIban(value)).toBe(true);
  });

  it('accepts what people type once the dots are dropped, as the forms do before checking', () => {
    expect(isIban(normaliseIban('NL20.INGB.0001.2345.67'))).toBe(true);
    expect(isIban(normaliseIban('NL20\u00a0INGB\u202f0001 2345 67'))).toBe(true);
  });

  it.each([
    ['a wrong check digit', 'NL21INGB0001234567'],
    ['two digits swapped', 'NL20INGB0001234576'],
    ['a Dutch IBAN too short', 'NL20INGB000123456'],
    ['digits in the Dutch bank code', 'NL20ING10001234567'],
    ['no country', '2020INGB0001234567'],
    ['nothing', ''],
  ])('refuses %s', (_case, value) => {
    expect(isIban(value)).toBe(false);
  });

  it('normalises and prints in groups of four', () => {
    expect(normaliseIban(' nl20 ingb 0001 2345 67 ')).toBe('NL20INGB0001234567');
    expect(formatIban('NL20INGB0001234567')).toBe('NL20 INGB 0001 2345 67');
  });
});
