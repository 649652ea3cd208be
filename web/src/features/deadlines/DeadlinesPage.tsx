import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Button,
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
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { isProviderUser } from '../../lib/agreements/model';
import { formatDate, formatDateTime, localeFor } from '../../lib/format';
import { ListState, useOutcome } from '../../lib/outcome';
import { PageHeading, usePageTitle } from '../../lib/page';
import { feedOrigin } from '../../lib/runtime-config';
import { useTRPC, useTRPCClient } from '../../lib/trpc';
import { Section } from '../../ui/Section';
import { StatusLine } from '../../ui/StatusLine';
import { type DatedRow, deadlineTitle, PERIODS, type Period, roleList } from './model';

/** The signals for the caller's roles (SPEC §5.3), newest first, each to be marked read. */
function InboxSection() {
  const { t, i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const inbox = useQuery(trpc.inbox.list.queryOptions({}));
  const { announce, outcome } = useOutcome('inbox-outcome');
  const mark = useMutation({
    mutationKey: trpc.inbox.markRead.mutationKey(),
    mutationFn: (ids: { space: string; signalId: string }[]) => client.inbox.markRead.mutate({ ids }),
    onSuccess: async (result) => {
      announce(t('deadlines.inbox.marked', { count: result.marked }));
      await queryClient.invalidateQueries({ queryKey: trpc.inbox.list.queryKey() });
    },
    onError: () => announce(t('deadlines.inbox.failed')),
  });
  const items = inbox.data?.items ?? [];
  const unread = items.filter((s) => !s.read);
  return (
    <Section
      id="inbox"
      title={t('deadlines.inbox.heading')}
      actions={
        unread.length > 1 ? (
          <Button
            appearance="secondary-action-button"
            disabled={mark.isPending}
            onClick={() => mark.mutate(unread.map((s) => ({ space: s.space, signalId: s.signalId })))}
          >
            {t('deadlines.inbox.markAll')}
          </Button>
        ) : null
      }
    >
      <StatusLine testId="inbox-status">
        {inbox.isLoading ? t('deadlines.inbox.loading') : null}
        {inbox.isSuccess ? t('deadlines.inbox.count', { count: inbox.data.unread }) : null}
      </StatusLine>
      {outcome}
      <ListState
        query={inbox}
        empty={t('deadlines.inbox.empty')}
        error={t('deadlines.inbox.error')}
        isEmpty={items.length === 0}
        retry={t('app.retry')}
      />
      {items.length > 0 ? (
        <div className="regie-table-scroll">
          <Table className="regie-table" data-testid="inbox-table">
            <TableCaption className="regie-visually-hidden">{t('deadlines.inbox.caption')}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('deadlines.inbox.when')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('deadlines.inbox.what')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('deadlines.inbox.agreement')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('deadlines.inbox.status')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {items.map((s) => {
                const what = deadlineTitle(t, s);
                return (
                  <TableRow key={`${s.space}.${s.signalId}`} data-testid={`signal-${s.signalId}`}>
                    <TableCell className="regie-nowrap">
                      {formatDate(s.date, locale)}
                      <br />
                      <span className="regie-hint">{t(`deadlines.leads.${String(s.lead) as '0'}`)}</span>
                    </TableCell>
                    <TableCell>{what}</TableCell>
                    <TableCell>
                      <Link
                        href={`/agreements/${encodeURIComponent(s.agreementId)}`}
                        className="utrecht-link"
                      >
                        {s.reference}
                      </Link>{' '}
                      {s.title}
                    </TableCell>
                    <TableCell>
                      {s.read ? (
                        t('deadlines.inbox.read')
                      ) : (
                        <>
                          <strong>{t('deadlines.inbox.unread')}</strong>{' '}
                          <Button
                            appearance="subtle-button"
                            disabled={mark.isPending}
                            aria-label={t('deadlines.inbox.markReadLabel', { what, reference: s.reference })}
                            onClick={() => mark.mutate([{ space: s.space, signalId: s.signalId }])}
                          >
                            {t('deadlines.inbox.markRead')}
                          </Button>
                        </>
                      )}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </div>
      ) : null}
    </Section>
  );
}

/** What falls due in the caller's spaces, in date order, a page at a time. */
function UpcomingSection() {
  const { t, i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  const trpc = useTRPC();
  const client = useTRPCClient();
  const [days, setDays] = useState<Period>(90);
  const input = { days, limit: 50 };
  const list = useInfiniteQuery({
    queryKey: trpc.deadline.upcoming.infiniteQueryKey(input),
    queryFn: ({ pageParam, signal }) =>
      client.deadline.upcoming.query(pageParam ? { ...input, cursor: pageParam } : input, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.cursor ?? undefined,
  });
  const rows: DatedRow[] = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Section id="upcoming" title={t('deadlines.upcoming.heading')}>
      <FormField
        label={<FormLabel htmlFor="upcoming-period">{t('deadlines.upcoming.period')}</FormLabel>}
        input={
          <Select
            id="upcoming-period"
            value={String(days)}
            onChange={(event) => setDays(Number(event.target.value) as Period)}
          >
            {PERIODS.map((p) => (
              <SelectOption key={p} value={String(p)}>
                {t(`deadlines.upcoming.days_${p}`)}
              </SelectOption>
            ))}
          </Select>
        }
      />
      <StatusLine>
        {list.isLoading ? t('deadlines.upcoming.loading') : null}
        {list.isSuccess ? t('deadlines.upcoming.shown', { count: rows.length }) : null}
      </StatusLine>
      <ListState
        query={list}
        empty={t('deadlines.upcoming.empty')}
        error={t('deadlines.upcoming.error')}
        isEmpty={rows.length === 0}
        retry={t('app.retry')}
      />
      {rows.length > 0 ? (
        <div className="regie-table-scroll">
          <Table className="regie-table" data-testid="upcoming-table">
            <TableCaption className="regie-visually-hidden">
              {t('deadlines.upcoming.caption', { days })}
            </TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('deadlines.upcoming.date')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('deadlines.upcoming.what')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('deadlines.upcoming.agreement')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('deadlines.upcoming.space')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('deadlines.upcoming.who')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((d) => (
                <TableRow key={`${d.space}.${d.id}`} data-testid={`deadline-${d.id}`}>
                  <TableCell className="regie-nowrap">{formatDate(d.date, locale)}</TableCell>
                  <TableCell>{deadlineTitle(t, d)}</TableCell>
                  <TableCell>
                    <Link href={`/agreements/${encodeURIComponent(d.agreementId)}`} className="utrecht-link">
                      {d.reference}
                    </Link>{' '}
                    {d.title}
                  </TableCell>
                  <TableCell>{d.space}</TableCell>
                  <TableCell>{roleList(t, d.roles)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      ) : null}
      {list.hasNextPage ? (
        <Button
          appearance="secondary-action-button"
          disabled={list.isFetchingNextPage}
          onClick={() => void list.fetchNextPage()}
        >
          {t('deadlines.upcoming.more')}
        </Button>
      ) : null}
    </Section>
  );
}

/** The personal iCal feed: create (the secret is shown once), replace, revoke. */
function IcalSection() {
  const { t, i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const status = useQuery(trpc.ical.status.queryOptions({}));
  const [url, setUrl] = useState<string | null>(null);
  const { announce, outcome } = useOutcome('ical-outcome');
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.ical.status.queryKey() });
  const create = useMutation({
    mutationKey: trpc.ical.create.mutationKey(),
    mutationFn: () => client.ical.create.mutate({}),
    onSuccess: async (result) => {
      setUrl(`${await feedOrigin()}${result.path}`);
      announce(t('deadlines.ical.created'));
      await refresh();
    },
    onError: () => announce(t('deadlines.ical.failed')),
  });
  const revoke = useMutation({
    mutationKey: trpc.ical.revoke.mutationKey(),
    mutationFn: () => client.ical.revoke.mutate({}),
    onSuccess: async () => {
      setUrl(null);
      announce(t('deadlines.ical.revoked'));
      await refresh();
    },
    onError: () => announce(t('deadlines.ical.failed')),
  });
  const active = status.data?.active ?? false;
  return (
    <Section id="ical" title={t('deadlines.ical.heading')}>
      <Paragraph>{t('deadlines.ical.intro')}</Paragraph>
      {status.isSuccess ? (
        <Paragraph data-testid="ical-status">
          {active && status.data.createdAt
            ? t('deadlines.ical.active', { date: formatDateTime(status.data.createdAt, locale) })
            : t('deadlines.ical.inactive')}
        </Paragraph>
      ) : null}
      {outcome}
      {url ? (
        <FormField
          label={<FormLabel htmlFor="ical-url">{t('deadlines.ical.urlLabel')}</FormLabel>}
          input={
            <Textbox
              id="ical-url"
              readOnly
              value={url}
              data-testid="ical-url"
              onFocus={(e) => e.currentTarget.select()}
            />
          }
        />
      ) : null}
      <div className="regie-status-actions">
        <Button
          appearance={active ? 'secondary-action-button' : 'primary-action-button'}
          disabled={create.isPending || status.isLoading}
          onClick={() => create.mutate()}
        >
          {active ? t('deadlines.ical.rotate') : t('deadlines.ical.create')}
        </Button>
        {active ? (
          <Button
            appearance="secondary-action-button"
            disabled={revoke.isPending}
            onClick={() => revoke.mutate()}
          >
            {t('deadlines.ical.revoke')}
          </Button>
        ) : null}
      </div>
    </Section>
  );
}

export function DeadlinesPage() {
  const { t } = useTranslation();
  usePageTitle(t('deadlines.title'));
  const trpc = useTRPC();
  const me = useQuery(trpc.me.get.queryOptions());
  if (!me.data) return <PageHeading>{t('deadlines.title')}</PageHeading>;
  // The deadline engine serves municipalities and regions; a provider's dues are its own page.
  if (isProviderUser(me.data)) {
    return (
      <div>
        <PageHeading>{t('deadlines.title')}</PageHeading>
        <Paragraph>{t('deadlines.forProviders')}</Paragraph>
        <Paragraph>
          <Link href="/deliver" className="utrecht-link">
            {t('deadlines.toDeliver')}
          </Link>
        </Paragraph>
      </div>
    );
  }
  return (
    <div>
      <PageHeading>{t('deadlines.title')}</PageHeading>
      <Paragraph appearance="lead">{t('deadlines.lead')}</Paragraph>
      <InboxSection />
      <UpcomingSection />
      <IcalSection />
    </div>
  );
}
