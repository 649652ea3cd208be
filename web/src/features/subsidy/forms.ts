import {
  regulationCreateInput,
  type SettlementGround,
  subsidyAdvanceInput,
  subsidyApplicationInput,
  subsidyGrantInput,
  subsidySettleInput,
} from '@regie/core/browser';
import { byPath, type FormIssue, formSchema } from '../../lib/form-schema';
import { type AppLocale, formatAmount, formatMoney, parseMoneyToCents } from '../../lib/format';
import type { SubsidyView } from './model';

/**
 * The subsidy forms (SPEC §3.2) as people fill them in, read into the API's inputs and checked with the API's
 * own schemas (`@regie/core/browser`). Issues are i18n keys under `subsidy.*.errors`.
 */

const E = 'subsidy.section.errors';
const R = 'subsidy.regulations.errors';

/** An amount typed in euros → cents; unreadable text is an issue at `field`, empty is left to the schema. */
function money(value: string, locale: AppLocale, field: string, key: string, issues: FormIssue[]) {
  const parsed = parseMoneyToCents(value, locale);
  if (!parsed.ok) {
    issues.push({ field, key });
    return undefined;
  }
  return parsed.cents ?? undefined;
}

/** A whole number typed as text (a year, weeks); empty → `empty`, anything else not a number → an issue. */
function whole<T>(value: string, empty: T, field: string, key: string, issues: FormIssue[]): number | T {
  const text = value.trim();
  if (text === '') return empty;
  if (/^\d{1,6}$/.test(text)) return Number(text);
  issues.push({ field, key });
  return empty;
}

/** The agreement and the version a decision is taken on. */
const target = (view: Pick<SubsidyView, 'agreementId' | 'version'>) => ({
  agreementId: view.agreementId,
  expectedVersion: view.version,
});

// ---- application ----

export interface ApplicationValues {
  regulationId: string;
  applicationDate: string;
  requested: string;
  bookYear: string;
}

export function applicationDefaults(
  view: Pick<SubsidyView, 'record'>,
  valueCeilingCents: number | null,
  locale: AppLocale,
): ApplicationValues {
  const record = view.record;
  const cents = record?.requestedCents ?? valueCeilingCents;
  return {
    regulationId: record?.regulationId ?? '',
    applicationDate: record?.applicationDate ?? '',
    requested: cents ? formatAmount(cents, locale) : '',
    bookYear: record?.bookYear ? String(record.bookYear) : '',
  };
}

export const applicationSchema = (view: Pick<SubsidyView, 'agreementId' | 'version'>, locale: AppLocale) =>
  formSchema({
    schema: subsidyApplicationInput,
    read: (v: ApplicationValues) => {
      const issues: FormIssue[] = [];
      const input = {
        ...target(view),
        regulationId: v.regulationId,
        applicationDate: v.applicationDate,
        requestedCents: money(v.requested, locale, 'requested', `${E}.amount`, issues),
        bookYear: whole(v.bookYear, null, 'bookYear', `${E}.bookYear`, issues),
      };
      return { input, issues };
    },
    explain: byPath(
      {
        regulationId: ['regulationId', `${E}.regulation`],
        applicationDate: ['applicationDate', `${E}.date`],
        requestedCents: ['requested', `${E}.amount`],
        bookYear: ['bookYear', `${E}.bookYear`],
      },
      `${E}.failed`,
    ),
  });

// ---- grant ----

export interface GrantValues {
  amount: string;
  settlementDue: string;
  acceptLate: boolean;
  motivation: string;
  settleAtGrant: boolean;
}

export const grantDefaults = (view: SubsidyView, locale: AppLocale): GrantValues => ({
  amount: formatAmount(view.record?.requestedCents ?? 0, locale),
  settlementDue: '',
  acceptLate: false,
  motivation: '',
  settleAtGrant: false,
});

export const grantSchema = (view: SubsidyView, locale: AppLocale) =>
  formSchema({
    schema: subsidyGrantInput,
    read: (v: GrantValues) => {
      const issues: FormIssue[] = [];
      const late = view.application?.late === true && v.acceptLate;
      const input = {
        ...target(view),
        amountCents: money(v.amount, locale, 'amount', `${E}.amount`, issues),
        ...(v.settlementDue ? { settlementDueDate: v.settlementDue } : {}),
        // Accepting a late application needs its motivation: an empty one is refused by the schema.
        ...(late ? { acceptLateApplication: true, lateMotivation: v.motivation.trim() } : {}),
        ...(v.settleAtGrant ? { settleAtGrant: true } : {}),
      };
      return { input, issues };
    },
    explain: byPath(
      {
        amountCents: ['amount', `${E}.amount`],
        settlementDueDate: ['settlementDue', `${E}.date`],
        lateMotivation: ['motivation', `${E}.motivation`],
      },
      `${E}.failed`,
    ),
  });

/**
 * A cut of a subsidy the recipient has had for three years or more (Awb 4:51) asks for a phase-out warning: the
 * amount typed when it is such a cut, else null.
 */
export function cutsLongSubsidy(view: SubsidyView, amount: string, locale: AppLocale): number | null {
  const parsed = parseMoneyToCents(amount, locale);
  const cents = parsed.ok ? parsed.cents : null;
  const { consecutiveYears, previousAnnualCents } = view.phaseOut;
  if (cents === null || cents <= 0 || consecutiveYears < 3 || previousAnnualCents === null) return null;
  return cents < previousAnnualCents ? cents : null;
}

// ---- settlement ----

export interface SettleValues {
  amount: string;
  ground: SettlementGround | '';
  motivation: string;
}

export const settleDefaults = (grantedCents: number, locale: AppLocale): SettleValues => ({
  amount: formatAmount(grantedCents, locale),
  ground: '',
  motivation: '',
});

export const settleSchema = (view: SubsidyView, locale: AppLocale) =>
  formSchema({
    schema: subsidySettleInput,
    read: (v: SettleValues) => {
      const issues: FormIssue[] = [];
      const input = {
        ...target(view),
        // A settlement of nothing is possible (the activities did not take place).
        amountCents: money(v.amount, locale, 'amount', `${E}.amount`, issues),
        exOfficio: view.status === 'granted',
        ...(v.ground ? { ground: v.ground } : {}),
        ...(v.motivation.trim() ? { motivation: v.motivation.trim() } : {}),
      };
      return { input, issues };
    },
    explain: byPath(
      {
        amountCents: ['amount', `${E}.amount`],
        ground: ['ground', `${E}.failed`],
        motivation: ['motivation', `${E}.failed`],
      },
      `${E}.failed`,
    ),
  });

// ---- advance ----

export interface AdvanceValues {
  date: string;
  amount: string;
  note: string;
}

export const advanceDefaults = (today = new Date()): AdvanceValues => ({
  date: today.toISOString().slice(0, 10),
  amount: '',
  note: '',
});

export const advanceSchema = (view: SubsidyView, locale: AppLocale) =>
  formSchema({
    schema: subsidyAdvanceInput,
    read: (v: AdvanceValues) => {
      const issues: FormIssue[] = [];
      const amountCents = money(v.amount, locale, 'amount', `${E}.amount`, issues);
      // What is left is the server's own figure for this subsidy: said at the field before sending.
      if (amountCents !== undefined && view.advanceLeftCents !== null && amountCents > view.advanceLeftCents)
        issues.push({ field: 'amount', key: `${E}.advanceOver` });
      const input = {
        ...target(view),
        date: v.date,
        amountCents,
        ...(v.note.trim() ? { note: v.note.trim() } : {}),
      };
      return { input, issues };
    },
    explain: byPath(
      {
        date: ['date', `${E}.date`],
        amountCents: ['amount', `${E}.amount`],
        note: ['note', `${E}.failed`],
      },
      `${E}.failed`,
    ),
  });

/** The parameters the advance's texts take. */
export const advanceParams = (view: SubsidyView, locale: AppLocale) => ({
  left: formatMoney(view.advanceLeftCents ?? 0, locale),
});

// ---- regulation ----

export interface RegulationValues {
  name: string;
  legalBasis: string;
  budgetYear: string;
  ceiling: string;
  publishedOn: string;
  decisionWeeks: string;
  settlementWeeks: string;
  exOfficioUpTo: string;
}

export const REGULATION_FIELDS: (keyof RegulationValues)[] = [
  'name',
  'legalBasis',
  'budgetYear',
  'ceiling',
  'publishedOn',
  'decisionWeeks',
  'settlementWeeks',
  'exOfficioUpTo',
];

export const regulationDefaults = (year: number): RegulationValues => ({
  name: '',
  legalBasis: '',
  budgetYear: String(year),
  ceiling: '',
  publishedOn: '',
  decisionWeeks: '',
  settlementWeeks: '13',
  exOfficioUpTo: '',
});

export const regulationSchema = (locale: AppLocale) =>
  formSchema({
    schema: regulationCreateInput,
    read: (v: RegulationValues) => {
      const issues: FormIssue[] = [];
      const decisionWeeks = whole(v.decisionWeeks, undefined, 'decisionWeeks', `${R}.weeks`, issues);
      const settlementWeeks = whole(v.settlementWeeks, undefined, 'settlementWeeks', `${R}.weeks`, issues);
      const exOfficio = money(v.exOfficioUpTo, locale, 'exOfficioUpTo', `${R}.amount`, issues);
      const input = {
        name: v.name.trim(),
        legalBasis: v.legalBasis.trim(),
        budgetYear: whole(v.budgetYear, undefined, 'budgetYear', `${R}.budgetYear`, issues),
        // No ceiling is a choice (null), not a missing field.
        ceilingCents: money(v.ceiling, locale, 'ceiling', `${R}.amount`, issues) ?? null,
        ...(v.publishedOn ? { ceilingPublishedOn: v.publishedOn } : {}),
        ...(decisionWeeks !== undefined ? { decisionWeeks } : {}),
        ...(settlementWeeks !== undefined ? { settlementWeeks } : {}),
        ...(exOfficio !== undefined ? { exOfficioUpToCents: exOfficio } : {}),
      };
      return { input, issues };
    },
    explain: byPath(
      {
        name: ['name', `${R}.name`],
        legalBasis: ['legalBasis', `${R}.legalBasis`],
        budgetYear: ['budgetYear', `${R}.budgetYear`],
        ceilingCents: ['ceiling', `${R}.amount`],
        ceilingPublishedOn: ['publishedOn', `${R}.date`],
        decisionWeeks: ['decisionWeeks', `${R}.weeks`],
        settlementWeeks: ['settlementWeeks', `${R}.weeks`],
        exOfficioUpToCents: ['exOfficioUpTo', `${R}.amount`],
      },
      `${R}.failed`,
    ),
  });
