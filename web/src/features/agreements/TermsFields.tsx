import { DOMAINS } from '@regie/core/browser';
import { Textarea } from '@utrecht/component-library-react';
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Field } from '../../lib/form';
import { Fieldset } from '../../ui/Fieldset';
import { ChoiceInput, inputIdFor, TextInput, useFieldMessage } from './form-fields';

/** The agreement's own terms: title, description, domain, period, notice, ceiling and renewal options. */
export function TermsFields() {
  const { t } = useTranslation();
  const { register, control } = useFormContext();
  const errorFor = useFieldMessage();
  const startDate: string = useWatch({ control, name: 'startDate' }) ?? '';
  const optional = (label: string) => `${label} ${t('agreementForm.optional')}`;
  return (
    <>
      <TextInput path="title" label={t('fields.title')} required />
      <Field
        id={inputIdFor('description')}
        label={optional(t('fields.description'))}
        error={errorFor('description')}
      >
        {(props) => <Textarea {...props} rows={5} {...register('description')} />}
      </Field>
      <ChoiceInput
        path="domain"
        label={t('fields.domain')}
        options={DOMAINS}
        optionLabel={(domain) => t(`domains.${domain}`)}
        required
      />
      <div className="regie-form__row">
        <TextInput path="startDate" type="date" label={t('fields.startDate')} required />
        <TextInput
          path="endDate"
          type="date"
          label={t('fields.endDate')}
          required
          min={startDate || undefined}
        />
      </div>
      <div className="regie-form__row">
        <TextInput
          path="noticePeriodMonths"
          label={optional(t('agreementForm.noticeLabel'))}
          inputMode="numeric"
          className="regie-input--count"
        />
        <TextInput
          path="valueCeilingCents"
          label={optional(t('agreementForm.ceilingLabel'))}
          hint={t('agreementForm.ceilingHint')}
          inputMode="decimal"
          className="regie-input--amount"
        />
      </div>
      <Fieldset id="agreement-renewal" legend={optional(t('agreementForm.renewalLegend'))}>
        <div className="regie-form__row">
          <TextInput
            path="renewal.options"
            label={t('agreementForm.renewalOptionsLabel')}
            inputMode="numeric"
            className="regie-input--count"
          />
          <TextInput
            path="renewal.monthsEach"
            label={t('agreementForm.renewalMonthsLabel')}
            inputMode="numeric"
            className="regie-input--count"
          />
        </div>
      </Fieldset>
    </>
  );
}
