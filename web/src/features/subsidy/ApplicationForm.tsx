import { standardSchemaResolver } from '@hookform/resolvers/standard-schema';
import { useQuery } from '@tanstack/react-query';
import { Select, SelectOption, Textbox } from '@utrecht/component-library-react';
import { useMemo } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { InternalAgreement } from '../../lib/agreements/model';
import { Field } from '../../lib/form';
import { useErrorText } from '../../lib/form-schema';
import { localeFor } from '../../lib/format';
import { useTRPC, useTRPCClient } from '../../lib/trpc';
import { DecisionForm, type DecisionFormProps, useDecision } from './decision';
import { type ApplicationValues, applicationDefaults, applicationSchema } from './forms';

/** The application under a regulation; the agreement's space and value ceiling give the choices and the default. */
export function ApplicationForm({ a, view, announce }: DecisionFormProps & { a: InternalAgreement }) {
  const { t, i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  const trpc = useTRPC();
  const client = useTRPCClient();
  const regulations = useQuery(trpc.subsidy.regulations.queryOptions({ space: a.space }));
  const schema = useMemo(() => applicationSchema(view, locale), [view, locale]);
  const form = useForm({
    resolver: standardSchemaResolver(schema),
    defaultValues: applicationDefaults(view, a.valueCeilingCents, locale) satisfies ApplicationValues,
  });
  const error = useErrorText(form.formState.errors);
  const decision = useDecision(
    view,
    (input: Parameters<typeof client.subsidy.recordApplication.mutate>[0], options) =>
      client.subsidy.recordApplication.mutate(input, options),
    () => t('subsidy.section.apply.done'),
    announce,
  );
  const { register } = form;

  return (
    <DecisionForm
      name="apply"
      view={view}
      decision={decision}
      form={form}
      appearance="secondary-action-button"
    >
      <Field
        id="subsidy-regulation"
        label={t('subsidy.section.apply.regulation')}
        error={error('regulationId')}
      >
        {(props) => (
          // Controlled: the regulations arrive after the form, and the recorded one must stay chosen.
          <Select {...props} {...register('regulationId')} value={form.watch('regulationId')}>
            <SelectOption value="">{t('subsidy.section.apply.choose')}</SelectOption>
            {(regulations.data ?? []).map((r) => (
              <SelectOption key={r.id} value={r.id}>
                {r.name} ({r.budgetYear})
              </SelectOption>
            ))}
          </Select>
        )}
      </Field>
      <Field
        id="subsidy-application-date"
        label={t('subsidy.section.apply.date')}
        error={error('applicationDate')}
      >
        {(props) => <Textbox {...props} {...register('applicationDate')} type="date" />}
      </Field>
      <Field id="subsidy-requested" label={t('subsidy.section.apply.amount')} error={error('requested')}>
        {(props) => <Textbox {...props} {...register('requested')} inputMode="decimal" />}
      </Field>
      <Field id="subsidy-book-year" label={t('subsidy.section.apply.bookYear')} error={error('bookYear')}>
        {(props) => <Textbox {...props} {...register('bookYear')} inputMode="numeric" />}
      </Field>
    </DecisionForm>
  );
}
