import { standardSchemaResolver } from '@hookform/resolvers/standard-schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, ButtonGroup, Paragraph, Textarea } from '@utrecht/component-library-react';
import { useMemo, useRef } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  type CorrectInput,
  type CorrectResult,
  type RealisationInput,
  signalMessage,
} from '../../lib/budget/model';
import { ErrorSummary, Field, focusSoon } from '../../lib/form';
import { orderedErrors, setServerErrors, useErrorText } from '../../lib/form-schema';
import { formatMoney, formatMonth, localeFor } from '../../lib/format';
import { useMutationError } from '../../lib/mutation-error';
import { idempotencyKeys, useTRPC, useTRPCClient } from '../../lib/trpc';
import { StatusLine } from '../../ui/StatusLine';
import {
  type CorrectionValues,
  correctionSchema,
  correctionValues,
  REALISATION_FIELDS,
  REASON_LIMIT,
} from './budget-form';
import { type LineChoice, type MemberChoice, RealisationFields, refreshBudget } from './RealisationForm';

const ID = 'correction';

/**
 * "Realisatie corrigeren": the entry's fields prefilled, a required reason, and two ways out — save the
 * corrected entry, or reverse it. Sends the version seen, so a correction made meanwhile is never overwritten.
 * `onDone` gets the text to announce (or null when cancelled).
 */
export function CorrectionForm({
  agreementId,
  entry,
  lines,
  members = [],
  onDone,
}: {
  agreementId: string;
  entry: RealisationInput & { id: string; version: number };
  lines: readonly LineChoice[];
  members?: readonly MemberChoice[];
  onDone: (announcement: string | null) => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const lineKey = lines.map((l) => l.id).join(',');
  const memberKey = members.map((m) => m.space).join(',');
  const resolver = useMemo(
    () =>
      standardSchemaResolver(
        correctionSchema(
          { agreementId, realisationId: entry.id, expectedVersion: entry.version },
          locale,
          lineKey === '' ? [] : lineKey.split(','),
          memberKey === '' ? [] : memberKey.split(','),
        ),
      ),
    [agreementId, entry.id, entry.version, locale, lineKey, memberKey],
  );
  const form = useForm<CorrectionValues, unknown, CorrectInput>({
    defaultValues: correctionValues(entry, locale),
    resolver,
    shouldFocusError: false,
  });
  const keys = useRef(idempotencyKeys());
  const month = formatMonth(entry.period, locale);
  const errors = form.formState.errors;
  const errorFor = (field: string) =>
    errorText(errors.realisation?.[field as keyof CorrectionValues['realisation']]);

  const failure = useMutationError({
    fieldOf: (path) => {
      if (path === 'reason') return path;
      const field = path.replace(/^realisation\./, '');
      return (REALISATION_FIELDS as readonly string[]).includes(field) ? `realisation.${field}` : undefined;
    },
    messages: {
      invalid: t('bounds.correction.errors.rejected'),
      conflict: t('bounds.correction.errors.conflict'),
      forbidden: t('bounds.correction.errors.forbidden'),
      notFound: t('bounds.correction.errors.notFound'),
      unknown: t('bounds.correction.errors.failed'),
      network: t('bounds.correction.errors.failed'),
    },
    onConflict: () => void refreshBudget(queryClient, trpc, agreementId),
    onFailure: (described) => setServerErrors(form, described.fieldErrors),
  });
  const summaryRef = failure.summaryRef;

  const correct = useMutation({
    mutationKey: trpc.budget.correct.mutationKey(),
    mutationFn: (input: CorrectInput) => {
      const idempotencyKey = keys.current(input);
      return client.budget.correct.mutate(
        input,
        idempotencyKey ? { context: { idempotencyKey } } : undefined,
      );
    },
    onSuccess: async (result: CorrectResult) => {
      const r = result.realisation;
      const lines = [
        r.reversedAt
          ? t('bounds.correction.reversed', { month })
          : t('bounds.correction.saved', {
              month: formatMonth(r.period, locale),
              amount: formatMoney(r.amountCents, locale),
            }),
        ...result.signals.map((s) => {
          const { key, values } = signalMessage(s, 'bounds.correction.signal');
          return t(key, values);
        }),
        ...result.withdrawn.map((threshold) => t('bounds.correction.withdrawn', { threshold })),
        ...result.withdrawnYears.map((y) => t('bounds.yearWithdrawn', y)),
        ...result.withdrawnLines.map((l) =>
          t('bounds.lineWithdrawn', {
            threshold: l.threshold,
            product: l.productCode,
            measure: t(`bounds.measure.${l.measure}`),
          }),
        ),
      ];
      await refreshBudget(queryClient, trpc, agreementId);
      onDone(lines.join(' '));
    },
    onError: (error) => failure.onError(error),
  });

  /** Saves the corrected entry, or (`reverse`) reverses it: then only the reason is checked. */
  function send(reverse: boolean) {
    if (correct.isPending) return;
    failure.reset();
    form.setValue('reverse', reverse);
    void form.handleSubmit(
      (input) => correct.mutate(input),
      () => focusSoon(() => summaryRef.current),
    )();
  }

  const reasonText = errorText(errors.reason);
  const order = [...REALISATION_FIELDS.map((f) => `realisation.${f}`), 'reason'];
  return (
    <section className="regie-subsection" aria-labelledby="correction-heading" data-testid="correction-form">
      <h4 className="regie-subheading" id="correction-heading" tabIndex={-1}>
        {t('bounds.correction.title', { month })}
      </h4>
      <Paragraph>{t('bounds.correction.intro')}</Paragraph>
      <ErrorSummary
        title={t('bounds.correction.summaryTitle')}
        general={failure.summary ? [failure.summary] : []}
        fields={orderedErrors(errors, order).map(([path, error]) => ({
          id: `${ID}-${path.replace(/^realisation\./, '')}`,
          text: errorText(error) ?? '',
        }))}
        summaryRef={summaryRef}
      />
      <form
        className="regie-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          send(false);
        }}
        aria-labelledby="correction-heading"
      >
        <RealisationFields
          idPrefix={ID}
          at="realisation."
          register={(name) => form.register(name as `realisation.${keyof CorrectionValues['realisation']}`)}
          lines={lines}
          members={members}
          errorFor={errorFor}
        />
        <Field
          id={`${ID}-reason`}
          label={t('bounds.correction.reason')}
          hint={t('bounds.correction.reasonHint')}
          error={reasonText}
        >
          {(props) => (
            <Textarea
              {...props}
              rows={2}
              required
              maxLength={REASON_LIMIT + 50}
              {...form.register('reason')}
            />
          )}
        </Field>
        <StatusLine>{correct.isPending ? t('bounds.correction.saving') : null}</StatusLine>
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={correct.isPending}>
            {t('bounds.correction.save')}
          </Button>
          <Button type="button" appearance="secondary-action-button" onClick={() => send(true)}>
            {t('bounds.correction.reverse')}
          </Button>
          <Button type="button" appearance="subtle-button" onClick={() => onDone(null)}>
            {t('bounds.correction.cancel')}
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}
