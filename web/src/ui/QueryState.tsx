import { useTranslation } from 'react-i18next';
import { ListState } from '../lib/outcome';
import { StatusLine } from './StatusLine';

/** The part of a query a list's states read. */
export interface ListQuery {
  isPending: boolean;
  isError: boolean;
  isSuccess: boolean;
  refetch: () => unknown;
}

/** Which state a list is in: still loading, failed, loaded but empty, or with rows to show. */
export function listState(query: Pick<ListQuery, 'isPending' | 'isError' | 'isSuccess'>, count: number) {
  if (query.isError) return 'error' as const;
  if (query.isPending) return 'loading' as const;
  if (query.isSuccess && count === 0) return 'empty' as const;
  return 'rows' as const;
}

/**
 * A list's states in one place: the status line says "… laden…" while the query is pending (or `status`, a
 * count, once loaded), a failure shows an error with "Opnieuw proberen", and an empty result says so in words.
 */
export function QueryState({
  query,
  count = 0,
  loading,
  error,
  empty = '',
  status = null,
}: {
  query: ListQuery;
  /** How many rows there are; with 0 and an `empty` text the list says it is empty (omit for one object). */
  count?: number;
  loading: string;
  error: string;
  empty?: string;
  /** What the status line says once loaded (a count), if anything. */
  status?: string | null;
}) {
  const { t } = useTranslation();
  return (
    <>
      <StatusLine>{query.isPending ? loading : status}</StatusLine>
      <ListState
        query={query}
        isEmpty={empty !== '' && count === 0}
        error={error}
        empty={empty}
        retry={t('app.retry')}
      />
    </>
  );
}
