import * as z from 'zod/mini';
import { type AllocationKey, splitCents } from './allocation.ts';
import { DomainError } from './errors.ts';
import { idSchema, text } from './schema.ts';
import {
  MAX_SERVICES,
  type Service,
  type ServicePriceUnit,
  serviceQuantitySchema,
  serviceYearlyPrice,
} from './services.ts';
import { SPACE_PATTERN } from './spaces.ts';
import { basisServiceId, TAKEUP_WRITE_ROLES, type TakeupModule, takeupVisible } from './takeup.ts';

/**
 * Usage-based settlement under a regional arrangement (issue 16 point 4). The region's coordinator records, per
 * member and month, the measured quantity of each module the member takes that is priced per unit
 * (workstations, licences …; P×Q with the catalogue's unit price). From the member's take-up (provisional) and
 * the measured usage (definitive) a settlement statement per member follows, to the cent:
 *
 * - **Month share.** A yearly amount Y (in cents) is split over the 12 months with the largest-remainder method
 *   of the allocation code (`splitCents`, ties to the earlier month): each month gets ⌊Y / 12⌋ and the first
 *   (Y mod 12) months one cent more, so the twelve months always add up to Y exactly.
 * - **Base** is the fixed part of the basis package (its base amount a year), **modules** the fixed parts of the
 *   plus modules (a fixed amount a year, or the base amount of a base-plus-unit module), **usage** the P×Q parts.
 *   Fixed parts count their month share in every settled month, provisional and definitive alike.
 * - **Usage, provisional:** the month share of the take-up's yearly P×Q (unit price × the member's quantity,
 *   rounded once, half up: `serviceYearlyPrice`). **Usage, definitive:** for units priced a year (workstation,
 *   user, licence) the month share of unit price × the month's measured quantity (the yearly P×Q at that month's
 *   level, rounded half up, then its month share); for units priced per occurrence (hour, case) unit price × the
 *   month's measured quantity, rounded half up.
 * - The statement covers the **settled months** (those with measured usage); its difference is definitive minus
 *   provisional (positive: the member pays extra; negative: it gets money back). Beside it the provisional
 *   yearly price of the take-up (`takeupYearlyPrice`).
 *
 * Who sees what: the region's own users every member's usage and statement; a member its own in full and of the
 * others only the region's totals (`usageVisible`, as for take-up).
 */

/** Who records usage: as for take-up, the region's own users with a write role. */
export const USAGE_WRITE_ROLES = TAKEUP_WRITE_ROLES;

/** Units priced per unit a year (their monthly usage costs a twelfth); the others are priced per occurrence. */
export const YEARLY_PRICE_UNITS: readonly ServicePriceUnit[] = ['workstation', 'user', 'licence'];

const period = () => z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Period is YYYY-MM'));
const member = () => z.string().check(z.regex(SPACE_PATTERN, 'Invalid space'));
const year = () => z.int().check(z.gte(2000), z.lte(2100));

export const usageQuantitySchema = z.strictObject({
  serviceId: idSchema(),
  quantity: serviceQuantitySchema(),
});
export type UsageQuantity = z.infer<typeof usageQuantitySchema>;

/** Records (expectedVersion 0) or corrects one member's measured usage of one month. */
export const usageSetSchema = z.strictObject({
  agreementId: idSchema(),
  member: member(),
  period: period(),
  expectedVersion: z.int().check(z.gte(0), z.lte(1_000_000)),
  quantities: z.array(usageQuantitySchema).check(z.minLength(1), z.maxLength(MAX_SERVICES)),
  note: z.optional(text(500)),
});
export type UsageSetInput = z.infer<typeof usageSetSchema>;

export const usageListSchema = z.strictObject({ agreementId: idSchema(), year: year() });
export const usageStatementSchema = z.strictObject({
  agreementId: idSchema(),
  member: member(),
  year: year(),
});

/** One member's usage of one month, as stored in the agreement's collection (`USAGE#<period>#<member>`). */
export interface UsageRecord {
  agreementId: string;
  member: string;
  period: string;
  version: number;
  quantities: UsageQuantity[];
  note?: string;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  updatedByName?: string;
}

/** Whether a service's price has a part per unit (so usage can be measured for it). */
const perUnit = (service: Pick<Service, 'price'>) => service.price.model !== 'fixed';

/**
 * Checks a month's quantities against the catalogue and the member's take-up: a member with take-up, each
 * service of the catalogue, taken by the member, priced per unit, appearing once, and every per-unit module the
 * member takes measured. Throws BAD_REQUEST with the first problem's reason.
 */
export function checkUsage(
  services: readonly Pick<Service, 'id' | 'price'>[],
  takeup: readonly TakeupModule[] | null,
  quantities: readonly UsageQuantity[],
): void {
  if (!takeup)
    throw new DomainError('BAD_REQUEST', 'usage.noTakeup', {
      field: 'member',
      message: 'The member has no take-up to measure usage of',
    });
  const byId = new Map(services.map((s) => [s.id, s]));
  const taken = new Set(takeup.map((m) => m.serviceId));
  const seen = new Set<string>();
  quantities.forEach((q, i) => {
    const field = `quantities.${i}`;
    const service = byId.get(q.serviceId);
    if (!service)
      throw new DomainError('BAD_REQUEST', 'takeup.unknownService', {
        field,
        params: { serviceId: q.serviceId },
        message: 'Not a service of this agreement',
      });
    if (!taken.has(q.serviceId))
      throw new DomainError('BAD_REQUEST', 'usage.moduleNotTaken', {
        field,
        params: { serviceId: q.serviceId },
        message: 'The member does not take this module',
      });
    if (seen.has(q.serviceId))
      throw new DomainError('BAD_REQUEST', 'takeup.moduleDuplicate', {
        field,
        params: { serviceId: q.serviceId },
        message: 'A module appears twice',
      });
    seen.add(q.serviceId);
    if (!perUnit(service))
      throw new DomainError('BAD_REQUEST', 'takeup.quantityNotPriced', {
        field,
        message: 'A fixed-price service takes no quantity',
      });
  });
  for (const m of takeup) {
    const service = byId.get(m.serviceId);
    if (service && perUnit(service) && !seen.has(m.serviceId))
      throw new DomainError('BAD_REQUEST', 'usage.quantityMissing', {
        field: 'quantities',
        params: { serviceId: m.serviceId },
        message: 'Every module priced per unit that the member takes needs its measured quantity',
      });
  }
}

/** Month `month` (1–12)'s share of a yearly amount: ⌊Y / 12⌋, plus one cent in the first (Y mod 12) months. */
export function monthShare(yearlyCents: number, month: number): number {
  const parts = splitCents(
    yearlyCents,
    Array.from({ length: 12 }, (_, i) => ({ space: String(i + 1), weight: 1n })),
  );
  return parts[month - 1]!.cents;
}

/** The month (1–12) of a period YYYY-MM. */
const monthOf = (p: string) => Number(p.slice(5, 7));

/** A service's fixed part a year: a fixed amount, or the base amount of a base-plus-unit price. */
function fixedYearly(service: Pick<Service, 'price'>): number {
  const price = service.price;
  return price.model === 'fixed'
    ? price.yearlyCents
    : price.model === 'basePlusUnit'
      ? price.baseYearlyCents
      : 0;
}

/** A service's P×Q part a year for a quantity, rounded once, half up (0 for a fixed price). */
function unitYearly(service: Pick<Service, 'price'>, quantity: number | undefined): number {
  if (!perUnit(service) || quantity === undefined) return 0;
  return (serviceYearlyPrice(service, quantity) ?? 0) - fixedYearly(service);
}

/** The usage part of one measured month of a module: see the file comment. */
function measuredMonth(service: Pick<Service, 'price'>, quantity: number, month: number): number {
  const price = service.price;
  if (price.model === 'fixed') return 0;
  if (YEARLY_PRICE_UNITS.includes(price.unit)) return monthShare(unitYearly(service, quantity), month);
  return unitYearly(service, quantity);
}

export interface UsageSettlementLine {
  serviceId: string;
  name: string;
  /** The basis package or a plus module. */
  role: 'basis' | 'module';
  /** The fixed part (base of the basis package, or a module's fixed amount) over the settled months. */
  fixedCents: number;
  /** The P×Q part over the settled months. */
  usageCents: number;
  totalCents: number;
}

export interface UsageSettlementColumn {
  baseCents: number;
  usageCents: number;
  modulesCents: number;
  totalCents: number;
  lines: UsageSettlementLine[];
}

export interface UsageSettlement {
  member: string;
  year: number;
  /** The months settled: those with measured usage, in order. */
  periods: string[];
  /** The take-up's yearly price, by the same parts (base, usage, modules). */
  yearProvisional: UsageSettlementColumn;
  /** The take-up's month shares over the settled months. */
  provisional: UsageSettlementColumn;
  /** The measured usage over the settled months. */
  definitive: UsageSettlementColumn;
  /** Definitive minus provisional: positive, the member pays extra; negative, it gets money back. */
  differenceCents: number;
  /** The measured quantities per settled month, in the take-up's module order. */
  usage: { period: string; quantities: UsageQuantity[] }[];
}

function column(lines: UsageSettlementLine[]): UsageSettlementColumn {
  const baseCents = lines.filter((l) => l.role === 'basis').reduce((s, l) => s + l.fixedCents, 0);
  const modulesCents = lines.filter((l) => l.role === 'module').reduce((s, l) => s + l.fixedCents, 0);
  const usageCents = lines.reduce((s, l) => s + l.usageCents, 0);
  return { baseCents, usageCents, modulesCents, totalCents: baseCents + modulesCents + usageCents, lines };
}

/**
 * One member's settlement statement for a year (pure): provisional from its take-up, definitive from its measured
 * usage, over the months with measured usage of that year. A module no longer in the catalogue counts 0.
 */
export function usageSettlement(args: {
  member: string;
  year: number;
  services: readonly Pick<Service, 'id' | 'name' | 'price'>[];
  takeup: readonly TakeupModule[];
  usage: readonly Pick<UsageRecord, 'period' | 'quantities'>[];
}): UsageSettlement {
  const basis = basisServiceId(args.services);
  const byId = new Map(args.services.map((s) => [s.id, s]));
  const months = args.usage
    .filter((u) => u.period.startsWith(`${args.year}-`))
    .sort((a, b) => (a.period < b.period ? -1 : 1));
  const modules = args.takeup.flatMap((m) => {
    const service = byId.get(m.serviceId);
    return service ? [{ module: m, service }] : [];
  });
  const line = (
    m: (typeof modules)[number],
    fixedCents: number,
    usageCents: number,
  ): UsageSettlementLine => ({
    serviceId: m.service.id,
    name: m.service.name,
    role: m.service.id === basis ? 'basis' : 'module',
    fixedCents,
    usageCents,
    totalCents: fixedCents + usageCents,
  });
  const sumMonths = (f: (month: number, period: string) => number) =>
    months.reduce((s, u) => s + f(monthOf(u.period), u.period), 0);
  const yearProvisional = column(
    modules.map((m) => line(m, fixedYearly(m.service), unitYearly(m.service, m.module.quantity))),
  );
  const provisional = column(
    modules.map((m) =>
      line(
        m,
        sumMonths((month) => monthShare(fixedYearly(m.service), month)),
        sumMonths((month) => monthShare(unitYearly(m.service, m.module.quantity), month)),
      ),
    ),
  );
  const quantityIn = (u: (typeof months)[number], serviceId: string) =>
    u.quantities.find((q) => q.serviceId === serviceId)?.quantity;
  const definitive = column(
    modules.map((m) =>
      line(
        m,
        sumMonths((month) => monthShare(fixedYearly(m.service), month)),
        months.reduce((s, u) => {
          const q = quantityIn(u, m.service.id);
          return s + (q === undefined ? 0 : measuredMonth(m.service, q, monthOf(u.period)));
        }, 0),
      ),
    ),
  );
  return {
    member: args.member,
    year: args.year,
    periods: months.map((u) => u.period),
    yearProvisional,
    provisional,
    definitive,
    differenceCents: definitive.totalCents - provisional.totalCents,
    usage: months.map((u) => ({ period: u.period, quantities: u.quantities.map((q) => ({ ...q })) })),
  };
}

/**
 * The `usage` allocation key with its weights computed from measured usage (issue 16 point 4): each member's
 * weight is its measured P×Q of the year in cents (the definitive usage of its statement); a member of the key
 * without measured usage weighs 0. Without any measured usage the key's fixed weights stay. Other methods are
 * returned unchanged. `measured` tells which applied.
 */
export function usageAllocationKey(
  key: AllocationKey,
  measuredCents: Readonly<Record<string, number>>,
): { key: AllocationKey; measured: boolean } {
  if (key.method !== 'usage') return { key, measured: false };
  const weights = key.weights.map((w) => ({ space: w.space, weight: measuredCents[w.space] ?? 0 }));
  if (!weights.some((w) => w.weight > 0)) return { key, measured: false };
  return { key: { ...key, weights }, measured: true };
}

/** Whose usage and statement a caller sees in full: the region's own users every member's; a member its own. */
export const usageVisible = takeupVisible;

/** A member's row of the region's usage overview, as the caller may see it. */
export interface UsageRow {
  member: string;
  name: string;
  /** Only for the region and the member itself (absent for another member, seen by a member). */
  detail?: {
    takeup: TakeupModule[];
    records: (Pick<UsageRecord, 'period' | 'version' | 'quantities' | 'updatedAt'> & {
      updatedByName?: string;
      note?: string;
    })[];
    statement: UsageSettlement;
  };
}

export interface UsageView {
  agreementId: string;
  year: number;
  canWrite: boolean;
  rows: UsageRow[];
  /** The region's totals over every member: provisional (take-up, a year) and definitive (settled months). */
  totals: { yearProvisionalCents: number; definitiveCents: number };
}

/** The usage of a region's agreement for a year as the caller may see it (pure; the repository loads the records). */
export function usageView(args: {
  agreementId: string;
  year: number;
  regionSpace: string;
  services: readonly Pick<Service, 'id' | 'name' | 'price'>[];
  members: readonly string[];
  names: Readonly<Record<string, string>>;
  takeup: readonly { member: string; modules: TakeupModule[] }[];
  records: readonly UsageRecord[];
  caller: { space: string; roles: readonly string[] };
  canWrite: boolean;
}): UsageView {
  const takeupOf = new Map(args.takeup.map((t) => [t.member, t.modules]));
  let yearProvisionalCents = 0;
  let definitiveCents = 0;
  const rows: UsageRow[] = args.members.map((member) => {
    const name = args.names[member] ?? member;
    const modules = takeupOf.get(member) ?? null;
    const records = args.records
      .filter((r) => r.member === member && r.period.startsWith(`${args.year}-`))
      .sort((a, b) => (a.period < b.period ? -1 : 1));
    const statement = usageSettlement({
      member,
      year: args.year,
      services: args.services,
      takeup: modules ?? [],
      usage: records,
    });
    yearProvisionalCents += statement.yearProvisional.totalCents;
    definitiveCents += statement.definitive.totalCents;
    if (!usageVisible(args.caller, args.regionSpace, member)) return { member, name };
    return {
      member,
      name,
      detail: {
        takeup: modules ?? [],
        records: records.map((r) => ({
          period: r.period,
          version: r.version,
          quantities: r.quantities,
          updatedAt: r.updatedAt,
          ...(r.updatedByName ? { updatedByName: r.updatedByName } : {}),
          ...(r.note ? { note: r.note } : {}),
        })),
        statement,
      },
    };
  });
  return {
    agreementId: args.agreementId,
    year: args.year,
    canWrite: args.canWrite,
    rows,
    totals: { yearProvisionalCents, definitiveCents },
  };
}
