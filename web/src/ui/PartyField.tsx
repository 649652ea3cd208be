import { Select, SelectOption } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { Field } from '../lib/form';

export interface PartyChoice {
  party: string;
  partyName: string;
}

/**
 * "Aanbieder": which provider party a municipal user records for, shown only where the agreement has more than
 * one (with one the server takes that one; a provider always acts for its own party).
 */
export function PartyField({
  id,
  parties,
  value,
  onChange,
  error,
}: {
  id: string;
  parties: readonly PartyChoice[];
  value: string;
  onChange: (party: string) => void;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  if (parties.length < 2) return null;
  return (
    <Field id={id} label={t('parties.field')} hint={t('parties.hint')} error={error}>
      {(props) => (
        <Select {...props} name="party" required value={value} onChange={(e) => onChange(e.target.value)}>
          <SelectOption value="">{t('parties.choose')}</SelectOption>
          {parties.map((p) => (
            <SelectOption key={p.party} value={p.party}>
              {p.partyName}
            </SelectOption>
          ))}
        </Select>
      )}
    </Field>
  );
}

/** Whether a form must still ask for the party: more than one to choose from and none chosen. */
export const partyMissing = (parties: readonly PartyChoice[], value: string) =>
  parties.length > 1 && value === '';

/** The `party` input field: the chosen one, or nothing (the server takes the only party). */
export const partyInput = (parties: readonly PartyChoice[], value: string) =>
  parties.length > 1 && value !== '' ? { party: value } : {};
