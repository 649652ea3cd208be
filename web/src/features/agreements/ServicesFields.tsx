import '../../i18n/services-load';
import {
  SERVICE_LEVEL_DIRECTIONS,
  SERVICE_LEVEL_PERIODS,
  SERVICE_LEVEL_UNITS,
  SERVICE_PRICE_MODELS,
  SERVICE_PRICE_UNITS,
} from '@regie/core/browser';
import { Button } from '@utrecht/component-library-react';
import { useRef } from 'react';
import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { focusSoon } from '../../lib/form';
import { Fieldset } from '../../ui/Fieldset';
import { RemoveRowButton } from '../../ui/RemoveRowButton';
import { MAX_ROWS, newLevelRow, newServiceRow, type TermsValues } from './agreement-values';
import { ChoiceInput, inputIdFor, TextInput, useAnnounce, useFieldMessage } from './form-fields';

const amount = { inputMode: 'decimal', className: 'regie-input--amount' } as const;
const count = { inputMode: 'decimal', className: 'regie-input--count' } as const;

/** The service levels of one service: measure, unit, target, direction, share of cases, period. */
function LevelsFields({ service }: { service: number }) {
  const { t } = useTranslation();
  const { control } = useFormContext<TermsValues>();
  const name = `services.${service}.levels` as const;
  const { fields, append, remove } = useFieldArray({ control, name, keyName: 'key' });
  const errorFor = useFieldMessage();
  const announce = useAnnounce();
  const addRef = useRef<HTMLButtonElement>(null);

  function add() {
    append(newLevelRow(), { shouldFocus: false });
    focusSoon(() => document.getElementById(inputIdFor(`${name}.${fields.length}.measure`)));
  }
  function drop(index: number) {
    remove(index);
    announce(t('services.levelRemoved', { n: index + 1 }));
    focusSoon(() => addRef.current);
  }

  return (
    <Fieldset
      id={inputIdFor(name)}
      legend={t('services.levelsLegend', { n: service + 1 })}
      error={errorFor(name)}
    >
      {fields.map((field, j) => {
        const at = (f: string) => `${name}.${j}.${f}`;
        const legend = t('services.levelLegend', { n: j + 1 });
        return (
          <Fieldset
            key={field.key}
            id={`agreement-service-${service}-level-${j}`}
            legend={legend}
            className="regie-fieldset--row"
          >
            <div className="regie-form__row">
              <TextInput path={at('measure')} label={t('services.measure')} className="regie-input--name" />
              <ChoiceInput
                path={at('direction')}
                label={t('services.direction')}
                options={SERVICE_LEVEL_DIRECTIONS}
                optionLabel={(d) => t(`services.directions.${d}`)}
              />
              <TextInput path={at('target')} label={t('services.target')} {...count} />
              <ChoiceInput
                path={at('unit')}
                label={t('services.unit')}
                options={SERVICE_LEVEL_UNITS}
                optionLabel={(u) => t(`services.units.${u}`)}
              />
            </div>
            <div className="regie-form__row">
              <TextInput path={at('share')} label={t('services.share')} {...count} />
              <ChoiceInput
                path={at('period')}
                label={t('services.period')}
                options={SERVICE_LEVEL_PERIODS}
                optionLabel={(p) => t(`services.periods.${p}`)}
              />
              <RemoveRowButton
                row={`${legend} ${t('services.serviceLegend', { n: service + 1 })}`}
                onClick={() => drop(j)}
              />
            </div>
          </Fieldset>
        );
      })}
      <div className="regie-fieldset__actions">
        <Button
          ref={addRef}
          appearance="secondary-action-button"
          disabled={fields.length >= MAX_ROWS.levels}
          onClick={add}
        >
          {t('services.addLevel')}
        </Button>
      </div>
    </Fieldset>
  );
}

/** The price model of one service: the fields of the chosen model only (fixed; per unit; base plus per unit). */
function PriceFields({ service }: { service: number }) {
  const { t } = useTranslation();
  const { control } = useFormContext<TermsValues>();
  const at = (f: string) => `services.${service}.price.${f}`;
  const model = useWatch({ control, name: `services.${service}.price.model` });
  return (
    <Fieldset
      id={`agreement-service-${service}-price`}
      legend={t('services.priceLegend', { n: service + 1 })}
    >
      <div className="regie-form__row">
        <ChoiceInput
          path={at('model')}
          label={t('services.model')}
          options={SERVICE_PRICE_MODELS}
          optionLabel={(m) => t(`services.models.${m}`)}
        />
        {model === 'fixed' ? (
          <TextInput path={at('yearlyCents')} label={t('services.yearly')} {...amount} />
        ) : null}
        {model === 'basePlusUnit' ? (
          <TextInput path={at('baseYearlyCents')} label={t('services.base')} {...amount} />
        ) : null}
      </div>
      {model === 'perUnit' || model === 'basePlusUnit' ? (
        <div className="regie-form__row">
          <ChoiceInput
            path={at('unit')}
            label={t('services.priceUnit')}
            options={SERVICE_PRICE_UNITS}
            optionLabel={(u) => t(`services.priceUnits.${u}`)}
          />
          <TextInput path={at('unitPriceCents')} label={t('services.unitPrice')} {...amount} />
          <TextInput
            path={at('quantity')}
            label={t('services.quantity')}
            hint={t('services.quantityHint')}
            {...count}
          />
        </div>
      ) : null}
    </Fieldset>
  );
}

/** The catalogue of a service agreement (SPEC §3.4): services with their levels and price model. */
export function ServicesFields() {
  const { t } = useTranslation();
  const { control } = useFormContext<TermsValues>();
  const { fields, append, remove } = useFieldArray({ control, name: 'services', keyName: 'key' });
  const errorFor = useFieldMessage();
  const announce = useAnnounce();
  const addRef = useRef<HTMLButtonElement>(null);

  function add() {
    append(newServiceRow(), { shouldFocus: false });
    focusSoon(() => document.getElementById(inputIdFor(`services.${fields.length}.name`)));
  }
  function drop(index: number) {
    remove(index);
    announce(t('services.removed', { n: index + 1 }));
    focusSoon(() => addRef.current);
  }

  return (
    <Fieldset
      id={inputIdFor('services')}
      legend={t('services.legend')}
      hint={t('services.hint')}
      error={errorFor('services')}
    >
      {fields.map((field, i) => {
        const legend = t('services.serviceLegend', { n: i + 1 });
        return (
          <Fieldset
            key={field.key}
            id={`agreement-service-${i}`}
            legend={legend}
            className="regie-fieldset--row"
          >
            <div className="regie-form__row">
              <TextInput
                path={`services.${i}.name`}
                label={t('services.name')}
                className="regie-input--name"
              />
              <RemoveRowButton row={legend} onClick={() => drop(i)} />
            </div>
            <TextInput path={`services.${i}.description`} label={t('services.description')} />
            <LevelsFields service={i} />
            <PriceFields service={i} />
          </Fieldset>
        );
      })}
      <div className="regie-fieldset__actions">
        <Button
          ref={addRef}
          appearance="secondary-action-button"
          disabled={fields.length >= MAX_ROWS.services}
          onClick={add}
        >
          {t('services.add')}
        </Button>
      </div>
    </Fieldset>
  );
}
