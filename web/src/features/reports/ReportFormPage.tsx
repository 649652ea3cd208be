import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  ButtonGroup,
  ButtonLink,
  Paragraph,
  Textarea,
  Textbox,
} from '@utrecht/component-library-react';
import { type FormEvent, type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearch } from 'wouter';
import { kindLabel } from '../../lib/agreements/labels';
import { type Agreement, ID_PATTERN, isProviderUser } from '../../lib/agreements/model';
import { errorCode, errorIssues } from '../../lib/errors';
import { ErrorSummary, Field, focusSoon } from '../../lib/form';
import { formatDateLong, localeFor } from '../../lib/format';
import { PageHeading, usePageTitle } from '../../lib/page';
import {
  canReport,
  type NextDue,
  PARTY_PATTERN,
  PERIOD_PATTERN,
  periodLabel,
  type SubmitReportInput,
} from '../../lib/reports/model';
import { idempotencyKeys, useTRPC, useTRPCClient } from '../../lib/trpc';
import { Fieldset, Hidden } from '../../ui/Fieldset';
import { useNextDue } from './DueTable';
import {
  emptyReport,
  type FigureRow,
  newFigureRow,
  REPORT_LIMITS,
  type ReportError,
  type ReportErrors,
  type ReportValues,
  reportFieldOrder,
  reportIssues,
  validateReport,
  withoutStaleReport,
} from './report-form';

const fieldId = (path: string) => `report-${path.replace(/\./g, '-')}`;

/** Client errors win over the server's (they follow the input); both are messages by field path. */
function useReportMessages(clientErrors: ReportErrors, serverErrors: ReportErrors) {
  const { t, i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  const message = (error: ReportError): string =>
    !('key' in error)
      ? error.text
      : error.key === 'periodExpected'
        ? t('reports.errors.periodExpected', { period: periodLabel(t, locale, error.values?.period ?? '') })
        : t(`reports.errors.${error.key}`);
  const errorFor = (path: string): string | undefined => {
    const error = clientErrors[path] ?? serverErrors[path];
    return error ? message(error) : undefined;
  };
  return { message, errorFor };
}

function ReportForm({ agreement, due, provider }: { agreement: Agreement; due: NextDue; provider: boolean }) {
  const { t, i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  const [values, setValues] = useState<ReportValues>(emptyReport);
  const [clientErrors, setClientErrors] = useState<ReportErrors>({});
  const [serverErrors, setServerErrors] = useState<ReportErrors>({});
  const [formError, setFormError] = useState<string[]>([]);
  const [attempted, setAttempted] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const summaryRef = useRef<HTMLDivElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const [keyFor] = useState(idempotencyKeys);
  const order = reportFieldOrder(values);
  const messages = useReportMessages(clientErrors, serverErrors);
  const { errorFor } = messages;
  // A contract manager reports for the party whose due this is (a provider always for its own).
  const target = {
    agreementId: agreement.id,
    dutyId: due.dutyId,
    period: due.period,
    ...(!provider && due.party ? { party: due.party } : {}),
  };

  const submit = useMutation({
    mutationKey: trpc.report.submit.mutationKey(),
    mutationFn: (input: SubmitReportInput) => {
      const idempotencyKey = keyFor(input);
      return client.report.submit.mutate(input, idempotencyKey ? { context: { idempotencyKey } } : undefined);
    },
    onSuccess: async (report) => {
      // Refetched before going back (inactive lists too), so "Te leveren" never shows this report as still due.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: trpc.report.due.pathKey(), refetchType: 'all' }),
        queryClient.invalidateQueries({ queryKey: trpc.report.list.queryKey({ agreementId: agreement.id }) }),
        queryClient.invalidateQueries({ queryKey: trpc.agreement.get.queryKey({ id: agreement.id }) }),
        queryClient.invalidateQueries({ queryKey: trpc.agreement.history.queryKey({ id: agreement.id }) }),
      ]);
      // On this page the provider's `report.due` query has only a disabled observer (useNextDue), which
      // invalidation does not refetch: fetch it now, so "Te leveren" opens on the list without this report.
      if (provider)
        await queryClient.fetchQuery({ ...trpc.report.due.queryOptions({ limit: 100 }), staleTime: 0 });
      const period = periodLabel(t, locale, report.period);
      if (provider)
        navigate('/deliver', { state: { saved: 'report', reference: agreement.reference, period } });
      else navigate(`/agreements/${encodeURIComponent(agreement.id)}`, { state: { saved: 'report' } });
    },
    onError: (error) => {
      const code = errorCode(error);
      setServerErrors({});
      if (code === 'BAD_REQUEST') {
        const { errors, other } = reportIssues(errorIssues(error), order);
        setServerErrors(errors);
        const general = other.map(messages.message);
        setFormError(
          general.length > 0 || Object.keys(errors).length === 0
            ? [t('reports.errors.rejected'), ...general]
            : [],
        );
      } else if (code === 'CONFLICT') {
        setFormError([t('reports.errors.conflict')]);
        void queryClient.invalidateQueries({ queryKey: trpc.report.due.pathKey() });
      } else if (code === 'FORBIDDEN') setFormError([t('reports.form.forbidden')]);
      else if (code === 'NOT_FOUND') setFormError([t('agreementDetail.notFound')]);
      else setFormError([t('reports.errors.failed')]);
      focusSoon(() => summaryRef.current);
    },
  });

  function change(next: ReportValues, changed: string) {
    setValues(next);
    if (attempted) {
      const result = validateReport(next, target);
      setClientErrors(result.ok ? {} : result.errors);
    }
    setServerErrors((previous) => withoutStaleReport(previous, changed));
  }
  function setFigure(index: number, field: keyof Omit<FigureRow, 'key'>, value: string) {
    const figures = values.figures.map((row, i) => (i === index ? { ...row, [field]: value } : row));
    change({ ...values, figures }, `figures.${index}.${field}`);
  }
  function addFigure() {
    change({ ...values, figures: [...values.figures, newFigureRow()] }, 'figures');
    const index = values.figures.length;
    focusSoon(() => document.getElementById(fieldId(`figures.${index}.label`)));
  }
  function removeFigure(index: number) {
    change({ ...values, figures: values.figures.filter((_, i) => i !== index) }, 'figures');
    setAnnouncement(t('reports.form.figureRemoved', { n: index + 1 }));
    focusSoon(() => addRef.current);
  }

  function send(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submit.isPending) return;
    setAttempted(true);
    setServerErrors({});
    setFormError([]);
    const result = validateReport(values, target);
    if (!result.ok) {
      setClientErrors(result.errors);
      focusSoon(() => summaryRef.current);
      return;
    }
    setClientErrors({});
    submit.mutate(result.input);
  }

  const back = provider ? '/deliver' : `/agreements/${encodeURIComponent(agreement.id)}`;
  return (
    <>
      <ErrorSummary
        title={t('agreementForm.summaryTitle')}
        general={formError}
        fields={order.flatMap((path) => {
          const text = errorFor(path);
          return text ? [{ id: fieldId(path), text }] : [];
        })}
        summaryRef={summaryRef}
      />
      <form className="regie-form" noValidate onSubmit={send}>
        <Field
          id={fieldId('summary')}
          label={t('reports.form.summary')}
          hint={t('reports.form.summaryHint')}
          error={errorFor('summary')}
        >
          {(props) => (
            <Textarea
              {...props}
              name="summary"
              required
              rows={8}
              className="regie-textarea--wide"
              maxLength={REPORT_LIMITS.summary + 100}
              value={values.summary}
              onChange={(e) => change({ ...values, summary: e.target.value }, 'summary')}
            />
          )}
        </Field>
        <Fieldset
          id={fieldId('figures')}
          legend={t('reports.form.figuresLegend')}
          hint={t('reports.form.figuresHint')}
          error={errorFor('figures')}
        >
          {values.figures.map((row, i) => {
            const legend = t('reports.form.figureLegend', { n: i + 1 });
            const at = (field: string) => `figures.${i}.${field}`;
            return (
              <Fieldset
                key={row.key}
                id={`report-figure-${i}`}
                legend={legend}
                className="regie-fieldset--row"
              >
                <div className="regie-form__row">
                  <Field
                    id={fieldId(at('label'))}
                    label={t('reports.form.figureLabel')}
                    error={errorFor(at('label'))}
                  >
                    {(props) => (
                      <Textbox
                        {...props}
                        autoComplete="off"
                        maxLength={REPORT_LIMITS.label + 20}
                        value={row.label}
                        onChange={(e) => setFigure(i, 'label', e.target.value)}
                      />
                    )}
                  </Field>
                  <Field
                    id={fieldId(at('value'))}
                    label={t('reports.form.figureValue')}
                    error={errorFor(at('value'))}
                  >
                    {(props) => (
                      <Textbox
                        {...props}
                        autoComplete="off"
                        className="regie-input--code"
                        maxLength={REPORT_LIMITS.value + 20}
                        value={row.value}
                        onChange={(e) => setFigure(i, 'value', e.target.value)}
                      />
                    )}
                  </Field>
                  <Button
                    appearance="subtle-button"
                    className="regie-row-remove"
                    onClick={() => removeFigure(i)}
                  >
                    {t('agreementForm.remove')}
                    <Hidden> {legend}</Hidden>
                  </Button>
                </div>
              </Fieldset>
            );
          })}
          <Button
            ref={addRef}
            appearance="secondary-action-button"
            disabled={values.figures.length >= REPORT_LIMITS.figures}
            onClick={addFigure}
          >
            {t('reports.form.addFigure')}
          </Button>
        </Fieldset>
        <div role="status" aria-live="polite" className="regie-status">
          {submit.isPending ? t('reports.form.sending') : null}
        </div>
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={submit.isPending}>
            {t('reports.form.submit')}
          </Button>
          <Link href={back} asChild>
            <ButtonLink appearance="secondary-action-button">{t('agreementForm.cancel')}</ButtonLink>
          </Link>
        </ButtonGroup>
      </form>
      <div role="status" aria-live="polite" className="regie-visually-hidden">
        {announcement}
      </div>
    </>
  );
}

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

  if (next.pending)
    return (
      <div role="status" aria-live="polite" className="regie-status">
        {t('reports.section.dueLoading')}
      </div>
    );
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
        <div role="status" aria-live="polite" className="regie-status">
          {valid && agreement.isPending ? t('agreementDetail.loading') : null}
        </div>
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
