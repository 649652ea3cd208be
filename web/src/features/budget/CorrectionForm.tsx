import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, ButtonGroup, Paragraph, Textarea } from '@utrecht/component-library-react';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type CorrectInput,
  type CorrectResult,
  type RealisationInput,
  signalMessage,
} from '../../lib/budget/model';
import { errorCode, errorIssues } from '../../lib/errors';
import { ErrorSummary, Field, focusSoon } from '../../lib/form';
import { formatMoney, formatMonth, localeFor } from '../../lib/format';
import { idempotencyKeys, useTRPC, useTRPCClient } from '../../lib/trpc';
import { type BudgetErrors, REALISATION_FIELDS, realisationIssues } from './budget-form';
import {
  type CorrectionErrorKey,
  type CorrectionValues,
  correctionValues,
  REASON_LIMIT,
  validateCorrection,
} from './correction-form';
import { type LineChoice, RealisationFields, refreshBudget, useBudgetMessage } from './RealisationForm';

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
  onDone,
}: {
  agreementId: string;
  entry: RealisationInput & { id: string; version: number };
  lines: readonly LineChoice[];
  onDone: (announcement: string | null) => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const message = useBudgetMessage();
  const [values, setValues] = useState<CorrectionValues>(() => correctionValues(entry, locale));
  const [errors, setErrors] = useState<BudgetErrors>({});
  const [reasonError, setReasonError] = useState<CorrectionErrorKey | undefined>();
  const [general, setGeneral] = useState<string[]>([]);
  const summaryRef = useRef<HTMLDivElement>(null);
  const keys = useRef(idempotencyKeys());
  const lineIds = lines.map((l) => l.id);
  const month = formatMonth(entry.period, locale);
  const errorFor = (field: string) => message(errors[field]);

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
    onError: (error) => {
      const code = errorCode(error);
      setErrors({});
      if (code === 'BAD_REQUEST') {
        const { errors: fieldErrors, other } = realisationIssues(errorIssues(error));
        setErrors(fieldErrors);
        if (other.length > 0 || Object.keys(fieldErrors).length === 0)
          setGeneral([t('bounds.correction.errors.rejected'), ...other]);
      } else if (code === 'CONFLICT') {
        setGeneral([t('bounds.correction.errors.conflict')]);
        void refreshBudget(queryClient, trpc, agreementId);
      } else if (code === 'FORBIDDEN') setGeneral([t('bounds.correction.errors.forbidden')]);
      else if (code === 'NOT_FOUND') setGeneral([t('bounds.correction.errors.notFound')]);
      else setGeneral([t('bounds.correction.errors.failed')]);
      focusSoon(() => summaryRef.current);
    },
  });

  function send(reverse: boolean) {
    if (correct.isPending) return;
    setGeneral([]);
    const result = validateCorrection(values, locale, lineIds, reverse);
    if (!result.ok) {
      setErrors(result.errors);
      setReasonError(result.reasonError);
      focusSoon(() => summaryRef.current);
      return;
    }
    setErrors({});
    setReasonError(undefined);
    correct.mutate({
      agreementId,
      realisationId: entry.id,
      expectedVersion: entry.version,
      realisation: result.realisation,
      reason: result.reason,
    });
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    send(false);
  }

  function change(field: keyof CorrectionValues, value: string, path: string = field) {
    setValues((previous) => ({ ...previous, [field]: value }));
    setErrors(({ [path]: _stale, ...rest }) => rest);
  }

  const reasonText = reasonError ? t(`bounds.correction.errors.${reasonError}`) : undefined;
  return (
    <section className="regie-subsection" aria-labelledby="correction-heading" data-testid="correction-form">
      <h4 className="regie-subheading" id="correction-heading" tabIndex={-1}>
        {t('bounds.correction.title', { month })}
      </h4>
      <Paragraph>{t('bounds.correction.intro')}</Paragraph>
      <ErrorSummary
        title={t('bounds.correction.summaryTitle')}
        general={general}
        fields={[
          ...REALISATION_FIELDS.flatMap((field) => {
            const text = errorFor(field);
            return text ? [{ id: `${ID}-${field}`, text }] : [];
          }),
          ...(reasonText ? [{ id: `${ID}-reason`, text: reasonText }] : []),
        ]}
        summaryRef={summaryRef}
      />
      <form className="regie-form" noValidate onSubmit={submit} aria-labelledby="correction-heading">
        <RealisationFields idPrefix={ID} values={values} lines={lines} errorFor={errorFor} change={change} />
        <Field
          id={`${ID}-reason`}
          label={t('bounds.correction.reason')}
          hint={t('bounds.correction.reasonHint')}
          error={reasonText}
        >
          {(props) => (
            <Textarea
              {...props}
              name="reason"
              rows={2}
              required
              maxLength={REASON_LIMIT + 50}
              value={values.reason}
              onChange={(e) => {
                setValues((previous) => ({ ...previous, reason: e.target.value }));
                setReasonError(undefined);
              }}
            />
          )}
        </Field>
        <div role="status" aria-live="polite" className="regie-status">
          {correct.isPending ? t('bounds.correction.saving') : null}
        </div>
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
