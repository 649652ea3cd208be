import { standardSchemaResolver } from '@hookform/resolvers/standard-schema';
import type { RealisationInput } from '@regie/core/browser';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Paragraph } from '@utrecht/component-library-react';
import { useMemo, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  type BudgetSignal,
  type RecordInput,
  signalAmounts,
  signalKey,
  signalMessage,
} from '../../lib/budget/model';
import { ErrorSummary, focusSoon } from '../../lib/form';
import { orderedErrors, setServerErrors, useErrorText } from '../../lib/form-schema';
import { formatMoney, formatMonth, localeFor } from '../../lib/format';
import { useMutationError } from '../../lib/mutation-error';
import { idempotencyKeys, useTRPC, useTRPCClient } from '../../lib/trpc';
import { StatusLine } from '../../ui/StatusLine';
import {
  currentMonth,
  emptyRealisation,
  REALISATION_FIELDS,
  type RealisationValues,
  realisationSchema,
} from './budget-form';
import { type LineChoice, type MemberChoice, RealisationFields } from './RealisationFields';
import { refreshBudget } from './refresh-budget';

// The fields and the refresh live in files of their own; the correction form and the tables import them from here.
export { type LineChoice, type MemberChoice, RealisationFields } from './RealisationFields';
export { refreshBudget } from './refresh-budget';

type Outcome = { kind: 'saved'; text: string; signals: BudgetSignal[] } | { kind: 'conflict' } | null;

/**
 * "Realisatie vastleggen" (the municipality) or "Realisatie doorgeven" (the provider's reporter, in its portal):
 * one month's amount (and volume, line, note). The municipality sees the signals its entry raises.
 */
export function RealisationForm({
  agreementId,
  lines,
  members = [],
  provider,
}: {
  agreementId: string;
  lines: readonly LineChoice[];
  /** On a region's agreement: its members, one of which an entry may belong to (usage settlement). */
  members?: readonly MemberChoice[];
  /** For a provider: the owner the realisation is reported to. */
  provider?: { ownerName: string };
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
        realisationSchema(
          locale,
          lineKey === '' ? [] : lineKey.split(','),
          memberKey === '' ? [] : memberKey.split(','),
        ),
      ),
    [locale, lineKey, memberKey],
  );
  const form = useForm<RealisationValues, unknown, RealisationInput>({
    defaultValues: emptyRealisation(currentMonth()),
    resolver,
    shouldFocusError: false,
  });
  const [outcome, setOutcome] = useState<Outcome>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);
  // One key per distinct entry until it is saved: a retry is not recorded twice, a second equal entry is.
  const keys = useRef(idempotencyKeys());
  const idPrefix = provider ? 'reported' : 'realisation';
  const headingId = `${idPrefix}-form-heading`;
  const errors = form.formState.errors;
  const errorFor = (field: string) => errorText(errors[field as keyof RealisationValues]);

  const failure = useMutationError({
    fieldOf: (path) => {
      const field = path.replace(/^realisation\./, '');
      return (REALISATION_FIELDS as readonly string[]).includes(field) ? field : undefined;
    },
    messages: {
      invalid: t('budget.errors.rejected'),
      forbidden: t('budget.errors.forbidden'),
      notFound: t('agreementDetail.notFound'),
      unknown: t('budget.errors.failed'),
      network: t('budget.errors.failed'),
    },
    // Another entry won the race: nothing was stored; the totals shown are refreshed.
    onConflict: () => {
      setOutcome({ kind: 'conflict' });
      void refreshBudget(queryClient, trpc, agreementId);
      focusSoon(() => outcomeRef.current);
    },
    onFailure: (described) => {
      if (described.kind !== 'conflict') setOutcome(null);
      setServerErrors(form, described.fieldErrors);
    },
  });
  const summaryRef = failure.summaryRef;

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
      const previous = form.getValues();
      form.reset({ ...emptyRealisation(previous.period), productLineId: previous.productLineId });
      focusSoon(() => outcomeRef.current);
      await refreshBudget(queryClient, trpc, agreementId);
    },
    onError: (error) => failure.onError(error),
  });

  const submit = form.handleSubmit(
    (realisation) => {
      if (record.isPending) return;
      record.mutate({ agreementId, realisation });
    },
    () => focusSoon(() => summaryRef.current),
  );

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
        general={failure.summary && failure.kind !== 'conflict' ? [failure.summary] : []}
        fields={orderedErrors(errors, REALISATION_FIELDS).map(([path, error]) => ({
          id: `${idPrefix}-${path}`,
          text: errorText(error) ?? '',
        }))}
        summaryRef={summaryRef}
      />
      <form
        className="regie-form"
        noValidate
        onSubmit={(event) => {
          failure.reset();
          setOutcome(null);
          void submit(event);
        }}
        aria-labelledby={headingId}
      >
        <RealisationFields
          idPrefix={idPrefix}
          register={(name) => form.register(name as keyof RealisationValues)}
          lines={lines}
          members={members}
          errorFor={errorFor}
        />
        <StatusLine>{record.isPending ? t('budget.form.saving') : null}</StatusLine>
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
