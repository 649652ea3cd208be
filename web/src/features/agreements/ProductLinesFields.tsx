import { EXECUTION_VARIANTS, FREQUENCIES, UNITS } from '@regie/core/browser';
import { Button } from '@utrecht/component-library-react';
import { useRef } from 'react';
import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { focusSoon } from '../../lib/form';
import { Fieldset } from '../../ui/Fieldset';
import { RemoveRowButton } from '../../ui/RemoveRowButton';
import { MAX_ROWS, newLineRow, type TermsValues } from './agreement-values';
import { ChoiceInput, inputIdFor, TextInput, useAnnounce, useFieldMessage } from './form-fields';

/** One product line: the common fields, then those of its execution variant (task: lump sum; else per client). */
function ProductLineRow({ index, onRemove }: { index: number; onRemove: () => void }) {
  const { t } = useTranslation();
  const { control } = useFormContext<TermsValues>();
  const variant = useWatch({ control, name: `productLines.${index}.variant` });
  const at = (field: string) => `productLines.${index}.${field}`;
  const optional = (label: string) => `${label} ${t('agreementForm.optional')}`;
  const amount = { inputMode: 'decimal', className: 'regie-input--amount' } as const;
  const legend = t('agreementForm.lineLegend', { n: index + 1 });
  return (
    <Fieldset id={`agreement-line-${index}`} legend={legend} className="regie-fieldset--row">
      <div className="regie-form__row">
        <TextInput
          path={at('category')}
          label={t('lineFields.category')}
          inputMode="numeric"
          className="regie-input--count"
        />
        <TextInput
          path={at('productCode')}
          label={t('lineFields.productCode')}
          className="regie-input--code"
        />
        <ChoiceInput
          path={at('variant')}
          label={t('lineFields.variant')}
          options={EXECUTION_VARIANTS}
          optionLabel={(v) => t(`variants.${v}`)}
        />
      </div>
      <TextInput path={at('description')} label={optional(t('lineFields.description'))} />
      {variant === 'task' ? (
        <div className="regie-form__row">
          <TextInput path={at('lumpSumCents')} label={t('agreementForm.lumpSumLabel')} {...amount} />
          <TextInput path={at('population')} label={optional(t('lineFields.population'))} />
        </div>
      ) : (
        <div className="regie-form__row">
          <ChoiceInput
            path={at('unit')}
            label={t('lineFields.unit')}
            options={UNITS}
            optionLabel={(unit) => t(`units.${unit}`)}
          />
          <ChoiceInput
            path={at('frequency')}
            label={t('lineFields.frequency')}
            options={FREQUENCIES}
            optionLabel={(frequency) => t(`frequencies.${frequency}`)}
          />
          <TextInput path={at('tariffCents')} label={t('agreementForm.tariffLabel')} {...amount} />
          <TextInput
            path={at('volumeCeiling')}
            label={optional(t('lineFields.volumeCeiling'))}
            inputMode="numeric"
            className="regie-input--count"
          />
        </div>
      )}
      <div className="regie-form__row">
        <TextInput
          path={at('moneyCeilingCents')}
          label={optional(t('agreementForm.moneyCeilingLabel'))}
          {...amount}
        />
        <RemoveRowButton row={legend} onClick={onRemove} />
      </div>
    </Fieldset>
  );
}

/** The product lines (youth and Wmo contracts): rows added and removed with their errors. */
export function ProductLinesFields() {
  const { t } = useTranslation();
  const { control } = useFormContext<TermsValues>();
  const { fields, append, remove } = useFieldArray({ control, name: 'productLines', keyName: 'key' });
  const errorFor = useFieldMessage();
  const announce = useAnnounce();
  const addRef = useRef<HTMLButtonElement>(null);

  function add() {
    append(newLineRow(), { shouldFocus: false });
    focusSoon(() => document.getElementById(inputIdFor(`productLines.${fields.length}.category`)));
  }
  function drop(index: number) {
    remove(index);
    announce(t('agreementForm.lineRemoved', { n: index + 1 }));
    focusSoon(() => addRef.current);
  }

  return (
    <Fieldset
      id={inputIdFor('productLines')}
      legend={t('agreementForm.linesLegend')}
      hint={t('agreementForm.linesHint')}
      error={errorFor('productLines')}
    >
      {fields.map((field, i) => (
        <ProductLineRow key={field.key} index={i} onRemove={() => drop(i)} />
      ))}
      <Button
        ref={addRef}
        appearance="secondary-action-button"
        disabled={fields.length >= MAX_ROWS.productLines}
        onClick={add}
      >
        {t('agreementForm.addLine')}
      </Button>
    </Fieldset>
  );
}
