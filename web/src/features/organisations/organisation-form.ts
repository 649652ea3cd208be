import {
  compactIdentifier,
  normaliseIban,
  type OrganisationCreateInput,
  organisationCreateInput,
} from '@regie/core/browser';
import { formSchema, type IssueAt, keyAt, optionalText } from '../../lib/form-schema';

/**
 * Registering a provider or joint body: the values as typed, read into the API's input (identifiers without the
 * spaces and dots people type) and checked with the API's own schema (`organisationCreateInput` in core).
 */

export const ORGANISATION_FIELDS = ['kind', 'name', 'kvkNumber', 'agbCode', 'iban'] as const;
export type OrganisationField = (typeof ORGANISATION_FIELDS)[number];
export type OrganisationValues = Record<OrganisationField, string>;

export const EMPTY_ORGANISATION: OrganisationValues = {
  kind: '',
  name: '',
  kvkNumber: '',
  agbCode: '',
  iban: '',
};

const key = (name: string) => `organisations.errors.${name}`;

/** The Dutch message key for an issue of `organisationCreateInput` on a field of the form. */
export function organisationMessage({ path, code }: IssueAt): string {
  switch (path) {
    case 'kind':
      return key('kindRequired');
    case 'name':
      return key(code === 'too_big' ? 'nameTooLong' : 'nameRequired');
    case 'kvkNumber':
      return key('kvkInvalid');
    case 'agbCode':
      return key('agbInvalid');
    case 'iban':
      return key('ibanInvalid');
    default:
      return key('rejected');
  }
}

/** The API input: `space` only when it is not the home register (a region the municipality belongs to). */
export function organisationInput(values: OrganisationValues, space: string, homeSpace: string): unknown {
  const agbCode = optionalText(compactIdentifier(values.agbCode));
  const iban = optionalText(normaliseIban(values.iban));
  return {
    ...(space !== homeSpace ? { space } : {}),
    kind: values.kind === '' ? undefined : values.kind,
    name: values.name.trim(),
    kvkNumber: compactIdentifier(values.kvkNumber),
    ...(agbCode ? { agbCode } : {}),
    ...(iban ? { iban } : {}),
  };
}

export function organisationSchema(space: string, homeSpace: string) {
  return formSchema<OrganisationValues, OrganisationCreateInput>({
    read: (values) => ({ input: organisationInput(values, space, homeSpace) }),
    schema: organisationCreateInput,
    explain: keyAt(organisationMessage),
  });
}
