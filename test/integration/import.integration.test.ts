import { IMPORT_BATCH_ROWS, type ImportRow, type ImportRowResult } from '@regie/core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.ts';
import { createTestDb } from '../support/db.ts';
import { tableFingerprint } from '../support/snapshot.ts';

/**
 * Issue 13 point 4: the register import through the API, as the web app sends it (batches of 100). A 1,000-row
 * file with 3 bad rows writes 997 agreements and reports the 3 with field and reason; a dry run and a re-import
 * write nothing; every imported agreement's audit chain verifies and says it was imported.
 */

const KOMPAS = { kvkNumber: '81234567', name: 'Jeugdhulp Kompas B.V.' };
const WIJKRACHT = { kvkNumber: '40123456', name: 'Stichting Wijkracht Noord-Veluwe' };

/** Row `i` of a register as Harderwijk keeps it: every kind, in a status it may arrive in. */
function registerRow(i: number): ImportRow {
  const year = 2024 + (i % 4);
  const base = {
    line: i + 2, // line 1 is the header
    reference: `HDW-IMP-${String(i).padStart(4, '0')}`,
    title: `Overeenkomst ${i} jeugdhulp`,
    domain: 'youth' as const,
    startDate: `${year}-01-01`,
    endDate: `${year + 3}-12-31`,
    noticePeriodMonths: 3,
    valueCeilingCents: 100_000 + i,
    parties: [KOMPAS],
  };
  switch (i % 5) {
    case 0:
      return { ...base, kind: 'contract', status: 'active' };
    case 1:
      return { ...base, kind: 'service_agreement', status: 'expired', parties: [WIJKRACHT] };
    case 2:
      return { ...base, kind: 'subsidy', status: 'requested', domain: 'participation' };
    case 3:
      return { ...base, kind: 'joint_arrangement', status: 'terminated', domain: 'other', parties: [] };
    default:
      return { ...base, kind: 'contract', status: 'draft', parties: [KOMPAS, WIJKRACHT] };
  }
}

/** The file: 1,000 rows, three of them bad in a different way each. */
function registerFile(): ImportRow[] {
  const rows = Array.from({ length: 1000 }, (_, i) => registerRow(i));
  rows[100] = { ...rows[100]!, kind: 'contract', status: 'approved' };
  rows[500] = { ...rows[500]!, parties: [{ kvkNumber: '99999999', name: 'Onbekend B.V.' }] };
  rows[900] = { ...rows[900]!, startDate: '2026-06-01', endDate: '2026-01-01' };
  return rows;
}

const BAD = [
  { line: 102, field: 'status', reason: 'import.statusNotImportable' },
  { line: 502, field: 'parties', reason: 'import.partyNotRegistered' },
  { line: 902, field: 'endDate', reason: 'agreement.endBeforeStart' },
];

describe('register import through the API', () => {
  let api: TestApi;
  let token: string;
  const file = registerFile();

  /** The file in batches of IMPORT_BATCH_ROWS, one after the other, as the web app sends it. */
  async function importFile(dryRun: boolean): Promise<ImportRowResult[]> {
    const results: ImportRowResult[] = [];
    for (let i = 0; i < file.length; i += IMPORT_BATCH_ROWS) {
      const response = await api.mutate(
        'agreement.import',
        { rows: file.slice(i, i + IMPORT_BATCH_ROWS), dryRun },
        token,
      );
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      results.push(...response.body.result.data.results);
    }
    return results;
  }
  const outcomes = (results: ImportRowResult[]) =>
    results.reduce<Record<string, number>>((n, r) => {
      n[r.outcome] = (n[r.outcome] ?? 0) + 1;
      return n;
    }, {});
  const badOf = (results: ImportRowResult[]) =>
    results
      .filter((r) => r.outcome === 'invalid')
      .map(({ line, field, reason }) => ({ line, field, reason }));

  beforeAll(async () => {
    api = await startTestApi(await createTestDb(inject('dynamoEndpoint'), { seed: true }));
    token = await api.token('harderwijk.inkoper');
  });
  afterAll(() => api.close());

  let created: ImportRowResult[] = [];

  it('a dry run reports 997 valid rows and the 3 bad ones, and writes nothing', async () => {
    const before = await tableFingerprint(api.db);
    const results = await importFile(true);
    expect(results.map((r) => r.line)).toEqual(file.map((r) => r.line));
    expect(outcomes(results)).toEqual({ valid: 997, invalid: 3 });
    expect(badOf(results)).toEqual(BAD);
    expect(await tableFingerprint(api.db)).toEqual(before);
  }, 120_000);

  it('writes the 997 good rows and reports the 3 bad ones with field and reason', async () => {
    const results = await importFile(false);
    expect(outcomes(results)).toEqual({ created: 997, invalid: 3 });
    expect(badOf(results)).toEqual(BAD);
    expect(results.find((r) => r.line === 502)?.params).toEqual({
      kvkNumber: '99999999',
      name: 'Onbekend B.V.',
    });
    expect(results.find((r) => r.line === 102)?.params).toMatchObject({
      kind: 'contract',
      status: 'approved',
    });
    created = results.filter((r) => r.outcome === 'created');
    expect(new Set(created.map((r) => r.id)).size).toBe(997);
    // Each in the file's status, with its parties matched by KvK and given the role of their kind.
    const sample = await Promise.all(
      [0, 1, 2, 3, 4].map((i) => api.query('agreement.get', { id: created[i]!.id! }, token)),
    );
    expect(
      sample.map(({ body }) => {
        const a = body.result.data;
        return [a.kind, a.status, a.parties.map((p: { role: string }) => p.role).join(','), a.approval];
      }),
    ).toEqual([
      ['contract', 'active', 'contractor', null],
      ['service_agreement', 'expired', 'contractor', null],
      ['subsidy', 'requested', 'recipient', null],
      ['joint_arrangement', 'terminated', '', null],
      ['contract', 'draft', 'contractor,contractor', null],
    ]);
  }, 120_000);

  it('gives every imported agreement one audit event that says it was imported, and its chain verifies', async () => {
    const byLine = new Map(file.map((r) => [r.line, r]));
    const queue = [...created];
    const problems: string[] = [];
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let next = queue.shift(); next; next = queue.shift()) {
          const [verify, history] = await Promise.all([
            api.query('agreement.verifyAudit', { id: next.id! }, token),
            api.query('agreement.history', { id: next.id! }, token),
          ]);
          const events = history.body.result.data;
          const status = byLine.get(next.line)!.status;
          if (!verify.body.result.data.valid) problems.push(`${next.reference}: chain broken`);
          if (
            events.length !== 1 ||
            events[0].action !== 'agreement.import' ||
            events[0].changes.importedStatus?.after !== status ||
            events[0].changes.status?.after !== status
          )
            problems.push(
              `${next.reference}: ${JSON.stringify(events.map((e: { action: string }) => e.action))}`,
            );
        }
      }),
    );
    expect(problems).toEqual([]);
  }, 120_000);

  it('a re-import of the same file writes nothing: every written row exists, with its id', async () => {
    const before = await tableFingerprint(api.db);
    const results = await importFile(false);
    expect(outcomes(results)).toEqual({ exists: 997, invalid: 3 });
    expect(results.filter((r) => r.outcome === 'exists').map((r) => r.id)).toEqual(created.map((r) => r.id));
    expect(badOf(results)).toEqual(BAD);
    expect(await tableFingerprint(api.db)).toEqual(before);
  }, 120_000);
});
