import { Table, TableBody, TableCaption, TableHeader, TableRow } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';

// The parts a caller fills a frame with, from the same place as the frame.
export { TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';

/**
 * The frame of a table: scrolling sideways on a narrow screen, its caption (hidden unless `captionVisible`: the
 * section's heading already says it for sighted users), one header row of `head` cells and the body's rows.
 */
export function TableFrame({
  caption,
  captionVisible = false,
  testId,
  head,
  children,
}: {
  caption: ReactNode;
  captionVisible?: boolean;
  testId?: string;
  /** The header row's cells (`<TableHeaderCell scope="col">`). */
  head: ReactNode;
  children?: ReactNode;
}) {
  return (
    <div className="regie-table-scroll">
      <Table className="regie-table" data-testid={testId}>
        <TableCaption className={captionVisible ? 'regie-table__caption' : 'regie-visually-hidden'}>
          {caption}
        </TableCaption>
        <TableHeader>
          <TableRow>{head}</TableRow>
        </TableHeader>
        <TableBody>{children}</TableBody>
      </Table>
    </div>
  );
}
