import { describe, expect, it } from 'vitest';
import type { Agreement } from './agreement.ts';
import { isPublic, PUBLIC_FIELDS, toCsv, toPublicRecord } from './woo.ts';

const a = {
  reference: 'ERM-1',
  title: 'Jeugdhulp, "ambulant"',
  kind: 'contract',
  domain: 'youth',
  status: 'active',
  startDate: '2026-01-01',
  endDate: '2027-12-31',
  valueCeilingCents: 125_000_000,
  parties: [{ name: 'Jeugdhulp Kompas B.V.' }],
  updatedAt: '2026-11-23T10:00:00.000Z',
  publication: { publish: true, wooCategory: 'overeenkomst' },
} as unknown as Agreement & { publication: { publish: boolean } };

describe('Woo public register', () => {
  it('publishes only marked agreements that are decided', () => {
    expect(isPublic(a)).toBe(true);
    expect(isPublic({ ...a, status: 'draft' })).toBe(false);
    expect(isPublic({ ...a, publication: { publish: false } })).toBe(false);
  });

  it('has exactly the public fields, and leaves out a value supplied in confidence', () => {
    const record = toPublicRecord(a, 'Gemeente Ermelo');
    expect(Object.keys(record).sort()).toEqual([...PUBLIC_FIELDS].sort());
    expect(record.valueCeilingEuro).toBe(1_250_000);
    expect(
      toPublicRecord({ ...a, publication: { publish: true, suppliedInConfidence: true } }, 'x')
        .valueCeilingEuro,
    ).toBeNull();
  });

  it('writes RFC 4180 CSV and defuses formulas', () => {
    const csv = toCsv([
      toPublicRecord({ ...a, reference: '=HYPERLINK("x")' } as typeof a, 'Gemeente Ermelo'),
    ]);
    const [header, row] = csv.trim().split('\r\n');
    expect(header).toBe(PUBLIC_FIELDS.join(','));
    expect(row).toContain('"\'=HYPERLINK(""x"")"');
    expect(row).toContain('"Jeugdhulp, ""ambulant"""');
  });
});
