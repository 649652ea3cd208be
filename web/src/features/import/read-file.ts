import { type ImportCell, parseCsv } from '@regie/core/browser';

/** A file the import cannot read (not CSV or XLSX, or broken): the page says `import.fileUnreadable`. */
export class UnreadableFile extends Error {}

/** An `.xlsx` by name or type; anything else is read as CSV text. */
export function isXlsx(file: Pick<File, 'name' | 'type'>): boolean {
  return (
    /\.xlsx$/i.test(file.name) ||
    file.type === 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
  );
}

/**
 * The rows of the file's first sheet as cells. XLSX through read-excel-file (20 KB gzip, loaded only here: the
 * smallest maintained browser reader; SheetJS is 120 KB, exceljs 270 KB) gives numbers, booleans and date cells as
 * they are typed; a CSV (UTF-8, with or without a byte-order mark; `;`, `,` or tab) gives text.
 */
export async function readImportFile(file: File): Promise<ImportCell[][]> {
  try {
    if (isXlsx(file)) {
      const { readSheet } = await import('read-excel-file/browser');
      return (await readSheet(file)) as unknown as ImportCell[][];
    }
    return parseCsv(decodeText(await file.arrayBuffer()));
  } catch (error) {
    throw new UnreadableFile(error instanceof Error ? error.message : String(error));
  }
}

/** UTF-8; a file that is not (Excel's plain "CSV" on Windows saves Windows-1252) is read as Windows-1252. */
export function decodeText(bytes: ArrayBuffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}
