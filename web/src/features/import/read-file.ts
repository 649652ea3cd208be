import { type ImportCell, parseCsv } from '@regie/core/browser';

/** A file the import cannot read (not CSV or XLSX, or broken): the page says `import.fileUnreadable`. */
export class UnreadableFile extends Error {}

/**
 * An XLSX (a zip: it starts with `PK\x03\x04`) whatever its name says; anything else is read as CSV text. A name
 * is not enough: a download may have none, and a CSV may be called `.xlsx`.
 */
export function isXlsx(bytes: ArrayBuffer): boolean {
  const head = new Uint8Array(bytes, 0, Math.min(4, bytes.byteLength));
  return head.length === 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
}

/**
 * The rows of the file's first sheet as cells. XLSX through read-excel-file (20 KB gzip, loaded only here: the
 * smallest maintained browser reader; SheetJS is 120 KB, exceljs 270 KB) gives numbers, booleans and date cells as
 * they are typed; a CSV (UTF-8, with or without a byte-order mark; `;`, `,` or tab) gives text.
 */
export async function readImportFile(file: File): Promise<ImportCell[][]> {
  try {
    const bytes = await file.arrayBuffer();
    if (isXlsx(bytes)) {
      const { readSheet } = await import('read-excel-file/browser');
      return (await readSheet(bytes)) as unknown as ImportCell[][];
    }
    return parseCsv(decodeText(bytes));
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
