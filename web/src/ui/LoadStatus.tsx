import { Alert } from '@utrecht/component-library-react';
import { StatusLine } from './StatusLine';

/**
 * A section's loading line and its error: "… laden…" in the status line while the query is pending, an error
 * alert when it failed (no retry button or empty text: QueryState is the list version with those).
 */
export function LoadStatus({
  query,
  loading,
  error,
}: {
  query: { isPending: boolean; isError: boolean };
  loading: string;
  error: string;
}) {
  return (
    <>
      <StatusLine>{query.isPending ? loading : null}</StatusLine>
      {query.isError ? <Alert type="error">{error}</Alert> : null}
    </>
  );
}
