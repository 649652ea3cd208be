import type { nl } from '../../i18n/nl';
import { type FieldIssue, firstIssuePerField } from '../../lib/errors';
import { type AppLocale, isIsoDate, parseMoneyToCents } from '../../lib/format';
import { type CreateAgreementInput, isDomain, isKind } from './model';

/** The form's fields, in the order they appear (and are listed in the error summary). */
export const FORM_FIELDS = [
  'kind',
  'reference',
  'title',
  'description',
  'domain',
  'startDate',
  'endDate',
  'ceiling',
] as const;
export type FieldName = (typeof FORM_FIELDS)[number];
export type FormValues = Record<FieldName, string>;

export const EMPTY_FORM: FormValues = {
  kind: '',
  reference: '',
  title: '',
  description: '',
  domain: '',
  startDate: '',
  endDate: '',
  ceiling: '',
};

export type ErrorKey = keyof (typeof nl)['agreementForm']['errors'];
/** A client check names a translated message; a server issue brings its own text. */
export type FieldError = { key: ErrorKey } | { text: string };
export type FieldErrors = Partial<Record<FieldName, FieldError>>;

/** Limits mirror the API's input schema for `agreement.create`. */
export const LIMITS = { reference: 50, title: 200, description: 5000 } as const;
/** A reference starts with a letter or digit; then letters, digits, spaces and `. / _ -` (as the API checks). */
const REFERENCE = /^[\p{L}\p{N}][\p{L}\p{N} ./_-]*$/u;

export type Validation = { ok: true; input: CreateAgreementInput } | { ok: false; errors: FieldErrors };

export function validateAgreementForm(values: FormValues, locale: AppLocale): Validation {
  const errors: FieldErrors = {};
  const reference = values.reference.trim();
  const title = values.title.trim();
  const description = values.description.trim() === '' ? '' : values.description;

  if (!isKind(values.kind)) errors.kind = { key: 'kindRequired' };
  if (reference === '') errors.reference = { key: 'referenceRequired' };
  else if (reference.length > LIMITS.reference) errors.reference = { key: 'referenceTooLong' };
  else if (!REFERENCE.test(reference)) errors.reference = { key: 'referenceInvalid' };
  if (title === '') errors.title = { key: 'titleRequired' };
  else if (title.length > LIMITS.title) errors.title = { key: 'titleTooLong' };
  if (description.length > LIMITS.description) errors.description = { key: 'descriptionTooLong' };
  if (!isDomain(values.domain)) errors.domain = { key: 'domainRequired' };

  if (values.startDate === '') errors.startDate = { key: 'startDateRequired' };
  else if (!isIsoDate(values.startDate)) errors.startDate = { key: 'startDateInvalid' };
  if (values.endDate === '') errors.endDate = { key: 'endDateRequired' };
  else if (!isIsoDate(values.endDate)) errors.endDate = { key: 'endDateInvalid' };
  else if (!errors.startDate && values.endDate < values.startDate) errors.endDate = { key: 'endBeforeStart' };

  const ceiling = parseMoneyToCents(values.ceiling, locale);
  if (!ceiling.ok)
    errors.ceiling = { key: ceiling.reason === 'negative' ? 'ceilingNegative' : 'ceilingInvalid' };

  if (Object.keys(errors).length > 0 || !isKind(values.kind) || !isDomain(values.domain) || !ceiling.ok) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    input: {
      kind: values.kind,
      reference,
      title,
      domain: values.domain,
      startDate: values.startDate,
      endDate: values.endDate,
      ...(description !== '' ? { description } : {}),
      ...(ceiling.cents !== null ? { valueCeilingCents: ceiling.cents } : {}),
    },
  };
}

/** API input paths → form fields. */
const FIELD_FOR_PATH: Record<string, FieldName> = {
  kind: 'kind',
  reference: 'reference',
  title: 'title',
  description: 'description',
  domain: 'domain',
  startDate: 'startDate',
  endDate: 'endDate',
  valueCeilingCents: 'ceiling',
};

/**
 * A BAD_REQUEST's issues, first per field, on the form's fields. Issues about anything else (or about the
 * input as a whole) are returned apart, to show above the form.
 */
export function issuesToFieldErrors(issues: FieldIssue[]): { errors: FieldErrors; other: string[] } {
  const errors: FieldErrors = {};
  const other: string[] = [];
  for (const [path, message] of firstIssuePerField(issues)) {
    const field = FIELD_FOR_PATH[path];
    if (field) errors[field] = { text: message };
    else other.push(message);
  }
  return { errors, other };
}
