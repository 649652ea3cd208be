import * as z from 'zod/mini';
import type { Reason } from './errors.ts';
import { cents, idSchema, text } from './schema.ts';
import type { TermsIssue } from './terms.ts';

/**
 * The service catalogue of a service agreement (SPEC §3.4): a DVO, or a regional ICT agreement (a service
 * agreement a region owns), lists its services. Each service has its service levels (what is measured, the target,
 * which side of it is good, over which period) and one price model: a fixed amount a year, a price per unit (P×Q:
 * workstations, users, licences, hours, cases), or a base amount a year plus a price per unit.
 *
 * Money is integer euro cents. A quantity may have two decimals (12,5 hours); a service's yearly price is rounded
 * once, to whole cents, half up (`serviceYearlyPrice`), and a catalogue's total is the sum of those rounded
 * prices (`catalogueTotal`), so a reader adding up the rows of the table gets the total shown.
 */

/** Bounds of a catalogue: at most 50 services, each with at most 5 service levels. */
export const MAX_SERVICES = 50;
export const MAX_SERVICE_LEVELS = 5;
/** At most 100,000 units of a service (workstations, users, hours a year …). */
export const MAX_SERVICE_QUANTITY = 100_000;
/** At most € 10 million per unit: with the quantity bound a service's price stays an exact integer. */
export const MAX_UNIT_PRICE_CENTS = 1_000_000_000;

/** What a service level's target is expressed in. */
export const SERVICE_LEVEL_UNITS = ['percent', 'hours', 'working_hours', 'days', 'count'] as const;
export type ServiceLevelUnit = (typeof SERVICE_LEVEL_UNITS)[number];
/** Whether the measured value must be at least or at most the target (≥ 99,5% availability; ≤ 8 hours). */
export const SERVICE_LEVEL_DIRECTIONS = ['at_least', 'at_most'] as const;
export type ServiceLevelDirection = (typeof SERVICE_LEVEL_DIRECTIONS)[number];
/** The period over which a level is measured and reported. */
export const SERVICE_LEVEL_PERIODS = ['month', 'quarter', 'year'] as const;
export type ServiceLevelPeriod = (typeof SERVICE_LEVEL_PERIODS)[number];
/** What a per-unit price counts. */
export const SERVICE_PRICE_UNITS = ['workstation', 'user', 'licence', 'hour', 'case'] as const;
export type ServicePriceUnit = (typeof SERVICE_PRICE_UNITS)[number];
export const SERVICE_PRICE_MODELS = ['fixed', 'perUnit', 'basePlusUnit'] as const;
export type ServicePriceModel = (typeof SERVICE_PRICE_MODELS)[number];

const hundredths = (value: number) => Math.abs(value * 100 - Math.round(value * 100)) < 1e-6;

/** A quantity of units: 0 to 100,000, with at most two decimals (12,5 hours). */
export const serviceQuantitySchema = () =>
  z.number().check(
    z.gte(0),
    z.lte(MAX_SERVICE_QUANTITY),
    z.refine(hundredths, {
      message: 'A quantity has at most two decimals',
      params: { reason: 'service.quantityDecimals' },
    }),
  );

const unitPrice = () => z.int().check(z.gte(0), z.lte(MAX_UNIT_PRICE_CENTS));

/**
 * One service level. `share` makes it a level over cases: "incident resolution within 8 working hours for 95%"
 * is `{ unit: 'working_hours', target: 8, direction: 'at_most', share: 95 }`.
 */
export const serviceLevelSchema = z
  .strictObject({
    id: z.optional(idSchema()),
    /** What is measured, in the agreement's words: "Beschikbaarheid", "Oplostijd incidenten (prioriteit 1)". */
    measure: text(120, 1),
    unit: z.enum(SERVICE_LEVEL_UNITS),
    target: z.number().check(z.gte(0), z.lte(1_000_000)),
    direction: z.enum(SERVICE_LEVEL_DIRECTIONS),
    /** The percentage of cases that must meet the target (0 < share ≤ 100); absent for a level over the whole. */
    share: z.optional(z.number().check(z.gt(0), z.lte(100))),
    period: z.enum(SERVICE_LEVEL_PERIODS),
  })
  .check(
    z.refine((level) => level.unit !== 'percent' || level.target <= 100, {
      message: 'A percentage is at most 100',
      path: ['target'],
      params: { reason: 'service.percentTooHigh' },
    }),
  );
export type ServiceLevelInput = z.infer<typeof serviceLevelSchema>;
export type ServiceLevel = ServiceLevelInput & { id: string };

/** The price model of a service, told apart by `model`. Prices per unit are per unit a year (or per hour, case). */
export const servicePriceSchema = z.discriminatedUnion('model', [
  z.strictObject({ model: z.literal('fixed'), yearlyCents: cents() }),
  z.strictObject({
    model: z.literal('perUnit'),
    unit: z.enum(SERVICE_PRICE_UNITS),
    unitPriceCents: unitPrice(),
    /** The agreed or expected number of units a year; a member's take-up may bring its own. */
    quantity: z.optional(serviceQuantitySchema()),
  }),
  z.strictObject({
    model: z.literal('basePlusUnit'),
    baseYearlyCents: cents(),
    unit: z.enum(SERVICE_PRICE_UNITS),
    unitPriceCents: unitPrice(),
    quantity: z.optional(serviceQuantitySchema()),
  }),
]);
export type ServicePrice = z.infer<typeof servicePriceSchema>;

export const serviceSchema = z.strictObject({
  id: z.optional(idSchema()),
  name: text(120, 1),
  description: z.optional(text(2000)),
  levels: z.array(serviceLevelSchema).check(z.maxLength(MAX_SERVICE_LEVELS)),
  price: servicePriceSchema,
});
export type ServiceInput = z.infer<typeof serviceSchema>;
/** A service as stored: it and its levels have ids (service-level reports name them). */
export type Service = Omit<ServiceInput, 'levels'> & { id: string; levels: ServiceLevel[] };

export const serviceCatalogueSchema = z.array(serviceSchema).check(z.maxLength(MAX_SERVICES));
export type ServiceCatalogueInput = z.infer<typeof serviceCatalogueSchema>;

/** The only kind of agreement with a service catalogue: a DVO or a regional ICT agreement (SPEC §3.4). */
export const SERVICE_CATALOGUE_KINDS: readonly string[] = ['service_agreement'];

const issue = (path: string, reason: Reason, message: string, params = {}): TermsIssue => ({
  path,
  reason,
  params,
  message,
});

/**
 * Rules across services that a schema alone cannot state: a catalogue only on a service agreement, each name
 * once (case and spaces ignored), each id once (services, and levels within a service).
 */
export function checkServices(
  kind: string,
  services: readonly Pick<ServiceInput, 'id' | 'name' | 'levels'>[],
): TermsIssue[] {
  if (services.length === 0) return [];
  if (!SERVICE_CATALOGUE_KINDS.includes(kind))
    return [
      issue('services', 'service.notAllowed', 'Only a service agreement (DVO, regional ICT) has services', {
        kind,
      }),
    ];
  const issues: TermsIssue[] = [];
  const names = new Set<string>();
  const ids = new Set<string>();
  services.forEach((service, i) => {
    const name = service.name.trim().toLowerCase().replace(/\s+/g, ' ');
    if (names.has(name))
      issues.push(
        issue(`services.${i}.name`, 'service.nameDuplicate', `Service ${service.name} appears twice`, {
          name: service.name,
        }),
      );
    names.add(name);
    if (service.id !== undefined) {
      if (ids.has(service.id))
        issues.push(issue(`services.${i}`, 'service.idDuplicate', 'Two services have the same id'));
      ids.add(service.id);
    }
    const levelIds = new Set<string>();
    service.levels.forEach((level, j) => {
      if (level.id === undefined) return;
      if (levelIds.has(level.id))
        issues.push(
          issue(`services.${i}.levels.${j}`, 'service.idDuplicate', 'Two service levels have the same id'),
        );
      levelIds.add(level.id);
    });
  });
  return issues;
}

/** Rounds `numerator / 100` to a whole number, half up (all amounts here are ≥ 0). Exact with BigInt. */
function hundredthsTimes(unitPriceCents: number, quantity: number): number {
  const q = BigInt(Math.round(quantity * 100));
  const product = BigInt(unitPriceCents) * q;
  return Number((product + 50n) / 100n);
}

/**
 * A service's price for a year, in cents: `fixed` its yearly amount; `perUnit` unit price × quantity;
 * `basePlusUnit` base + unit price × quantity. `quantity` (a member's take-up, measured usage) overrides the
 * quantity in the terms. Null when a per-unit price has no quantity at all: the price cannot be known yet.
 * The unit part is rounded once to whole cents, half up (€ 0,125 → € 0,13); nothing else is rounded.
 */
export function serviceYearlyPrice(service: Pick<ServiceInput, 'price'>, quantity?: number): number | null {
  const price = service.price;
  if (price.model === 'fixed') return price.yearlyCents;
  const q = quantity ?? price.quantity;
  if (q === undefined) return null;
  const units = hundredthsTimes(price.unitPriceCents, q);
  return price.model === 'perUnit' ? units : price.baseYearlyCents + units;
}

export interface CatalogueTotal {
  /** The sum of the yearly prices that are known, in cents. */
  totalCents: number;
  /** Per service (in catalogue order): its yearly price, null when unknown. */
  perService: { id: string | undefined; cents: number | null }[];
  /** Services priced per unit without any quantity: not in the total. */
  unpriced: number;
}

/**
 * The catalogue's yearly total: the sum of each service's rounded yearly price (`serviceYearlyPrice`), with
 * `quantities` by service id overriding the terms' quantities. A service without a quantity is left out and
 * counted in `unpriced`, so a screen can say the total is incomplete rather than show a wrong figure.
 */
export function catalogueTotal(
  services: readonly Pick<ServiceInput, 'id' | 'price'>[],
  quantities: Readonly<Record<string, number>> = {},
): CatalogueTotal {
  const perService = services.map((service) => ({
    id: service.id,
    cents: serviceYearlyPrice(service, service.id === undefined ? undefined : quantities[service.id]),
  }));
  return {
    totalCents: perService.reduce((sum, s) => sum + (s.cents ?? 0), 0),
    perService,
    unpriced: perService.filter((s) => s.cents === null).length,
  };
}

/**
 * What a measured value of a level is (for service-level reports): for a level over cases (`share`), the
 * percentage of cases that met the target (0–100); otherwise a value in the level's own unit.
 */
export function measuredUnit(level: Pick<ServiceLevelInput, 'unit' | 'share'>): ServiceLevelUnit {
  return level.share !== undefined ? 'percent' : level.unit;
}

/** Whether a measured value is one a report may carry for this level: finite, ≥ 0, a percentage at most 100. */
export function measuredValueValid(
  level: Pick<ServiceLevelInput, 'unit' | 'share'>,
  measured: number,
): boolean {
  if (!Number.isFinite(measured) || measured < 0) return false;
  return measuredUnit(level) !== 'percent' || measured <= 100;
}

/**
 * Whether a measured value meets a service level. A level over the whole compares the value with the target in
 * its direction (availability 99,6% ≥ 99,5%: met; 9 hours ≤ 8: not met). A level over cases (`share`) takes the
 * percentage of cases that met the target and compares it with the share: 96% of incidents resolved within
 * 8 working hours meets "95% within 8", 94% does not. Equal to the bound is met.
 */
export function levelMet(
  level: Pick<ServiceLevelInput, 'target' | 'direction' | 'share'>,
  measured: number,
): boolean {
  if (level.share !== undefined) return measured >= level.share;
  return level.direction === 'at_least' ? measured >= level.target : measured <= level.target;
}
