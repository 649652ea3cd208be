import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  ButtonLink,
  FormField,
  FormLabel,
  Paragraph,
  Select,
  SelectOption,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textbox,
} from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'wouter';
import { BudgetBadge } from '../features/budget/BudgetBadge';
import { RegisterExportButtons } from '../features/exports/ExportButtons';
import {
  type FilterName,
  type RegisterFilters,
  readFilters,
  SEARCH_MAX,
  withFilter,
} from '../features/register/filters';
import { domainLabel, kindLabel, statusLabel } from '../lib/agreements/labels';
import {
  type AgreementSummary,
  canWrite,
  DOMAINS,
  isProviderUser,
  KINDS,
  STATUSES,
} from '../lib/agreements/model';
import { formatDate, formatMoney, localeFor } from '../lib/format';
import { PageHeading, usePageTitle } from '../lib/page';
import { useTRPC, useTRPCClient } from '../lib/trpc';

/** One page of the register; the API allows up to 100. */
const PAGE_SIZE = 50;

function FilterSelect({
  name,
  label,
  value,
  options,
  onChange,
  emptyLabel,
}: {
  name: FilterName;
  label: string;
  value: string | undefined;
  options: { value: string; label: string }[];
  onChange: (name: FilterName, value: string) => void;
  /** The option for "no filter"; the register of one's own organisation for `space`; the default sort. */
  emptyLabel: string;
}) {
  const id = `filter-${name}`;
  return (
    <FormField
      className="regie-filters__field"
      label={<FormLabel htmlFor={id}>{label}</FormLabel>}
      input={
        <Select
          id={id}
          name={name}
          value={value ?? ''}
          onChange={(event) => onChange(name, event.target.value)}
        >
          <SelectOption value="">{emptyLabel}</SelectOption>
          {options.map((option) => (
            <SelectOption key={option.value} value={option.value}>
              {option.label}
            </SelectOption>
          ))}
        </Select>
      }
    />
  );
}

/** The search words, sent on submit (a request per keystroke would be wasteful and noisy for screen readers). */
function SearchForm({ value, onSearch }: { value: string; onSearch: (q: string) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(value);
  const [seen, setSeen] = useState(value);
  // The address changed (back button, "Filters wissen"): the box follows it.
  if (value !== seen) {
    setSeen(value);
    setText(value);
  }
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSearch(text.trim().slice(0, SEARCH_MAX));
  }
  return (
    <form className="regie-search" onSubmit={submit}>
      <FormField
        className="regie-filters__field regie-search__field"
        label={<FormLabel htmlFor="filter-q">{t('register.searchLabel')}</FormLabel>}
        input={
          <Textbox
            id="filter-q"
            name="q"
            type="search"
            autoComplete="off"
            maxLength={SEARCH_MAX}
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
        }
      />
      <Button type="submit" appearance="secondary-action-button">
        {t('register.searchSubmit')}
      </Button>
    </form>
  );
}

function RegisterTable({
  rows,
  busy,
  provider,
}: {
  rows: AgreementSummary[];
  busy: boolean;
  provider: boolean;
}) {
  const { t, i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  return (
    // On a narrow screen the table scrolls sideways; each row's link keeps the region reachable by keyboard.
    <div className="regie-table-scroll">
      <Table data-testid="register-table" busy={busy} className="regie-register-table">
        <TableCaption id="register-caption" className="regie-visually-hidden">
          {t('register.caption')}
        </TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('fields.reference')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('fields.title')}</TableHeaderCell>
            <TableHeaderCell scope="col">{provider ? t('fields.owner') : t('fields.party')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('fields.kind')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('fields.status')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('fields.domain')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('fields.endDate')}</TableHeaderCell>
            <TableHeaderCell scope="col" className="utrecht-table__header-cell--numeric-column">
              {t('fields.valueCeiling')}
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.id}>
              <TableCell className="regie-nowrap">
                <Link href={`/agreements/${encodeURIComponent(row.id)}`} className="utrecht-link">
                  {row.reference}
                </Link>
              </TableCell>
              <TableCell>{row.title}</TableCell>
              <TableCell>
                {row.view === 'party'
                  ? row.ownerName
                  : row.parties.length > 0
                    ? row.parties.map((p) => p.name).join(', ')
                    : t('register.noParty')}
              </TableCell>
              <TableCell>{kindLabel(t, row.kind)}</TableCell>
              <TableCell>{statusLabel(t, row.status)}</TableCell>
              <TableCell>{domainLabel(t, row.domain)}</TableCell>
              <TableCell className="regie-nowrap">
                <time dateTime={row.endDate}>{formatDate(row.endDate, locale)}</time>
              </TableCell>
              <TableCell className="utrecht-table__cell--numeric-column utrecht-table__cell--numeric-data regie-nowrap">
                {row.valueCeilingCents === null
                  ? t('register.noCeiling')
                  : formatMoney(row.valueCeilingCents, locale)}
                {row.view === 'internal' && row.budget && row.budget.level !== 'ok' ? (
                  <>
                    <br />
                    <BudgetBadge level={row.budget.level} />
                  </>
                ) : null}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

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
  // Parties to filter on: the organisations registered in the register shown (municipal users only).
  const partySpace = filters.space ?? me.data?.space;
  const organisations = useQuery({
    ...trpc.organisation.find.queryOptions({ ...(partySpace ? { space: partySpace } : {}), limit: 100 }),
    enabled: me.data !== undefined && !provider,
  });

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
          <Link href="/agreements/new" asChild>
            <ButtonLink appearance="primary-action-button">{t('register.newAgreement')}</ButtonLink>
          </Link>
        ) : null}
      </div>
      <Paragraph>{partyView ? t('register.introProvider') : t('register.intro')}</Paragraph>

      <search className="regie-filters" aria-labelledby="register-filters-heading">
        <h2 id="register-filters-heading" className="regie-visually-hidden">
          {t('register.filters')}
        </h2>
        <SearchForm value={filters.q ?? ''} onSearch={(q) => setFilter('q', q)} />
        <div className="regie-filters__row">
          {me.data && me.data.reach.length > 1 ? (
            <FilterSelect
              name="space"
              label={t('fields.space')}
              value={filters.space}
              emptyLabel={me.data.organisation.name}
              options={me.data.reach
                .filter((reach) => reach.space !== me.data.space)
                .map((reach) => ({ value: reach.space, label: reach.name }))}
              onChange={setFilter}
            />
          ) : null}
          {me.data && !provider ? (
            <FilterSelect
              name="party"
              label={t('fields.party')}
              value={filters.party}
              emptyLabel={t('register.allParties')}
              options={(organisations.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
              onChange={setFilter}
            />
          ) : null}
          <FilterSelect
            name="kind"
            label={t('fields.kind')}
            value={filters.kind}
            emptyLabel={t('register.all')}
            options={KINDS.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }))}
            onChange={setFilter}
          />
          <FilterSelect
            name="status"
            label={t('fields.status')}
            value={filters.status}
            emptyLabel={t('register.all')}
            options={STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) }))}
            onChange={setFilter}
          />
          <FilterSelect
            name="domain"
            label={t('fields.domain')}
            value={filters.domain}
            emptyLabel={t('register.all')}
            options={DOMAINS.map((domain) => ({ value: domain, label: t(`domains.${domain}`) }))}
            onChange={setFilter}
          />
          <FormField
            className="regie-filters__field"
            label={<FormLabel htmlFor="filter-endsBefore">{t('fields.endsBefore')}</FormLabel>}
            input={
              <Textbox
                id="filter-endsBefore"
                name="endsBefore"
                type="date"
                value={filters.endsBefore ?? ''}
                onChange={(event) => setFilter('endsBefore', event.target.value)}
              />
            }
          />
          <FilterSelect
            name="sort"
            label={t('fields.sort')}
            value={filters.sort === 'endDate' ? 'endDate' : undefined}
            emptyLabel={t('register.sortNewest')}
            options={[{ value: 'endDate', label: t('register.sortEndDate') }]}
            onChange={setFilter}
          />
          {filtered ? (
            <Button
              appearance="subtle-button"
              className="regie-filters__clear"
              onClick={() => setParams(filters.space ? { space: filters.space } : {}, { replace: true })}
            >
              {t('register.clearFilters')}
            </Button>
          ) : null}
        </div>
      </search>

      <div role="status" aria-live="polite" className="regie-status">
        {status}
      </div>

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
        <RegisterTable rows={rows} busy={register.isPlaceholderData} provider={partyView} />
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
