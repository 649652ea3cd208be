import { useQuery } from '@tanstack/react-query';
import { Alert, Paragraph } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearch } from 'wouter';
import { kindLabel } from '../../lib/agreements/labels';
import { type Agreement, ID_PATTERN, isProviderUser } from '../../lib/agreements/model';
import { errorCode } from '../../lib/errors';
import { formatDateLong, localeFor } from '../../lib/format';
import { PageHeading, usePageTitle } from '../../lib/page';
import { canReport, PARTY_PATTERN, PERIOD_PATTERN, periodLabel } from '../../lib/reports/model';
import { useTRPC } from '../../lib/trpc';
import { StatusLine } from '../../ui/StatusLine';
import { useNextDue } from './DueTable';
import { ReportForm } from './ReportForm';

/** The due item this page is for, once the agreement and what it expects are known. */
function ExpectedReport({
  agreement,
  dutyId,
  period,
  party,
  provider,
  back,
}: {
  agreement: Agreement;
  dutyId: string;
  period: string;
  party: string | undefined;
  provider: boolean;
  back: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  const next = useNextDue(agreement);
  const due = next.rows?.find(
    (d) => d.dutyId === dutyId && d.period === period && (party === undefined || d.party === party),
  );
  const periodText = periodLabel(t, locale, period);

  if (next.pending) return <StatusLine>{t('reports.section.dueLoading')}</StatusLine>;
  if (next.failed)
    return (
      <>
        <Alert type="error">{t('reports.section.dueError')}</Alert>
        {back}
      </>
    );
  if (!due)
    return (
      <>
        <Alert type="warning">{t('reports.form.notExpected', { period: periodText })}</Alert>
        {back}
      </>
    );
  const date = formatDateLong(due.dueDate, locale);
  return (
    <>
      <Paragraph appearance="lead">
        {t('reports.form.intro', { duty: due.dutyTitle, period: periodText, date })}
      </Paragraph>
      {!provider && due.partyName ? (
        <Paragraph>
          {t('parties.field')}: {due.partyName}
        </Paragraph>
      ) : null}
      {due.overdue ? (
        <Alert type="warning">
          <Paragraph>{t('reports.form.overdue', { date })}</Paragraph>
        </Alert>
      ) : null}
      <ReportForm agreement={agreement} due={due} provider={provider} />
    </>
  );
}

/**
 * `/agreements/:id/report/:dutyId/:period`: a report under a periodic duty, for the period the duty expects now
 * (a provider's reporter in its portal; a contract manager may record one on the provider's behalf).
 */
export function ReportFormPage({ id, dutyId, period }: { id: string; dutyId: string; period: string }) {
  const { t, i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  const trpc = useTRPC();
  const requested = new URLSearchParams(useSearch()).get('party');
  const party = requested && PARTY_PATTERN.test(requested) ? requested : undefined;
  const valid = ID_PATTERN.test(id) && ID_PATTERN.test(dutyId) && PERIOD_PATTERN.test(period);
  const me = useQuery(trpc.me.get.queryOptions());
  const agreement = useQuery({ ...trpc.agreement.get.queryOptions({ id }), enabled: valid });
  const a = agreement.data;
  const provider = isProviderUser(me.data) || a?.view === 'party';
  usePageTitle(
    a
      ? t('reports.form.pageTitle', { reference: a.reference, period: periodLabel(t, locale, period) })
      : t('reports.form.title'),
  );

  const back = (
    <Paragraph>
      <Link href={provider ? '/deliver' : `/agreements/${encodeURIComponent(id)}`} className="utrecht-link">
        {provider ? t('reports.form.backToDeliver') : t('agreementForm.backToAgreement')}
      </Link>
    </Paragraph>
  );

  if (!valid || !a) {
    const notFound = !valid || (agreement.isError && errorCode(agreement.error) === 'NOT_FOUND');
    return (
      <div className="regie-form-page">
        <PageHeading>{t('reports.form.title')}</PageHeading>
        <StatusLine>{valid && agreement.isPending ? t('agreementDetail.loading') : null}</StatusLine>
        {notFound || agreement.isError ? (
          <Alert type={notFound ? 'warning' : 'error'}>
            {notFound ? t('agreementDetail.notFound') : t('agreementDetail.error')}
          </Alert>
        ) : null}
        {back}
      </div>
    );
  }

  const duty = a.duties.find((d) => d.id === dutyId);
  return (
    <div className="regie-form-page">
      <p className="regie-pre-heading">
        {kindLabel(t, a.kind)} · {a.reference} · {a.title}
      </p>
      <PageHeading>{t('reports.form.title')}</PageHeading>
      {me.data && !canReport(me.data) ? (
        <>
          <Alert type="warning">{t('reports.form.forbidden')}</Alert>
          {back}
        </>
      ) : duty?.kind !== 'periodic' ? (
        <>
          <Alert type="warning">
            {t('reports.form.notExpected', { period: periodLabel(t, locale, period) })}
          </Alert>
          {back}
        </>
      ) : (
        <ExpectedReport
          agreement={a}
          dutyId={dutyId}
          period={period}
          party={party}
          provider={provider}
          back={back}
        />
      )}
    </div>
  );
}
