import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Alert, Button, ButtonLink, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'wouter';
import { BudgetBadge } from '../features/budget/BudgetBadge';
import { RegisterExportButtons } from '../features/exports/ExportButtons';
import { type FilterName, type RegisterFilters, readFilters, withFilter } from '../features/register/filters';
import { RegisterFilterBar } from '../features/register/RegisterFilters';
import { RegisterTable } from '../features/register/RegisterTable';
import { type AgreementSummary, canWrite, isProviderUser } from '../lib/agreements/model';
import { PageHeading, usePageTitle } from '../lib/page';
import { useTRPC, useTRPCClient } from '../lib/trpc';
import { StatusLine } from '../ui/StatusLine';

/** One page of the register; the API allows up to 100. */
const PAGE_SIZE = 50;

export function RegisterPage() {
  const { t } = useTranslation();
  usePageTitle(t('register.title'));
  const trpc = useTRPC();
  const client = useTRPCClient();
  const [params, setParams] = useSearchParams();
  const filters: RegisterFilters = readFilters(params);
  const filtered = (['kind', 'status', 'domain', 'party', 'endsBefore', 'q'] as const).some(
    (name) => filters[name] !== undefined,
  );
  const input = { ...filters, limit: PAGE_SIZE };

  const me = useQuery(trpc.me.get.queryOptions());
  const provider = isProviderUser(me.data);
  // Hidden only once we know the user's roles exclude drafting; the server's role check decides regardless.
  const canCreate = !me.data || canWrite(me.data);

  // The cursor is added by hand (not `infiniteQueryOptions`): that helper also sends `direction`, which the
  // API's strict inputs reject. The key is still tRPC's, so invalidating `agreement.find` reaches this query.
  const register = useInfiniteQuery({
    queryKey: trpc.agreement.find.infiniteQueryKey(input),
    queryFn: ({ pageParam, signal }) =>
      client.agreement.find.query(pageParam ? { ...input, cursor: pageParam } : input, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  const rows: AgreementSummary[] =
    register.data?.pages.flatMap((page): AgreementSummary[] => page.items) ?? [];
  // Before `me` is known, the rows tell which view this is.
  const partyView = provider || rows.some((row) => row.view === 'party');

  /** After "Meer laden", focus goes to the first new row: the button may be gone, and that is where to read on. */
  async function loadMore() {
    const firstNew = rows.length;
    const result = await register.fetchNextPage();
    if (result.isError) return;
    requestAnimationFrame(() => {
      const link = document.querySelectorAll<HTMLAnchorElement>('[data-testid="register-table"] tbody tr a')[
        firstNew
      ];
      link?.focus();
    });
  }

  function setFilter(name: FilterName, value: string) {
    setParams((previous) => withFilter(previous, name, value), { replace: true });
  }

  let status = '';
  if (register.isPending) status = t('register.loading');
  else if (register.isFetchingNextPage) status = t('register.loadingMore');
  else if (register.isSuccess && !register.isPlaceholderData) {
    status = t('register.shown', { count: rows.length });
    if (register.hasNextPage) status += ` ${t('register.moreAvailable')}`;
  }

  return (
    <div className="regie-register">
      <div className="regie-page-top">
        <PageHeading>{t('register.title')}</PageHeading>
        {!partyView ? <RegisterExportButtons filters={filters} /> : null}
        {canCreate && !partyView ? (
          <Link href="/register/import" asChild>
            <ButtonLink appearance="secondary-action-button">{t('registerImport.link')}</ButtonLink>
          </Link>
        ) : null}
        {canCreate && !partyView ? (
          <Link href="/agreements/new" asChild>
            <ButtonLink appearance="primary-action-button">{t('register.newAgreement')}</ButtonLink>
          </Link>
        ) : null}
      </div>
      <Paragraph>{partyView ? t('register.introProvider') : t('register.intro')}</Paragraph>

      <RegisterFilterBar
        filters={filters}
        filtered={filtered}
        me={me.data}
        setFilter={setFilter}
        clear={() => setParams(filters.space ? { space: filters.space } : {}, { replace: true })}
      />

      <StatusLine>{status}</StatusLine>

      {register.isError ? (
        <Alert type="error">
          <Paragraph>{t('register.error')}</Paragraph>
          <Button appearance="secondary-action-button" onClick={() => void register.refetch()}>
            {t('app.retry')}
          </Button>
        </Alert>
      ) : null}

      {register.isSuccess && rows.length === 0 && !register.hasNextPage ? (
        <Paragraph className="regie-empty">
          {filtered
            ? t('register.emptyFiltered')
            : partyView
              ? t('register.emptyProvider')
              : t('register.empty')}
        </Paragraph>
      ) : null}

      {rows.length > 0 ? (
        <RegisterTable
          rows={rows}
          busy={register.isPlaceholderData}
          provider={partyView}
          budgetBadge={(level) => <BudgetBadge level={level} />}
        />
      ) : null}

      {register.hasNextPage ? (
        <div className="regie-load-more">
          <Button
            appearance="secondary-action-button"
            busy={register.isFetchingNextPage}
            disabled={register.isFetchingNextPage}
            onClick={() => void loadMore()}
          >
            {t('register.loadMore')}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
