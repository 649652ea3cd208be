import { DataList, DataListItem, DataListKey, DataListValue } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';

/** Key/value pairs (a `<dl>` from the design system): agreement terms, budget totals, a relation's settings. */
export function DefinitionList({
  children,
  className = 'regie-data-list',
  testId,
}: {
  children?: ReactNode;
  className?: string;
  testId?: string;
}) {
  return (
    <DataList className={className} data-testid={testId}>
      {children}
    </DataList>
  );
}

/** True when a definition has nothing to show, so `empty` ("niet opgegeven") is said instead of a blank. */
export const isBlank = (value: ReactNode) => value === '' || value === null || value === undefined;

/** One pair of a definition list; `empty` is shown (in italics) for a blank value. */
export function Definition({
  label,
  children,
  testId,
  empty,
}: {
  label: ReactNode;
  children?: ReactNode;
  testId?: string;
  empty?: string;
}) {
  return (
    <DataListItem data-testid={testId}>
      <DataListKey>{label}</DataListKey>
      <DataListValue>{empty !== undefined && isBlank(children) ? <em>{empty}</em> : children}</DataListValue>
    </DataListItem>
  );
}
