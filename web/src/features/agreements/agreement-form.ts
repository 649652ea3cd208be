import {
  type AgreementCreateInput,
  agreementCreateInput,
  agreementTermsPatch,
  checkProductLines,
  checkServices,
  invalidKpiSource,
  type ProductLineInput,
  repeatedParties,
  type ServiceInput,
} from '@regie/core/browser';
import type { nl } from '../../i18n/nl';
import type { SpecErrorKey } from '../../i18n/spec-edit';
import { type AppLocale, readCents, readDate, readDecimal, readWholeNumber } from '../../lib/format';
import {
  type CreateValues,
  type LineRow,
  readSource,
  type ServiceRow,
  type SpecFieldRow,
  specKey,
  type TermsInput,
  type TermsValues,
} from './agreement-values';

/**
 * The agreement form's checks: the typed text is read into the API's input (Dutch amounts, numbers and dates),
 * then checked with core's own schemas and cross-field rules — exactly what the API checks — and each issue is
 * named for the person at its field. Pure, so it is unit-tested. Errors are keyed by the API's input path, so a
 * server issue lands on the same field as the client's own check.
 */

/** The form's messages: `agreementForm.errors`, and the data specification's own (`specEdit.errors`, loaded lazily). */
export type ErrorKey = keyof (typeof nl)['agreementForm']['errors'] | SpecErrorKey;
/** A client check names a translated message (with its values); a server issue may bring its own text. */
export type FieldError = { key: ErrorKey; values?: Record<string, string> } | { text: string };
/** By API input path. */
export type FieldErrors = Record<string, FieldError>;

const choice = (value: string) => (value === '' ? undefined : value);
const textOrNone = (value: string) => (value.trim() === '' ? undefined : value.trim());
/** Leaves out what was not given, so an optional field left empty is not sent at all. */
const given = <T extends Record<string, unknown>>(o: T) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

function readRenewal(renewal: TermsValues['renewal']) {
  const options = readWholeNumber(renewal.options);
  const monthsEach = readWholeNumber(renewal.monthsEach);
  // No options, or none left open with no length, is no renewal; half an answer is the schema's to name.
  if (options === undefined && monthsEach === undefined) return null;
  if (options === 0 && monthsEach === undefined) return null;
  return given({ options, monthsEach });
}

/** A line sends the fields of its variant only, whatever was typed in fields the variant hides. */
function readLine(row: LineRow, locale: AppLocale) {
  const common = {
    id: row.id,
    category: row.category.trim(),
    productCode: row.productCode.trim(),
    description: textOrNone(row.description),
    variant: choice(row.variant),
    moneyCeilingCents: readCents(row.moneyCeilingCents, locale),
  };
  if (row.variant === '') return given(common);
  if (row.variant === 'task') {
    return given({
      ...common,
      lumpSumCents: readCents(row.lumpSumCents, locale),
      population: textOrNone(row.population),
    });
  }
  return given({
    ...common,
    unit: choice(row.unit),
    frequency: choice(row.frequency),
    tariffCents: readCents(row.tariffCents, locale),
    volumeCeiling: readWholeNumber(row.volumeCeiling),
  });
}

/** A service sends the price fields of its model only, whatever was typed in fields the model hides. */
function readService(row: ServiceRow, locale: AppLocale) {
  const p = row.price;
  const perUnit = {
    unit: choice(p.unit),
    unitPriceCents: readCents(p.unitPriceCents, locale),
    quantity: readDecimal(p.quantity),
  };
  const price =
    p.model === 'fixed'
      ? { model: p.model, yearlyCents: readCents(p.yearlyCents, locale) }
      : p.model === 'perUnit'
        ? given({ model: p.model, ...perUnit })
        : p.model === 'basePlusUnit'
          ? given({ model: p.model, baseYearlyCents: readCents(p.baseYearlyCents, locale), ...perUnit })
          : {};
  return given({
    id: row.id,
    name: row.name.trim(),
    description: textOrNone(row.description),
    levels: row.levels.map((level) =>
      given({
        id: level.id,
        measure: level.measure.trim(),
        unit: choice(level.unit),
        target: readDecimal(level.target),
        direction: choice(level.direction),
        share: readDecimal(level.share),
        period: choice(level.period),
      }),
    ),
    price,
  });
}

/** A data specification field as the API takes it; an empty key is derived from the label. */
function readSpecField(row: SpecFieldRow) {
  const label = row.label.trim();
  return given({
    key: row.key.trim() === '' ? specKey(label) : row.key.trim(),
    label,
    unit: textOrNone(row.unit),
    type: choice(row.type),
    required: row.required,
  });
}

/** The terms as the API would take them; text that does not read as a value stays text for the schema to refuse. */
export function readTerms(values: TermsValues, locale: AppLocale) {
  return {
    title: values.title.trim(),
    description: values.description.trim() === '' ? '' : values.description,
    domain: choice(values.domain),
    startDate: readDate(values.startDate),
    endDate: readDate(values.endDate),
    noticePeriodMonths: readWholeNumber(values.noticePeriodMonths) ?? null,
    valueCeilingCents: readCents(values.valueCeilingCents, locale) ?? null,
    renewal: readRenewal(values.renewal),
    parties: values.parties.map((p) =>
      given({ organisationId: choice(p.organisationId), role: choice(p.role) }),
    ),
    productLines: values.productLines.map((row) => readLine(row, locale)),
    duties: values.duties.map((row) =>
      given({
        id: row.id,
        kind: row.kind,
        title: row.title.trim(),
        ...(row.kind === 'periodic'
          ? {
              frequency: choice(row.frequency),
              dueDays: readWholeNumber(row.dueDays),
              // No fields is no specification (core's schema wants one at least).
              dataSpec: (row.dataSpec ?? []).length > 0 ? row.dataSpec.map(readSpecField) : undefined,
            }
          : { event: choice(row.event), responseDays: readWholeNumber(row.responseDays) }),
      }),
    ),
    kpis: values.kpis.map((row) =>
      given({
        id: row.id,
        name: row.name.trim(),
        unit: row.unit.trim(),
        target: readDecimal(row.target),
        direction: choice(row.direction),
        frequency: choice(row.frequency),
        level: choice(row.level),
        source: readSource(row.source ?? ''),
      }),
    ),
    services: (values.services ?? []).map((row) => readService(row, locale)),
  };
}

type Read = ReturnType<typeof readTerms>;
type Rule = ErrorKey | ((code: string) => ErrorKey);
const sized =
  (required: ErrorKey, tooLong: ErrorKey): Rule =>
  (code) =>
    code === 'too_big' ? tooLong : required;
const money: Rule = (code) => (code === 'too_small' ? 'amountNegative' : 'amountInvalid');

/** Core's schema issues by field (list indices as `#`) and issue code → the message the person reads. */
const SCHEMA_ISSUES: Record<string, Rule> = {
  kind: 'kindRequired',
  reference: (code) =>
    code === 'too_big'
      ? 'referenceTooLong'
      : code === 'invalid_format'
        ? 'referenceInvalid'
        : 'referenceRequired',
  title: sized('titleRequired', 'titleTooLong'),
  description: 'descriptionTooLong',
  domain: 'domainRequired',
  startDate: (code) => (code === 'invalid_type' ? 'startDateRequired' : 'startDateInvalid'),
  endDate: (code) =>
    code === 'invalid_type' ? 'endDateRequired' : code === 'custom' ? 'endBeforeStart' : 'endDateInvalid',
  noticePeriodMonths: 'noticeInvalid',
  valueCeilingCents: (code) => (code === 'too_small' ? 'ceilingNegative' : 'ceilingInvalid'),
  'renewal.options': (code) => (code === 'invalid_type' ? 'renewalOptionsRequired' : 'renewalOptionsInvalid'),
  'renewal.monthsEach': (code) =>
    code === 'invalid_type' ? 'renewalMonthsRequired' : 'renewalMonthsInvalid',
  parties: 'tooManyParties',
  'parties.#.organisationId': 'partyRequired',
  'parties.#.role': 'partyRoleRequired',
  productLines: 'tooManyLines',
  'productLines.#.category': 'categoryInvalid',
  'productLines.#.productCode': 'productCodeInvalid',
  'productLines.#.description': 'lineDescriptionTooLong',
  'productLines.#.variant': 'variantRequired',
  'productLines.#.unit': 'unitRequired',
  'productLines.#.frequency': 'frequencyRequired',
  'productLines.#.tariffCents': money,
  'productLines.#.moneyCeilingCents': money,
  'productLines.#.lumpSumCents': money,
  'productLines.#.volumeCeiling': 'volumeInvalid',
  'productLines.#.population': 'populationTooLong',
  duties: 'tooManyDuties',
  'duties.#.title': sized('dutyTitleRequired', 'dutyTitleTooLong'),
  'duties.#.frequency': 'dutyFrequencyRequired',
  'duties.#.dueDays': 'dutyDueDaysInvalid',
  'duties.#.event': 'dutyEventRequired',
  'duties.#.responseDays': 'dutyResponseDaysInvalid',
  'duties.#.dataSpec': 'tooManySpecFields',
  'duties.#.dataSpec.#.key': (code) => (code === 'custom' ? 'specKeyDuplicate' : 'specKeyInvalid'),
  'duties.#.dataSpec.#.label': sized('specLabelRequired', 'specLabelTooLong'),
  'duties.#.dataSpec.#.unit': 'specUnitTooLong',
  'duties.#.dataSpec.#.type': 'specTypeRequired',
  kpis: 'tooManyKpis',
  'kpis.#.name': 'kpiNameRequired',
  'kpis.#.unit': 'kpiUnitRequired',
  'kpis.#.target': 'kpiTargetInvalid',
  'kpis.#.direction': 'kpiDirectionRequired',
  'kpis.#.frequency': 'kpiFrequencyRequired',
  services: 'tooManyServices',
  'services.#.name': sized('serviceNameRequired', 'serviceNameTooLong'),
  'services.#.description': 'serviceDescriptionTooLong',
  'services.#.levels': 'tooManyLevels',
  'services.#.levels.#.measure': sized('levelMeasureRequired', 'levelMeasureTooLong'),
  'services.#.levels.#.unit': 'levelUnitRequired',
  'services.#.levels.#.target': (code) => (code === 'custom' ? 'levelPercentTooHigh' : 'levelTargetInvalid'),
  'services.#.levels.#.direction': 'levelDirectionRequired',
  'services.#.levels.#.share': 'levelShareInvalid',
  'services.#.levels.#.period': 'levelPeriodRequired',
  'services.#.price.model': 'priceModelRequired',
  'services.#.price.yearlyCents': money,
  'services.#.price.baseYearlyCents': money,
  'services.#.price.unitPriceCents': money,
  'services.#.price.unit': 'priceUnitRequired',
  'services.#.price.quantity': 'quantityInvalid',
};

/**
 * A duty's rule "a periodic duty needs a frequency and its due days" (and the event duty's counterpart) is one
 * issue in core; the form shows it at each field that is missing.
 */
function dutyNeeds(index: number, read: Read): [string, FieldError][] {
  const duty = read.duties[index] ?? {};
  const at = (field: string) => `duties.${index}.${field}`;
  const needs: [string, ErrorKey][] =
    duty.kind === 'periodic'
      ? [
          ['frequency', 'dutyFrequencyRequired'],
          ['dueDays', 'dutyDueDaysInvalid'],
        ]
      : [
          ['event', 'dutyEventRequired'],
          ['responseDays', 'dutyResponseDaysInvalid'],
        ];
  return needs.filter(([field]) => duty[field] === undefined).map(([field, key]) => [at(field), { key }]);
}

function schemaIssue(issue: { path: PropertyKey[]; code: string; message: string }, read: Read) {
  const path = issue.path.map(String).join('.');
  const field = path.replace(/\.\d+(?=\.|$)/g, '.#');
  if (issue.code === 'custom' && /^duties\.#\.(frequency|event)$/.test(field)) {
    return dutyNeeds(Number(issue.path[1]), read);
  }
  const rule = SCHEMA_ISSUES[field];
  if (!rule) return [[path, { text: issue.message }] as [string, FieldError]];
  return [[path, { key: typeof rule === 'function' ? rule(issue.code) : rule }] as [string, FieldError]];
}

/** Core's rules across fields (`checkProductLines`, each party once) → messages at their fields. */
function crossFieldErrors(kind: string, domain: string, read: Read): [string, FieldError][] {
  const out: [string, FieldError][] = [];
  const lines = read.productLines as ProductLineInput[];
  for (const issue of checkProductLines(kind, domain, lines)) {
    const [, index, field] = issue.path.split('.');
    // A line without its variant is named for that alone.
    if (index !== undefined && lines[Number(index)]?.variant === undefined) continue;
    const key: ErrorKey | undefined =
      field === undefined
        ? 'linesNotAllowed'
        : (
            {
              category: 'categoryRange',
              productCode: 'productCodeDuplicate',
              lumpSumCents: 'lumpSumRequired',
              unit: 'unitRequired',
              frequency: 'frequencyRequired',
              tariffCents: 'tariffRequired',
            } as const
          )[field];
    if (key === 'categoryRange')
      out.push([issue.path, { key, values: { range: `${issue.params.from}–${issue.params.to}` } }]);
    else out.push([issue.path, key ? { key } : { text: issue.message }]);
  }
  for (const issue of checkServices(kind, read.services as ServiceInput[])) {
    const key: ErrorKey | undefined =
      issue.reason === 'service.notAllowed'
        ? 'servicesNotAllowed'
        : issue.reason === 'service.nameDuplicate'
          ? 'serviceNameDuplicate'
          : undefined;
    out.push([issue.path, key ? { key } : { text: issue.message }]);
  }
  // A KPI's source names a field of a saved periodic duty of its frequency (core's rule, as the API checks it).
  // The read rows are the schema's input before its check, hence the casts; the rule reads ids, kinds and keys.
  const sourced = invalidKpiSource(
    read.kpis as unknown as Parameters<typeof invalidKpiSource>[0],
    read.duties.filter((d) => typeof d.id === 'string') as unknown as Parameters<typeof invalidKpiSource>[1],
  );
  if (sourced !== null) out.push([`kpis.${sourced}.source`, { key: 'kpiSourceInvalid' }]);
  const chosen = read.parties.map((p, i) =>
    p.organisationId && p.role
      ? (p as { organisationId: string; role: string })
      : { organisationId: `#${i}`, role: '' },
  );
  for (const i of repeatedParties(chosen))
    out.push([`parties.${i}.organisationId`, { key: 'partyDuplicate' }]);
  return out;
}

/** Core's verdict on the read input: the first message per field, schema issues before cross-field rules. */
function check(
  schema: typeof agreementCreateInput | typeof agreementTermsPatch,
  input: Record<string, unknown>,
  read: Read,
  kind: string,
  domain: string,
): { data?: unknown; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const add = ([path, error]: [string, FieldError]) => {
    if (!errors[path]) errors[path] = error;
  };
  const result = schema.safeParse(input);
  if (!result.success) for (const issue of result.error.issues) schemaIssue(issue, read).forEach(add);
  // Core's end-after-start rule is skipped while another field has the wrong type; ask it about the dates alone.
  const dates = agreementTermsPatch.safeParse(given({ startDate: read.startDate, endDate: read.endDate }));
  if (!dates.success) for (const issue of dates.error.issues) schemaIssue(issue, read).forEach(add);
  crossFieldErrors(kind, domain, read).forEach(add);
  return Object.keys(errors).length === 0 ? { data: result.data, errors } : { errors };
}

export type TermsValidation = { ok: true; terms: TermsInput } | { ok: false; errors: FieldErrors };

/** The terms (edit form), checked as `agreement.update` checks its data; `kind` decides whether lines are allowed. */
export function validateTerms(values: TermsValues, kind: string, locale: AppLocale): TermsValidation {
  const read = readTerms(values, locale);
  const { data, errors } = check(agreementTermsPatch, read, read, kind, values.domain);
  return data ? { ok: true, terms: data as TermsInput } : { ok: false, errors };
}

export type CreateValidation = { ok: true; input: AgreementCreateInput } | { ok: false; errors: FieldErrors };

/** The create form: kind, reference and owner, then the terms, as `agreement.create` checks them. */
export function validateCreate(values: CreateValues, homeSpace: string, locale: AppLocale): CreateValidation {
  const read = readTerms(values, locale);
  const input = given({
    kind: choice(values.kind),
    reference: values.reference.trim(),
    space: values.space && values.space !== homeSpace ? values.space : undefined,
    title: read.title,
    domain: read.domain,
    startDate: read.startDate,
    endDate: read.endDate,
    // Empty optional terms are left out.
    description: read.description === '' ? undefined : read.description,
    noticePeriodMonths: read.noticePeriodMonths ?? undefined,
    valueCeilingCents: read.valueCeilingCents ?? undefined,
    renewal: read.renewal ?? undefined,
    parties: read.parties.length > 0 ? read.parties : undefined,
    productLines: read.productLines.length > 0 ? read.productLines : undefined,
    duties: read.duties.length > 0 ? read.duties : undefined,
    kpis: read.kpis.length > 0 ? read.kpis : undefined,
    services: read.services.length > 0 ? read.services : undefined,
  });
  const { data, errors } = check(agreementCreateInput, input, read, values.kind, values.domain);
  return data ? { ok: true, input: data as AgreementCreateInput } : { ok: false, errors };
}

/**
 * A Standard Schema (standardschema.dev, v1) from form values to the API's input: what `@hookform/resolvers`'
 * standard-schema resolver takes, as zod's own schemas are.
 */
export interface FormSchema<Values, Output> {
  readonly '~standard': {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (
      value: unknown,
    ) =>
      | { readonly value: Output; readonly issues?: undefined }
      | { readonly issues: readonly { readonly message: string; readonly path: readonly PropertyKey[] }[] };
    readonly types?: { readonly input: Values; readonly output: Output };
  };
}

/**
 * A form validation as a Standard Schema, for react-hook-form's resolver: the output is the API's input; each
 * error travels as its issue's message (encoded, see `decodeFieldError`) at its path.
 */
export function formSchema<Values, Output>(
  validate: (values: Values) => { ok: true; output: Output } | { ok: false; errors: FieldErrors },
): FormSchema<Values, Output> {
  return {
    '~standard': {
      version: 1,
      vendor: 'regie',
      validate(value) {
        const result = validate(value as Values);
        if (result.ok) return { value: result.output };
        return {
          issues: Object.entries(result.errors).map(([path, error]) => ({
            message: JSON.stringify(error),
            path: path.split('.').map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment)),
          })),
        };
      },
    },
  };
}

/** The error a `formSchema` issue carries; a message that is not one of ours is shown as it came. */
export function decodeFieldError(message: string): FieldError {
  try {
    const error: unknown = JSON.parse(message);
    if (typeof error === 'object' && error !== null && ('key' in error || 'text' in error))
      return error as FieldError;
  } catch {
    // Not encoded by formSchema.
  }
  return { text: message };
}

/** Drops the errors a change makes stale: the field's own, and those of rows whose indices shifted. */
export function withoutStale<T>(errors: Record<string, T>, changed: string): Record<string, T> {
  const list =
    changed === 'parties' ||
    changed === 'productLines' ||
    changed === 'duties' ||
    changed === 'kpis' ||
    changed === 'services' ||
    /^services\.\d+\.levels$/.test(changed) ||
    /^duties\.\d+\.dataSpec$/.test(changed)
      ? `${changed}.`
      : null;
  return Object.fromEntries(
    Object.entries(errors).filter(([path]) => path !== changed && !(list && path.startsWith(list))),
  );
}

/**
 * The form's field for a server issue's path (an update's `data.` prefix already dropped): the deepest field the
 * form shows (`parties.0` → `parties.0.organisationId`, `renewal` → `renewal.options`), or undefined when the form
 * has no field for it (then `useMutationError` says it in the general message).
 */
export function fieldFor(path: string, fields: readonly string[]): string | undefined {
  const known = new Set(fields);
  const segments = path.split('.');
  for (let n = segments.length; n > 0; n--) {
    const at = segments.slice(0, n).join('.');
    const field = [
      at,
      `${at}.organisationId`,
      `${at}.options`,
      `${at}.category`,
      `${at}.title`,
      `${at}.name`,
      `${at}.measure`,
    ].find((p) => known.has(p));
    if (field) return field;
  }
  return undefined;
}
