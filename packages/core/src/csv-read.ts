/**
 * Reading a CSV back (the register import, issue 13): RFC 4180 quoting, `;`, `,` or tab as separator (guessed from
 * the header line: Excel with Dutch settings writes `;`), CRLF or LF, a UTF-8 byte-order mark. Browser-safe.
 */

/** The separator of a CSV: the one of `;`, `,` and tab found most often in its first line, outside quotes. */
export function csvSeparator(text: string): ';' | ',' | '\t' {
  const counts = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && char in counts) counts[char as keyof typeof counts]++;
  }
  if (counts[';'] >= counts[','] && counts[';'] >= counts['\t'] && counts[';'] > 0) return ';';
  return counts['\t'] > counts[','] ? '\t' : ',';
}

/**
 * A CSV's rows as text cells. A cell the export guarded against formula injection (`'=…`, `'-…`: csvTable) is read
 * without its apostrophe, so an export reads back as what it said.
 */
export function parseCsv(input: string): string[][] {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const separator = csvSeparator(text);
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let wasQuoted = false;
  const endCell = () => {
    row.push(unguard(cell));
    cell = '';
    wasQuoted = false;
  };
  const endRow = () => {
    endCell();
    rows.push(row);
    row = [];
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char !== '"') cell += char;
      else if (text[i + 1] === '"') {
        cell += '"';
        i++;
      } else quoted = false;
    } else if (char === '"' && cell === '') {
      quoted = true;
      wasQuoted = true;
    } else if (char === separator) endCell();
    else if (char === '\n') endRow();
    else if (char === '\r') {
      if (text[i + 1] === '\n') i++;
      endRow();
    } else cell += char;
  }
  if (cell !== '' || row.length > 0 || wasQuoted) endRow();
  return rows;
}

/** `'=SUM(A1)` → `=SUM(A1)`: the apostrophe csvTable puts before what a spreadsheet would run. */
function unguard(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}
