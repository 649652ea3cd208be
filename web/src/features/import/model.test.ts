import {
  guessMapping,
  IMPORT_BATCH_ROWS,
  type ImportRow,
  type ImportRowResult,
  importTable,
  importTemplate,
  parseImportRows,
} from '@regie/core/browser';
import { describe, expect, it } from 'vitest';
import { BatchRunStopped, batches, buildReport, importSummary, runBatches } from './model';
import { decodeText, isXlsx } from './read-file';

const { headers, example } = importTemplate();
/** The template's example row with a reference and line of its own, read as the page reads a file. */
function parsedFile(references: string[], broken: Record<number, Partial<Record<number, string>>> = {}) {
  const rows = references.map((reference, i) =>
    example.map((cell, column) => (column === 0 ? reference : (broken[i]?.[column] ?? cell))),
  );
  const table = importTable([headers, ...rows]);
  if (!table.ok) throw new Error(table.reason);
  return parseImportRows(table.value, guessMapping(headers));
}

describe('the dry-run report', () => {
  it("puts the browser's errors and the server's answers together, each row once in file order", () => {
    const parsed = parsedFile(['A-1', 'A-2', 'A-3', 'A-4'], { 1: { 6: '31-02-2026' } });
    const results: ImportRowResult[] = [
      { line: 2, reference: 'A-1', outcome: 'valid' },
      { line: 4, reference: 'A-3', outcome: 'exists', id: 'agr-3' },
      {
        line: 5,
        reference: 'A-4',
        outcome: 'invalid',
        field: 'parties',
        reason: 'import.partyNotRegistered',
        params: { kvkNumber: '12345678', name: 'Voorbeeld Zorg B.V.' },
      },
    ];
    const report = buildReport(parsed, results, 'GM0344');
    expect(report.counts).toEqual({ valid: 1, exists: 1, invalid: 2 });
    expect(
      report.rows.map((r) => [r.line, r.outcome, r.problems.map((p) => `${p.field}:${p.reason}`)]),
    ).toEqual([
      [2, 'valid', []],
      [3, 'invalid', ['startDate:import.dateInvalid']],
      [4, 'exists', []],
      [5, 'invalid', ['parties:import.partyNotRegistered']],
    ]);
    expect(report.toImport.map((r) => r.reference)).toEqual(['A-1']);
    expect(report.unknownParties).toEqual([
      { name: 'Voorbeeld Zorg B.V.', kvkNumber: '12345678', space: 'GM0344' },
    ]);
  });

  it('counts a row the server did not answer as not checked, never as valid', () => {
    const report = buildReport(parsedFile(['A-1']), [], 'GM0344');
    expect(report.counts).toEqual({ valid: 0, exists: 0, invalid: 1 });
    expect(report.rows[0]!.problems[0]!.reason).toBe('request.failed');
    expect(report.toImport).toEqual([]);
  });

  it('sums up an import with what the dry run already knew', () => {
    const parsed = parsedFile(['A-1', 'A-2', 'A-3'], { 2: { 2: 'Onbekend' } });
    const report = buildReport(
      parsed,
      [
        { line: 2, reference: 'A-1', outcome: 'valid' },
        { line: 3, reference: 'A-2', outcome: 'exists' },
      ],
      'GM0344',
    );
    expect(importSummary(report, [{ line: 2, reference: 'A-1', outcome: 'created', id: 'x' }])).toEqual({
      created: 1,
      exists: 1,
      invalid: 1,
    });
  });
});

describe('sending in batches', () => {
  const rows = (count: number) =>
    Array.from({ length: count }, (_, i) => ({ line: i + 2, reference: `R-${i}` }) as ImportRow);
  const answer = (batch: ImportRow[]): ImportRowResult[] =>
    batch.map((r) => ({ line: r.line, reference: r.reference, outcome: 'created' }));

  it('cuts rows into batches the API takes', () => {
    expect(batches(rows(250)).map((b) => b.length)).toEqual([IMPORT_BATCH_ROWS, IMPORT_BATCH_ROWS, 50]);
    expect(batches([])).toEqual([]);
  });

  it('sends batch after batch, telling the rows done', async () => {
    const progress: number[] = [];
    const results = await runBatches(
      rows(250),
      async (b) => answer(b),
      (done) => progress.push(done),
    );
    expect(results).toHaveLength(250);
    expect(progress).toEqual([100, 200, 250]);
  });

  it('stops at a failing batch with what came back, and continues from there', async () => {
    let calls = 0;
    const flaky = async (batch: ImportRow[]) => {
      calls++;
      if (calls === 2) throw new Error('network');
      return answer(batch);
    };
    const stopped = await runBatches(rows(250), flaky, () => {}).catch((e: unknown) => e);
    expect(stopped).toBeInstanceOf(BatchRunStopped);
    const { results, done } = stopped as BatchRunStopped;
    expect([results.length, done]).toEqual([100, 100]);
    const sent: string[] = [];
    const rest = await runBatches(
      rows(250),
      async (b) => {
        sent.push(b[0]!.reference);
        return answer(b);
      },
      () => {},
      { results, done },
    );
    expect(sent).toEqual(['R-100', 'R-200']);
    expect(rest.map((r) => r.reference)).toEqual(rows(250).map((r) => r.reference));
  });
});

describe('reading a file', () => {
  it('tells XLSX by its zip signature, and reads CSV text as UTF-8 or else Windows-1252', () => {
    expect(isXlsx(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14]).buffer)).toBe(true);
    expect(isXlsx(new TextEncoder().encode('Kenmerk;Titel').buffer)).toBe(false);
    expect(isXlsx(new ArrayBuffer(0))).toBe(false);
    expect(decodeText(new TextEncoder().encode('Beëindigd').buffer)).toBe('Beëindigd');
    expect(decodeText(new Uint8Array([0x42, 0x65, 0xeb, 0x69]).buffer)).toBe('Beëi');
  });
});
