import type { DataField, ReportSubmitInput } from '@regie/core/browser';
import { Textbox } from '@utrecht/component-library-react';
import type { UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Field } from '../../lib/form';
import { useErrorText } from '../../lib/form-schema';
import { Fieldset } from '../../ui/Fieldset';
import type { ReportValues } from './report-form';

/** A field's label with its unit (the type's own unit where the specification names none). */
export function useFieldLabel() {
  const { t } = useTranslation();
  return (field: DataField) => {
    const unit = field.unit || t(`deliveries.units.${field.type}`);
    return t(field.required ? 'deliveries.form.label' : 'deliveries.form.labelOptional', {
      label: field.label,
      unit,
    });
  };
}

/**
 * One input per field of the duty's data specification (issue 15 point 3): a text box read as a Dutch number, with
 * the type's hint and the field's error (both named by `aria-describedby`).
 */
export function DeliveryFields({
  spec,
  form,
  fieldId,
}: {
  spec: readonly DataField[];
  form: UseFormReturn<ReportValues, unknown, ReportSubmitInput>;
  fieldId: (path: string) => string;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const labelOf = useFieldLabel();
  const errors = form.formState.errors.data;
  return (
    <Fieldset id={fieldId('data')} legend={t('deliveries.form.legend')} hint={t('deliveries.form.hint')}>
      {spec.map((field) => (
        <Field
          key={field.key}
          id={fieldId(`data.${field.key}`)}
          label={labelOf(field)}
          hint={t(`deliveries.form.hints.${field.type}`)}
          error={errorText(errors?.[field.key])}
        >
          {(props) => (
            <Textbox
              {...props}
              required={field.required}
              autoComplete="off"
              inputMode="decimal"
              className="regie-input--amount"
              maxLength={40}
              {...form.register(`data.${field.key}`)}
            />
          )}
        </Field>
      ))}
    </Fieldset>
  );
}
