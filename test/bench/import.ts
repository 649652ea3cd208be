import { IMPORT_BATCH_ROWS, type ImportRow, type ImportRowResult } from '@regie/core';
import { createRepositories, type Db } from '@regie/db';
import { SEED_USERS } from '@regie/local';
import type { BenchApi } from './api-server.ts';
import { loadAgreements } from './load.ts';

/**
 * Issue 13 point 5: the register import's rate against the bulk load's. The import goes through the API as the
 * web app sends it — batches of IMPORT_BATCH_ROWS, one after the other, each agreement its own transaction with
 * its audit event — and the bulk load is the scale section's loader (prepareCreate + deadlines, BatchWriteItem, no
 * transactions, no HTTP), over the same number of agreements in the same run. The same file imported by the
 * repository in-process says how much of the time the HTTP round trips take.
 */

const KOMPAS = { kvkNumber: '81234567', name: 'Jeugdhulp Kompas B.V.' };
const WIJKRACHT = { kvkNumber: '40123456', name: 'Stichting Wijkracht Noord-Veluwe' };
const WORDS = ['jeugdhulp', 'begeleiding', 'huishoudelijke', 'ondersteuning', 'welzijn', 'vervoer'];

/** A register file of `count` rows: every kind, in a status it may arrive in, with registered parties. */
export function importFile(count: number, prefix: string): ImportRow[] {
  return Array.from({ length: count }, (_, i) => {
    const year = 2024 + (i % 4);
    const base = {
      line: i + 2,
      reference: `${prefix}-${String(i).padStart(6, '0')}`,
      title: `${WORDS[i % WORDS.length]} ${WORDS[(i * 7) % WORDS.length]} ${i}`,
      domain: 'youth' as const,
      startDate: `${year}-01-01`,
      endDate: `${year + 1 + (i % 3)}-${String((i % 12) + 1).padStart(2, '0')}-28`,
      noticePeriodMonths: 3,
      valueCeilingCents: 1_000_000 + i,
      parties: [KOMPAS],
    };
    switch (i % 4) {
      case 0:
        return { ...base, kind: 'contract', status: 'active' };
      case 1:
        return { ...base, kind: 'service_agreement', status: 'expired', parties: [WIJKRACHT] };
      case 2:
        return { ...base, kind: 'subsidy', status: 'requested', domain: 'participation' };
      default:
        return { ...base, kind: 'contract', status: 'draft' };
    }
  });
}

/** Sends `rows` in batches through the API; the rows per second and how many came out as `expected`. */
async function viaApi(
  api: BenchApi,
  user: string,
  rows: ImportRow[],
  dryRun: boolean,
  expected: ImportRowResult['outcome'],
) {
  const token = await api.token(user);
  const started = performance.now();
  let matched = 0;
  for (let i = 0; i < rows.length; i += IMPORT_BATCH_ROWS) {
    const response = await fetch(`${api.url}/trpc/agreement.import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ rows: rows.slice(i, i + IMPORT_BATCH_ROWS), dryRun }),
    });
    const body = (await response.json()) as { result?: { data: { results: ImportRowResult[] } } };
    if (!response.ok || !body.result) throw new Error(`agreement.import answered ${response.status}`);
    matched += body.result.data.results.filter((r) => r.outcome === expected).length;
  }
  const rate = rows.length / ((performance.now() - started) / 1000);
  if (matched !== rows.length) throw new Error(`import: ${matched} of ${rows.length} rows ${expected}`);
  return rate;
}

/** The same batches through the repository in this process: the import without HTTP, tRPC and JSON. */
async function inProcess(db: Db, user: string, rows: ImportRow[]) {
  const seed = SEED_USERS.find((u) => u.key === user)!;
  const scope = {
    space: seed.space,
    reach: [seed.space],
    actor: seed.key,
    organisation: seed.space,
    roles: seed.roles,
  };
  const started = performance.now();
  for (let i = 0; i < rows.length; i += IMPORT_BATCH_ROWS) {
    // Repositories are made per request, as the API makes them.
    const results = await createRepositories(db, scope).imports.import(
      rows.slice(i, i + IMPORT_BATCH_ROWS),
      false,
    );
    if (results.some((r) => r.outcome !== 'created')) throw new Error('in-process import: not all created');
  }
  return rows.length / ((performance.now() - started) / 1000);
}

export interface ImportBench {
  count: number;
  /** Rows per second: written through the API, its dry run, its re-import, in-process, and the bulk load. */
  importRate: number;
  dryRunRate: number;
  reimportRate: number;
  inProcessRate: number;
  bulkRate: number;
}

/**
 * `count` rows into Harderwijk through the API (a dry run first, then the import, then the re-import that writes
 * nothing), the same file into Zeewolde in-process, and `count` agreements bulk-loaded into Ermelo around them.
 */
export async function importBench(db: Db, api: BenchApi, count: number): Promise<ImportBench> {
  const bulk = (prefix: string) =>
    loadAgreements(db, 'ermelo.inkoper', Math.ceil(count / 2), prefix, undefined, { deadlines: true });
  const before = await bulk('BIMPA');
  const rows = importFile(count, 'IMP');
  const dryRunRate = await viaApi(api, 'harderwijk.inkoper', rows, true, 'valid');
  const importRate = await viaApi(api, 'harderwijk.inkoper', rows, false, 'created');
  const reimportRate = await viaApi(api, 'harderwijk.inkoper', rows, false, 'exists');
  const inProcessRate = await inProcess(db, 'zeewolde.inkoper', rows);
  // Half the bulk load before the import and half after, on the same table; the better of the two is the baseline.
  const bulkRate = Math.max(before, await bulk('BIMPB'));
  return { count, importRate, dryRunRate, reimportRate, inProcessRate, bulkRate };
}
