import {
  Button,
  Checkbox,
  FormField,
  FormLabel,
  Select,
  SelectOption,
  Textbox,
} from '@utrecht/component-library-react';
import { useRef } from 'react';
import { type UseFormReturn, useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { variantLabel } from '../../lib/agreements/labels';
import { Field, focusSoon } from '../../lib/form';
import {
  dutyLabel,
  kpiDepthLabel,
  meetingCadenceLabel,
  reportingFrequencyLabel,
} from '../../lib/steering/labels';
import {
  EVENT_DUTIES,
  EXECUTION_VARIANTS,
  KPI_DEPTHS,
  LADDER_LIMITS,
  MEETING_CADENCES,
  REPORTING_FREQUENCIES,
} from '../../lib/steering/model';
import { Fieldset } from '../../ui/Fieldset';
import { RemoveRowButton } from '../../ui/RemoveRowButton';
import { fieldId } from './fields';
import type { DecisionValues } from './steering-form';

const id = (path: string) => fieldId('relation', path);
type SelectField = 'reportingFrequency' | 'kpiDepth' | 'meetingCadence' | 'executionVariant';

/** The proposal's governance as the person adapts it: four choices, the duties and the escalation ladder. */
export function GovernanceFields({
  form,
  errorFor,
  announce,
}: {
  form: UseFormReturn<DecisionValues, unknown, unknown>;
  errorFor: (path: string) => string | undefined;
  announce: (text: string) => void;
}) {
  const { t } = useTranslation();
  const addRef = useRef<HTMLButtonElement>(null);
  const ladder = useFieldArray({ control: form.control, name: 'governance.escalationLadder' });
  const path = (field: string) => `governance.${field}`;
  const chosenDuties = form.watch('governance.informationDuties');
  // Duties the API knows, then any stored duty this page has no name for, so saving never drops one.
  const duties = [
    ...EVENT_DUTIES,
    ...form
      .getValues('governance.informationDuties')
      .filter((d) => !(EVENT_DUTIES as readonly string[]).includes(d)),
  ];

  function addStep() {
    const index = ladder.fields.length;
    ladder.append({ level: '', days: '' }, { shouldFocus: false });
    focusSoon(() => document.getElementById(id(path(`escalationLadder.${index}.level`))));
  }
  function removeStep(index: number) {
    ladder.remove(index);
    announce(t('steering.designer.stepRemoved', { n: index + 1 }));
    focusSoon(() => addRef.current);
  }

  const select = <T extends string>(
    field: SelectField,
    label: string,
    options: readonly T[],
    labelOf: (value: T) => string,
  ) => {
    const value = form.getValues(`governance.${field}`);
    return (
      <Field id={id(path(field))} label={label} error={errorFor(path(field))}>
        {(props) => (
          <Select {...props} {...form.register(`governance.${field}`)}>
            {(options as readonly string[]).includes(value) ? null : (
              <SelectOption value={value}>{t('agreementForm.choose')}</SelectOption>
            )}
            {options.map((option) => (
              <SelectOption key={option} value={option}>
                {labelOf(option)}
              </SelectOption>
            ))}
          </Select>
        )}
      </Field>
    );
  };

  return (
    <Fieldset
      id={id('governance')}
      legend={t('steering.designer.governanceLegend')}
      hint={t('steering.designer.governanceHint')}
    >
      <div className="regie-form__row">
        {select('reportingFrequency', t('steering.reportingFrequency'), REPORTING_FREQUENCIES, (v) =>
          reportingFrequencyLabel(t, v),
        )}
        {select('kpiDepth', t('steering.kpiDepth'), KPI_DEPTHS, (v) => kpiDepthLabel(t, v))}
      </div>
      <div className="regie-form__row">
        {select('meetingCadence', t('steering.meetingCadence'), MEETING_CADENCES, (v) =>
          meetingCadenceLabel(t, v),
        )}
        {select('executionVariant', t('steering.executionVariant'), EXECUTION_VARIANTS, (v) =>
          variantLabel(t, v),
        )}
      </div>

      <Fieldset
        id={id(path('informationDuties'))}
        legend={t('steering.designer.dutiesLegend')}
        hint={t('steering.designer.dutiesHint')}
        error={errorFor(path('informationDuties'))}
        className="regie-fieldset--row"
      >
        <div className="regie-choices">
          {duties.map((duty) => {
            const inputId = id(path(`informationDuties.${duty}`));
            return (
              <FormField
                key={duty}
                type="checkbox"
                className="regie-choice"
                label={
                  <FormLabel htmlFor={inputId} type="checkbox" checked={chosenDuties.includes(duty)}>
                    {dutyLabel(t, duty)}
                  </FormLabel>
                }
                input={
                  <Checkbox
                    id={inputId}
                    appearance="html"
                    value={duty}
                    {...form.register('governance.informationDuties')}
                  />
                }
              />
            );
          })}
        </div>
      </Fieldset>

      <Fieldset
        id={id(path('escalationLadder'))}
        legend={t('steering.designer.ladderLegend')}
        hint={t('steering.designer.ladderHint')}
        error={errorFor(path('escalationLadder'))}
        className="regie-fieldset--row"
      >
        <ol className="regie-ladder-editor">
          {ladder.fields.map((row, i) => {
            const at = (field: 'level' | 'days') => path(`escalationLadder.${i}.${field}`);
            const legend = t('steering.designer.stepLegend', { n: i + 1 });
            return (
              <li key={row.id}>
                <Fieldset id={`relation-step-${i}`} legend={legend} className="regie-fieldset--step">
                  <div className="regie-form__row">
                    <Field
                      id={id(at('level'))}
                      label={t('steering.designer.level')}
                      error={errorFor(at('level'))}
                    >
                      {(props) => (
                        <Textbox
                          {...props}
                          autoComplete="off"
                          className="regie-input--name"
                          maxLength={LADDER_LIMITS.level + 20}
                          {...form.register(`governance.escalationLadder.${i}.level`)}
                        />
                      )}
                    </Field>
                    <Field
                      id={id(at('days'))}
                      label={t('steering.designer.days')}
                      error={errorFor(at('days'))}
                    >
                      {(props) => (
                        <Textbox
                          {...props}
                          inputMode="numeric"
                          autoComplete="off"
                          className="regie-input--count"
                          {...form.register(`governance.escalationLadder.${i}.days`)}
                        />
                      )}
                    </Field>
                    <RemoveRowButton
                      row={legend}
                      disabled={ladder.fields.length <= LADDER_LIMITS.min}
                      onClick={() => removeStep(i)}
                    />
                  </div>
                </Fieldset>
              </li>
            );
          })}
        </ol>
        <Button
          ref={addRef}
          appearance="secondary-action-button"
          disabled={ladder.fields.length >= LADDER_LIMITS.max}
          onClick={addStep}
        >
          {t('steering.designer.addStep')}
        </Button>
      </Fieldset>
    </Fieldset>
  );
}
