import { PARTY_ROLES } from '@regie/core/browser';
import { Button, Select, SelectOption } from '@utrecht/component-library-react';
import { useRef } from 'react';
import { useFieldArray, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Field, focusSoon } from '../../lib/form';
import { Fieldset } from '../../ui/Fieldset';
import { RemoveRowButton } from '../../ui/RemoveRowButton';
import { MAX_ROWS, newPartyRow, type TermsValues } from './agreement-values';
import {
  ChoiceInput,
  inputIdFor,
  type OrganisationOptions,
  useAnnounce,
  useFieldMessage,
} from './form-fields';

/** The parties: each an organisation from the owner's register in a role, each pair once. */
export function PartiesFields({ organisations }: { organisations: OrganisationOptions }) {
  const { t } = useTranslation();
  const { control, register } = useFormContext<TermsValues>();
  const { fields, append, remove } = useFieldArray({ control, name: 'parties', keyName: 'key' });
  const errorFor = useFieldMessage();
  const announce = useAnnounce();
  const addRef = useRef<HTMLButtonElement>(null);

  function add() {
    append(newPartyRow(), { shouldFocus: false });
    focusSoon(() => document.getElementById(inputIdFor(`parties.${fields.length}.organisationId`)));
  }
  function drop(index: number) {
    remove(index);
    announce(t('agreementForm.partyRemoved', { n: index + 1 }));
    focusSoon(() => addRef.current);
  }

  return (
    <Fieldset
      id={inputIdFor('parties')}
      legend={t('agreementForm.partiesLegend')}
      hint={
        organisations.failed ? t('agreementForm.organisationsFailed') : t('agreementForm.organisationsHint')
      }
      error={errorFor('parties')}
    >
      {fields.map((field, i) => {
        const at = `parties.${i}` as const;
        return (
          <Fieldset
            key={field.key}
            id={`agreement-party-${i}`}
            legend={t('agreementForm.partyLegend', { n: i + 1 })}
            className="regie-fieldset--row"
          >
            <div className="regie-form__row">
              <Field
                id={inputIdFor(`${at}.organisationId`)}
                label={t('agreementForm.organisation')}
                error={errorFor(`${at}.organisationId`)}
              >
                {(props) => (
                  <Select {...props} {...register(`${at}.organisationId`)}>
                    <SelectOption value="">
                      {organisations.loading
                        ? t('agreementForm.organisationsLoading')
                        : t('agreementForm.choose')}
                    </SelectOption>
                    {organisations.options.map((o) => (
                      <SelectOption key={o.id} value={o.id}>
                        {o.name}
                      </SelectOption>
                    ))}
                  </Select>
                )}
              </Field>
              <ChoiceInput
                path={`${at}.role`}
                label={t('agreementForm.partyRole')}
                options={PARTY_ROLES}
                optionLabel={(role) => t(`partyRoles.${role}`)}
              />
              <RemoveRowButton row={t('agreementForm.partyLegend', { n: i + 1 })} onClick={() => drop(i)} />
            </div>
          </Fieldset>
        );
      })}
      <Button
        ref={addRef}
        appearance="secondary-action-button"
        disabled={fields.length >= MAX_ROWS.parties}
        onClick={add}
      >
        {t('agreementForm.addParty')}
      </Button>
    </Fieldset>
  );
}
