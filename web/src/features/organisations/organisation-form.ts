import type { nl } from '../../i18n/nl';
import { type CreateOrganisationInput, isOrganisationKind } from '../../lib/agreements/model';
import type { FieldIssue } from '../../lib/errors';
import { digitsOnly, isAgbCode, isIban, isKvkNumber, normaliseIban } from '../../lib/identifiers';

/** Registering a provider or joint body: the values as typed, the checks with Dutch messages, the API input. */

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

export type OrganisationErrorKey = keyof (typeof nl)['organisations']['errors'];
export type OrganisationError = { key: OrganisationErrorKey } | { text: string };
export type OrganisationErrors = Partial<Record<OrganisationField, OrganisationError>>;

const NAME_MAX = 200;

export type OrganisationValidation =
  | { ok: true; input: CreateOrganisationInput }
  | { ok: false; errors: OrganisationErrors };

/** `space` is sent only when it is not the home register (a region the municipality belongs to). */
export function validateOrganisation(
  values: OrganisationValues,
  space: string,
  homeSpace: string,
): OrganisationValidation {
  const errors: OrganisationErrors = {};
  const name = values.name.trim();
  const kvkNumber = digitsOnly(values.kvkNumber);
  const agbCode = digitsOnly(values.agbCode);
  const iban = normaliseIban(values.iban);
  if (!isOrganisationKind(values.kind)) errors.kind = { key: 'kindRequired' };
  if (name === '') errors.name = { key: 'nameRequired' };
  else if (name.length > NAME_MAX) errors.name = { key: 'nameTooLong' };
  if (!isKvkNumber(kvkNumber)) errors.kvkNumber = { key: 'kvkInvalid' };
  if (agbCode !== '' && !isAgbCode(agbCode)) errors.agbCode = { key: 'agbInvalid' };
  if (iban !== '' && !isIban(iban)) errors.iban = { key: 'ibanInvalid' };
  if (Object.keys(errors).length > 0 || !isOrganisationKind(values.kind)) return { ok: false, errors };
  return {
    ok: true,
    input: {
      ...(space !== homeSpace ? { space } : {}),
      kind: values.kind,
      name,
      kvkNumber,
      ...(agbCode ? { agbCode } : {}),
      ...(iban ? { iban } : {}),
    },
  };
}

/** The server's issues on the form's fields; for the identifiers the Dutch message says what is wrong. */
export function organisationIssues(issues: FieldIssue[]): { errors: OrganisationErrors; other: string[] } {
  const errors: OrganisationErrors = {};
  const other: string[] = [];
  const byField: Partial<Record<OrganisationField, OrganisationErrorKey>> = {
    kind: 'kindRequired',
    kvkNumber: 'kvkInvalid',
    agbCode: 'agbInvalid',
    iban: 'ibanInvalid',
  };
  for (const issue of issues) {
    const field = issue.path.split('.')[0] as OrganisationField;
    if (!(ORGANISATION_FIELDS as readonly string[]).includes(field)) {
      other.push(issue.message);
      continue;
    }
    if (errors[field]) continue;
    const key = byField[field];
    errors[field] = key ? { key } : { text: issue.message };
  }
  return { errors, other };
}
