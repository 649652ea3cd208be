import type { ParamValue, Reason } from '@regie/core/browser';
import type { nl } from '../../i18n/nl';
import { type ReasonFormat, reasonText } from '../../i18n/reasons';
import { canonical } from '../../lib/agreements/diff';
import {
  type CreateAgreementInput,
  type InternalAgreement,
  isDomain,
  isFrequency,
  isKind,
  isPartyRole,
  isUnit,
  isVariant,
  type TermsPatch,
} from '../../lib/agreements/model';
import type { FieldIssue } from '../../lib/errors';
import { type AppLocale, formatAmount, isIsoDate, parseMoneyToCents } from '../../lib/format';
import { isEventDuty, isReportingFrequency } from '../../lib/steering/model';

/**
 * The agreement form's values, checks and API input, for creating (`NewAgreementPage`) and editing
 * (`EditAgreementPage`) alike. Pure, so it is unit-tested. Errors are keyed by the API's input path
 * (`title`, `renewal.options`, `productLines.0.tariffCents`), so a server issue lands on the same field as the
 * client's own check.
 */

export interface PartyRow {
  /** A stable key for React while rows are added and removed. */
  key: string;
  organisationId: string;
  role: string;
}

/** One product line as typed; money fields hold euros as text (`98,50`). */
export interface LineRow {
  key: string;
  /** The stored line's id, kept on edit so the line stays the same line. */
  id?: string;
  category: string;
  productCode: string;
  description: string;
  variant: string;
  unit: string;
  frequency: string;
  tariffCents: string;
  volumeCeiling: string;
  moneyCeilingCents: string;
  lumpSumCents: string;
  population: string;
}

export const DUTY_KINDS = ['periodic', 'event'] as const;
export type DutyKind = (typeof DUTY_KINDS)[number];

/**
 * One information duty (meldplicht) as typed: a periodic report (frequency, days after the period) or a duty to
 * report an event (which event, response time in working days). The kind is chosen when the row is added.
 */
export interface DutyRow {
  key: string;
  /** The stored duty's id, kept on edit so its due reports and delivered reports stay with it. */
  id?: string;
  kind: DutyKind;
  title: string;
  frequency: string;
  dueDays: string;
  event: string;
  responseDays: string;
}

/** An indicator of the agreed set (SPEC §4.5), as typed; `id` kept for the ones that stay. */
export interface KpiRow {
  key: string;
  id?: string;
  name: string;
  unit: string;
  target: string;
  direction: string;
  frequency: string;
}

export interface TermsValues {
  title: string;
  description: string;
  domain: string;
  startDate: string;
  endDate: string;
  noticePeriodMonths: string;
  valueCeilingCents: string;
  renewalOptions: string;
  renewalMonths: string;
  parties: PartyRow[];
  productLines: LineRow[];
  duties: DutyRow[];
  /** The indicator set; absent in forms that do not show it. */
  kpis?: KpiRow[];
}

export interface CreateValues extends TermsValues {
  kind: string;
  reference: string;
  /** The owning space: the user's own register, or a region it belongs to. */
  space: string;
}

export type ErrorKey = keyof (typeof nl)['agreementForm']['errors'];
/**
 * A client check names a translated message (with its values); a server issue this form has no wording of its
 * own for carries the API's reason key (said from web/src/i18n/reasons.ts); `text` is already in the language.
 */
export type FieldError =
  | { key: ErrorKey; values?: Record<string, string> }
  | { reason: Reason; params: Record<string, ParamValue> }
  | { text: string };
/** By API input path. */
export type FieldErrors = Record<string, FieldError>;

/** Limits mirror the API's input schemas. */
export const LIMITS = {
  reference: 50,
  title: 200,
  description: 5000,
  lineDescription: 200,
  population: 200,
  parties: 10,
  productLines: 100,
  noticePeriodMonths: 120,
  renewalOptions: 10,
  renewalMonths: 120,
  volumeCeiling: 100_000_000,
  duties: 20,
  kpis: 20,
  kpiName: 120,
  kpiUnit: 30,
  dutyTitle: 120,
  dueDaysMax: 180,
  responseDaysMin: 1,
  responseDaysMax: 60,
} as const;

/** A reference starts with a letter or digit; then letters, digits, spaces and `. / _ -` (as the API checks). */
const REFERENCE = /^[\p{L}\p{N}][\p{L}\p{N} ./_-]*$/u;
const CATEGORY = /^\d{2}$/;
const PRODUCT_CODE = /^[A-Za-z0-9]{1,10}$/;
/** Jeugdwet product categories 31–50, Wmo 01–18 (iStandaarden). */
export const CATEGORY_RANGE: Record<string, [number, number]> = { youth: [31, 50], wmo: [1, 18] };

let rowCounter = 0;
const rowKey = () => `row-${++rowCounter}`;

export const EMPTY_TERMS: TermsValues = {
  title: '',
  description: '',
  domain: '',
  startDate: '',
  endDate: '',
  noticePeriodMonths: '',
  valueCeilingCents: '',
  renewalOptions: '',
  renewalMonths: '',
  parties: [],
  productLines: [],
  duties: [],
};

export function emptyCreateValues(space: string): CreateValues {
  // The create form shows the indicator set too (SPEC §4.5): KPIs can be agreed from the start.
  return { ...EMPTY_TERMS, kpis: [], kind: '', reference: '', space };
}

export function newPartyRow(): PartyRow {
  return { key: rowKey(), organisationId: '', role: '' };
}

export function newLineRow(): LineRow {
  return {
    key: rowKey(),
    category: '',
    productCode: '',
    description: '',
    variant: '',
    unit: '',
    frequency: '',
    tariffCents: '',
    volumeCeiling: '',
    moneyCeilingCents: '',
    lumpSumCents: '',
    population: '',
  };
}

export function newDutyRow(kind: DutyKind): DutyRow {
  return { key: rowKey(), kind, title: '', frequency: '', dueDays: '', event: '', responseDays: '' };
}

const amount = (cents: number | null | undefined, locale: AppLocale) =>
  cents === null || cents === undefined ? '' : formatAmount(cents, locale);
const count = (value: number | null | undefined) =>
  value === null || value === undefined ? '' : String(value);

/** The form's values for a stored agreement. */
export function newKpiRow(): KpiRow {
  return { key: rowKey(), name: '', unit: '', target: '', direction: '', frequency: '' };
}

/** A number for the form: `7.5` → `7,5` (nl). */
const decimalText = (value: number, locale: AppLocale) =>
  locale === 'nl-NL' ? String(value).replace('.', ',') : String(value);

export function valuesFromAgreement(a: InternalAgreement, locale: AppLocale): TermsValues {
  return {
    title: a.title,
    description: a.description,
    domain: a.domain,
    startDate: a.startDate,
    endDate: a.endDate,
    noticePeriodMonths: count(a.noticePeriodMonths),
    valueCeilingCents: amount(a.valueCeilingCents, locale),
    renewalOptions: a.renewal ? String(a.renewal.options) : '',
    renewalMonths: a.renewal ? String(a.renewal.monthsEach) : '',
    parties: a.parties.map((p) => ({ key: rowKey(), organisationId: p.organisationId, role: p.role })),
    productLines: a.productLines.map((line) => ({
      key: rowKey(),
      id: line.id,
      category: line.category,
      productCode: line.productCode,
      description: line.description ?? '',
      variant: line.variant,
      unit: line.unit ?? '',
      frequency: line.frequency ?? '',
      tariffCents: amount(line.tariffCents, locale),
      volumeCeiling: count(line.volumeCeiling),
      moneyCeilingCents: amount(line.moneyCeilingCents, locale),
      lumpSumCents: amount(line.lumpSumCents, locale),
      population: line.population ?? '',
    })),
    duties: a.duties.map((duty) => ({
      key: rowKey(),
      id: duty.id,
      kind: duty.kind,
      title: duty.title,
      frequency: duty.frequency ?? '',
      dueDays: count(duty.dueDays),
      event: duty.event ?? '',
      responseDays: count(duty.responseDays),
    })),
    kpis: (a.kpis ?? []).map((kpi) => ({
      key: rowKey(),
      id: kpi.id,
      name: kpi.name,
      unit: kpi.unit,
      target: decimalText(kpi.target, locale),
      direction: kpi.direction,
      frequency: kpi.frequency,
    })),
  };
}

/** The fields a duty row shows, by its kind. */
export function dutyFields(kind: DutyKind): string[] {
  return kind === 'periodic' ? ['title', 'frequency', 'dueDays'] : ['title', 'event', 'responseDays'];
}

/** The fields a task-based line has; the others are not shown for it (and not sent). */
export const TASK_FIELDS = ['lumpSumCents', 'population'] as const;
/** The fields an effort- or output-based line has, besides the common ones. */
export const PER_CLIENT_FIELDS = ['unit', 'frequency', 'tariffCents', 'volumeCeiling'] as const;

/** Every field path the form shows for these values, in the order they appear (for the error summary). */
export function fieldOrder(values: TermsValues, mode: 'create' | 'edit'): string[] {
  const top = mode === 'create' ? ['kind', 'reference', 'space'] : [];
  const lineFields = (line: LineRow) => [
    'category',
    'productCode',
    'description',
    'variant',
    ...(line.variant === 'task' ? TASK_FIELDS : PER_CLIENT_FIELDS),
    'moneyCeilingCents',
  ];
  return [
    ...top,
    'title',
    'description',
    'domain',
    'startDate',
    'endDate',
    'noticePeriodMonths',
    'valueCeilingCents',
    'renewal.options',
    'renewal.monthsEach',
    'parties',
    ...values.parties.flatMap((_, i) => [`parties.${i}.organisationId`, `parties.${i}.role`]),
    'productLines',
    ...values.productLines.flatMap((line, i) => lineFields(line).map((f) => `productLines.${i}.${f}`)),
    'duties',
    ...values.duties.flatMap((duty, i) => dutyFields(duty.kind).map((f) => `duties.${i}.${f}`)),
    ...(values.kpis ? ['kpis'] : []),
    ...(values.kpis ?? []).flatMap((_, i) =>
      ['name', 'unit', 'target', 'direction', 'frequency'].map((f) => `kpis.${i}.${f}`),
    ),
  ];
}

/** A whole number in a range, as typed: `''` is no value. */
function readCount(value: string, max: number, min = 0): { ok: true; value: number | null } | { ok: false } {
  const text = value.trim();
  if (text === '') return { ok: true, value: null };
  if (!/^\d+$/.test(text)) return { ok: false };
  const n = Number(text);
  return n >= min && n <= max ? { ok: true, value: n } : { ok: false };
}

type ProductLineInput = NonNullable<CreateAgreementInput['productLines']>[number];
type DutyInput = NonNullable<CreateAgreementInput['duties']>[number];
type KpiInput = NonNullable<CreateAgreementInput['kpis']>[number];
/** The terms as the API takes them (create: everything; edit: compared with the stored terms first). */
export type TermsInput = Required<
  Pick<CreateAgreementInput, 'title' | 'domain' | 'startDate' | 'endDate'>
> & {
  description: string;
  noticePeriodMonths: number | null;
  valueCeilingCents: number | null;
  renewal: { options: number; monthsEach: number } | null;
  parties: { organisationId: string; role: 'contractor' | 'recipient' | 'joint_body' | 'subcontractor' }[];
  productLines: ProductLineInput[];
  duties: DutyInput[];
  kpis: KpiInput[];
};

export type TermsValidation = { ok: true; terms: TermsInput } | { ok: false; errors: FieldErrors };

function validateLines(
  lines: LineRow[],
  kind: string,
  domain: string,
  locale: AppLocale,
  errors: FieldErrors,
): ProductLineInput[] {
  if (lines.length === 0) return [];
  const range = CATEGORY_RANGE[domain];
  if (kind !== 'contract' || !range) errors.productLines = { key: 'linesNotAllowed' };
  if (lines.length > LIMITS.productLines) errors.productLines = { key: 'tooManyLines' };
  const codes = new Set<string>();
  return lines.map((row, i) => {
    const at = (field: string) => `productLines.${i}.${field}`;
    const category = row.category.trim();
    const productCode = row.productCode.trim();
    const description = row.description.trim();
    const population = row.population.trim();
    if (!CATEGORY.test(category)) errors[at('category')] = { key: 'categoryInvalid' };
    else if (range && (Number(category) < range[0] || Number(category) > range[1])) {
      errors[at('category')] = {
        key: 'categoryRange',
        values: { range: `${String(range[0]).padStart(2, '0')}–${range[1]}` },
      };
    }
    if (!PRODUCT_CODE.test(productCode)) errors[at('productCode')] = { key: 'productCodeInvalid' };
    else if (codes.has(productCode.toUpperCase()))
      errors[at('productCode')] = { key: 'productCodeDuplicate' };
    codes.add(productCode.toUpperCase());
    if (description.length > LIMITS.lineDescription)
      errors[at('description')] = { key: 'lineDescriptionTooLong' };

    const money = (field: 'tariffCents' | 'moneyCeilingCents' | 'lumpSumCents', required: boolean) => {
      const parsed = parseMoneyToCents(row[field], locale);
      if (!parsed.ok) {
        errors[at(field)] = { key: parsed.reason === 'negative' ? 'amountNegative' : 'amountInvalid' };
        return undefined;
      }
      if (parsed.cents === null && required) {
        errors[at(field)] = { key: field === 'tariffCents' ? 'tariffRequired' : 'lumpSumRequired' };
      }
      return parsed.cents ?? undefined;
    };

    const line: ProductLineInput = {
      ...(row.id ? { id: row.id } : {}),
      category,
      productCode,
      variant: 'effort',
      ...(description ? { description } : {}),
    };
    if (!isVariant(row.variant)) {
      errors[at('variant')] = { key: 'variantRequired' };
      return line;
    }
    line.variant = row.variant;
    const moneyCeiling = money('moneyCeilingCents', false);
    if (moneyCeiling !== undefined) line.moneyCeilingCents = moneyCeiling;
    if (row.variant === 'task') {
      const lumpSum = money('lumpSumCents', true);
      if (lumpSum !== undefined) line.lumpSumCents = lumpSum;
      if (population.length > LIMITS.population) errors[at('population')] = { key: 'populationTooLong' };
      else if (population) line.population = population;
      return line;
    }
    if (isUnit(row.unit)) line.unit = row.unit;
    else errors[at('unit')] = { key: 'unitRequired' };
    if (isFrequency(row.frequency)) line.frequency = row.frequency;
    else errors[at('frequency')] = { key: 'frequencyRequired' };
    const tariff = money('tariffCents', true);
    if (tariff !== undefined) line.tariffCents = tariff;
    const volume = readCount(row.volumeCeiling, LIMITS.volumeCeiling);
    if (!volume.ok) errors[at('volumeCeiling')] = { key: 'volumeInvalid' };
    else if (volume.value !== null) line.volumeCeiling = volume.value;
    return line;
  });
}

function validateDuties(rows: DutyRow[], errors: FieldErrors): DutyInput[] {
  if (rows.length > LIMITS.duties) errors.duties = { key: 'tooManyDuties' };
  return rows.map((row, i) => {
    const at = (field: string) => `duties.${i}.${field}`;
    const title = row.title.trim();
    if (title === '') errors[at('title')] = { key: 'dutyTitleRequired' };
    else if (title.length > LIMITS.dutyTitle) errors[at('title')] = { key: 'dutyTitleTooLong' };
    const duty: DutyInput = { ...(row.id ? { id: row.id } : {}), kind: row.kind, title };
    if (row.kind === 'periodic') {
      if (isReportingFrequency(row.frequency)) duty.frequency = row.frequency;
      else errors[at('frequency')] = { key: 'dutyFrequencyRequired' };
      const days = readCount(row.dueDays, LIMITS.dueDaysMax);
      if (!days.ok || days.value === null) errors[at('dueDays')] = { key: 'dutyDueDaysInvalid' };
      else duty.dueDays = days.value;
    } else {
      if (isEventDuty(row.event)) duty.event = row.event;
      else errors[at('event')] = { key: 'dutyEventRequired' };
      const days = readCount(row.responseDays, LIMITS.responseDaysMax, LIMITS.responseDaysMin);
      if (!days.ok || days.value === null) errors[at('responseDays')] = { key: 'dutyResponseDaysInvalid' };
      else duty.responseDays = days.value;
    }
    return duty;
  });
}

/** A number as typed: `7,5`, `7.5`, `-2`; null when it is not one. */
function readDecimal(value: string): number | null {
  const text = value.trim().replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(text)) return null;
  const n = Number(text);
  return Math.abs(n) <= 1e12 ? n : null;
}

function validateKpis(rows: KpiRow[], errors: FieldErrors): KpiInput[] {
  if (rows.length > LIMITS.kpis) errors.kpis = { key: 'tooManyKpis' };
  const result: KpiInput[] = [];
  rows.forEach((row, i) => {
    const at = (field: string) => `kpis.${i}.${field}`;
    const name = row.name.trim();
    const unit = row.unit.trim();
    if (name === '' || name.length > LIMITS.kpiName) errors[at('name')] = { key: 'kpiNameRequired' };
    if (unit === '' || unit.length > LIMITS.kpiUnit) errors[at('unit')] = { key: 'kpiUnitRequired' };
    const target = readDecimal(row.target);
    if (target === null) errors[at('target')] = { key: 'kpiTargetInvalid' };
    const direction = row.direction === 'higher' || row.direction === 'lower' ? row.direction : null;
    if (!direction) errors[at('direction')] = { key: 'kpiDirectionRequired' };
    const frequency = isReportingFrequency(row.frequency) ? row.frequency : null;
    if (!frequency) errors[at('frequency')] = { key: 'kpiFrequencyRequired' };
    if (target !== null && direction && frequency)
      result.push({ ...(row.id ? { id: row.id } : {}), name, unit, target, direction, frequency });
  });
  return result;
}

/** Checks the terms; `kind` decides whether product lines are allowed (youth and Wmo contracts only). */
export function validateTerms(values: TermsValues, kind: string, locale: AppLocale): TermsValidation {
  const errors: FieldErrors = {};
  const title = values.title.trim();
  const description = values.description.trim() === '' ? '' : values.description;

  if (title === '') errors.title = { key: 'titleRequired' };
  else if (title.length > LIMITS.title) errors.title = { key: 'titleTooLong' };
  if (description.length > LIMITS.description) errors.description = { key: 'descriptionTooLong' };
  if (!isDomain(values.domain)) errors.domain = { key: 'domainRequired' };

  if (values.startDate === '') errors.startDate = { key: 'startDateRequired' };
  else if (!isIsoDate(values.startDate)) errors.startDate = { key: 'startDateInvalid' };
  if (values.endDate === '') errors.endDate = { key: 'endDateRequired' };
  else if (!isIsoDate(values.endDate)) errors.endDate = { key: 'endDateInvalid' };
  else if (!errors.startDate && values.endDate < values.startDate) errors.endDate = { key: 'endBeforeStart' };

  const notice = readCount(values.noticePeriodMonths, LIMITS.noticePeriodMonths);
  if (!notice.ok) errors.noticePeriodMonths = { key: 'noticeInvalid' };

  const ceiling = parseMoneyToCents(values.valueCeilingCents, locale);
  if (!ceiling.ok)
    errors.valueCeilingCents = { key: ceiling.reason === 'negative' ? 'ceilingNegative' : 'ceilingInvalid' };

  const options = readCount(values.renewalOptions, LIMITS.renewalOptions);
  const months = readCount(values.renewalMonths, LIMITS.renewalMonths, 1);
  let renewal: TermsInput['renewal'] = null;
  if (!options.ok) errors['renewal.options'] = { key: 'renewalOptionsInvalid' };
  if (!months.ok) errors['renewal.monthsEach'] = { key: 'renewalMonthsInvalid' };
  if (options.ok && months.ok) {
    if (options.value === null && months.value !== null)
      errors['renewal.options'] = { key: 'renewalOptionsRequired' };
    else if (options.value !== null && options.value > 0 && months.value === null)
      errors['renewal.monthsEach'] = { key: 'renewalMonthsRequired' };
    else if (options.value !== null && months.value !== null)
      renewal = { options: options.value, monthsEach: months.value };
  }

  if (values.parties.length > LIMITS.parties) errors.parties = { key: 'tooManyParties' };
  const seen = new Set<string>();
  const parties: TermsInput['parties'] = [];
  values.parties.forEach((row, i) => {
    if (row.organisationId === '') errors[`parties.${i}.organisationId`] = { key: 'partyRequired' };
    if (!isPartyRole(row.role)) errors[`parties.${i}.role`] = { key: 'partyRoleRequired' };
    else if (row.organisationId !== '') {
      const pair = `${row.organisationId}/${row.role}`;
      if (seen.has(pair)) errors[`parties.${i}.organisationId`] = { key: 'partyDuplicate' };
      seen.add(pair);
      parties.push({ organisationId: row.organisationId, role: row.role });
    }
  });

  const productLines = validateLines(values.productLines, kind, values.domain, locale, errors);
  const duties = validateDuties(values.duties, errors);
  const kpis = validateKpis(values.kpis ?? [], errors);

  if (Object.keys(errors).length > 0 || !isDomain(values.domain) || !ceiling.ok || !notice.ok) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    terms: {
      title,
      description,
      domain: values.domain,
      startDate: values.startDate,
      endDate: values.endDate,
      noticePeriodMonths: notice.value,
      valueCeilingCents: ceiling.cents,
      renewal,
      parties,
      productLines,
      duties,
      kpis,
    },
  };
}

export type CreateValidation = { ok: true; input: CreateAgreementInput } | { ok: false; errors: FieldErrors };

/** The create form: kind, reference and owner, then the terms. Empty optional terms are left out. */
export function validateCreate(values: CreateValues, homeSpace: string, locale: AppLocale): CreateValidation {
  const errors: FieldErrors = {};
  const reference = values.reference.trim();
  if (!isKind(values.kind)) errors.kind = { key: 'kindRequired' };
  if (reference === '') errors.reference = { key: 'referenceRequired' };
  else if (reference.length > LIMITS.reference) errors.reference = { key: 'referenceTooLong' };
  else if (!REFERENCE.test(reference)) errors.reference = { key: 'referenceInvalid' };
  const terms = validateTerms(values, values.kind, locale);
  if (!terms.ok) Object.assign(errors, terms.errors);
  if (!terms.ok || Object.keys(errors).length > 0 || !isKind(values.kind)) return { ok: false, errors };
  const t = terms.terms;
  return {
    ok: true,
    input: {
      kind: values.kind,
      reference,
      ...(values.space && values.space !== homeSpace ? { space: values.space } : {}),
      title: t.title,
      domain: t.domain,
      startDate: t.startDate,
      endDate: t.endDate,
      ...(t.description !== '' ? { description: t.description } : {}),
      ...(t.noticePeriodMonths !== null ? { noticePeriodMonths: t.noticePeriodMonths } : {}),
      ...(t.valueCeilingCents !== null ? { valueCeilingCents: t.valueCeilingCents } : {}),
      ...(t.renewal ? { renewal: t.renewal } : {}),
      ...(t.parties.length > 0 ? { parties: t.parties } : {}),
      ...(t.productLines.length > 0 ? { productLines: t.productLines } : {}),
      ...(t.duties.length > 0 ? { duties: t.duties } : {}),
      ...(t.kpis.length > 0 ? { kpis: t.kpis } : {}),
    },
  };
}

/** Drops the errors a change makes stale: the field's own, and those of rows whose indices shifted. */
export function withoutStale(errors: FieldErrors, changed: string): FieldErrors {
  const list =
    changed === 'parties' || changed === 'productLines' || changed === 'duties' || changed === 'kpis'
      ? `${changed}.`
      : null;
  return Object.fromEntries(
    Object.entries(errors).filter(([path]) => path !== changed && !(list && path.startsWith(list))),
  );
}

const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);

/**
 * The update's `data`: only the fields that differ from the stored agreement, so the new version and its audit
 * event name exactly what the person changed. Empty when nothing changed.
 */
export function termsPatch(terms: TermsInput, current: InternalAgreement): TermsPatch {
  const patch: TermsPatch = {};
  if (terms.title !== current.title) patch.title = terms.title;
  if (terms.description !== current.description) patch.description = terms.description;
  if (terms.domain !== current.domain) patch.domain = terms.domain;
  if (terms.startDate !== current.startDate) patch.startDate = terms.startDate;
  if (terms.endDate !== current.endDate) patch.endDate = terms.endDate;
  if (terms.noticePeriodMonths !== current.noticePeriodMonths)
    patch.noticePeriodMonths = terms.noticePeriodMonths;
  if (terms.valueCeilingCents !== current.valueCeilingCents)
    patch.valueCeilingCents = terms.valueCeilingCents;
  const storedRenewal = current.renewal
    ? { options: current.renewal.options, monthsEach: current.renewal.monthsEach }
    : null;
  if (!same(terms.renewal, storedRenewal)) patch.renewal = terms.renewal;
  const storedParties = current.parties.map((p) => ({ organisationId: p.organisationId, role: p.role }));
  if (!same(terms.parties, storedParties)) patch.parties = terms.parties;
  if (!same(terms.productLines, current.productLines)) patch.productLines = terms.productLines;
  // The whole list (the API replaces it), with the ids of the duties that stay.
  if (!same(terms.duties, current.duties)) patch.duties = terms.duties;
  // The same for the indicator set; results stay with the ids that stay.
  if (!same(terms.kpis, current.kpis ?? [])) patch.kpis = terms.kpis;
  return patch;
}

/** The API's reason keys this form says in its own words (agreementForm.errors). */
const OWN_WORDS: Partial<Record<Reason, ErrorKey>> = {
  'agreement.endBeforeStart': 'endBeforeStart',
  'productLine.codeDuplicate': 'productCodeDuplicate',
  'productLine.lumpSumRequired': 'lumpSumRequired',
  'productLine.unitRequired': 'unitRequired',
  'productLine.frequencyRequired': 'frequencyRequired',
  'productLine.tariffRequired': 'tariffRequired',
  'productLine.notAllowed': 'linesNotAllowed',
  'party.unknown': 'partyUnknown',
  'party.duplicate': 'partyDuplicate',
  'duty.periodicNeedsFrequency': 'dutyFrequencyRequired',
  'duty.eventNeedsEvent': 'dutyEventRequired',
  'mandate.raiseNeedsApproval': 'mandateRaise',
};

/** A pattern refused on these fields has a wording of its own. */
const FORMAT_BY_FIELD: Record<string, ErrorKey> = {
  category: 'categoryInvalid',
  productCode: 'productCodeInvalid',
  reference: 'referenceInvalid',
};

/** A server issue on the form, by its reason key and field — never by its (English) message. */
export function translateIssue(issue: FieldIssue): FieldError {
  const reason = issue.reason ?? 'validation.custom';
  const params = issue.params ?? {};
  const own = OWN_WORDS[reason];
  if (own) return { key: own };
  if (reason === 'productLine.categoryRange')
    return { key: 'categoryRange', values: { range: `${params.from ?? ''}–${params.to ?? ''}` } };
  if (reason === 'validation.invalid_format') {
    const format = FORMAT_BY_FIELD[issue.path.split('.').at(-1) ?? ''];
    if (format) return { key: format };
  }
  return { reason, params };
}

/**
 * A BAD_REQUEST's issues on the form's fields: each path (an update's without its `data.` prefix) goes to the
 * deepest field the form shows (`parties.0` → `parties.0.organisationId`, `renewal` → `renewal.options`).
 * Issues about anything else are returned apart, as text in the language of `format`, to show above the form.
 */
export function issuesToFieldErrors(
  issues: FieldIssue[],
  fields: readonly string[],
  format: ReasonFormat,
): { errors: FieldErrors; other: string[] } {
  const known = new Set(fields);
  const errors: FieldErrors = {};
  const other: string[] = [];
  for (const issue of issues) {
    const segments = issue.path.replace(/^data(\.|$)/, '').split('.');
    let field: string | undefined;
    for (let n = segments.length; n > 0 && !field; n--) {
      const path = segments.slice(0, n).join('.');
      field = [path, `${path}.organisationId`, `${path}.options`, `${path}.category`, `${path}.title`].find(
        (p) => known.has(p),
      );
    }
    if (field) {
      if (!errors[field]) errors[field] = translateIssue(issue);
    } else other.push(reasonText(issue.reason ?? 'validation.custom', issue.params ?? {}, format));
  }
  return { errors, other };
}
