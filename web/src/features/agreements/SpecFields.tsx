import '../../i18n/spec-edit-load';
import { DATA_FIELD_TYPES, MAX_DATA_FIELDS } from '@regie/core/browser';
import { Button, Checkbox, FormField, FormLabel } from '@utrecht/component-library-react';
import { useRef } from 'react';
import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { focusSoon } from '../../lib/form';
import { Fieldset } from '../../ui/Fieldset';
import { RemoveRowButton } from '../../ui/RemoveRowButton';
import { newSpecFieldRow, type TermsValues } from './agreement-values';
import { ChoiceInput, inputIdFor, TextInput, useAnnounce, useFieldMessage } from './form-fields';

/** A periodic duty's data specification (issue 15 point 3): its fields as rows — name, code, unit, type, required. */
export function SpecFields({ duty }: { duty: number }) {
  const { t } = useTranslation();
  const { control, register } = useFormContext<TermsValues>();
  const name = `duties.${duty}.dataSpec` as const;
  const { fields, append, remove } = useFieldArray({ control, name, keyName: 'rowKey' });
  const rows = useWatch({ control, name }) ?? [];
  const errorFor = useFieldMessage();
  const announce = useAnnounce();
  const addRef = useRef<HTMLButtonElement>(null);

  function add() {
    append(newSpecFieldRow(), { shouldFocus: false });
    focusSoon(() => document.getElementById(inputIdFor(`${name}.${fields.length}.label`)));
  }
  function drop(index: number) {
    remove(index);
    announce(t('specEdit.removed', { n: index + 1 }));
    focusSoon(() => addRef.current);
  }

  return (
    <Fieldset
      id={inputIdFor(name)}
      legend={t('specEdit.legend')}
      hint={t('specEdit.hint')}
      error={errorFor(name)}
    >
      {fields.map((field, j) => {
        const at = (f: string) => `${name}.${j}.${f}`;
        const legend = t('specEdit.fieldLegend', { n: j + 1 });
        const requiredId = inputIdFor(at('required'));
        return (
          <Fieldset
            key={field.rowKey}
            id={`agreement-duty-${duty}-field-${j}`}
            legend={legend}
            className="regie-fieldset--row"
          >
            <div className="regie-form__row">
              <TextInput path={at('label')} label={t('specEdit.label')} className="regie-input--name" />
              <TextInput path={at('key')} label={t('specEdit.key')} hint={t('specEdit.keyHint')} />
              <TextInput path={at('unit')} label={t('specEdit.unit')} className="regie-input--count" />
              <ChoiceInput
                path={at('type')}
                label={t('specEdit.type')}
                options={DATA_FIELD_TYPES}
                optionLabel={(type) => t(`deliveries.types.${type}`)}
              />
              <FormField
                type="checkbox"
                label={
                  <FormLabel htmlFor={requiredId} type="checkbox" checked={rows[j]?.required === true}>
                    {t('specEdit.required')}
                  </FormLabel>
                }
                input={<Checkbox {...register(`${name}.${j}.required`)} id={requiredId} appearance="html" />}
              />
              <RemoveRowButton row={legend} onClick={() => drop(j)} />
            </div>
          </Fieldset>
        );
      })}
      <div className="regie-fieldset__actions">
        <Button
          ref={addRef}
          appearance="secondary-action-button"
          disabled={fields.length >= MAX_DATA_FIELDS}
          onClick={add}
        >
          {t('specEdit.add')}
        </Button>
      </div>
    </Fieldset>
  );
}
