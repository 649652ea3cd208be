import { standardSchemaResolver } from '@hookform/resolvers/standard-schema';
import type { ReportSubmitInput } from '@regie/core/browser';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, ButtonGroup, ButtonLink, Textarea, Textbox } from '@utrecht/component-library-react';
import { useMemo, useRef, useState } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import type { Agreement } from '../../lib/agreements/model';
import { ErrorSummary, Field, focusSoon } from '../../lib/form';
import { deepestField, orderedErrors, setServerErrors, useErrorText } from '../../lib/form-schema';
import { localeFor } from '../../lib/format';
import { useMutationError } from '../../lib/mutation-error';
import { type NextDue, periodLabel } from '../../lib/reports/model';
import { idempotencyKeys, useTRPC, useTRPCClient } from '../../lib/trpc';
import { Fieldset } from '../../ui/Fieldset';
import { RemoveRowButton } from '../../ui/RemoveRowButton';
import { StatusLine } from '../../ui/StatusLine';
import { DeliveryFields } from './DeliveryFields';
import { emptyReport, REPORT_LIMITS, type ReportValues, reportFieldOrder, reportSchema } from './report-form';

const fieldId = (path: string) => `report-${path.replace(/\./g, '-')}`;

/** The report itself: a summary and figures (label, value), for the due item the page is about. */
export function ReportForm({
  agreement,
  due,
  provider,
}: {
  agreement: Agreement;
  due: NextDue;
  provider: boolean;
}) {
  const { t, i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  const errorText = useErrorText();
  // A contract manager reports for the party whose due this is (a provider always for its own).
  const party = !provider && due.party ? due.party : undefined;
  // The figures the duty's data specification asks for (issue 15 point 3), checked with core's rule.
  const spec = useMemo(
    () => agreement.duties.find((d) => d.id === due.dutyId)?.dataSpec ?? [],
    [agreement.duties, due.dutyId],
  );
  const resolver = useMemo(
    () =>
      standardSchemaResolver(
        reportSchema(
          {
            agreementId: agreement.id,
            dutyId: due.dutyId,
            period: due.period,
            ...(party ? { party } : {}),
          },
          spec,
          locale,
        ),
      ),
    [agreement.id, due.dutyId, due.period, party, spec, locale],
  );
  const form = useForm<ReportValues, unknown, ReportSubmitInput>({
    defaultValues: emptyReport(spec),
    resolver,
    shouldFocusError: false,
  });
  const figures = useFieldArray({ control: form.control, name: 'figures' });
  const [announcement, setAnnouncement] = useState('');
  const addRef = useRef<HTMLButtonElement>(null);
  const [keyFor] = useState(idempotencyKeys);
  const order = reportFieldOrder({ summary: '', figures: figures.fields }, spec);
  const errors = form.formState.errors;
  const failure = useMutationError({
    fieldOf: (path) => {
      const field = deepestField(order)(path);
      // An issue about a whole figure row is shown at its label.
      return field && /^figures\.\d+$/.test(field) ? `${field}.label` : field;
    },
    messages: {
      invalid: t('reports.errors.rejected'),
      conflict: t('reports.errors.conflict'),
      forbidden: t('reports.form.forbidden'),
      notFound: t('agreementDetail.notFound'),
      unknown: t('reports.errors.failed'),
      network: t('reports.errors.failed'),
    },
    onConflict: () => void queryClient.invalidateQueries({ queryKey: trpc.report.due.pathKey() }),
    onFailure: (described) => setServerErrors(form, described.fieldErrors),
  });
  const summaryRef = failure.summaryRef;

  const submit = useMutation({
    mutationKey: trpc.report.submit.mutationKey(),
    mutationFn: (input: ReportSubmitInput) => {
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
    onError: (error) => failure.onError(error),
  });

  function addFigure() {
    const index = figures.fields.length;
    figures.append({ label: '', value: '' }, { shouldFocus: false });
    focusSoon(() => document.getElementById(fieldId(`figures.${index}.label`)));
  }
  function removeFigure(index: number) {
    figures.remove(index);
    setAnnouncement(t('reports.form.figureRemoved', { n: index + 1 }));
    focusSoon(() => addRef.current);
  }
  const send = form.handleSubmit(
    (input) => {
      if (submit.isPending) return;
      submit.mutate(input);
    },
    () => focusSoon(() => summaryRef.current),
  );

  const back = provider ? '/deliver' : `/agreements/${encodeURIComponent(agreement.id)}`;
  return (
    <>
      <ErrorSummary
        title={t('agreementForm.summaryTitle')}
        general={failure.summary ? [failure.summary] : []}
        fields={orderedErrors(errors, order).map(([path, error]) => ({
          id: fieldId(path),
          text: errorText(error) ?? '',
        }))}
        summaryRef={summaryRef}
      />
      <form
        className="regie-form"
        noValidate
        onSubmit={(event) => {
          failure.reset();
          void send(event);
        }}
      >
        <Field
          id={fieldId('summary')}
          label={t('reports.form.summary')}
          hint={t('reports.form.summaryHint')}
          error={errorText(errors.summary)}
        >
          {(props) => (
            <Textarea
              {...props}
              required
              rows={8}
              className="regie-textarea--wide"
              maxLength={REPORT_LIMITS.summary + 100}
              {...form.register('summary')}
            />
          )}
        </Field>
        {spec.length > 0 ? <DeliveryFields spec={spec} form={form} fieldId={fieldId} /> : null}
        <Fieldset
          id={fieldId('figures')}
          legend={t('reports.form.figuresLegend')}
          hint={t('reports.form.figuresHint')}
          error={errorText(errors.figures?.root ?? errors.figures)}
        >
          {figures.fields.map((row, i) => {
            const legend = t('reports.form.figureLegend', { n: i + 1 });
            return (
              <Fieldset
                key={row.id}
                id={`report-figure-${i}`}
                legend={legend}
                className="regie-fieldset--row"
              >
                <div className="regie-form__row">
                  <Field
                    id={fieldId(`figures.${i}.label`)}
                    label={t('reports.form.figureLabel')}
                    error={errorText(errors.figures?.[i]?.label)}
                  >
                    {(props) => (
                      <Textbox
                        {...props}
                        autoComplete="off"
                        maxLength={REPORT_LIMITS.label + 20}
                        {...form.register(`figures.${i}.label`)}
                      />
                    )}
                  </Field>
                  <Field
                    id={fieldId(`figures.${i}.value`)}
                    label={t('reports.form.figureValue')}
                    error={errorText(errors.figures?.[i]?.value)}
                  >
                    {(props) => (
                      <Textbox
                        {...props}
                        autoComplete="off"
                        className="regie-input--code"
                        maxLength={REPORT_LIMITS.value + 20}
                        {...form.register(`figures.${i}.value`)}
                      />
                    )}
                  </Field>
                  <RemoveRowButton row={legend} onClick={() => removeFigure(i)} />
                </div>
              </Fieldset>
            );
          })}
          <Button
            ref={addRef}
            appearance="secondary-action-button"
            disabled={figures.fields.length >= REPORT_LIMITS.figures}
            onClick={addFigure}
          >
            {t('reports.form.addFigure')}
          </Button>
        </Fieldset>
        <StatusLine>{submit.isPending ? t('reports.form.sending') : null}</StatusLine>
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={submit.isPending}>
            {t('reports.form.submit')}
          </Button>
          <Link href={back} asChild>
            <ButtonLink appearance="secondary-action-button">{t('agreementForm.cancel')}</ButtonLink>
          </Link>
        </ButtonGroup>
      </form>
      <StatusLine hidden>{announcement}</StatusLine>
    </>
  );
}
