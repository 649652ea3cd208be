import { type AgreementCreateInput, MAX_SERVICE_LEVELS, MAX_SERVICES } from '@regie/core/browser';
import { canonical } from '../../lib/agreements/diff';
import type { InternalAgreement, TermsPatch } from '../../lib/agreements/model';
import { type AppLocale, formatAmount } from '../../lib/format';

/**
 * The agreement form's values as typed, for creating (`NewAgreementPage`) and editing (`EditAgreementPage`)
 * alike: text per input, shaped like the API's input so a field's path is the same in the form, in core's schema
 * issues and in a server refusal (`title`, `renewal.options`, `productLines.0.tariffCents`).
 */

export interface PartyRow {
  organisationId: string;
  role: string;
}

/** One product line as typed; money fields hold euros as text (`98,50`). */
export interface LineRow {
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
  /** The stored duty's id, kept on edit so its due reports and delivered reports stay with it. */
  id?: string;
  kind: DutyKind;
  title: string;
  frequency: string;
  dueDays: string;
  event: string;
  responseDays: string;
  /** A periodic duty's data specification (issue 15 point 3): the figures each report delivers; none is none. */
  dataSpec: SpecFieldRow[];
}

/**
 * One field of a duty's data specification as typed. An empty key is derived from the label (`specKey`); a stored
 * field keeps its key, since the delivered series and KPI sources name it.
 */
export interface SpecFieldRow {
  key: string;
  label: string;
  unit: string;
  /** count, amount, percentage or weeks; '' when not chosen. */
  type: string;
  required: boolean;
}

/** An indicator of the agreed set (SPEC §4.5), as typed; `id` kept for the ones that stay. */
export interface KpiRow {
  id?: string;
  name: string;
  unit: string;
  target: string;
  direction: string;
  frequency: string;
  /** input, output or outcome; empty when not classified (governance reads classified ones only). */
  level: string;
  /** The delivered field the results come from (issue 15 point 3) as `dutyId:fieldKey`; '' when entered by hand. */
  source: string;
}

/** A service level as typed (services.ts): numbers as text, choices as their codes ('' when not chosen). */
export interface LevelRow {
  id?: string;
  measure: string;
  unit: string;
  target: string;
  direction: string;
  /** The percentage of cases; empty for a level over the whole. */
  share: string;
  period: string;
}

/**
 * A service of a service agreement's catalogue as typed. The price is shaped like the API's (`price.model`,
 * `price.unitPriceCents`) so a field's path is the schema's; only the fields of the chosen model are sent.
 */
export interface ServiceRow {
  id?: string;
  name: string;
  description: string;
  levels: LevelRow[];
  price: {
    model: string;
    yearlyCents: string;
    baseYearlyCents: string;
    unit: string;
    unitPriceCents: string;
    quantity: string;
  };
}

export interface TermsValues {
  title: string;
  description: string;
  domain: string;
  startDate: string;
  endDate: string;
  noticePeriodMonths: string;
  valueCeilingCents: string;
  renewal: { options: string; monthsEach: string };
  parties: PartyRow[];
  productLines: LineRow[];
  duties: DutyRow[];
  kpis: KpiRow[];
  /** The service catalogue (service agreements only). */
  services: ServiceRow[];
}

export interface CreateValues extends TermsValues {
  kind: string;
  reference: string;
  /** The owning space: the user's own register, or a region it belongs to. */
  space: string;
}

/** The terms as the API takes them (create: everything; edit: compared with the stored terms first). */
export type TermsInput = Required<
  Pick<AgreementCreateInput, 'title' | 'domain' | 'startDate' | 'endDate'>
> & {
  description: string;
  noticePeriodMonths: number | null;
  valueCeilingCents: number | null;
  renewal: { options: number; monthsEach: number } | null;
  parties: NonNullable<AgreementCreateInput['parties']>;
  productLines: NonNullable<AgreementCreateInput['productLines']>;
  duties: NonNullable<AgreementCreateInput['duties']>;
  kpis: NonNullable<AgreementCreateInput['kpis']>;
  services: NonNullable<AgreementCreateInput['services']>;
};

/** How many rows a list takes (the schemas' maximums, read by the add buttons). */
export const MAX_ROWS = {
  parties: 10,
  productLines: 100,
  duties: 20,
  kpis: 20,
  services: MAX_SERVICES,
  levels: MAX_SERVICE_LEVELS,
} as const;

export const EMPTY_TERMS: TermsValues = {
  title: '',
  description: '',
  domain: '',
  startDate: '',
  endDate: '',
  noticePeriodMonths: '',
  valueCeilingCents: '',
  renewal: { options: '', monthsEach: '' },
  parties: [],
  productLines: [],
  duties: [],
  // The create form shows the indicator set too (SPEC §4.5): KPIs can be agreed from the start.
  kpis: [],
  services: [],
};

export function emptyCreateValues(space: string): CreateValues {
  return { ...EMPTY_TERMS, kind: '', reference: '', space };
}

export function newPartyRow(): PartyRow {
  return { organisationId: '', role: '' };
}

export function newLineRow(): LineRow {
  return {
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
  return { kind, title: '', frequency: '', dueDays: '', event: '', responseDays: '', dataSpec: [] };
}

export function newSpecFieldRow(): SpecFieldRow {
  return { key: '', label: '', unit: '', type: '', required: true };
}

export function newKpiRow(): KpiRow {
  return { name: '', unit: '', target: '', direction: '', frequency: '', level: '', source: '' };
}

/** A KPI source as the form's select holds it: `dutyId:fieldKey` (neither an id nor a key has a colon). */
export const sourceValue = (source: { dutyId: string; field: string } | undefined) =>
  source ? `${source.dutyId}:${source.field}` : '';

/** The select's value as the API's source; '' (entered by hand) is none. */
export function readSource(value: string): { dutyId: string; field: string } | undefined {
  const at = value.indexOf(':');
  return at < 0 ? undefined : { dutyId: value.slice(0, at), field: value.slice(at + 1) };
}

/**
 * A field key from its label, for a key left empty: lower case without accents, other characters as `_`, starting
 * with a letter (`veld_` before a digit), at most 40 (core's `DATA_FIELD_KEY`). `Cliënten in zorg` → `clienten_in_zorg`.
 */
export function specKey(label: string): string {
  const slug = label
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (slug === '') return '';
  return (/^[a-z]/.test(slug) ? slug : `veld_${slug}`).slice(0, 40).replace(/_+$/, '');
}

/** The KPI sources a KPI of this frequency may choose: each field of a saved periodic duty of that frequency. */
export function sourceOptions(
  duties: readonly DutyRow[],
  frequency: string,
): { value: string; duty: string; field: string }[] {
  return duties.flatMap((duty) =>
    duty.kind === 'periodic' && duty.id && frequency !== '' && duty.frequency === frequency
      ? duty.dataSpec
          .map((f) => ({ key: f.key.trim() || specKey(f.label), label: f.label.trim() }))
          .filter((f) => f.key !== '')
          .map((f) => ({
            value: sourceValue({ dutyId: duty.id!, field: f.key }),
            duty: duty.title.trim(),
            field: f.label || f.key,
          }))
      : [],
  );
}

export function newLevelRow(): LevelRow {
  return { measure: '', unit: '', target: '', direction: '', share: '', period: '' };
}

export function newServiceRow(): ServiceRow {
  return {
    name: '',
    description: '',
    levels: [newLevelRow()],
    price: { model: '', yearlyCents: '', baseYearlyCents: '', unit: '', unitPriceCents: '', quantity: '' },
  };
}

const amount = (cents: number | null | undefined, locale: AppLocale) =>
  cents === null || cents === undefined ? '' : formatAmount(cents, locale);
const count = (value: number | null | undefined) =>
  value === null || value === undefined ? '' : String(value);
/** A number for the form: `7.5` → `7,5` (nl). */
const decimalText = (value: number, locale: AppLocale) =>
  locale === 'nl-NL' ? String(value).replace('.', ',') : String(value);

/** The form's values for a stored agreement. */
export function valuesFromAgreement(a: InternalAgreement, locale: AppLocale): TermsValues {
  return {
    title: a.title,
    description: a.description,
    domain: a.domain,
    startDate: a.startDate,
    endDate: a.endDate,
    noticePeriodMonths: count(a.noticePeriodMonths),
    valueCeilingCents: amount(a.valueCeilingCents, locale),
    renewal: {
      options: a.renewal ? String(a.renewal.options) : '',
      monthsEach: a.renewal ? String(a.renewal.monthsEach) : '',
    },
    parties: a.parties.map((p) => ({ organisationId: p.organisationId, role: p.role })),
    productLines: a.productLines.map((line) => ({
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
      id: duty.id,
      kind: duty.kind,
      title: duty.title,
      frequency: duty.frequency ?? '',
      dueDays: count(duty.dueDays),
      event: duty.event ?? '',
      responseDays: count(duty.responseDays),
      dataSpec: (duty.dataSpec ?? []).map((field) => ({
        key: field.key,
        label: field.label,
        unit: field.unit ?? '',
        type: field.type,
        required: field.required,
      })),
    })),
    kpis: (a.kpis ?? []).map((kpi) => ({
      id: kpi.id,
      name: kpi.name,
      unit: kpi.unit,
      target: decimalText(kpi.target, locale),
      direction: kpi.direction,
      frequency: kpi.frequency,
      level: kpi.level ?? '',
      source: sourceValue(kpi.source),
    })),
    services: (a.services ?? []).map((service) => ({
      id: service.id,
      name: service.name,
      description: service.description ?? '',
      levels: service.levels.map((level) => ({
        id: level.id,
        measure: level.measure,
        unit: level.unit,
        target: decimalText(level.target, locale),
        direction: level.direction,
        share: level.share === undefined ? '' : decimalText(level.share, locale),
        period: level.period,
      })),
      price: {
        model: service.price.model,
        yearlyCents: service.price.model === 'fixed' ? amount(service.price.yearlyCents, locale) : '',
        baseYearlyCents:
          service.price.model === 'basePlusUnit' ? amount(service.price.baseYearlyCents, locale) : '',
        unit: service.price.model === 'fixed' ? '' : service.price.unit,
        unitPriceCents: service.price.model === 'fixed' ? '' : amount(service.price.unitPriceCents, locale),
        quantity:
          service.price.model === 'fixed' || service.price.quantity === undefined
            ? ''
            : decimalText(service.price.quantity, locale),
      },
    })),
  };
}

/** The price fields a model has (after `model` itself), in the order the form shows them. */
export function priceFields(model: string): string[] {
  if (model === 'fixed') return ['yearlyCents'];
  if (model === 'perUnit') return ['unit', 'unitPriceCents', 'quantity'];
  if (model === 'basePlusUnit') return ['baseYearlyCents', 'unit', 'unitPriceCents', 'quantity'];
  return [];
}

export const LEVEL_FIELDS = ['measure', 'unit', 'target', 'direction', 'share', 'period'] as const;

/** The fields a duty row shows, by its kind. */
export function dutyFields(kind: DutyKind): string[] {
  return kind === 'periodic' ? ['title', 'frequency', 'dueDays'] : ['title', 'event', 'responseDays'];
}

/** The inputs of one data specification field, in the order the form shows them. */
export const SPEC_FIELDS = ['label', 'key', 'unit', 'type', 'required'] as const;

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
    ...values.duties.flatMap((duty, i) => [
      ...dutyFields(duty.kind).map((f) => `duties.${i}.${f}`),
      ...(duty.kind === 'periodic'
        ? [
            `duties.${i}.dataSpec`,
            ...(duty.dataSpec ?? []).flatMap((_, j) =>
              SPEC_FIELDS.map((f) => `duties.${i}.dataSpec.${j}.${f}`),
            ),
          ]
        : []),
    ]),
    'kpis',
    ...values.kpis.flatMap((_, i) =>
      ['name', 'unit', 'target', 'direction', 'frequency', 'level', 'source'].map((f) => `kpis.${i}.${f}`),
    ),
    'services',
    ...(values.services ?? []).flatMap((service, i) => [
      `services.${i}.name`,
      `services.${i}.description`,
      `services.${i}.levels`,
      ...service.levels.flatMap((_, j) => LEVEL_FIELDS.map((f) => `services.${i}.levels.${j}.${f}`)),
      `services.${i}.price.model`,
      ...priceFields(service.price.model).map((f) => `services.${i}.price.${f}`),
    ]),
  ];
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
  // The whole catalogue, with the ids of the services and levels that stay (reports name them).
  if (!same(terms.services, current.services ?? [])) patch.services = terms.services;
  return patch;
}
