import { EVENT_DUTIES, REPORT_FREQUENCIES } from '@regie/core/browser';
import { Button } from '@utrecht/component-library-react';
import { useRef } from 'react';
import { useFieldArray, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { focusSoon } from '../../lib/form';
import { Fieldset } from '../../ui/Fieldset';
import { RemoveRowButton } from '../../ui/RemoveRowButton';
import { type DutyKind, MAX_ROWS, newDutyRow, type TermsValues } from './agreement-values';
import { ChoiceInput, inputIdFor, TextInput, useAnnounce, useFieldMessage } from './form-fields';
import { SpecFields } from './SpecFields';

/** The information duties (meldplichten): periodic reports and event duties, each kind with its own fields. */
export function DutiesFields() {
  const { t } = useTranslation();
  const { control } = useFormContext<TermsValues>();
  const { fields, append, remove } = useFieldArray({ control, name: 'duties', keyName: 'key' });
  const errorFor = useFieldMessage();
  const announce = useAnnounce();
  const addRef = useRef<HTMLButtonElement>(null);
  const full = fields.length >= MAX_ROWS.duties;

  function add(kind: DutyKind) {
    append(newDutyRow(kind), { shouldFocus: false });
    focusSoon(() => document.getElementById(inputIdFor(`duties.${fields.length}.title`)));
  }
  function drop(index: number) {
    remove(index);
    announce(t('agreementForm.dutyRemoved', { n: index + 1 }));
    focusSoon(() => addRef.current);
  }
  const count = { inputMode: 'numeric', className: 'regie-input--count' } as const;

  return (
    <Fieldset
      id={inputIdFor('duties')}
      legend={t('agreementForm.dutiesLegend')}
      hint={t('agreementForm.dutiesHint')}
      error={errorFor('duties')}
    >
      {fields.map((field, i) => {
        const at = (name: string) => `duties.${i}.${name}`;
        const legend = t(
          field.kind === 'periodic' ? 'agreementForm.periodicLegend' : 'agreementForm.eventLegend',
          { n: i + 1 },
        );
        return (
          <Fieldset
            key={field.key}
            id={`agreement-duty-${i}`}
            legend={legend}
            className="regie-fieldset--row"
          >
            <TextInput path={at('title')} label={t('dutyFields.title')} className="regie-input--name" />
            <div className="regie-form__row">
              {field.kind === 'periodic' ? (
                <>
                  <ChoiceInput
                    path={at('frequency')}
                    label={t('dutyFields.frequency')}
                    options={REPORT_FREQUENCIES}
                    optionLabel={(frequency) => t(`steering.reportingFrequencies.${frequency}`)}
                  />
                  <TextInput
                    path={at('dueDays')}
                    label={t('dutyFields.dueDays')}
                    hint={t('agreementForm.dueDaysHint')}
                    {...count}
                  />
                </>
              ) : (
                <>
                  <ChoiceInput
                    path={at('event')}
                    label={t('dutyFields.event')}
                    options={EVENT_DUTIES}
                    optionLabel={(event) => t(`steering.duties.${event}`)}
                  />
                  <TextInput
                    path={at('responseDays')}
                    label={t('dutyFields.responseDays')}
                    hint={t('agreementForm.responseDaysHint')}
                    {...count}
                  />
                </>
              )}
              <RemoveRowButton row={legend} onClick={() => drop(i)} />
            </div>
            {field.kind === 'periodic' ? <SpecFields duty={i} /> : null}
          </Fieldset>
        );
      })}
      <div className="regie-fieldset__actions">
        <Button
          ref={addRef}
          appearance="secondary-action-button"
          disabled={full}
          onClick={() => add('periodic')}
        >
          {t('agreementForm.addPeriodic')}
        </Button>
        <Button appearance="secondary-action-button" disabled={full} onClick={() => add('event')}>
          {t('agreementForm.addEvent')}
        </Button>
      </div>
    </Fieldset>
  );
}
