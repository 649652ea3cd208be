import { standardSchemaResolver } from '@hookform/resolvers/standard-schema';
import type { RealisationInput } from '@regie/core/browser';
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
import { useMemo, useRef, useState } from 'react';
import { type UseFormRegisterReturn, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  type BudgetSignal,
  type RecordInput,
  signalAmounts,
  signalKey,
  signalMessage,
} from '../../lib/budget/model';
import { ErrorSummary, Field, focusSoon } from '../../lib/form';
import { orderedErrors, setServerErrors, useErrorText } from '../../lib/form-schema';
import { formatMoney, formatMonth, localeFor } from '../../lib/format';
import { useMutationError } from '../../lib/mutation-error';
import { idempotencyKeys, useTRPC, useTRPCClient } from '../../lib/trpc';
import { StatusLine } from '../../ui/StatusLine';
import {
  currentMonth,
  emptyRealisation,
  NOTE_LIMIT,
  REALISATION_FIELDS,
  type RealisationValues,
  realisationSchema,
} from './budget-form';

export interface LineChoice {
  id: string;
  productCode: string;
}

/** A member municipality of the region that owns the agreement (`me.reach`), for the entry's member. */
export interface MemberChoice {
  space: string;
  name: string;
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

/**
 * Month, amount, volume, product line, member (on a region's agreement) and note: the fields of an entry, for
 * recording and for correcting.
 */
export function RealisationFields({
  idPrefix,
  at = '',
  register,
  lines,
  members = [],
  errorFor,
}: {
  idPrefix: string;
  /** Where the entry sits in the form's values (`realisation.` in the correction form). */
  at?: string;
  register: (name: string) => UseFormRegisterReturn;
  lines: readonly LineChoice[];
  /** The owning region's members; none (no field) outside a region's agreement. */
  members?: readonly MemberChoice[];
  errorFor: (field: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const id = (field: string) => `${idPrefix}-${field}`;
  const field = (name: (typeof REALISATION_FIELDS)[number]) => register(`${at}${name}`);
  return (
    <>
      <div className="regie-form__row">
        <Field
          id={id('period')}
          label={t('budget.form.month')}
          hint={t('budget.form.monthHint')}
          error={errorFor('period')}
        >
          {(props) => <Textbox {...props} type="month" required {...field('period')} />}
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
              required
              inputMode="decimal"
              autoComplete="off"
              className="regie-input--amount"
              {...field('amountCents')}
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
              inputMode="numeric"
              autoComplete="off"
              className="regie-input--count"
              {...field('volume')}
            />
          )}
        </Field>
      </div>
      {lines.length > 0 ? (
        <Field id={id('productLineId')} label={t('budget.form.line')} error={errorFor('productLineId')}>
          {(props) => (
            <Select {...props} {...field('productLineId')}>
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
      {members.length > 0 ? (
        <Field
          id={id('member')}
          label={t('budget.form.member')}
          hint={t('budget.form.memberHint')}
          error={errorFor('member')}
        >
          {(props) => (
            <Select {...props} {...field('member')}>
              <SelectOption value="">{t('budget.form.noMember')}</SelectOption>
              {members.map((m) => (
                <SelectOption key={m.space} value={m.space}>
                  {m.name}
                </SelectOption>
              ))}
            </Select>
          )}
        </Field>
      ) : null}
      <Field id={id('note')} label={t('budget.form.note')} error={errorFor('note')}>
        {(props) => <Textarea {...props} rows={2} maxLength={NOTE_LIMIT + 50} {...field('note')} />}
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
