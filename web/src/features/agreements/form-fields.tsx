import { useQuery } from '@tanstack/react-query';
import { Select, SelectOption, Textbox } from '@utrecht/component-library-react';
import { type ComponentProps, createContext, useContext } from 'react';
import { useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Field } from '../../lib/form';
import { useTRPC } from '../../lib/trpc';

/**
 * The agreement form's building blocks: inputs registered with react-hook-form by their API path, each with its
 * label, hint and error tied to it (`Field`). Rows are grouped with the UI kit's `Fieldset`.
 */

/** The input id of a field path: `productLines.0.tariffCents` → `agreement-productLines-0-tariffCents`. */
export const inputIdFor = (path: string) => `agreement-${path.replace(/\./g, '-')}`;

/** Field errors in the order the form shows them, as links for the error summary. */
export function summaryLinks(
  order: readonly string[],
  errorFor: (path: string) => string | undefined,
): { id: string; text: string }[] {
  return order.flatMap((path) => {
    const text = errorFor(path);
    return text ? [{ id: inputIdFor(path), text }] : [];
  });
}

/** The message at a field path, in the user's language (client checks first, then the server's). */
const Messages = createContext<(path: string) => string | undefined>(() => undefined);
export const FieldMessages = Messages.Provider;
export const useFieldMessage = () => useContext(Messages);

/** Says a change (a row removed) to screen-reader users through the form's live region. */
const Announce = createContext<(text: string) => void>(() => {});
export const Announcer = Announce.Provider;
export const useAnnounce = () => useContext(Announce);

type TextboxExtra = Pick<ComponentProps<typeof Textbox>, 'inputMode' | 'className' | 'maxLength' | 'type'>;

/** A one-line text input at an API path (`name` and value owned by react-hook-form). */
export function TextInput({
  path,
  label,
  hint,
  required,
  min,
  ...extra
}: { path: string; label: string; hint?: string; required?: boolean; min?: string } & TextboxExtra) {
  const { register } = useFormContext();
  const errorFor = useFieldMessage();
  return (
    <Field id={inputIdFor(path)} label={label} hint={hint} error={errorFor(path)}>
      {(props) => (
        <Textbox {...props} {...extra} required={required} min={min} autoComplete="off" {...register(path)} />
      )}
    </Field>
  );
}

/** A select of a closed list at an API path, with "choose" first; `optionLabel` says each in the user's language. */
export function ChoiceInput<T extends string>({
  path,
  label,
  options,
  optionLabel,
  placeholder,
  required,
}: {
  path: string;
  label: string;
  options: readonly T[];
  optionLabel: (option: T) => string;
  /** The first, empty option's text (default: "Maak een keuze"). */
  placeholder?: string;
  required?: boolean;
}) {
  const { t } = useTranslation();
  const { register } = useFormContext();
  const errorFor = useFieldMessage();
  return (
    <Field id={inputIdFor(path)} label={label} error={errorFor(path)}>
      {(props) => (
        <Select {...props} required={required} {...register(path)}>
          <SelectOption value="">{placeholder ?? t('agreementForm.choose')}</SelectOption>
          {options.map((option) => (
            <SelectOption key={option} value={option}>
              {optionLabel(option)}
            </SelectOption>
          ))}
        </Select>
      )}
    </Field>
  );
}

/** The registered organisations of a register, to pick parties from (the API resolves them in that space). */
export function useOrganisationOptions(
  space: string | undefined,
  known: readonly { organisationId: string; name: string }[] = [],
) {
  const trpc = useTRPC();
  const organisations = useQuery({
    ...trpc.organisation.find.queryOptions({ ...(space ? { space } : {}), limit: 100 }),
    enabled: space !== undefined,
  });
  const options = new Map<string, string>();
  for (const o of organisations.data?.items ?? []) options.set(o.id, o.name);
  // A party already on the agreement stays choosable even beyond the first page of organisations.
  for (const p of known) if (!options.has(p.organisationId)) options.set(p.organisationId, p.name);
  return {
    options: [...options].map(([id, name]) => ({ id, name })),
    loading: organisations.isPending && space !== undefined,
    failed: organisations.isError,
  };
}

export type OrganisationOptions = ReturnType<typeof useOrganisationOptions>;
