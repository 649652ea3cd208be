import { describe, expect, it } from 'vitest';
import type { ImportRow } from './import.ts';
import {
  checkImportRows,
  type ImportCandidate,
  type ImportOrganisation,
  importPartyRole,
  isImportCandidate,
} from './import-check.ts';

const kompas: ImportOrganisation = {
  id: 'org-kompas',
  name: 'Jeugdhulp Kompas B.V.',
  kind: 'provider',
  kvkNumber: '81234567',
};
const sdnv: ImportOrganisation = { id: 'org-sdnv', name: 'SDNV', kind: 'joint_body', kvkNumber: '62345678' };
const organisations = new Map([kompas, sdnv].map((o) => [o.kvkNumber, o]));

const row = (over: Partial<ImportRow> = {}): ImportRow => ({
  line: 2,
  kind: 'contract',
  reference: 'R-1',
  title: 'Jeugdhulp',
  status: 'active',
  domain: 'youth',
  startDate: '2026-01-01',
  endDate: '2026-12-31',
  parties: [{ kvkNumber: '81234567', name: 'Kompas' }],
  ...over,
});

const check = (rows: unknown[], space = 'GM0233') => checkImportRows(rows, { space }, () => organisations);

describe('importPartyRole', () => {
  it('makes a joint body a joint body, a provider a subsidy recipient or else a contractor', () => {
    expect(importPartyRole('joint_arrangement', sdnv)).toBe('joint_body');
    expect(importPartyRole('contract', sdnv)).toBe('joint_body');
    expect(importPartyRole('subsidy', kompas)).toBe('recipient');
    expect(importPartyRole('contract', kompas)).toBe('contractor');
    expect(importPartyRole('service_agreement', kompas)).toBe('contractor');
    expect(importPartyRole('joint_arrangement', kompas)).toBe('contractor');
  });
});

describe('checkImportRows', () => {
  it('turns a good row into the create input, its parties matched by KvK, and keeps its status apart', () => {
    const [result] = check([row({ description: 'Oud', noticePeriodMonths: 3 })]);
    expect(isImportCandidate(result!)).toBe(true);
    const { input, status } = result as ImportCandidate;
    expect(status).toBe('active');
    expect(input).toEqual({
      kind: 'contract',
      reference: 'R-1',
      title: 'Jeugdhulp',
      domain: 'youth',
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      description: 'Oud',
      noticePeriodMonths: 3,
      parties: [{ organisationId: 'org-kompas', role: 'contractor' }],
    });
  });

  it('refuses a status a kind cannot arrive in', () => {
    expect(
      check([row({ status: 'out_for_signature' }), row({ kind: 'subsidy', status: 'settled' })]),
    ).toEqual([
      {
        line: 2,
        reference: 'R-1',
        outcome: 'invalid',
        field: 'status',
        reason: 'import.statusNotImportable',
        params: {
          kind: 'contract',
          status: 'out_for_signature',
          allowed: 'draft, active, terminated, expired',
        },
      },
      expect.objectContaining({ field: 'status', params: expect.objectContaining({ allowed: 'requested' }) }),
    ]);
  });

  it('names the party that is not registered', () => {
    const [result] = check([
      row({ parties: [kompasParty(), { kvkNumber: '11111111', name: 'Nieuw B.V.' }] }),
    ]);
    expect(result).toMatchObject({
      outcome: 'invalid',
      field: 'parties',
      reason: 'import.partyNotRegistered',
      params: { kvkNumber: '11111111', name: 'Nieuw B.V.' },
    });
  });

  it('reports a reference the file had before (case-insensitive, per owning space) with that line', () => {
    const results = check([
      row({ line: 4, reference: 'R-9', status: 'approved' }),
      row({ line: 5, reference: 'r-9' }),
      row({ line: 6, reference: 'R-9', space: 'RGNOORDVELUWE' }),
    ]);
    expect(results[1]).toMatchObject({
      line: 5,
      field: 'reference',
      reason: 'import.duplicateInFile',
      params: { reference: 'r-9', line: 4 },
    });
    // Another space's register: not a duplicate, but not the caller's to write either.
    expect(results[2]).toMatchObject({ field: 'space', reason: 'region.onlyOwnUsers' });
  });

  it("lets a region's own users import into the region", () => {
    const [result] = check([row({ space: 'RGNOORDVELUWE', parties: [] })], 'RGNOORDVELUWE');
    expect(isImportCandidate(result!)).toBe(true);
  });

  it('checks the schema again, with the field and a reason key, for a caller that skips the web app', () => {
    const results = check([{ ...row(), startDate: '01-02-2026' }, { ...row(), extra: 1 }, null]);
    expect(results.map((r) => !isImportCandidate(r) && [r.line, r.field, r.reason])).toEqual([
      [2, 'startDate', 'validation.invalid_format'],
      [2, '', 'validation.unrecognized_keys'],
      [3, '', 'validation.invalid_type'],
    ]);
  });
});

function kompasParty() {
  return { kvkNumber: '81234567', name: 'Kompas' };
}
