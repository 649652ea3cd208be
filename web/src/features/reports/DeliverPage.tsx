import { useQuery } from '@tanstack/react-query';
import { Alert, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { isProviderUser, isRunning } from '../../lib/agreements/model';
import { ListState } from '../../lib/outcome';
import { PageHeading, usePageTitle } from '../../lib/page';
import { useTRPC } from '../../lib/trpc';
import { Section } from '../../ui/Section';
import { DueTable } from './DueTable';

/** After submitting: `navigate('/deliver', { state: { saved: 'report', reference, period } })`, read once. */
function useSubmittedNotice(): { reference: string; period: string } | null {
  const [notice] = useState(() => {
    const state = window.history.state as { saved?: unknown; reference?: unknown; period?: unknown } | null;
    return state?.saved === 'report' &&
      typeof state.reference === 'string' &&
      typeof state.period === 'string'
      ? { reference: state.reference, period: state.period }
      : null;
  });
  useEffect(() => {
    if (notice) window.history.replaceState(null, '');
  }, [notice]);
  return notice;
}

/**
 * `/deliver` ("Te leveren"): a provider's portal page with the reports municipalities expect from it, across
 * its own agreements only (the API reads them from its party views). Late ones first. Only a reporter submits.
 */
export function DeliverPage() {
  const { t } = useTranslation();
  usePageTitle(t('reports.deliver.title'));
  const trpc = useTRPC();
  const me = useQuery(trpc.me.get.queryOptions());
  const provider = me.data ? isProviderUser(me.data) : undefined;
  const due = useQuery({ ...trpc.report.due.queryOptions({ limit: 100 }), enabled: provider === true });
  const submitted = useSubmittedNotice();
  const rows = due.data ?? [];
  const canSubmit = me.data?.roles.includes('provider_reporter') ?? false;

  if (provider === false) {
    return (
      <div className="regie-deliver">
        <PageHeading>{t('reports.deliver.title')}</PageHeading>
        <Paragraph>{t('reports.deliver.forMunicipalities')}</Paragraph>
        <Paragraph>
          <Link href="/steering" className="utrecht-link">
            {t('reports.deliver.toSteering')}
          </Link>
        </Paragraph>
      </div>
    );
  }

  let status = '';
  if (me.isPending || due.isPending) status = t('reports.deliver.loading');
  else if (due.isSuccess && rows.length > 0)
    status = t('reports.deliver.count', {
      count: rows.length,
      overdue: rows.filter((r) => r.overdue).length,
    });

  return (
    <div className="regie-deliver">
      {submitted ? <Alert type="ok">{t('reports.saved', submitted)}</Alert> : null}
      <PageHeading>{t('reports.deliver.title')}</PageHeading>
      <Paragraph>{t('reports.deliver.intro')}</Paragraph>
      {me.data && !canSubmit ? (
        <Paragraph className="regie-hint">{t('reports.deliver.signerNote')}</Paragraph>
      ) : null}
      <div role="status" aria-live="polite" className="regie-status">
        {status}
      </div>
      {me.isError ? <Alert type="error">{t('app.meError')}</Alert> : null}
      <ListState
        query={due}
        isEmpty={rows.length === 0}
        error={t('reports.deliver.error')}
        empty={t('reports.deliver.none')}
        retry={t('app.retry')}
      />
      {rows.length > 0 ? (
        <DueTable
          rows={rows}
          caption={t('reports.deliver.caption')}
          canSubmit={canSubmit}
          testId="deliver-table"
        />
      ) : null}
      {provider ? <RealisationAgreements /> : null}
    </div>
  );
}

/**
 * "Realisaties" on the provider's portal page: its own agreements (from its party views), each a link to the
 * agreement's page where the reporter reports realisations (SPEC §4.4).
 */
function RealisationAgreements() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const agreements = useQuery(trpc.agreement.find.queryOptions({ limit: 100 }));
  // A shared draft is not reported on until it runs (the API refuses it).
  const rows = (agreements.data?.items ?? []).flatMap((a) =>
    a.view === 'party' && isRunning(a.status) ? [a] : [],
  );
  return (
    <Section id="deliver-realisations" title={t('bounds.deliver.title')}>
      <Paragraph>{t('bounds.deliver.intro')}</Paragraph>
      <div role="status" aria-live="polite" className="regie-status">
        {agreements.isPending ? t('bounds.deliver.loading') : null}
      </div>
      <ListState
        query={agreements}
        isEmpty={rows.length === 0}
        error={t('bounds.deliver.error')}
        empty={t('bounds.deliver.none')}
        retry={t('app.retry')}
      />
      {rows.length > 0 ? (
        <UnorderedList className="regie-list" data-testid="deliver-realisations">
          {rows.map((a) => (
            <UnorderedListItem key={a.id}>
              <Link href={`/agreements/${encodeURIComponent(a.id)}#realisations`} className="utrecht-link">
                {t('bounds.deliver.link', { reference: a.reference })}
              </Link>{' '}
              — {a.title} ({a.ownerName})
            </UnorderedListItem>
          ))}
        </UnorderedList>
      ) : null}
    </Section>
  );
}
