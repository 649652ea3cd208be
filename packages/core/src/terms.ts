import * as z from 'zod/mini';
import { DomainError, type ParamValue, type Reason } from './errors.ts';
/**
 * Product lines of social-domain contracts (SPEC §3.1, DOMAIN.md §c, iStandaarden iJw/iWmo).
 * - execution variant (uitvoeringsvariant, UP028): effort = inspanningsgericht, output = outputgericht,
 *   task = taakgericht (a lump sum for a population, no per-client volume)
 * - unit: codelist WJ756 (01 minuut, 04 uur, 14 etmaal, 16 dagdeel, 82/84 stuks, 83 euro's)
 * - frequency: codelist WMO757 (1 per dag, 2 per week, 4 per maand, 6 totaal binnen geldigheidsduur)
 */
import { EXECUTION_VARIANTS, FREQUENCIES, PARTY_ROLES, type PartyRole, UNITS } from './lists.ts';
import { cents, idSchema, text } from './schema.ts';

export { EXECUTION_VARIANTS, FREQUENCIES, PARTY_ROLES, type PartyRole, UNITS };

/** WJ756 code per unit; `piece` is 82 for output and 84 for effort. */
export function unitCode(unit: (typeof UNITS)[number], variant: (typeof EXECUTION_VARIANTS)[number]): string {
  return {
    minute: '01',
    hour: '04',
    etmaal: '14',
    dagdeel: '16',
    euro: '83',
    piece: variant === 'output' ? '82' : '84',
  }[unit];
}

export const productLineSchema = z.strictObject({
  id: z.optional(idSchema()),
  /** Jeugdwet product categories 31–50, Wmo 01–18. */
  category: z.string().check(z.regex(/^\d{2}$/, 'Category is two digits')),
  productCode: z.string().check(z.regex(/^[A-Za-z0-9]{1,10}$/, 'Product code is 1–10 letters or digits')),
  description: z.optional(text(200)),
  variant: z.enum(EXECUTION_VARIANTS),
  unit: z.optional(z.enum(UNITS)),
  frequency: z.optional(z.enum(FREQUENCIES)),
  tariffCents: z.optional(cents()),
  volumeCeiling: z.optional(z.int().check(z.gte(0), z.lte(100_000_000))),
  moneyCeilingCents: z.optional(cents()),
  /** task: the pre-agreed total amount for the population. */
  lumpSumCents: z.optional(cents()),
  population: z.optional(text(200)),
});
export type ProductLineInput = z.infer<typeof productLineSchema>;
export type ProductLine = ProductLineInput & { id: string };

export const partyInputSchema = z.strictObject({ organisationId: idSchema(), role: z.enum(PARTY_ROLES) });
export type PartyInput = z.infer<typeof partyInputSchema>;

/** A party as stored: the organisation's facts are copied at the time it was added. */
export interface Party {
  organisationId: string;
  role: PartyRole;
  name: string;
  kind: 'provider' | 'joint_body';
  kvkNumber: string;
  /** The provider's own space, where its party view of the agreement is projected. */
  providerSpace: string | null;
}

export const renewalSchema = z.strictObject({
  options: z.int().check(z.gte(0), z.lte(10)),
  monthsEach: z.int().check(z.gte(1), z.lte(120)),
});
export interface Renewal {
  options: number;
  monthsEach: number;
  used: number;
}

export interface TermsIssue {
  path: string;
  /** The stable key (see errors.ts) and its parameters; the message is English, for logs. */
  reason: Reason;
  params: Record<string, ParamValue>;
  message: string;
}

const FIELD_REQUIRED = {
  unit: 'productLine.unitRequired',
  frequency: 'productLine.frequencyRequired',
  tariffCents: 'productLine.tariffRequired',
} as const satisfies Record<string, Reason>;

const CATEGORY_RANGE: Record<string, [number, number]> = { youth: [31, 50], wmo: [1, 18] };

/** Rules across fields that a schema alone cannot state; returns every issue with its field path. */
export function checkProductLines(
  kind: string,
  domain: string,
  lines: readonly ProductLineInput[],
): TermsIssue[] {
  const issues: TermsIssue[] = [];
  if (lines.length === 0) return issues;
  const range = CATEGORY_RANGE[domain];
  if (kind !== 'contract' || !range) {
    return [
      {
        path: 'productLines',
        reason: 'productLine.notAllowed',
        params: {},
        message: 'Product lines belong to youth (Jeugdwet) or Wmo contracts',
      },
    ];
  }
  const codes = new Set<string>();
  lines.forEach((line, i) => {
    const at = (field: string) => `productLines.${i}.${field}`;
    const category = Number(line.category);
    if (category < range[0] || category > range[1]) {
      issues.push({
        path: at('category'),
        reason: 'productLine.categoryRange',
        params: {
          category: line.category,
          from: String(range[0]).padStart(2, '0'),
          to: String(range[1]).padStart(2, '0'),
        },
        message: `Category ${line.category} is not a ${domain === 'youth' ? 'Jeugdwet (31–50)' : 'Wmo (01–18)'} category`,
      });
    }
    // A code typed twice in different case (`45a12`, `45A12`) is the same product.
    const code = line.productCode.toUpperCase();
    if (codes.has(code))
      issues.push({
        path: at('productCode'),
        reason: 'productLine.codeDuplicate',
        params: { productCode: line.productCode },
        message: `Product code ${line.productCode} appears twice`,
      });
    codes.add(code);
    if (line.variant === 'task') {
      if (line.lumpSumCents === undefined)
        issues.push({
          path: at('lumpSumCents'),
          reason: 'productLine.lumpSumRequired',
          params: {},
          message: 'A task-based line needs its lump sum',
        });
      for (const field of ['volumeCeiling', 'unit', 'frequency', 'tariffCents'] as const) {
        if (line[field] !== undefined) {
          issues.push({
            path: at(field),
            reason: 'productLine.taskHasNoTariff',
            params: {},
            message: 'A task-based line has no per-client volume, unit, frequency or tariff',
          });
        }
      }
    } else {
      for (const field of ['unit', 'frequency', 'tariffCents'] as const) {
        if (line[field] === undefined)
          issues.push({
            path: at(field),
            reason: FIELD_REQUIRED[field],
            params: { variant: line.variant },
            message: `An ${line.variant}-based line needs its ${field}`,
          });
      }
      if (line.lumpSumCents !== undefined)
        issues.push({
          path: at('lumpSumCents'),
          reason: 'productLine.lumpSumOnlyTask',
          params: {},
          message: 'Only task-based lines have a lump sum',
        });
    }
  });
  return issues;
}

/** Adds calendar months, clamping to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** SPEC §3.1: renewal uses an option and moves the end date; past the last option it is refused. */
export function renew(endDate: string, renewal: Renewal | null): { endDate: string; renewal: Renewal } {
  if (!renewal || renewal.options === 0)
    throw new DomainError('BAD_REQUEST', 'renewal.none', {
      field: 'renewal',
      message: 'This agreement has no renewal options',
    });
  if (renewal.used >= renewal.options) {
    throw new DomainError('BAD_REQUEST', 'renewal.noOptionLeft', {
      params: { used: renewal.used, options: renewal.options },
      field: 'renewal',
      message: `No renewal option left (${renewal.used} of ${renewal.options} used)`,
    });
  }
  return { endDate: addMonths(endDate, renewal.monthsEach), renewal: { ...renewal, used: renewal.used + 1 } };
}

/** The date by which notice must be given: end date minus the notice period. */
export function noticeDate(endDate: string, noticePeriodMonths: number | null): string | null {
  return noticePeriodMonths === null ? null : addMonths(endDate, -noticePeriodMonths);
}
