import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv-read.ts';
import { csvTable } from './exports.ts';
import {
  readImportAmount,
  readImportDate,
  readImportDomain,
  readImportInteger,
  readImportKind,
  readImportKvk,
  readImportParties,
  readImportStatus,
} from './import-cells.ts';
import { DOMAINS_NL, KINDS_NL, STATUSES_NL } from './register-columns.ts';

const value = <T>(result: { ok: true; value: T } | { ok: false }) => (result.ok ? result.value : 'REFUSED');

describe('reading the cells of an import file', () => {
  it('reads Dutch dates, ISO dates, XLSX date cells and Excel day numbers', () => {
    expect(value(readImportDate('31-12-2026'))).toBe('2026-12-31');
    expect(value(readImportDate('1-2-2026'))).toBe('2026-02-01');
    expect(value(readImportDate('01/02/2026'))).toBe('2026-02-01');
    expect(value(readImportDate('1.2.2026'))).toBe('2026-02-01');
    expect(value(readImportDate(' 2026-02-01 '))).toBe('2026-02-01');
    expect(value(readImportDate('2026-02-01T00:00:00.000Z'))).toBe('2026-02-01');
    expect(value(readImportDate(new Date(Date.UTC(2026, 11, 31))))).toBe('2026-12-31');
    // 24 March 2018 is Excel's day 43183; a time of day does not move the date.
    expect(value(readImportDate(43183))).toBe('2018-03-24');
    expect(value(readImportDate(43183.75))).toBe('2018-03-24');
  });

  it('refuses dates that do not exist or are not dates, naming the cell', () => {
    for (const bad of [
      '31-02-2026',
      '2026-13-01',
      '12-31-2026',
      'morgen',
      '1-1-26',
      '2026/02/01x',
      0,
      -5,
      true,
    ])
      expect(readImportDate(bad), String(bad)).toMatchObject({ ok: false, reason: 'import.dateInvalid' });
    expect(readImportDate('31-02-2026')).toEqual({
      ok: false,
      reason: 'import.dateInvalid',
      params: { value: '31-02-2026' },
    });
  });

  it('reads amounts as Dutch people write them and as programs write numbers, in cents', () => {
    const cases: [string | number, number][] = [
      ['1.234,56', 123_456],
      ['€ 1.234', 123_400],
      ['€1.234,-', 123_400],
      ['1234,5', 123_450],
      ['1234.56', 123_456],
      ['1.234.567,89', 123_456_789],
      ['1,234,567.89', 123_456_789],
      ['EUR 250000', 25_000_000],
      ['1 250 000', 125_000_000],
      ['0', 0],
      [1234.56, 123_456],
      [250_000, 25_000_000],
      [0.1, 10],
    ];
    for (const [cell, cents] of cases) expect(value(readImportAmount(cell)), String(cell)).toBe(cents);
  });

  it('refuses negative amounts, fractions of a cent and text', () => {
    for (const bad of ['-5', '1.234,567', '12,345,67', 'veel', '1.23.4', -1, 1.234, Number.NaN])
      expect(readImportAmount(bad), String(bad)).toMatchObject({ ok: false, reason: 'import.amountInvalid' });
  });

  it('reads whole numbers of months', () => {
    expect(value(readImportInteger('3'))).toBe(3);
    expect(value(readImportInteger(6))).toBe(6);
    expect(readImportInteger('3,5')).toMatchObject({ ok: false, reason: 'import.numberInvalid' });
    expect(readImportInteger(2.5)).toMatchObject({ ok: false, reason: 'import.numberInvalid' });
  });

  it('reads every Dutch name the register export writes, and the codes, in any case', () => {
    for (const [code, name] of Object.entries(KINDS_NL)) {
      expect(value(readImportKind(name))).toBe(code);
      expect(value(readImportKind(name.toUpperCase()))).toBe(code);
      expect(value(readImportKind(code))).toBe(code);
    }
    for (const [code, name] of Object.entries(STATUSES_NL)) {
      expect(value(readImportStatus(name))).toBe(code);
      expect(value(readImportStatus(code))).toBe(code);
    }
    for (const [code, name] of Object.entries(DOMAINS_NL)) {
      expect(value(readImportDomain(name))).toBe(code);
      expect(value(readImportDomain(code))).toBe(code);
    }
    expect(value(readImportStatus('Beeindigd'))).toBe('terminated');
    expect(value(readImportKind('GR'))).toBe('joint_arrangement');
    expect(value(readImportStatus('in_approval'))).toBe('in_approval');
  });

  it('names an unknown kind, status or domain', () => {
    expect(readImportKind('Raamovereenkomst')).toEqual({
      ok: false,
      reason: 'import.kindUnknown',
      params: { value: 'Raamovereenkomst' },
    });
    expect(readImportStatus('bijna klaar')).toMatchObject({ reason: 'import.statusUnknown' });
    expect(readImportDomain('Verkeer')).toMatchObject({ reason: 'import.domainUnknown' });
  });

  it('reads KvK numbers, giving a number cell its leading zero back', () => {
    expect(value(readImportKvk('81234567'))).toBe('81234567');
    expect(value(readImportKvk('8123 4567'))).toBe('81234567');
    expect(value(readImportKvk('KvK 81234567'))).toBe('81234567');
    expect(value(readImportKvk(1234567))).toBe('01234567');
    for (const bad of ['1234567', '123456789', 'abcdefgh', 123456789])
      expect(readImportKvk(bad), String(bad)).toMatchObject({ ok: false, reason: 'import.kvkInvalid' });
  });

  it('reads the parties as the register export writes them', () => {
    expect(
      value(readImportParties('Jeugdhulp Kompas B.V. (KvK 81234567); Stichting (Noord) (KvK 40123456)')),
    ).toEqual([
      { name: 'Jeugdhulp Kompas B.V.', kvkNumber: '81234567' },
      { name: 'Stichting (Noord)', kvkNumber: '40123456' },
    ]);
    expect(value(readImportParties('Kompas (81234567)\nWijkracht (KvK-nummer: 4012 3456)'))).toEqual([
      { name: 'Kompas', kvkNumber: '81234567' },
      { name: 'Wijkracht', kvkNumber: '40123456' },
    ]);
    expect(value(readImportParties(''))).toEqual([]);
    expect(readImportParties('Kompas')).toEqual({
      ok: false,
      reason: 'import.partyInvalid',
      params: { value: 'Kompas' },
    });
    expect(readImportParties('Kompas (KvK 8123)')).toMatchObject({ ok: false, reason: 'import.kvkInvalid' });
  });
});

describe('reading a CSV back', () => {
  it('reads what csvTable writes, the formula guard and quotes included', () => {
    const rows = [
      ['-Jeugd, regio', 'zegt "ja"', null, 12.5],
      ['=SUM(A1)', 'twee\nregels', 'x;y', 0],
    ];
    const csv = csvTable(['A', 'B', 'C', 'D'], rows, true);
    expect(parseCsv(csv)).toEqual([
      ['A', 'B', 'C', 'D'],
      ['-Jeugd, regio', 'zegt "ja"', '', '12.5'],
      ['=SUM(A1)', 'twee\nregels', 'x;y', '0'],
    ]);
  });

  it('reads `;`-separated files as Excel with Dutch settings saves them, with LF or CRLF', () => {
    expect(parseCsv('\uFEFFKenmerk;Plafond (EUR)\nA-1;"1.234,56"\r\nA-2;€ 5\n')).toEqual([
      ['Kenmerk', 'Plafond (EUR)'],
      ['A-1', '1.234,56'],
      ['A-2', '€ 5'],
    ]);
    expect(parseCsv(csvTable(['a', 'b'], [['1,5', 'c']], false, ';'))).toEqual([
      ['a', 'b'],
      ['1,5', 'c'],
    ]);
    expect(parseCsv('a\tb\n1\t2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });
});
