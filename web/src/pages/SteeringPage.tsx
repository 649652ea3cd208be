import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { SignalsSection } from '../features/budget/SignalsSection';
import { DueSection } from '../features/reports/DueSection';
import { DashboardSection } from '../features/steering/DashboardSection';
import { isProviderUser, type Me } from '../lib/agreements/model';
import { PageHeading, usePageTitle } from '../lib/page';
import { useTRPC, useTRPCClient } from '../lib/trpc';
import { Section } from '../ui/Section';
import { StatusLine } from '../ui/StatusLine';

const PAGE_SIZE = 50;

/** The role conflicts of one register (the municipality's own, or a region's), with "Meer laden" beyond a page. */
function ConflictsOfSpace({ space }: { space: Me['reach'][number] }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const input = { space: space.space, limit: PAGE_SIZE };
  const list = useInfiniteQuery({
    queryKey: trpc.steering.roleConflicts.infiniteQueryKey(input),
    queryFn: ({ pageParam, signal }) =>
      client.steering.roleConflicts.query(pageParam ? { ...input, cursor: pageParam } : input, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
  const rows = list.data?.pages.flatMap((page) => page.items) ?? [];
  const headingId = `conflicts-${space.space}-heading`;
  return (
    <section
      className="regie-subsection"
      aria-labelledby={headingId}
      data-testid={`conflicts-${space.space}`}
    >
      <h3 className="regie-subheading" id={headingId}>
        {space.name}
      </h3>
      <StatusLine>{list.isLoading ? t('steering.report.loading') : null}</StatusLine>
      {list.isError ? (
        <Alert type="error">
          <Paragraph>{t('steering.report.error')}</Paragraph>
          <Button appearance="secondary-action-button" onClick={() => void list.refetch()}>
            {t('app.retry')}
          </Button>
        </Alert>
      ) : null}
      {list.isSuccess && rows.length === 0 ? (
        <Paragraph className="regie-empty">{t('steering.report.none')}</Paragraph>
      ) : null}
      {rows.length > 0 ? (
        <div className="regie-table-scroll">
          <Table className="regie-table">
            <TableCaption className="regie-visually-hidden">
              {t('steering.report.caption', { space: space.name })}
            </TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('fields.reference')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('fields.title')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('steering.report.portfolioHolder')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((row) => (
                <TableRow key={row.agreementId}>
                  <TableHeaderCell scope="row" className="regie-nowrap">
                    <Link
                      href={`/agreements/${encodeURIComponent(row.agreementId)}`}
                      className="utrecht-link"
                    >
                      {row.reference}
                    </Link>
                  </TableHeaderCell>
                  <TableCell>{row.title}</TableCell>
                  <TableCell>{row.portfolioHolder}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      ) : null}
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
    </section>
  );
}

/**
 * `/steering`: tenant-wide steering reports: budget signals of the own register (SPEC §4.4), the reports due
 * per register with the late ones first (SPEC §4.3), and the role conflicts (SPEC §4.2) of the municipality's
 * own register and of each region it works in; the page says plainly what is still to come.
 */
export function SteeringPage() {
  const { t } = useTranslation();
  usePageTitle(t('nav.steering'));
  const trpc = useTRPC();
  const me = useQuery(trpc.me.get.queryOptions());
  const registers = (me.data?.reach ?? []).filter((r) => r.kind === 'municipality' || r.kind === 'region');
  // The own register first, then the regions in the order the API names them.
  const spaces = [
    ...registers.filter((r) => r.space === me.data?.space),
    ...registers.filter((r) => r.space !== me.data?.space),
  ];

  if (me.data && isProviderUser(me.data)) {
    return (
      <div className="regie-steering">
        <PageHeading>{t('nav.steering')}</PageHeading>
        <Paragraph>{t('steering.report.forProviders')}</Paragraph>
        <Paragraph>
          <Link href="/deliver" className="utrecht-link">
            {t('steering.report.toDeliver')}
          </Link>
        </Paragraph>
      </div>
    );
  }

  return (
    <div className="regie-steering">
      <PageHeading>{t('nav.steering')}</PageHeading>
      <Paragraph appearance="lead">{t('steering.report.intro')}</Paragraph>
      <Paragraph>{t('steering.report.upcoming')}</Paragraph>
      <StatusLine>{me.isPending ? t('app.loading') : null}</StatusLine>
      {me.isError ? <Alert type="error">{t('app.meError')}</Alert> : null}
      {spaces.length > 0 ? <DashboardSection spaces={spaces} me={me.data} /> : null}
      {spaces[0] && spaces[0].space === me.data?.space ? <SignalsSection space={spaces[0]} /> : null}
      {spaces.length > 0 ? <DueSection spaces={spaces} /> : null}
      <Section id="role-conflicts" title={t('steering.report.conflictsTitle')}>
        <Paragraph>{t('steering.report.conflictsIntro')}</Paragraph>
        <Paragraph>
          <Link href="/steering/conflicts" className="utrecht-link">
            {t('conflicts.link')}
          </Link>
        </Paragraph>
        {spaces.map((space) => (
          <ConflictsOfSpace key={space.space} space={space} />
        ))}
      </Section>
    </div>
  );
}
