import '../../i18n/services-load';
import type { LevelHistory } from '@regie/core/browser';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Textbox } from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, Field, focusSoon } from '../../lib/form';
import { type AppLocale, parseDecimal } from '../../lib/format';
import { useMutationError } from '../../lib/mutation-error';
import { useTRPC, useTRPCClient } from '../../lib/trpc';
import { StatusLine } from '../../ui/StatusLine';
import { checkPeriod, parseLevelValues } from './service-levels-model';

/**
 * "Serviceniveaus rapporteren": the provider (a provider party, or the region for a joint body) enters a period and
 * the measured value of each level it reports on; empty fields are not reported. Core checks the rest (level,
 * range, the level's period, the term) and refuses the whole report with the field named.
 */
export function ServiceLevelReportForm({
  agreementId,
  levels,
  locale,
}: {
  agreementId: string;
  levels: readonly LevelHistory[];
  locale: AppLocale;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const failed = useMutationError({});
  const prefix = 'service-report';
  const [period, setPeriod] = useState('');
  const [values, setValues] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<string | null>(null);
  const report = useMutation({
    mutationKey: trpc.service.report.mutationKey(),
    mutationFn: (input: Parameters<typeof client.service.report.mutate>[0]) =>
      client.service.report.mutate(input),
    onSuccess: async (_result, input) => {
      setValues({});
      setStatus(t('services.report.saved', { period: input.period }));
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: trpc.service.levels.queryKey({ agreementId }) }),
        queryClient.invalidateQueries({ queryKey: trpc.agreement.history.queryKey({ id: agreementId }) }),
      ]);
    },
    onError: failed.onError,
  });
  const fieldId = (l: LevelHistory) => `${prefix}-${l.levelId}`;
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (report.isPending) return;
    failed.reset();
    setStatus(null);
    const found: Record<string, string> = {};
    if (!checkPeriod(period)) found[`${prefix}-period`] = t('services.report.periodInvalid');
    const parsed = parseLevelValues(levels, values, (s) => parseDecimal(s, locale));
    for (const levelId of parsed.invalid) found[`${prefix}-${levelId}`] = t('services.report.valueInvalid');
    if (parsed.values.length === 0 && parsed.invalid.length === 0)
      found[fieldId(levels[0]!)] = t('services.report.noneFilled');
    setErrors(found);
    if (Object.keys(found).length > 0) {
      focusSoon(() => failed.summaryRef.current);
      return;
    }
    report.mutate({ agreementId, period, values: parsed.values });
  }
  return (
    <form className="regie-form" noValidate onSubmit={submit} aria-labelledby={`${prefix}-heading`}>
      <h4 className="regie-subheading" id={`${prefix}-heading`}>
        {t('services.report.title')}
      </h4>
      <ErrorSummary
        title={t('services.report.errorTitle')}
        general={failed.summary ? [failed.summary] : []}
        fields={Object.entries(errors).map(([id, text]) => ({ id, text }))}
        summaryRef={failed.summaryRef}
      />
      <Field
        id={`${prefix}-period`}
        label={t('services.report.period')}
        hint={t('services.report.periodHint')}
        error={errors[`${prefix}-period`]}
      >
        {(props) => <Textbox {...props} value={period} onChange={(e) => setPeriod(e.target.value.trim())} />}
      </Field>
      {levels.map((l) => (
        <Field
          key={l.levelId}
          id={fieldId(l)}
          label={t('services.report.value', { measure: l.level.measure, service: l.serviceName })}
          error={errors[fieldId(l)]}
        >
          {(props) => (
            <Textbox
              {...props}
              inputMode="decimal"
              value={values[l.levelId] ?? ''}
              onChange={(e) => setValues({ ...values, [l.levelId]: e.target.value })}
            />
          )}
        </Field>
      ))}
      <Button type="submit" appearance="primary-action-button" busy={report.isPending}>
        {t('services.report.submit')}
      </Button>
      <StatusLine>{status}</StatusLine>
    </form>
  );
}

/** "Signaal na … keer op rij niet gehaald": the agreement's own threshold, for the owner's own users. */
export function ServiceLevelThresholdForm({
  agreementId,
  missedCount,
  version,
}: {
  agreementId: string;
  missedCount: number;
  version: number;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const failed = useMutationError({});
  const id = 'service-threshold';
  const [value, setValue] = useState(String(missedCount));
  const [error, setError] = useState<string | undefined>();
  const [status, setStatus] = useState<string | null>(null);
  const save = useMutation({
    mutationKey: trpc.service.configure.mutationKey(),
    mutationFn: (n: number) =>
      client.service.configure.mutate({ agreementId, expectedVersion: version, missedCount: n }),
    onSuccess: async (result) => {
      setStatus(t('services.threshold.saved', { count: result.missedCount }));
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: trpc.service.levels.queryKey({ agreementId }) }),
        queryClient.invalidateQueries({ queryKey: trpc.agreement.history.queryKey({ id: agreementId }) }),
      ]);
    },
    onError: failed.onError,
  });
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (save.isPending) return;
    failed.reset();
    setStatus(null);
    const n = Number(value);
    if (!/^\d{1,2}$/.test(value) || n < 1 || n > 12) {
      setError(t('services.threshold.invalid'));
      focusSoon(() => failed.summaryRef.current);
      return;
    }
    setError(undefined);
    save.mutate(n);
  }
  return (
    <form className="regie-form" noValidate onSubmit={submit} aria-labelledby={`${id}-heading`}>
      <h4 className="regie-subheading" id={`${id}-heading`}>
        {t('services.threshold.title')}
      </h4>
      <ErrorSummary
        title={t('services.threshold.errorTitle')}
        general={failed.summary ? [failed.summary] : []}
        fields={error ? [{ id, text: error }] : []}
        summaryRef={failed.summaryRef}
      />
      <Field id={id} label={t('services.threshold.label')} error={error}>
        {(props) => (
          <Textbox {...props} inputMode="numeric" value={value} onChange={(e) => setValue(e.target.value)} />
        )}
      </Field>
      <Button type="submit" appearance="secondary-action-button" busy={save.isPending}>
        {t('services.threshold.submit')}
      </Button>
      <StatusLine>{status}</StatusLine>
    </form>
  );
}
