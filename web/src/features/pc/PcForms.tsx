import { standardSchemaResolver } from '@hookform/resolvers/standard-schema';
import type { PcView } from '@regie/core/browser';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Checkbox,
  FormField,
  FormLabel,
  Paragraph,
  Select,
  SelectOption,
  Textarea,
  Textbox,
} from '@utrecht/component-library-react';
import { type FormEvent, type ReactNode, useMemo, useRef, useState } from 'react';
import { type FieldValues, get, type UseFormReturn, useFieldArray, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, Field, focusSoon } from '../../lib/form';
import { orderedErrors, setServerErrors, useErrorText } from '../../lib/form-schema';
import { localeFor } from '../../lib/format';
import { useMutationError } from '../../lib/mutation-error';
import { idempotencyKeys, useTRPC, useTRPCClient } from '../../lib/trpc';
import { Fieldset } from '../../ui/Fieldset';
import { RemoveRowButton } from '../../ui/RemoveRowButton';
import { StatusLine } from '../../ui/StatusLine';
import {
  FINANCIALS_FIELDS,
  type FinancialsValues,
  financialsDefaults,
  financialsField,
  financialsSchema,
  INDICATOR_DIRECTIONS,
  INDICATOR_ROW_FIELDS,
  INDICATOR_TYPES,
  type IndicatorsValues,
  indicatorField,
  indicatorsDefaults,
  indicatorsSchema,
  LEGAL_FORMS,
  MONEY_FIELDS,
  newIndicatorRow,
  PROFILE_FIELDS,
  type ProfileValues,
  profileDefaults,
  profileField,
  profileSchema,
} from './forms';

/**
 * The region's forms on a GR's P&C section (issue 16 point 5): the indicator set, the verbonden-partij profile and
 * a year's figures, each saved with the version it was loaded at; a stale version shows the reload alert, a refused
 * field its message at the field (from core's schema in the form, and from the server's answer).
 */

/** One save: the mutation with its idempotency key, server field errors at their fields, a conflict with reload. */
function usePcSave<I, V extends FieldValues>(options: {
  form: UseFormReturn<V, unknown, I>;
  send: (input: I, context?: { context: { idempotencyKey: string } }) => Promise<PcView>;
  fieldOf: (path: string) => string | undefined;
  done: (view: PcView) => string;
  /** Says what was saved, outside the form (which starts afresh from the new version). */
  onDone: (text: string) => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const conflictRef = useRef<HTMLDivElement>(null);
  const failure = useMutationError({
    fieldOf: options.fieldOf,
    messages: { notFound: t('agreementDetail.notFound') },
    onConflict: () => focusSoon(() => conflictRef.current),
    onFailure: (described) => setServerErrors(options.form, described.fieldErrors),
  });
  const keys = useRef(idempotencyKeys());
  const mutation = useMutation({
    mutationFn: (input: I) => {
      const idempotencyKey = keys.current(input);
      return options.send(input, idempotencyKey ? { context: { idempotencyKey } } : undefined);
    },
    onSuccess: async (view) => {
      keys.current = idempotencyKeys();
      failure.reset();
      options.onDone(options.done(view));
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: trpc.pc.pathKey() }),
        queryClient.invalidateQueries({
          queryKey: trpc.agreement.history.queryKey({ id: view.agreementId }),
        }),
      ]);
    },
    onError: failure.onError,
  });
  return { mutation, failure, conflictRef };
}

function PcFormFrame({
  name,
  title,
  intro,
  save,
  fields,
  onSubmit,
  onReload,
  submitLabel,
  children,
}: {
  name: string;
  title: string;
  intro: string;
  save: ReturnType<typeof usePcSave>;
  fields: { id: string; text: string }[];
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  onReload: () => void;
  submitLabel: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const headingId = `pc-${name}-heading`;
  const pending = save.mutation.isPending;
  const conflict = save.failure.kind === 'conflict';
  const general = save.failure.summary && !conflict ? [save.failure.summary] : [];
  return (
    <section className="regie-subsection" aria-labelledby={headingId} data-testid={`pc-${name}-form`}>
      <h3 className="regie-subheading" id={headingId}>
        {title}
      </h3>
      <Paragraph>{intro}</Paragraph>
      <form
        className="regie-form"
        noValidate
        aria-labelledby={headingId}
        onSubmit={(event) => {
          event.preventDefault();
          if (pending) return;
          save.failure.reset();
          onSubmit(event);
        }}
      >
        {conflict ? (
          <div ref={save.conflictRef} tabIndex={-1} className="regie-error-summary">
            <Alert type="warning">
              <Paragraph>{t('pc.forms.conflict')}</Paragraph>
              <Button
                appearance="secondary-action-button"
                onClick={() => {
                  save.failure.reset();
                  onReload();
                }}
              >
                {t('pc.forms.reload')}
              </Button>
            </Alert>
          </div>
        ) : null}
        <ErrorSummary
          title={t('pc.forms.errorTitle')}
          general={general}
          fields={fields}
          summaryRef={save.failure.summaryRef}
        />
        {children}
        <StatusLine>{pending ? t('pc.forms.saving') : null}</StatusLine>
        <Button type="submit" appearance="primary-action-button" busy={pending}>
          {submitLabel}
        </Button>
      </form>
    </section>
  );
}

/** The form's errors in the order of `order`, each with the id of its input (`pc-<form>-<path>`). */
function summaryFields(
  errors: Parameters<typeof orderedErrors>[0],
  order: readonly string[],
  id: (path: string) => string,
  text: (error: { type?: string; message?: string }) => string | undefined,
) {
  return orderedErrors(errors, order).map(([path, error]) => ({
    id: id(path),
    text: text(error as { type?: string; message?: string }) ?? '',
  }));
}

interface FormProps {
  view: PcView;
  onReload: () => void;
  onDone: (text: string) => void;
}

const known = (fields: readonly string[]) => (path: string) => (fields.includes(path) ? path : undefined);

// ---- the indicator set ----

export function IndicatorsForm({ view, onReload, onDone }: FormProps) {
  const { t, i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  const client = useTRPCClient();
  const id = (path: string) => `pc-ind-${path.replace(/\./g, '-')}`;
  const schema = useMemo(
    () => indicatorsSchema({ agreementId: view.agreementId, expectedVersion: view.version }, locale),
    [view.agreementId, view.version, locale],
  );
  const form = useForm<IndicatorsValues, unknown, Parameters<typeof client.pc.setIndicators.mutate>[0]>({
    resolver: standardSchemaResolver(schema),
    defaultValues: indicatorsDefaults(view, locale),
    shouldFocusError: false,
  });
  const { fields, append, remove } = useFieldArray({
    control: form.control,
    name: 'indicators',
    keyName: 'key',
  });
  const [announcement, setAnnouncement] = useState('');
  const addRef = useRef<HTMLButtonElement>(null);
  const errors = form.formState.errors;
  const errorText = useErrorText();
  const order = [
    'indicators',
    ...fields.flatMap((_, i) => INDICATOR_ROW_FIELDS.map((f) => `indicators.${i}.${f}`)),
  ];
  const save = usePcSave({
    form,
    onDone,
    send: (input, options) => client.pc.setIndicators.mutate(input, options),
    fieldOf: (path) => known(order)(indicatorField(path)),
    done: (result) => t('pc.forms.indicatorsSaved', { version: result.setVersion }),
  });
  const submit = form.handleSubmit(
    (input) => save.mutation.mutate(input),
    () => focusSoon(() => save.failure.summaryRef.current),
  );
  const error = (path: string) => errorText(get(errors, path));
  const text = (path: string, label: string, className?: string, hint?: string) => (
    <Field id={id(path)} label={label} hint={hint} error={error(path)} className={className}>
      {(props) => <Textbox {...props} {...form.register(path as never)} autoComplete="off" />}
    </Field>
  );
  const choice = (path: string, label: string, options: readonly string[], say: (o: string) => string) => (
    <Field id={id(path)} label={label} error={error(path)}>
      {(props) => (
        <Select {...props} {...form.register(path as never)}>
          {options.map((o) => (
            <SelectOption key={o} value={o}>
              {say(o)}
            </SelectOption>
          ))}
        </Select>
      )}
    </Field>
  );
  return (
    <PcFormFrame
      name="indicators"
      title={t('pc.forms.indicatorsTitle')}
      intro={t('pc.forms.indicatorsIntro')}
      save={save as ReturnType<typeof usePcSave>}
      fields={summaryFields(errors, order, id, errorText)}
      onSubmit={(event) => void submit(event)}
      onReload={onReload}
      submitLabel={t('pc.forms.saveIndicators')}
    >
      <Fieldset id={id('indicators')} legend={t('pc.forms.indicatorsLegend')} error={error('indicators')}>
        {fields.map((field, i) => {
          const at = (f: string) => `indicators.${i}.${f}`;
          const legend = t('pc.forms.indicatorLegend', { n: i + 1 });
          return (
            <Fieldset
              key={field.key}
              id={id(`indicators.${i}`)}
              legend={legend}
              className="regie-fieldset--row"
            >
              <div className="regie-form__row">
                {text(at('name'), t('pc.forms.indicatorName'), 'regie-input--name')}
                {text(at('unit'), t('pc.forms.indicatorUnit'), 'regie-input--count')}
              </div>
              <div className="regie-form__row">
                {choice(at('type'), t('pc.forms.indicatorType'), INDICATOR_TYPES, (o) =>
                  t(`pc.types.${o as 'input'}`),
                )}
                {choice(at('direction'), t('pc.forms.indicatorDirection'), INDICATOR_DIRECTIONS, (o) =>
                  t(`pc.directions.${o as 'higher_is_better'}`),
                )}
                {text(
                  at('baselineValue'),
                  t('pc.forms.baselineValue'),
                  'regie-input--count',
                  t('pc.forms.baselineHint'),
                )}
                {text(at('baselineYear'), t('pc.forms.baselineYear'), 'regie-input--count')}
              </div>
              {text(at('description'), t('pc.forms.description'))}
              <RemoveRowButton
                row={legend}
                onClick={() => {
                  remove(i);
                  setAnnouncement(t('pc.forms.indicatorRemoved', { n: i + 1 }));
                  focusSoon(() => addRef.current);
                }}
              />
            </Fieldset>
          );
        })}
        <div className="regie-fieldset__actions">
          <Button
            ref={addRef}
            appearance="secondary-action-button"
            disabled={fields.length >= 30}
            onClick={() => {
              append(newIndicatorRow(), { shouldFocus: false });
              focusSoon(() => document.getElementById(id(`indicators.${fields.length}.name`)));
            }}
          >
            {t('pc.forms.addIndicator')}
          </Button>
        </div>
      </Fieldset>
      <StatusLine hidden>{announcement}</StatusLine>
    </PcFormFrame>
  );
}

// ---- the verbonden-partij profile ----

export function ProfileForm({ view, onReload, onDone }: FormProps) {
  const { t } = useTranslation();
  const client = useTRPCClient();
  const id = (path: string) => `pc-profile-${path}`;
  const schema = useMemo(
    () => profileSchema({ agreementId: view.agreementId, expectedVersion: view.version }),
    [view.agreementId, view.version],
  );
  const form = useForm<ProfileValues, unknown, Parameters<typeof client.pc.setProfile.mutate>[0]>({
    resolver: standardSchemaResolver(schema),
    defaultValues: profileDefaults(view),
    shouldFocusError: false,
  });
  const errors = form.formState.errors;
  const errorText = useErrorText();
  const save = usePcSave({
    form,
    onDone,
    send: (input, options) => client.pc.setProfile.mutate(input, options),
    fieldOf: (path) => known(PROFILE_FIELDS)(profileField(path)),
    done: () => t('pc.forms.profileSaved'),
  });
  const submit = form.handleSubmit(
    (input) => save.mutation.mutate(input),
    () => focusSoon(() => save.failure.summaryRef.current),
  );
  const error = (path: string) => errorText(get(errors, path));
  const shared = form.watch('shareMemberRows');
  return (
    <PcFormFrame
      name="profile"
      title={t('pc.forms.profileTitle')}
      intro={t('pc.forms.profileIntro')}
      save={save as ReturnType<typeof usePcSave>}
      fields={summaryFields(errors, PROFILE_FIELDS, id, errorText)}
      onSubmit={(event) => void submit(event)}
      onReload={onReload}
      submitLabel={t('pc.forms.saveProfile')}
    >
      <Field id={id('legalForm')} label={t('pc.forms.legalForm')} error={error('legalForm')}>
        {(props) => (
          <Select {...props} {...form.register('legalForm')}>
            {LEGAL_FORMS.map((f) => (
              <SelectOption key={f} value={f}>
                {t(`pc.groups.${f}`)}
              </SelectOption>
            ))}
          </Select>
        )}
      </Field>
      <Field
        id={id('publicInterest')}
        label={t('pc.forms.publicInterest')}
        hint={t('pc.forms.publicInterestHint')}
        error={error('publicInterest')}
      >
        {(props) => <Textarea {...props} {...form.register('publicInterest')} rows={3} />}
      </Field>
      <Field
        id={id('governanceInterest')}
        label={t('pc.forms.governanceInterest')}
        hint={t('pc.forms.governanceInterestHint')}
        error={error('governanceInterest')}
      >
        {(props) => <Textarea {...props} {...form.register('governanceInterest')} rows={2} />}
      </Field>
      <FormField
        type="checkbox"
        label={
          <FormLabel htmlFor={id('shareMemberRows')} type="checkbox" checked={shared}>
            {t('pc.forms.shareMemberRows')}
          </FormLabel>
        }
        input={
          <Checkbox id={id('shareMemberRows')} appearance="html" {...form.register('shareMemberRows')} />
        }
      />
    </PcFormFrame>
  );
}

// ---- a year's figures ----

export function FinancialsForm({ view, onReload, onDone }: FormProps) {
  const { t, i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  const client = useTRPCClient();
  const year = view.year;
  const id = (path: string) => `pc-fin-${path.replace(/\./g, '-')}`;
  const schema = useMemo(
    () =>
      financialsSchema(
        { agreementId: view.agreementId, year: view.year, expectedVersion: view.yearVersion },
        locale,
      ),
    [view.agreementId, view.year, view.yearVersion, locale],
  );
  const defaults = useMemo(() => financialsDefaults(view, locale), [view, locale]);
  const form = useForm<FinancialsValues, unknown, Parameters<typeof client.pc.setFinancials.mutate>[0]>({
    resolver: standardSchemaResolver(schema),
    defaultValues: defaults,
    shouldFocusError: false,
  });
  const errors = form.formState.errors;
  const errorText = useErrorText();
  const order = [
    ...FINANCIALS_FIELDS,
    ...defaults.interests.flatMap((_, i) => [`interests.${i}.start`, `interests.${i}.end`]),
  ];
  // The server names an interest by its index among those sent: the rows with an amount, in the form's order.
  const sentRows = () =>
    form.getValues('interests').flatMap((r, i) => (r.start.trim() === '' && r.end.trim() === '' ? [] : [i]));
  const save = usePcSave({
    form,
    onDone,
    send: (input, options) => client.pc.setFinancials.mutate(input, options),
    fieldOf: (path) => known(order)(financialsField(path, sentRows())),
    done: () => t('pc.forms.financialsSaved', { year }),
  });
  const submit = form.handleSubmit(
    (input) => save.mutation.mutate(input),
    () => focusSoon(() => save.failure.summaryRef.current),
  );
  const error = (path: string) => errorText(get(errors, path));
  const money = (path: string, label: string) => (
    <Field id={id(path)} label={label} error={error(path)}>
      {(props) => (
        <Textbox
          {...props}
          {...form.register(path as never)}
          inputMode="decimal"
          autoComplete="off"
          className="regie-input--amount"
        />
      )}
    </Field>
  );
  const names = Object.fromEntries(view.members.map((m) => [m.space, m.name]));
  return (
    <PcFormFrame
      name="financials"
      title={t('pc.forms.financialsTitle', { year })}
      intro={t('pc.forms.financialsIntro')}
      save={save as ReturnType<typeof usePcSave>}
      fields={summaryFields(errors, order, id, errorText)}
      onSubmit={(event) => void submit(event)}
      onReload={onReload}
      submitLabel={t('pc.forms.saveFinancials')}
    >
      <div className="regie-form__row">
        {money('equityStart', t('pc.forms.equityStart', { year }))}
        {money('equityEnd', t('pc.forms.equityEnd', { year }))}
      </div>
      <div className="regie-form__row">
        {money('debtStart', t('pc.forms.debtStart', { year }))}
        {money('debtEnd', t('pc.forms.debtEnd', { year }))}
      </div>
      {money(MONEY_FIELDS[4], t('pc.forms.result', { year }))}
      <Field id={id('uncoveredRisks')} label={t('pc.forms.uncoveredRisks')} error={error('uncoveredRisks')}>
        {(props) => <Textarea {...props} {...form.register('uncoveredRisks')} rows={3} />}
      </Field>
      <Field id={id('status')} label={t('pc.forms.status')} error={error('status')}>
        {(props) => (
          <Select {...props} {...form.register('status')}>
            <SelectOption value="">{t('pc.forms.statusChoose')}</SelectOption>
            <SelectOption value="provisional">{t('pc.forms.provisional')}</SelectOption>
            <SelectOption value="definitive">{t('pc.forms.definitive')}</SelectOption>
          </Select>
        )}
      </Field>
      {defaults.interests.length > 0 ? (
        <Fieldset
          id={id('interests')}
          legend={t('pc.forms.interestsLegend')}
          hint={t('pc.forms.interestsHint')}
        >
          {defaults.interests.map((row, i) => (
            <div className="regie-form__row" key={row.member}>
              {money(
                `interests.${i}.start`,
                t('pc.forms.interestStart', { name: names[row.member] ?? row.member, year }),
              )}
              {money(
                `interests.${i}.end`,
                t('pc.forms.interestEnd', { name: names[row.member] ?? row.member, year }),
              )}
            </div>
          ))}
        </Fieldset>
      ) : null}
    </PcFormFrame>
  );
}
