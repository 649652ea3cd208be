import '../../i18n/services-load';
import { standardSchemaResolver } from '@hookform/resolvers/standard-schema';
import type { LevelHistory, ServiceCorrectInput } from '@regie/core/browser';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, ButtonGroup, Paragraph, Textarea, Textbox } from '@utrecht/component-library-react';
import { useEffect, useMemo, useRef } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, Field, focusSoon } from '../../lib/form';
import { orderedErrors, setServerErrors, useErrorText } from '../../lib/form-schema';
import { type AppLocale, formatNumber } from '../../lib/format';
import { useMutationError } from '../../lib/mutation-error';
import { idempotencyKeys, useTRPC, useTRPCClient } from '../../lib/trpc';
import { StatusLine } from '../../ui/StatusLine';
import {
  CORRECTION_FIELDS,
  type CorrectionValues,
  correctionDefaults,
  correctionSchema,
} from './service-levels-model';

/** The reported value being corrected: its level and the row of the table it sits in. */
export interface CorrectionChoice {
  level: LevelHistory;
  value: LevelHistory['values'][number];
}

/**
 * "Waarde corrigeren": the provider (the side that reports) corrects one reported value of a service level —
 * the new value and, if it wants, why — on the version it read (`service.correct`, versioned and audited). The
 * table and the missed-in-a-row signal are read again afterwards, so a signal the correction raises or lifts shows.
 * A stale version is said with the server's reason key and the figures are reloaded.
 */
export function ServiceLevelCorrectForm({
  agreementId,
  choice,
  locale,
  onClose,
  onDone,
}: {
  agreementId: string;
  choice: CorrectionChoice;
  locale: AppLocale;
  onClose: () => void;
  /** Says what was corrected, outside the form (which closes). */
  onDone: (text: string) => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const { level, value } = choice;
  const prefix = 'service-correct';
  const id = (field: string) => `${prefix}-${field}`;
  const schema = useMemo(
    () =>
      correctionSchema(
        {
          agreementId,
          serviceId: level.serviceId,
          levelId: level.levelId,
          period: value.period,
          expectedVersion: value.version,
        },
        locale,
      ),
    [agreementId, level.serviceId, level.levelId, value.period, value.version, locale],
  );
  const form = useForm<CorrectionValues, unknown, ServiceCorrectInput>({
    resolver: standardSchemaResolver(schema),
    defaultValues: correctionDefaults(value.value, locale),
    shouldFocusError: false,
  });
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.service.levels.queryKey({ agreementId }) }),
      queryClient.invalidateQueries({ queryKey: trpc.agreement.history.queryKey({ id: agreementId }) }),
      queryClient.invalidateQueries({ queryKey: trpc.steering.pathKey() }),
    ]);
  const failure = useMutationError({
    fieldOf: (path) => ((CORRECTION_FIELDS as readonly string[]).includes(path) ? path : undefined),
    messages: { notFound: t('agreementDetail.notFound') },
    // Someone corrected it first: nothing was stored; the figures (and this value's version) are read again.
    onConflict: () => void refresh(),
    onFailure: (described) => setServerErrors(form, described.fieldErrors),
  });
  const keys = useRef(idempotencyKeys());
  const correct = useMutation({
    mutationKey: trpc.service.correct.mutationKey(),
    mutationFn: (input: ServiceCorrectInput) => {
      const idempotencyKey = keys.current(input);
      return client.service.correct.mutate(
        input,
        idempotencyKey ? { context: { idempotencyKey } } : undefined,
      );
    },
    onSuccess: async (result) => {
      keys.current = idempotencyKeys();
      failure.reset();
      onDone(
        t('services.correct.saved', {
          measure: level.level.measure,
          period: result.period,
          value: formatNumber(result.value, locale),
        }),
      );
      await refresh();
    },
    onError: failure.onError,
  });
  // Opening the form takes the user to the value it corrects.
  useEffect(() => focusSoon(() => document.getElementById(`${prefix}-value`)), []);
  const submit = form.handleSubmit(
    (input) => {
      if (correct.isPending) return;
      correct.mutate(input);
    },
    () => focusSoon(() => failure.summaryRef.current),
  );
  const errors = form.formState.errors;
  return (
    <form
      className="regie-form"
      noValidate
      aria-labelledby={id('heading')}
      data-testid={prefix}
      onSubmit={(event) => {
        failure.reset();
        void submit(event);
      }}
    >
      <h4 className="regie-subheading" id={id('heading')}>
        {t('services.correct.title')}
      </h4>
      <Paragraph>
        {t('services.correct.intro', {
          measure: level.level.measure,
          service: level.serviceName,
          period: value.period,
          value: formatNumber(value.value, locale),
        })}
      </Paragraph>
      <ErrorSummary
        title={t('services.correct.errorTitle')}
        general={failure.summary ? [failure.summary] : []}
        fields={orderedErrors(errors, CORRECTION_FIELDS).map(([path, error]) => ({
          id: id(path),
          text: errorText(error) ?? '',
        }))}
        summaryRef={failure.summaryRef}
      />
      <Field
        id={id('value')}
        label={t('services.correct.value')}
        hint={t('services.correct.valueHint')}
        error={errorText(errors.value)}
      >
        {(props) => (
          <Textbox
            {...props}
            inputMode="decimal"
            autoComplete="off"
            className="regie-input--count"
            {...form.register('value')}
          />
        )}
      </Field>
      <Field
        id={id('note')}
        label={t('services.correct.note')}
        hint={t('services.correct.noteHint')}
        error={errorText(errors.note)}
      >
        {(props) => <Textarea {...props} rows={2} {...form.register('note')} />}
      </Field>
      <StatusLine>{correct.isPending ? t('services.correct.saving') : null}</StatusLine>
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={correct.isPending}>
          {t('services.correct.submit')}
        </Button>
        <Button appearance="secondary-action-button" onClick={onClose}>
          {t('services.correct.cancel')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
