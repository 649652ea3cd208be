/** A table cell of an export: text, a number, or empty. */
export type Cell = string | number | null;

/**
 * CSV (RFC 4180, comma-separated, CRLF, UTF-8 with a byte-order mark so Excel reads the accents). A cell
 * that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR) gets a leading apostrophe. The import
 * template is `;`-separated: what Excel with Dutch settings opens into columns.
 */
export function csvTable(
  headers: readonly string[],
  rows: readonly (readonly Cell[])[],
  bom = false,
  separator: ',' | ';' = ',',
): string {
  const cell = (value: Cell) => {
    if (value === null) return '';
    let text = String(value);
    if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return /[",\r\n;]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  const lines = [headers.map(cell).join(separator), ...rows.map((r) => r.map(cell).join(separator))];
  return `${bom ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`;
}
