import { CONTACT_SIDES } from '@regie/core/browser';
import { Button, Paragraph, Select, SelectOption } from '@utrecht/component-library-react';
import { useRef } from 'react';
import { get, useFieldArray, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Field, focusSoon } from '../../lib/form';
import { useErrorText } from '../../lib/form-schema';
import { Fieldset } from '../../ui/Fieldset';
import { RemoveRowButton } from '../../ui/RemoveRowButton';
import { type FormParts, TextField } from './RtvbFields';
import { newContactRow, type RolesValues } from './steering-form';

/** The add button stops where the API's schema does (`contacts` at most 20). */
const CONTACTS_MAX = 20;

/** Contact persons on both sides (SPEC §4.2), added and removed as rows. */
export function ContactsFields({ parts }: { parts: FormParts }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const form = useFormContext<RolesValues>();
  const contacts = useFieldArray({ control: form.control, name: 'contacts' });
  const addRef = useRef<HTMLButtonElement>(null);
  const errors = form.formState.errors;
  const optional = (label: string) => `${label} ${t('agreementForm.optional')}`;

  function addContact() {
    const index = contacts.fields.length;
    contacts.append(newContactRow(), { shouldFocus: false });
    focusSoon(() => document.getElementById(parts.id(`contacts.${index}.side`)));
  }
  function removeContact(index: number) {
    contacts.remove(index);
    parts.announce(t('steering.rolesForm.contactRemoved', { n: index + 1 }));
    focusSoon(() => addRef.current);
  }

  return (
    <Fieldset
      id={parts.id('contacts')}
      legend={t('steering.rolesForm.contactsLegend')}
      hint={t('steering.rolesForm.contactsHint')}
      error={errorText(get(errors, 'contacts.root') ?? errors.contacts)}
    >
      {contacts.fields.length === 0 ? (
        <Paragraph className="regie-empty">{t('steering.rolesForm.noContacts')}</Paragraph>
      ) : null}
      {contacts.fields.map((row, i) => {
        const at = (field: string) => `contacts.${i}.${field}`;
        const legend = t('steering.rolesForm.contactLegend', { n: i + 1 });
        return (
          <Fieldset key={row.id} id={`roles-contact-${i}`} legend={legend} className="regie-fieldset--row">
            <div className="regie-form__row">
              <Field
                id={parts.id(at('side'))}
                label={t('steering.rolesForm.side')}
                error={parts.errorFor(at('side'))}
              >
                {(props) => (
                  <Select {...props} {...form.register(`contacts.${i}.side`)}>
                    <SelectOption value="">{t('agreementForm.choose')}</SelectOption>
                    {CONTACT_SIDES.map((side) => (
                      <SelectOption key={side} value={side}>
                        {t(`steering.sides.${side}`)}
                      </SelectOption>
                    ))}
                  </Select>
                )}
              </Field>
              <TextField path={at('name')} label={t('steering.rolesForm.contactName')} parts={parts} />
              <TextField path={at('role')} label={t('steering.rolesForm.contactRole')} parts={parts} />
            </div>
            <div className="regie-form__row">
              <TextField
                path={at('email')}
                label={optional(t('steering.rolesForm.email'))}
                parts={parts}
                extra={{ type: 'email', inputMode: 'email' }}
              />
              <TextField
                path={at('phone')}
                label={optional(t('steering.rolesForm.phone'))}
                parts={parts}
                extra={{ type: 'tel', inputMode: 'tel' }}
              />
              <RemoveRowButton row={legend} onClick={() => removeContact(i)} />
            </div>
          </Fieldset>
        );
      })}
      <Button
        ref={addRef}
        appearance="secondary-action-button"
        disabled={contacts.fields.length >= CONTACTS_MAX}
        onClick={addContact}
      >
        {t('steering.rolesForm.addContact')}
      </Button>
    </Fieldset>
  );
}
