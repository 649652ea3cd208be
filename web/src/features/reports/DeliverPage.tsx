import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { PageHeading, usePageTitle } from '../../lib/page';
import { useTRPC } from '../../lib/trpc';
import { isProviderUser } from '../agreements/model';
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
      {due.isError ? (
        <Alert type="error">
          <Paragraph>{t('reports.deliver.error')}</Paragraph>
          <Button appearance="secondary-action-button" onClick={() => void due.refetch()}>
            {t('app.retry')}
          </Button>
        </Alert>
      ) : null}
      {due.isSuccess && rows.length === 0 ? (
        <Paragraph className="regie-empty">{t('reports.deliver.none')}</Paragraph>
      ) : null}
      {rows.length > 0 ? (
        <DueTable
          rows={rows}
          caption={t('reports.deliver.caption')}
          canSubmit={canSubmit}
          testId="deliver-table"
        />
      ) : null}
    </div>
  );
}
