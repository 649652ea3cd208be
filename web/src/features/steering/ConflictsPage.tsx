import type { AppRouter } from '@regie/api';
import { useQuery } from '@tanstack/react-query';
import type { inferOutput, TRPCOptionsProxy } from '@trpc/tanstack-react-query';
import { Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { isProviderUser } from '../../lib/agreements/model';
import { PageHeading, usePageTitle } from '../../lib/page';
import { useTRPC } from '../../lib/trpc';
import { type Column, DataTable } from '../../ui/DataTable';

type Conflict = inferOutput<TRPCOptionsProxy<AppRouter>['steering']['conflicts']>['items'][number];
type Side = Conflict['client'];

/**
 * An agreement of a conflict: its reference as a link, its title, and who holds the role there — on behalf of
 * which member municipality when it is a GR's role of one member.
 */
function AgreementCell({ side }: { side: Side }) {
  const { t } = useTranslation();
  return (
    <>
      <Link href={`/agreements/${encodeURIComponent(side.agreementId)}`} className="utrecht-link">
        {side.reference}
      </Link>{' '}
      {side.title}
      {side.roleName ? (
        <>
          <br />
          {side.roleName}
        </>
      ) : null}
      {side.memberName ? (
        <>
          <br />
          {t('conflicts.onBehalfOf', { name: side.memberName })}
        </>
      ) : null}
    </>
  );
}

/**
 * `/steering/conflicts`: every portfolio holder who is eigenaar of one agreement (a GR's, of a member too) and
 * opdrachtgever of another in the municipality's reach (SPEC §4.2 across agreements; `steering.conflicts`). Internal: a provider is told so and
 * nothing is asked of the API.
 */
export function ConflictsPage() {
  const { t } = useTranslation();
  usePageTitle(t('conflicts.title'));
  const trpc = useTRPC();
  const me = useQuery(trpc.me.get.queryOptions());
  const provider = me.data ? isProviderUser(me.data) : undefined;
  const list = useQuery({ ...trpc.steering.conflicts.queryOptions({}), enabled: provider === false });
  const rows = list.data?.items ?? [];
  const columns: Column<Conflict>[] = [
    { key: 'holder', header: t('conflicts.holder'), cell: (c) => c.portfolioHolder.trim(), rowHeader: true },
    {
      key: 'client',
      header: `${t('conflicts.client')} (${t('steering.roles.opdrachtgever')})`,
      cell: (c) => <AgreementCell side={c.client} />,
    },
    {
      key: 'owner',
      header: `${t('conflicts.owner')} (${t('steering.roles.eigenaar')})`,
      cell: (c) => <AgreementCell side={c.owner} />,
    },
    {
      key: 'kind',
      header: t('conflicts.kind'),
      cell: (c) => (c.delivers ? <strong>{t('conflicts.delivers')}</strong> : t('conflicts.other')),
    },
    {
      key: 'why',
      header: t('conflicts.why'),
      cell: (c) => t(`conflicts.reason_${c.reason}`, { source: c.source }),
    },
  ];
  return (
    <div className="regie-steering">
      <PageHeading>{t('conflicts.title')}</PageHeading>
      <Paragraph>
        <Link href="/steering" className="utrecht-link">
          {t('conflicts.back')}
        </Link>
      </Paragraph>
      {provider ? (
        <Paragraph>{t('conflicts.forProviders')}</Paragraph>
      ) : (
        <>
          <Paragraph appearance="lead">{t('conflicts.intro')}</Paragraph>
          <Paragraph>{t('conflicts.scope')}</Paragraph>
          <DataTable
            caption={t('conflicts.caption')}
            columns={columns}
            rows={rows}
            rowKey={(c) =>
              `${c.client.space}#${c.client.agreementId}#${c.client.member ?? ''}>${c.owner.space}#${c.owner.agreementId}#${c.owner.member ?? ''}`
            }
            rowTestId={(c) => `conflict-${c.client.agreementId}-${c.owner.agreementId}`}
            testId="cross-conflicts"
            state={{
              query: me.isError ? { ...list, isError: true, refetch: () => void me.refetch() } : list,
              loading: t('conflicts.loading'),
              error: t('conflicts.error'),
              empty: t('conflicts.none'),
              status: list.isSuccess ? t('conflicts.count', { count: rows.length }) : null,
            }}
          />
        </>
      )}
    </div>
  );
}
