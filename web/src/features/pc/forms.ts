import {
  ID_PATTERN,
  INDICATOR_DIRECTIONS,
  INDICATOR_TYPES,
  LEGAL_FORMS,
  type PcView,
  pcSetFinancialsSchema,
  pcSetIndicatorsSchema,
  pcSetProfileSchema,
} from '@regie/core/browser';
import { formSchema, issueReason, optionalText, type SchemaIssue } from '../../lib/form-schema';
import { type AppLocale, formatAmount, formatNumber, parseDecimal, readCents } from '../../lib/format';

/**
 * The three forms with which the region edits what the paragraaf verbonden partijen and the indicator set need
 * (issue 16 point 5): the indicator set (`pc.setIndicators`), the verbonden-partij profile (`pc.setProfile`) and
 * a year's figures (`pc.setFinancials`). Each reads what people type into the API's input and is checked with
 * core's own schema; issues are keys under `pc.errors`. Pure: the mapping is unit-tested in model.test.ts.
 */

const E = 'pc.errors';

// ---- indicator set ----

export interface IndicatorFormRow {
  /** The stored id; empty for a row added in the form (an id is made from the name when saving). */
  id: string;
  name: string;
  type: string;
  unit: string;
  direction: string;
  baselineValue: string;
  baselineYear: string;
  description: string;
}
export interface IndicatorsValues {
  indicators: IndicatorFormRow[];
}
export const INDICATOR_ROW_FIELDS = [
  'name',
  'type',
  'unit',
  'direction',
  'baselineValue',
  'baselineYear',
  'description',
] as const;

export const newIndicatorRow = (): IndicatorFormRow => ({
  id: '',
  name: '',
  type: 'output',
  unit: '',
  direction: 'higher_is_better',
  baselineValue: '',
  baselineYear: '',
  description: '',
});

export function indicatorsDefaults(view: Pick<PcView, 'indicators'>, locale: AppLocale): IndicatorsValues {
  const rows = view.indicators.map((i) => ({
    id: i.id,
    name: i.name,
    type: i.type,
    unit: i.unit,
    direction: i.direction,
    baselineValue: i.baseline ? formatNumber(i.baseline.value, locale).replace(/[\u00a0\u202f]/g, '') : '',
    baselineYear: i.baseline ? String(i.baseline.year) : '',
    description: i.description ?? '',
  }));
  return { indicators: rows.length > 0 ? rows : [newIndicatorRow()] };
}

/** An id for a new indicator from its name (`Uitstroom naar werk` → `ind-uitstroom-naar-werk`), not yet taken. */
export function indicatorIdFor(name: string, taken: ReadonlySet<string>): string {
  const slug = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^0-9a-z]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 30)
    .replace(/-+$/, '');
  const base = slug === '' ? 'ind' : `ind-${slug}`;
  if (!taken.has(base) && ID_PATTERN.test(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** A number as typed in the user's language; text that is not one goes to the schema as it came (it refuses it). */
const readNumber = (text: string, locale: AppLocale): number | string | undefined => {
  if (text.trim() === '') return undefined;
  return parseDecimal(text, locale) ?? text;
};
const readYear = (text: string): number | string | undefined => {
  const t = text.trim();
  if (t === '') return undefined;
  return /^\d{1,6}$/.test(t) ? Number(t) : t;
};

/** The API input's path of an indicator → the form's field (`indicators.0.baseline.year` → `…baselineYear`). */
export function indicatorField(path: string): string {
  return path
    .replace(/^(indicators\.\d+)\.baseline\.value$/, '$1.baselineValue')
    .replace(/^(indicators\.\d+)\.baseline\.year$/, '$1.baselineYear')
    .replace(/^(indicators\.\d+)\.baseline$/, '$1.baselineValue');
}

const INDICATOR_KEYS: Record<(typeof INDICATOR_ROW_FIELDS)[number] | 'id', string> = {
  id: `${E}.name`,
  name: `${E}.name`,
  type: `${E}.type`,
  unit: `${E}.unit`,
  direction: `${E}.direction`,
  baselineValue: `${E}.baselineValue`,
  baselineYear: `${E}.baselineYear`,
  description: `${E}.description`,
};

function explainIndicator(issue: SchemaIssue, field: string) {
  const reason = issueReason(issue);
  if (reason === 'pc.baselineRequired') return { field, key: `${E}.baselineRequired` };
  if (field === 'indicators') return { field, key: `${E}.indicatorCount` };
  const row = /^indicators\.\d+\.(\w+)$/.exec(field);
  const key = row ? INDICATOR_KEYS[row[1] as keyof typeof INDICATOR_KEYS] : undefined;
  if (!row || !key) return { field: 'root', key: `${E}.rejected` };
  // A new row's id comes from its name: an issue with the id is said at the name.
  return { field: field.replace(/\.id$/, '.name'), key };
}

type SetTarget = { agreementId: string; expectedVersion: number };

/** The whole set replaces the stored one: rows in the order shown, a new row's id made from its name. */
export const indicatorsSchema = (target: SetTarget, locale: AppLocale) =>
  formSchema({
    schema: pcSetIndicatorsSchema,
    read: (v: IndicatorsValues) => {
      const taken = new Set(v.indicators.map((r) => r.id).filter((id) => id !== ''));
      const indicators = v.indicators.map((r) => {
        let id = r.id;
        if (id === '') {
          id = indicatorIdFor(r.name, taken);
          taken.add(id);
        }
        const baselineValue = readNumber(r.baselineValue, locale);
        const baselineYear = readYear(r.baselineYear);
        const description = optionalText(r.description);
        return {
          id,
          name: r.name.trim(),
          type: r.type,
          unit: r.unit.trim(),
          direction: r.direction,
          ...(baselineValue === undefined && baselineYear === undefined
            ? {}
            : { baseline: { value: baselineValue ?? '', year: baselineYear ?? '' } }),
          ...(description ? { description } : {}),
        };
      });
      return { input: { ...target, indicators }, rename: indicatorField };
    },
    explain: explainIndicator,
  });

// ---- verbonden-partij profile ----

export interface ProfileValues {
  legalForm: string;
  publicInterest: string;
  governanceInterest: string;
  shareMemberRows: boolean;
}
export const PROFILE_FIELDS = [
  'legalForm',
  'publicInterest',
  'governanceInterest',
  'shareMemberRows',
] as const;

export function profileDefaults(view: Pick<PcView, 'profile'>): ProfileValues {
  return {
    legalForm: view.profile?.legalForm ?? 'gemeenschappelijke_regeling',
    publicInterest: view.profile?.publicInterest ?? '',
    governanceInterest: view.profile?.governanceInterest ?? '',
    shareMemberRows: view.profile?.shareMemberRows ?? false,
  };
}

export const profileField = (path: string) => path.replace(/^profile\./, '');

export const profileSchema = (target: SetTarget) =>
  formSchema({
    schema: pcSetProfileSchema,
    read: (v: ProfileValues) => ({
      input: {
        ...target,
        profile: {
          legalForm: v.legalForm,
          publicInterest: v.publicInterest.trim(),
          governanceInterest: v.governanceInterest.trim(),
          shareMemberRows: v.shareMemberRows,
        },
      },
      rename: profileField,
    }),
    explain: (_issue, field) =>
      (PROFILE_FIELDS as readonly string[]).includes(field)
        ? { field, key: `${E}.${field}` }
        : { field: 'root', key: `${E}.rejected` },
  });

// ---- a year's figures ----

export interface InterestFormRow {
  member: string;
  start: string;
  end: string;
}
export interface FinancialsValues {
  equityStart: string;
  equityEnd: string;
  debtStart: string;
  debtEnd: string;
  result: string;
  uncoveredRisks: string;
  /** `provisional` or `definitive`. */
  status: string;
  interests: InterestFormRow[];
}
export const MONEY_FIELDS = ['equityStart', 'equityEnd', 'debtStart', 'debtEnd', 'result'] as const;
export const FINANCIALS_FIELDS = [...MONEY_FIELDS, 'uncoveredRisks', 'status'] as const;

const amount = (cents: number | undefined, locale: AppLocale) =>
  cents === undefined ? '' : formatAmount(cents, locale).replace(/[\u00a0\u202f]/g, '');

export function financialsDefaults(
  view: Pick<PcView, 'financials' | 'members'>,
  locale: AppLocale,
): FinancialsValues {
  const f = view.financials;
  return {
    equityStart: amount(f?.equityStartCents, locale),
    equityEnd: amount(f?.equityEndCents, locale),
    debtStart: amount(f?.debtStartCents, locale),
    debtEnd: amount(f?.debtEndCents, locale),
    result: amount(f?.resultCents, locale),
    uncoveredRisks: f?.uncoveredRisks ?? '',
    status: f ? (f.provisional ? 'provisional' : 'definitive') : '',
    interests: view.members.map((m) => {
      const entered = f?.interests.find((i) => i.member === m.space);
      return {
        member: m.space,
        start: amount(entered?.startCents, locale),
        end: amount(entered?.endCents, locale),
      };
    }),
  };
}

const API_MONEY: Record<string, (typeof MONEY_FIELDS)[number]> = {
  equityStartCents: 'equityStart',
  equityEndCents: 'equityEnd',
  debtStartCents: 'debtStart',
  debtEndCents: 'debtEnd',
  resultCents: 'result',
};

/**
 * The API input's path → the form's field, given which form rows of interests were sent (a member with both
 * amounts empty is left out: its interest is then its share of the equity).
 */
export function financialsField(path: string, sentRows: readonly number[]): string {
  const p = path.replace(/^financials\./, '');
  if (API_MONEY[p]) return API_MONEY[p];
  if (p === 'provisional') return 'status';
  const interest = /^interests\.(\d+)\.(startCents|endCents|member)$/.exec(p);
  if (interest) {
    const row = sentRows[Number(interest[1])];
    const part = interest[2] === 'endCents' ? 'end' : 'start';
    return row === undefined ? 'root' : `interests.${row}.${part}`;
  }
  return p;
}

type YearTarget = { agreementId: string; year: number; expectedVersion: number };

export const financialsSchema = (target: YearTarget, locale: AppLocale) =>
  formSchema({
    schema: pcSetFinancialsSchema,
    read: (v: FinancialsValues) => {
      const sentRows: number[] = [];
      const interests: { member: string; startCents: unknown; endCents: unknown }[] = [];
      v.interests.forEach((r, i) => {
        if (r.start.trim() === '' && r.end.trim() === '') return;
        sentRows.push(i);
        interests.push({
          member: r.member,
          startCents: readCents(r.start, locale) ?? '',
          endCents: readCents(r.end, locale) ?? '',
        });
      });
      const money = (text: string) => readCents(text, locale) ?? '';
      const input = {
        ...target,
        financials: {
          equityStartCents: money(v.equityStart),
          equityEndCents: money(v.equityEnd),
          debtStartCents: money(v.debtStart),
          debtEndCents: money(v.debtEnd),
          resultCents: money(v.result),
          uncoveredRisks: v.uncoveredRisks.trim(),
          provisional: v.status === 'provisional' ? true : v.status === 'definitive' ? false : '',
          interests,
        },
      };
      return { input, rename: (path: string) => financialsField(path, sentRows) };
    },
    explain: (_issue, field) => {
      if ((MONEY_FIELDS as readonly string[]).includes(field)) return { field, key: `${E}.amount` };
      if (/^interests\.\d+\.(start|end)$/.test(field)) return { field, key: `${E}.amount` };
      if (field === 'uncoveredRisks' || field === 'status') return { field, key: `${E}.${field}` };
      return { field: 'root', key: `${E}.rejected` };
    },
  });

export { INDICATOR_DIRECTIONS, INDICATOR_TYPES, LEGAL_FORMS };
