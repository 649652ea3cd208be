import type { AppRouter } from '@regie/api';
import type { inferInput, inferOutput, TRPCOptionsProxy } from '@trpc/tanstack-react-query';
import type { Me } from '../../lib/agreements/model';
import { type AppLocale, isIsoDate, parseMoneyToCents } from '../../lib/format';

type Api = TRPCOptionsProxy<AppRouter>;

export type Regulation = inferOutput<Api['subsidy']['regulation']>;
export type SubsidyView = inferOutput<Api['subsidy']['get']>;
export type RegulationInput = inferInput<Api['subsidy']['createRegulation']>;

export const SETTLEMENT_GROUNDS = [
  'not_carried_out',
  'obligations_not_met',
  'incorrect_information',
  'knew_incorrect',
] as const;
export type SettlementGround = (typeof SETTLEMENT_GROUNDS)[number];

/** Who may record applications, grant, settle and create regulations (the server checks again). */
export function canDecide(me: Pick<Me, 'roles'> | undefined): boolean {
  return me?.roles.some((role) => role === 'inkoper' || role === 'contractmanager') ?? false;
}

/** The share of the ceiling granted, in basis points (0–10,000); null without a ceiling. */
export function ceilingUse(r: Pick<Regulation, 'ceilingCents' | 'grantedCents'>): number | null {
  if (r.ceilingCents === null) return null;
  if (r.ceilingCents === 0) return 10_000;
  return Math.min(10_000, Math.floor((r.grantedCents * 10_000) / r.ceilingCents));
}

export interface RegulationFormValues {
  name: string;
  legalBasis: string;
  budgetYear: string;
  ceiling: string;
  publishedOn: string;
  decisionWeeks: string;
  settlementWeeks: string;
  exOfficioUpTo: string;
}

export type RegulationField = keyof RegulationFormValues;
type ErrorKey = 'name' | 'legalBasis' | 'budgetYear' | 'amount' | 'date' | 'weeks';

export const emptyRegulationForm = (year: number): RegulationFormValues => ({
  name: '',
  legalBasis: '',
  budgetYear: String(year),
  ceiling: '',
  publishedOn: '',
  decisionWeeks: '',
  settlementWeeks: '13',
  exOfficioUpTo: '',
});

function weeks(value: string, min: number, max: number): number | null | 'invalid' {
  if (value.trim() === '') return null;
  if (!/^\d+$/.test(value.trim())) return 'invalid';
  const n = Number(value.trim());
  return n >= min && n <= max ? n : 'invalid';
}

/** The form → the API input, or the first error per field (as message keys of `subsidy.regulations.errors`). */
export function toRegulationInput(
  values: RegulationFormValues,
  locale: AppLocale,
): { ok: true; input: RegulationInput } | { ok: false; errors: Partial<Record<RegulationField, ErrorKey>> } {
  const errors: Partial<Record<RegulationField, ErrorKey>> = {};
  if (values.name.trim() === '') errors.name = 'name';
  if (values.legalBasis.trim() === '') errors.legalBasis = 'legalBasis';
  const year = Number(values.budgetYear);
  if (!/^\d{4}$/.test(values.budgetYear.trim()) || year < 2000 || year > 2100)
    errors.budgetYear = 'budgetYear';
  const ceiling = parseMoneyToCents(values.ceiling, locale);
  if (!ceiling.ok) errors.ceiling = 'amount';
  const exOfficio = parseMoneyToCents(values.exOfficioUpTo, locale);
  if (!exOfficio.ok) errors.exOfficioUpTo = 'amount';
  if (values.publishedOn !== '' && !isIsoDate(values.publishedOn)) errors.publishedOn = 'date';
  const decision = weeks(values.decisionWeeks, 1, 52);
  if (decision === 'invalid') errors.decisionWeeks = 'weeks';
  const settlement = weeks(values.settlementWeeks, 1, 104);
  if (settlement === 'invalid') errors.settlementWeeks = 'weeks';
  if (Object.keys(errors).length > 0 || !ceiling.ok || !exOfficio.ok) return { ok: false, errors };
  return {
    ok: true,
    input: {
      name: values.name.trim(),
      legalBasis: values.legalBasis.trim(),
      budgetYear: year,
      ceilingCents: ceiling.cents,
      ...(values.publishedOn ? { ceilingPublishedOn: values.publishedOn } : {}),
      ...(typeof decision === 'number' ? { decisionWeeks: decision } : {}),
      ...(typeof settlement === 'number' ? { settlementWeeks: settlement } : {}),
      ...(exOfficio.cents !== null ? { exOfficioUpToCents: exOfficio.cents } : {}),
    },
  };
}

/** An amount the user typed, required and at least one cent (or zero when `allowZero`). */
export function requiredCents(value: string, locale: AppLocale, allowZero = false): number | null {
  const parsed = parseMoneyToCents(value, locale);
  if (!parsed.ok || parsed.cents === null) return null;
  return parsed.cents > 0 || (allowZero && parsed.cents === 0) ? parsed.cents : null;
}
