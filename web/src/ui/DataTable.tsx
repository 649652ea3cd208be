import type { ReactNode } from 'react';
import { type ListQuery, QueryState } from './QueryState';
import { TableCell, TableFrame, TableHeaderCell, TableRow } from './TableFrame';

/** One column: its header, how a row fills its cell, and how the cell reads. */
export interface Column<Row> {
  key: string;
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** Right-aligned figures that do not wrap (amounts, volumes, percentages). */
  numeric?: boolean;
  /** The cell that names the row (`<th scope="row">`), usually the first. */
  rowHeader?: boolean;
  /** Keep the cell on one line (dates, references). */
  nowrap?: boolean;
  /** A header only screen readers need (an action column: the buttons say what they do). */
  hiddenHeader?: boolean;
}

const NUMERIC_HEADER = 'utrecht-table__header-cell--numeric-column';
const NUMERIC_CELL = 'utrecht-table__cell--numeric-column utrecht-table__cell--numeric-data regie-nowrap';

/** The class of a column's cells (header row or body), or undefined for a plain one. */
export function cellClass(column: Pick<Column<unknown>, 'numeric' | 'nowrap'>, header: boolean) {
  if (column.numeric) return header ? NUMERIC_HEADER : NUMERIC_CELL;
  return column.nowrap && !header ? 'regie-nowrap' : undefined;
}

/**
 * A table of rows with its caption (hidden unless `captionVisible`: the section's heading already says it
 * for sighted users), scrolling sideways on a narrow screen. With `state`, the table also owns its query's
 * states — "… laden…" in a status line, an error with a retry, the empty text — and shows only with rows.
 */
export function DataTable<Row>({
  caption,
  captionVisible = false,
  columns,
  rows,
  rowKey,
  rowTestId,
  testId,
  state,
}: {
  caption: string;
  captionVisible?: boolean;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  rowTestId?: (row: Row) => string;
  testId?: string;
  state?: { query: ListQuery; loading: string; error: string; empty?: string; status?: string | null };
}) {
  return (
    <>
      {state ? <QueryState {...state} count={rows.length} /> : null}
      {rows.length > 0 ? (
        <TableFrame
          caption={caption}
          captionVisible={captionVisible}
          testId={testId}
          head={columns.map((c) => (
            <TableHeaderCell key={c.key} scope="col" className={cellClass(c, true)}>
              {c.hiddenHeader ? <span className="regie-visually-hidden">{c.header}</span> : c.header}
            </TableHeaderCell>
          ))}
        >
          {rows.map((row) => (
            <TableRow key={rowKey(row)} data-testid={rowTestId?.(row)}>
              {columns.map((c) =>
                c.rowHeader ? (
                  <TableHeaderCell key={c.key} scope="row" className={cellClass(c, false)}>
                    {c.cell(row)}
                  </TableHeaderCell>
                ) : (
                  <TableCell key={c.key} className={cellClass(c, false)}>
                    {c.cell(row)}
                  </TableCell>
                ),
              )}
            </TableRow>
          ))}
        </TableFrame>
      ) : null}
    </>
  );
}
