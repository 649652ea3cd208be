import { KPI_DEPTHS, KPI_DIRECTIONS, REPORT_FREQUENCIES } from '@regie/core/browser';
import { Button } from '@utrecht/component-library-react';
import { useRef } from 'react';
import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { focusSoon } from '../../lib/form';
import { Fieldset } from '../../ui/Fieldset';
import { RemoveRowButton } from '../../ui/RemoveRowButton';
import '../../i18n/spec-edit-load';
import { MAX_ROWS, newKpiRow, sourceOptions, type TermsValues } from './agreement-values';
import { ChoiceInput, inputIdFor, TextInput, useAnnounce, useFieldMessage } from './form-fields';

/**
 * A KPI's source (issue 15 point 3): entered by hand, or a field of a saved periodic duty of the KPI's frequency.
 * A chosen source that no longer fits (the frequency or the field changed) stays listed, so its message is visible.
 */
function SourceInput({ kpi }: { kpi: number }) {
  const { t } = useTranslation();
  const { control } = useFormContext<TermsValues>();
  const duties = useWatch({ control, name: 'duties' }) ?? [];
  const frequency = useWatch({ control, name: `kpis.${kpi}.frequency` }) ?? '';
  const current = useWatch({ control, name: `kpis.${kpi}.source` }) ?? '';
  const fitting = sourceOptions(duties, frequency);
  const known = [...fitting, ...duties.flatMap((d) => sourceOptions([d], d.frequency))];
  const options = fitting.map((o) => o.value);
  if (current !== '' && !options.includes(current)) options.push(current);
  return (
    <ChoiceInput
      path={`kpis.${kpi}.source`}
      label={t('specEdit.source')}
      options={options}
      placeholder={t('specEdit.sourceManual')}
      optionLabel={(value) => {
        const option = known.find((o) => o.value === value);
        return option ? t('specEdit.sourceOption', { duty: option.duty, field: option.field }) : value;
      }}
    />
  );
}

/** The agreed indicator set (SPEC §4.5): name, unit, target, which direction is better, how often measured. */
export function KpisFields() {
  const { t } = useTranslation();
  const { control } = useFormContext<TermsValues>();
  const { fields, append, remove } = useFieldArray({ control, name: 'kpis', keyName: 'key' });
  const errorFor = useFieldMessage();
  const announce = useAnnounce();
  const addRef = useRef<HTMLButtonElement>(null);

  function add() {
    append(newKpiRow(), { shouldFocus: false });
    focusSoon(() => document.getElementById(inputIdFor(`kpis.${fields.length}.name`)));
  }
  function drop(index: number) {
    remove(index);
    announce(t('agreementForm.kpiRemoved', { n: index + 1 }));
    focusSoon(() => addRef.current);
  }

  return (
    <Fieldset
      id={inputIdFor('kpis')}
      legend={t('agreementForm.kpisLegend')}
      hint={t('agreementForm.kpisHint')}
      error={errorFor('kpis')}
    >
      {fields.map((field, i) => {
        const at = (name: string) => `kpis.${i}.${name}`;
        const legend = t('agreementForm.kpiLegend', { n: i + 1 });
        return (
          <Fieldset key={field.key} id={`agreement-kpi-${i}`} legend={legend} className="regie-fieldset--row">
            <div className="regie-form__row">
              <TextInput path={at('name')} label={t('agreementForm.kpiName')} className="regie-input--name" />
              <TextInput
                path={at('unit')}
                label={t('agreementForm.kpiUnit')}
                className="regie-input--count"
              />
              <TextInput
                path={at('target')}
                label={t('agreementForm.kpiTarget')}
                inputMode="decimal"
                className="regie-input--count"
              />
            </div>
            <div className="regie-form__row">
              <ChoiceInput
                path={at('direction')}
                label={t('agreementForm.kpiDirection')}
                options={KPI_DIRECTIONS}
                optionLabel={(direction) => t(`kpis.directions.${direction}`)}
              />
              <ChoiceInput
                path={at('frequency')}
                label={t('agreementForm.kpiFrequency')}
                options={REPORT_FREQUENCIES}
                optionLabel={(frequency) => t(`steering.reportingFrequencies.${frequency}`)}
              />
              <ChoiceInput
                path={at('level')}
                label={t('agreementForm.kpiLevel')}
                options={KPI_DEPTHS}
                placeholder={t('agreementForm.kpiLevelNone')}
                optionLabel={(level) => t(`steering.kpiDepths.${level}`)}
              />
              <SourceInput kpi={i} />
              <RemoveRowButton row={legend} onClick={() => drop(i)} />
            </div>
          </Fieldset>
        );
      })}
      <div className="regie-fieldset__actions">
        <Button
          ref={addRef}
          appearance="secondary-action-button"
          disabled={fields.length >= MAX_ROWS.kpis}
          onClick={add}
        >
          {t('agreementForm.addKpi')}
        </Button>
      </div>
    </Fieldset>
  );
}
