import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  FormField,
  FormLabel,
  Paragraph,
  Select,
  SelectOption,
} from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'wouter';
import { isProviderUser, ORGANISATION_ROLES, SPACE_PATTERN } from '../../lib/agreements/model';
import { PageHeading, usePageTitle } from '../../lib/page';
import { useTRPC, useTRPCClient } from '../../lib/trpc';
import { Section } from '../../ui/Section';
import { StatusLine } from '../../ui/StatusLine';
import { CreateOrganisationForm } from './CreateOrganisationForm';
import { OrganisationsTable } from './OrganisationsTable';

const PAGE_SIZE = 50;

/** `/organisations`: the providers and joint bodies registered in one's own register or a region's. */
export function OrganisationsPage() {
  const { t } = useTranslation();
  usePageTitle(t('organisations.title'));
  const trpc = useTRPC();
  const client = useTRPCClient();
  const [params, setParams] = useSearchParams();
  const me = useQuery(trpc.me.get.queryOptions());
  const requested = params.get('space');
  const registers = (me.data?.reach ?? []).filter((r) => r.kind !== 'provider');
  const space =
    requested && SPACE_PATTERN.test(requested) && registers.some((r) => r.space === requested)
      ? requested
      : me.data?.space;
  const spaceName = registers.find((r) => r.space === space)?.name ?? space ?? '';
  const provider = isProviderUser(me.data);
  const input = { ...(space ? { space } : {}), limit: PAGE_SIZE };

  const list = useInfiniteQuery({
    queryKey: trpc.organisation.find.infiniteQueryKey(input),
    queryFn: ({ pageParam, signal }) =>
      client.organisation.find.query(pageParam ? { ...input, cursor: pageParam } : input, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled: space !== undefined && !provider,
  });
  const rows = list.data?.pages.flatMap((page) => page.items) ?? [];
  const canCreate = me.data?.roles.some((role) => ORGANISATION_ROLES.includes(role)) ?? false;

  let status = '';
  if (list.isLoading) status = t('organisations.loading');
  else if (list.isFetchingNextPage) status = t('organisations.loadingMore');
  else if (list.isSuccess && !list.isPlaceholderData)
    status = t('organisations.shown', { count: rows.length });

  if (provider) {
    return (
      <div>
        <PageHeading>{t('organisations.title')}</PageHeading>
        <Paragraph>{t('organisations.notForProviders')}</Paragraph>
      </div>
    );
  }

  return (
    <div className="regie-organisations">
      <PageHeading>{t('organisations.title')}</PageHeading>
      <Paragraph>{t('organisations.intro')}</Paragraph>

      {registers.length > 1 ? (
        <div className="regie-filters">
          <FormField
            className="regie-filters__field"
            label={<FormLabel htmlFor="organisations-space">{t('fields.space')}</FormLabel>}
            input={
              <Select
                id="organisations-space"
                value={space ?? ''}
                onChange={(e) =>
                  setParams(e.target.value === me.data?.space ? {} : { space: e.target.value }, {
                    replace: true,
                  })
                }
              >
                {registers.map((r) => (
                  <SelectOption key={r.space} value={r.space}>
                    {r.name}
                  </SelectOption>
                ))}
              </Select>
            }
          />
        </div>
      ) : null}

      <Section id="organisations-list" title={t('organisations.listTitle', { space: spaceName })}>
        <StatusLine>{status}</StatusLine>
        {list.isError ? (
          <Alert type="error">
            <Paragraph>{t('organisations.error')}</Paragraph>
            <Button appearance="secondary-action-button" onClick={() => void list.refetch()}>
              {t('app.retry')}
            </Button>
          </Alert>
        ) : null}
        {list.isSuccess && rows.length === 0 && !list.hasNextPage ? (
          <Paragraph className="regie-empty">{t('organisations.none')}</Paragraph>
        ) : null}
        {rows.length > 0 ? <OrganisationsTable rows={rows} busy={list.isPlaceholderData} /> : null}
        {list.hasNextPage ? (
          <div className="regie-load-more">
            <Button
              appearance="secondary-action-button"
              busy={list.isFetchingNextPage}
              disabled={list.isFetchingNextPage}
              onClick={() => void list.fetchNextPage()}
            >
              {t('register.loadMore')}
            </Button>
          </div>
        ) : null}
      </Section>

      {me.data && space && canCreate ? (
        <CreateOrganisationForm key={space} space={space} spaceName={spaceName} me={me.data} />
      ) : null}
    </div>
  );
}
