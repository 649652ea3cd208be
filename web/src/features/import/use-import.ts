import {
  type ColumnMapping,
  guessMapping,
  type ImportProblem,
  type ImportRow,
  type ImportRowResult,
  type ImportTable,
  importTable,
  mappingProblems,
  type ParsedImportRow,
  parseImportRows,
} from '@regie/core/browser';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC, useTRPCClient } from '../../lib/trpc';
import { BatchRunStopped, buildReport, type ImportReport, runBatches } from './model';
import { readImportFile } from './read-file';

type Phase = 'idle' | 'reading' | 'checking' | 'importing';
export interface Stopped {
  step: 'check' | 'import';
  results: ImportRowResult[];
  done: number;
  total: number;
}

/**
 * The import's steps as state: read a file, map its columns, check it (the browser's reading, then the server's
 * dry run in batches), import the rows the check found writable (in batches, with progress). A batch that fails
 * stops the step; `retry` continues from there.
 */
export function useImport(home: string) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const [phase, setPhase] = useState<Phase>('idle');
  const [file, setFile] = useState<{ name: string; table: ImportTable } | null>(null);
  const [fileProblem, setFileProblem] = useState<ImportProblem | null>(null);
  const [mapping, setMappingState] = useState<ColumnMapping>({});
  const [mappingErrors, setMappingErrors] = useState<ImportProblem[]>([]);
  const [parsed, setParsed] = useState<ParsedImportRow[]>([]);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [results, setResults] = useState<ImportRowResult[] | null>(null);
  const [stopped, setStopped] = useState<Stopped | null>(null);

  const send = (dryRun: boolean) => async (rows: ImportRow[]) =>
    (await client.agreement.import.mutate({ rows, dryRun })).results;

  function resetFrom(step: 'file' | 'check' | 'import') {
    if (step === 'file') {
      setFile(null);
      setFileProblem(null);
      setMappingErrors([]);
    }
    if (step !== 'import') setReport(null);
    setResults(null);
    setStopped(null);
    setProgress(null);
  }

  async function chooseFile(chosen: File | undefined) {
    resetFrom('file');
    if (!chosen) return;
    setPhase('reading');
    try {
      const table = importTable(await readImportFile(chosen));
      if (!table.ok) setFileProblem({ field: 'file', reason: table.reason, params: table.params });
      else {
        setFile({ name: chosen.name, table: table.value });
        setMappingState(guessMapping(table.value.headers));
      }
    } catch {
      setFileProblem({ field: 'file', reason: 'import.fileUnreadable', params: {} });
    } finally {
      setPhase('idle');
    }
  }

  function setMapping(next: ColumnMapping) {
    setMappingState(next);
    setMappingErrors([]);
    resetFrom('check');
  }

  async function dryRun(rows: ParsedImportRow[], from?: Stopped) {
    const valid = rows.flatMap((p) => (p.row ? [p.row] : []));
    setPhase('checking');
    setStopped(null);
    setProgress({ done: from?.done ?? 0, total: valid.length });
    try {
      const answers = await runBatches(
        valid,
        send(true),
        (done) => setProgress({ done, total: valid.length }),
        from,
      );
      setReport(buildReport(rows, answers, home));
    } catch (error) {
      if (!(error instanceof BatchRunStopped)) throw error;
      setStopped({ step: 'check', results: error.results, done: error.done, total: valid.length });
    } finally {
      setPhase('idle');
    }
  }

  /** "Controleren": the mapping's required columns, every row read, then the server's dry run. */
  async function check(): Promise<boolean> {
    if (!file || phase !== 'idle') return false;
    resetFrom('check');
    const missing = mappingProblems(mapping);
    setMappingErrors(missing);
    if (missing.length > 0) return false;
    const rows = parseImportRows(file.table, mapping);
    setParsed(rows);
    await dryRun(rows);
    return true;
  }

  async function importRows(from?: Stopped) {
    if (!report || phase !== 'idle') return;
    const rows = report.toImport;
    setPhase('importing');
    setStopped(null);
    setProgress({ done: from?.done ?? 0, total: rows.length });
    try {
      setResults(
        await runBatches(rows, send(false), (done) => setProgress({ done, total: rows.length }), from),
      );
    } catch (error) {
      if (!(error instanceof BatchRunStopped)) throw error;
      setStopped({ step: 'import', results: error.results, done: error.done, total: rows.length });
    } finally {
      setPhase('idle');
      await queryClient.invalidateQueries({ queryKey: trpc.agreement.find.pathKey() });
    }
  }

  function retry() {
    if (!stopped) return;
    if (stopped.step === 'check') void dryRun(parsed, stopped);
    else void importRows(stopped);
  }

  return {
    phase,
    file,
    fileProblem,
    mapping,
    setMapping,
    mappingErrors,
    report,
    progress,
    results,
    stopped,
    chooseFile,
    check,
    /** The dry run again, after parties were registered. */
    recheck: () => dryRun(parsed),
    importRows: () => importRows(),
    retry,
  };
}
