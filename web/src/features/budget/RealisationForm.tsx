import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Paragraph,
  Select,
  SelectOption,
  Textarea,
  Textbox,
} from '@utrecht/component-library-react';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type BudgetSignal,
  type RecordInput,
  signalAmounts,
  signalKey,
  signalMessage,
} from '../../lib/budget/model';
import { errorCode, errorIssues } from '../../lib/errors';
import { ErrorSummary, Field, focusSoon } from '../../lib/form';
import { formatMoney, formatMonth, localeFor } from '../../lib/format';
import { idempotencyKeys, useTRPC, useTRPCClient } from '../../lib/trpc';
import {
  type BudgetError,
  type BudgetErrors,
  currentMonth,
  emptyRealisation,
  REALISATION_FIELDS,
  REALISATION_LIMITS,
  type RealisationValues,
  realisationIssues,
  validateRealisation,
} from './budget-form';

export interface LineChoice {
  id: string;
  productCode: string;
}

type Trpc = ReturnType<typeof useTRPC>;

/** After a realisation is recorded or corrected: every figure that shows it, on both sides. */
export function refreshBudget(queryClient: QueryClient, trpc: Trpc, agreementId: string) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: trpc.budget.get.pathKey() }),
    queryClient.invalidateQueries({ queryKey: trpc.budget.reported.pathKey() }),
    queryClient.invalidateQueries({ queryKey: trpc.budget.statement.pathKey() }),
    queryClient.invalidateQueries({ queryKey: trpc.budget.signals.pathKey() }),
    queryClient.invalidateQueries({ queryKey: trpc.agreement.get.queryKey({ id: agreementId }) }),
    queryClient.invalidateQueries({ queryKey: trpc.agreement.find.pathKey() }),
    queryClient.invalidateQueries({ queryKey: trpc.agreement.history.queryKey({ id: agreementId }) }),
  ]);
}

/** The translated text of a field error of the realisation form. */
export function useBudgetMessage() {
  const { t } = useTranslation();
  return (error: BudgetError | undefined) =>
    error === undefined ? undefined : 'key' in error ? t(`budget.errors.${error.key}`) : error.text;
}

/** Month, amount, volume, product line and note: the fields of an entry, for recording and for correcting. */
export function RealisationFields({
  idPrefix,
  values,
  lines,
  errorFor,
  change,
}: {
  idPrefix: string;
  values: RealisationValues;
  lines: readonly LineChoice[];
  errorFor: (field: string) => string | undefined;
  change: (field: keyof RealisationValues, value: string, path?: string) => void;
}) {
  const { t } = useTranslation();
  const id = (field: string) => `${idPrefix}-${field}`;
  return (
    <>
      <div className="regie-form__row">
        <Field
          id={id('period')}
          label={t('budget.form.month')}
          hint={t('budget.form.monthHint')}
          error={errorFor('period')}
        >
          {(props) => (
            <Textbox
              {...props}
              type="month"
              name="period"
              required
              value={values.period}
              onChange={(e) => change('period', e.target.value)}
            />
          )}
        </Field>
        <Field
          id={id('amountCents')}
          label={t('budget.form.amount')}
          hint={t('budget.form.amountHint')}
          error={errorFor('amountCents')}
        >
          {(props) => (
            <Textbox
              {...props}
              name="amount"
              required
              inputMode="decimal"
              autoComplete="off"
              className="regie-input--amount"
              value={values.amount}
              onChange={(e) => change('amount', e.target.value, 'amountCents')}
            />
          )}
        </Field>
        <Field
          id={id('volume')}
          label={t('budget.form.volume')}
          hint={t('budget.form.volumeHint')}
          error={errorFor('volume')}
        >
          {(props) => (
            <Textbox
              {...props}
              name="volume"
              inputMode="numeric"
              autoComplete="off"
              className="regie-input--count"
              value={values.volume}
              onChange={(e) => change('volume', e.target.value)}
            />
          )}
        </Field>
      </div>
      {lines.length > 0 ? (
        <Field id={id('productLineId')} label={t('budget.form.line')} error={errorFor('productLineId')}>
          {(props) => (
            <Select
              {...props}
              name="productLineId"
              value={values.productLineId}
              onChange={(e) => change('productLineId', e.target.value)}
            >
              <SelectOption value="">{t('budget.form.noLine')}</SelectOption>
              {lines.map((line) => (
                <SelectOption key={line.id} value={line.id}>
                  {line.productCode}
                </SelectOption>
              ))}
            </Select>
          )}
        </Field>
      ) : null}
      <Field id={id('note')} label={t('budget.form.note')} error={errorFor('note')}>
        {(props) => (
          <Textarea
            {...props}
            name="note"
            rows={2}
            maxLength={REALISATION_LIMITS.note + 50}
            value={values.note}
            onChange={(e) => change('note', e.target.value)}
          />
        )}
      </Field>
    </>
  );
}

type Outcome = { kind: 'saved'; text: string; signals: BudgetSignal[] } | { kind: 'conflict' } | null;

/**
 * "Realisatie vastleggen" (the municipality) or "Realisatie doorgeven" (the provider's reporter, in its portal):
 * one month's amount (and volume, line, note). The municipality sees the signals its entry raises.
 */
export function RealisationForm({
  agreementId,
  lines,
  provider,
}: {
  agreementId: string;
  lines: readonly LineChoice[];
  /** For a provider: the owner the realisation is reported to. */
  provider?: { ownerName: string };
}) {
  const { t, i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const message = useBudgetMessage();
  const [values, setValues] = useState<RealisationValues>(() => emptyRealisation(currentMonth()));
  const [clientErrors, setClientErrors] = useState<BudgetErrors>({});
  const [serverErrors, setServerErrors] = useState<BudgetErrors>({});
  const [formError, setFormError] = useState<string[]>([]);
  const [attempted, setAttempted] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);
  // One key per distinct entry until it is saved: a retry is not recorded twice, a second equal entry is.
  const keys = useRef(idempotencyKeys());
  const lineIds = lines.map((l) => l.id);
  const idPrefix = provider ? 'reported' : 'realisation';
  const headingId = `${idPrefix}-form-heading`;
  const errorFor = (field: string) => message(clientErrors[field] ?? serverErrors[field]);

  const record = useMutation({
    mutationKey: trpc.budget.record.mutationKey(),
    mutationFn: (input: RecordInput) => {
      const idempotencyKey = keys.current(input);
      return client.budget.record.mutate(input, idempotencyKey ? { context: { idempotencyKey } } : undefined);
    },
    onSuccess: async (result) => {
      keys.current = idempotencyKeys();
      const r = result.realisation;
      const figures = { amount: formatMoney(r.amountCents, locale), month: formatMonth(r.period, locale) };
      setOutcome({
        kind: 'saved',
        text: provider
          ? t('bounds.provider.saved', { ...figures, owner: provider.ownerName })
          : t('budget.form.saved', figures),
        // Signals are for the municipality's roles; the provider is told its entry arrived.
        signals: provider ? [] : result.signals,
      });
      setValues((previous) => ({
        ...emptyRealisation(previous.period),
        productLineId: previous.productLineId,
      }));
      setAttempted(false);
      focusSoon(() => outcomeRef.current);
      await refreshBudget(queryClient, trpc, agreementId);
    },
    onError: (error) => {
      const code = errorCode(error);
      setServerErrors({});
      setFormError([]);
      if (code === 'CONFLICT') {
        // Another entry won the race: nothing was stored; the totals shown are refreshed.
        setOutcome({ kind: 'conflict' });
        void refreshBudget(queryClient, trpc, agreementId);
        focusSoon(() => outcomeRef.current);
        return;
      }
      setOutcome(null);
      if (code === 'BAD_REQUEST') {
        const { errors, other } = realisationIssues(errorIssues(error));
        setServerErrors(errors);
        if (other.length > 0 || Object.keys(errors).length === 0)
          setFormError([t('budget.errors.rejected'), ...other]);
      } else if (code === 'FORBIDDEN') setFormError([t('budget.errors.forbidden')]);
      else if (code === 'NOT_FOUND') setFormError([t('agreementDetail.notFound')]);
      else setFormError([t('budget.errors.failed')]);
      focusSoon(() => summaryRef.current);
    },
  });

  function change(field: keyof RealisationValues, value: string, path: string = field) {
    const next = { ...values, [field]: value };
    setValues(next);
    if (attempted) {
      const result = validateRealisation(next, locale, lineIds);
      setClientErrors(result.ok ? {} : result.errors);
    }
    setServerErrors(({ [path]: _stale, ...rest }) => rest);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (record.isPending) return;
    setAttempted(true);
    setServerErrors({});
    setFormError([]);
    setOutcome(null);
    const result = validateRealisation(values, locale, lineIds);
    if (!result.ok) {
      setClientErrors(result.errors);
      focusSoon(() => summaryRef.current);
      return;
    }
    setClientErrors({});
    record.mutate({ agreementId, realisation: result.input });
  }

  return (
    <section className="regie-subsection" aria-labelledby={headingId}>
      <h3 className="regie-subheading" id={headingId}>
        {provider ? t('bounds.provider.formTitle') : t('budget.form.title')}
      </h3>
      <div
        ref={outcomeRef}
        tabIndex={-1}
        className="regie-outcome"
        aria-live="polite"
        data-testid={`${idPrefix}-outcome`}
      >
        {outcome?.kind === 'saved' ? (
          <>
            <Paragraph>{outcome.text}</Paragraph>
            {outcome.signals.map((signal) => {
              const title = signalMessage(signal, 'budget.signal.title');
              const amounts = signalAmounts(signal, 'budget.signal.text', locale);
              return (
                <Alert key={signalKey(signal)} type="warning">
                  <Paragraph>
                    <strong>{t(title.key, title.values)}</strong>
                  </Paragraph>
                  <Paragraph>{t(amounts.key, amounts.values)}</Paragraph>
                </Alert>
              );
            })}
          </>
        ) : null}
        {outcome?.kind === 'conflict' ? (
          <Alert type="warning">
            <Paragraph>{t('budget.errors.conflict')}</Paragraph>
          </Alert>
        ) : null}
      </div>
      <ErrorSummary
        title={t('budget.form.summaryTitle')}
        general={formError}
        fields={REALISATION_FIELDS.flatMap((field) => {
          const text = errorFor(field);
          return text ? [{ id: `${idPrefix}-${field}`, text }] : [];
        })}
        summaryRef={summaryRef}
      />
      <form className="regie-form" noValidate onSubmit={submit} aria-labelledby={headingId}>
        <RealisationFields
          idPrefix={idPrefix}
          values={values}
          lines={lines}
          errorFor={errorFor}
          change={change}
        />
        <div role="status" aria-live="polite" className="regie-status">
          {record.isPending ? t('budget.form.saving') : null}
        </div>
        <Button
          type="submit"
          appearance="primary-action-button"
          busy={record.isPending}
          className="regie-form__submit"
        >
          {provider ? t('bounds.provider.submit') : t('budget.form.submit')}
        </Button>
      </form>
    </section>
  );
}
