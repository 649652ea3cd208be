import {
  IMPORT_BATCH_ROWS,
  type ImportOutcome,
  type ImportProblem,
  type ImportRow,
  type ImportRowResult,
  type ParsedImportRow,
} from '@regie/core/browser';

/**
 * The import page's model, pure: the report of a dry run (the browser's own errors and the server's answers per
 * row), the parties the server did not find, and sending rows in batches of IMPORT_BATCH_ROWS with progress.
 */

export interface ReportRow {
  line: number;
  reference: string;
  outcome: ImportOutcome;
  problems: ImportProblem[];
}

export interface UnknownParty {
  name: string;
  kvkNumber: string;
  /** The register to add it to: where the row's agreement goes. */
  space: string;
}

export interface ImportReport {
  rows: ReportRow[];
  counts: Record<'valid' | 'exists' | 'invalid', number>;
  /** The rows the dry run found writable, in file order: what "Importeren" sends. */
  toImport: ImportRow[];
  unknownParties: UnknownParty[];
}

export function batches<T>(items: readonly T[], size = IMPORT_BATCH_ROWS): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function problemsOf(result: ImportRowResult): ImportProblem[] {
  if (result.outcome !== 'invalid') return [];
  return [
    { field: result.field ?? '', reason: result.reason ?? 'request.invalid', params: result.params ?? {} },
  ];
}

/**
 * The dry run's report: each row of the file once, in file order — the browser's errors where it found any, else
 * the server's answer. `home` is the caller's own space, where a row without an owner goes.
 */
export function buildReport(
  parsed: readonly ParsedImportRow[],
  results: readonly ImportRowResult[],
  home: string,
): ImportReport {
  const byLine = new Map(results.map((r) => [r.line, r]));
  const rows: ReportRow[] = [];
  const toImport: ImportRow[] = [];
  const unknown = new Map<string, UnknownParty>();
  for (const p of parsed) {
    if (p.problems) {
      rows.push({ line: p.line, reference: p.reference, outcome: 'invalid', problems: p.problems });
      continue;
    }
    const result = byLine.get(p.line);
    if (!result) {
      rows.push({
        line: p.line,
        reference: p.reference,
        outcome: 'invalid',
        problems: [{ field: '', reason: 'request.failed', params: {} }],
      });
      continue;
    }
    rows.push({
      line: p.line,
      reference: p.reference,
      outcome: result.outcome,
      problems: problemsOf(result),
    });
    if (result.outcome === 'valid') toImport.push(p.row);
    if (result.reason === 'import.partyNotRegistered') {
      const kvkNumber = String(result.params?.kvkNumber ?? '');
      const space = p.row.space ?? home;
      const named = p.row.parties.find((party) => party.kvkNumber === kvkNumber);
      const name = String(result.params?.name ?? named?.name ?? kvkNumber);
      if (kvkNumber && !unknown.has(`${space}|${kvkNumber}`))
        unknown.set(`${space}|${kvkNumber}`, { name, kvkNumber, space });
    }
  }
  const count = (outcome: ImportOutcome) => rows.filter((r) => r.outcome === outcome).length;
  return {
    rows,
    counts: { valid: count('valid'), exists: count('exists'), invalid: count('invalid') },
    toImport,
    unknownParties: [...unknown.values()],
  };
}

/** A batch run that stopped: the results so far and how many rows they cover, to continue from there. */
export class BatchRunStopped extends Error {
  constructor(
    readonly results: ImportRowResult[],
    readonly done: number,
    readonly failure: unknown,
  ) {
    super('The batch run stopped');
  }
}

/**
 * Sends the rows in batches, one after another (the server writes each batch's rows in order), telling the rows
 * done after each. A failing batch stops the run with what came back so far; `from` continues a stopped run.
 */
export async function runBatches(
  rows: readonly ImportRow[],
  send: (batch: ImportRow[]) => Promise<ImportRowResult[]>,
  onProgress: (done: number) => void,
  from: { results: ImportRowResult[]; done: number } = { results: [], done: 0 },
): Promise<ImportRowResult[]> {
  const results = [...from.results];
  let done = from.done;
  for (const batch of batches(rows.slice(done))) {
    try {
      results.push(...(await send(batch)));
    } catch (error) {
      throw new BatchRunStopped(results, done, error);
    }
    done += batch.length;
    onProgress(done);
  }
  return results;
}

/** What an import wrote: created now, found already there, refused (the file's errors and the server's). */
export function importSummary(report: ImportReport, results: readonly ImportRowResult[]) {
  const count = (outcome: ImportOutcome) => results.filter((r) => r.outcome === outcome).length;
  return {
    created: count('created'),
    exists: report.counts.exists + count('exists'),
    invalid: report.counts.invalid + count('invalid'),
  };
}
