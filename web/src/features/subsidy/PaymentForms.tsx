import { standardSchemaResolver } from '@hookform/resolvers/standard-schema';
import { SETTLEMENT_GROUNDS } from '@regie/core/browser';
import { Paragraph, Select, SelectOption, Textarea, Textbox } from '@utrecht/component-library-react';
import { useMemo } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Field } from '../../lib/form';
import { useErrorText } from '../../lib/form-schema';
import { formatMoney, localeFor } from '../../lib/format';
import { useTRPCClient } from '../../lib/trpc';
import { DecisionForm, type DecisionFormProps, useDecision } from './decision';
import {
  type AdvanceValues,
  advanceDefaults,
  advanceParams,
  advanceSchema,
  type SettleValues,
  settleDefaults,
  settleSchema,
} from './forms';

/** The money after the grant: settling it (vaststelling, Awb 4:46–4:47) and advances on it (voorschot, 4:95). */

/** Settlement: the amount, and for a lower one its ground (4:46 lid 2) and motivation; ex officio without an application. */
export function SettleForm({ view, announce }: DecisionFormProps) {
  const { t, i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  const client = useTRPCClient();
  const exOfficio = view.status === 'granted';
  const schema = useMemo(() => settleSchema(view, locale), [view, locale]);
  const form = useForm({
    resolver: standardSchemaResolver(schema),
    defaultValues: settleDefaults(view.record?.grant?.amountCents ?? 0, locale) satisfies SettleValues,
  });
  const error = useErrorText(form.formState.errors);
  const decision = useDecision(
    view,
    (input: Parameters<typeof client.subsidy.settle.mutate>[0], options) =>
      client.subsidy.settle.mutate(input, options),
    (v) =>
      t('subsidy.section.settle.done', {
        amount: formatMoney(v.record?.settlement?.amountCents ?? 0, locale),
      }),
    announce,
  );
  const { register } = form;

  return (
    <DecisionForm
      name="settle"
      view={view}
      decision={decision}
      form={form}
      appearance="primary-action-button"
    >
      {exOfficio ? <Paragraph>{t('subsidy.section.settle.exOfficioNote')}</Paragraph> : null}
      <Field id="subsidy-settle-amount" label={t('subsidy.section.settle.amount')} error={error('amount')}>
        {(props) => <Textbox {...props} {...register('amount')} inputMode="decimal" />}
      </Field>
      <Field id="subsidy-settle-ground" label={t('subsidy.section.settle.ground')} error={error('ground')}>
        {(props) => (
          <Select {...props} {...register('ground')}>
            <SelectOption value="">{t('subsidy.section.settle.noGround')}</SelectOption>
            {SETTLEMENT_GROUNDS.map((g) => (
              <SelectOption key={g} value={g}>
                {t(`subsidy.section.grounds.${g}`)}
              </SelectOption>
            ))}
          </Select>
        )}
      </Field>
      <Field
        id="subsidy-settle-motivation"
        label={t('subsidy.section.settle.motivation')}
        error={error('motivation')}
      >
        {(props) => <Textarea {...props} {...register('motivation')} rows={3} maxLength={2000} />}
      </Field>
    </DecisionForm>
  );
}

/** An advance (voorschot, Awb 4:95) on the grant: a date, an amount within what is left, a note. */
export function AdvanceForm({ view, announce }: DecisionFormProps) {
  const { t, i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  const client = useTRPCClient();
  const schema = useMemo(() => advanceSchema(view, locale), [view, locale]);
  const form = useForm({
    resolver: standardSchemaResolver(schema),
    defaultValues: advanceDefaults() satisfies AdvanceValues,
  });
  const error = useErrorText(form.formState.errors, advanceParams(view, locale));
  const decision = useDecision(
    view,
    (input: Parameters<typeof client.subsidy.advance.mutate>[0], options) =>
      client.subsidy.advance.mutate(input, options),
    (v) =>
      t('subsidy.section.advance.done', {
        advanced: formatMoney(v.advancedCents, locale),
        left: formatMoney(v.advanceLeftCents ?? 0, locale),
      }),
    announce,
  );
  const { register } = form;

  return (
    <DecisionForm
      name="advance"
      view={view}
      decision={decision}
      form={form}
      appearance="secondary-action-button"
    >
      <Paragraph>{t('subsidy.section.advance.left', advanceParams(view, locale))}</Paragraph>
      <Field id="subsidy-advance-date" label={t('subsidy.section.advance.date')} error={error('date')}>
        {(props) => <Textbox {...props} {...register('date')} type="date" />}
      </Field>
      <Field id="subsidy-advance-amount" label={t('subsidy.section.advance.amount')} error={error('amount')}>
        {(props) => <Textbox {...props} {...register('amount')} inputMode="decimal" />}
      </Field>
      <Field id="subsidy-advance-note" label={t('subsidy.section.advance.note')} error={error('note')}>
        {(props) => <Textbox {...props} {...register('note')} maxLength={500} />}
      </Field>
    </DecisionForm>
  );
}
