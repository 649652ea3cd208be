import type { Role } from '@regie/core/browser';
import { Checkbox, FormField, FormLabel } from '@utrecht/component-library-react';
import type { InputHTMLAttributes, Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { roleLabel } from '../../lib/agreements/labels';
import { Fieldset } from '../../ui/Fieldset';

/**
 * The role checkboxes of a person (invite or change), one per role that fits the space: a fieldset with its
 * legend, hint and error tied to it. `input(role)` gives each checkbox its binding (a form's `register`, or a
 * controlled value).
 */
export function RoleChoices({
  id,
  legend,
  offered,
  chosen,
  error,
  input,
}: {
  id: string;
  legend: string;
  offered: readonly Role[];
  chosen: readonly string[];
  error?: string | undefined;
  input: (role: Role) => InputHTMLAttributes<HTMLInputElement> & { ref?: Ref<HTMLInputElement> };
}) {
  const { t } = useTranslation();
  return (
    <Fieldset id={id} legend={legend} hint={t('people.rolesHint')} error={error}>
      <div className="regie-choices">
        {offered.map((role) => {
          const inputId = `${id}-${role}`;
          return (
            <FormField
              key={role}
              type="checkbox"
              className="regie-choice"
              label={
                <FormLabel htmlFor={inputId} type="checkbox" checked={chosen.includes(role)}>
                  {roleLabel(t, role)}
                </FormLabel>
              }
              input={<Checkbox id={inputId} appearance="html" value={role} {...input(role)} />}
            />
          );
        })}
      </div>
    </Fieldset>
  );
}
