import * as z from 'zod/mini';
import { DomainError } from './errors.ts';
import { actsForOwner } from './offer.ts';
import type { Role } from './roles.ts';
import { idSchema, isoDate } from './schema.ts';
import {
  MAX_SERVICES,
  type Service,
  type ServiceInput,
  serviceQuantitySchema,
  serviceYearlyPrice,
} from './services.ts';
import { SPACE_PATTERN } from './spaces.ts';

/**
 * Per-member take-up under a regional arrangement (issue 16 point 3). A region-owned service agreement (a regional
 * ICT agreement) has a service catalogue (services.ts); each member municipality takes the **basis package — by
 * convention the first service of the catalogue** — and any of the other services as plus modules, each with its
 * own quantity where the service is priced per unit.
 *
 * The catalogue's prices are what one member pays a year for a service it takes: a fixed amount, its own
 * quantity × the unit price, or the base amount plus its own quantity × the unit price (`serviceYearlyPrice`,
 * rounded once per service to whole cents, half up). A member's yearly price is the sum of those rounded module
 * prices (`takeupYearlyPrice`), so the rows of its statement add up to the total shown.
 *
 * Who sees what: the region's own users see every member's take-up; a member's users see their own in full and
 * every other member's only as a yearly total (`takeupVisible`) — unless the region shares the take-up details
 * with its members (`takeup.configure`, a versioned and audited setting per agreement; off by default), then every
 * member sees every member's details (`takeupDetailVisible`). Only the region's own users with a write role
 * record take-up and switch the sharing.
 */

/** Who records take-up: the region's own users with one of these roles (as for the Wgr calendar). */
export const TAKEUP_WRITE_ROLES: readonly Role[] = ['coordinator', 'contractmanager', 'inkoper'];

const version = () => z.int().check(z.gte(0), z.lte(1_000_000));

export const takeupModuleSchema = z.strictObject({
  serviceId: idSchema(),
  /** The member's own number of units (workstations, licences …); only for a service priced per unit. */
  quantity: z.optional(serviceQuantitySchema()),
});
export type TakeupModule = z.infer<typeof takeupModuleSchema>;

/** Creates (expectedVersion 0) or replaces one member's take-up. */
export const takeupSetSchema = z.strictObject({
  agreementId: idSchema(),
  member: z.string().check(z.regex(SPACE_PATTERN, 'Invalid space')),
  expectedVersion: version(),
  startDate: isoDate(),
  modules: z.array(takeupModuleSchema).check(z.minLength(1), z.maxLength(MAX_SERVICES)),
});
export type TakeupSetInput = z.infer<typeof takeupSetSchema>;

export const takeupListSchema = z.strictObject({ agreementId: idSchema() });

/** Switches sharing of the take-up details with the region's members (expectedVersion 0 for the first time). */
export const takeupConfigureSchema = z.strictObject({
  agreementId: idSchema(),
  shareWithMembers: z.boolean(),
  expectedVersion: version(),
});
export type TakeupConfigureInput = z.infer<typeof takeupConfigureSchema>;

/** The region's take-up setting of one agreement as stored (`TAKEUPSHARE` in the agreement's collection). */
export interface TakeupSharingRecord {
  agreementId: string;
  shareWithMembers: boolean;
  version: number;
  updatedAt: string;
  updatedBy: string;
  updatedByName?: string;
}

/** The setting as the view carries it: never stored is off at version 0. */
export interface TakeupSharing {
  shareWithMembers: boolean;
  version: number;
}

/** One member's take-up as stored, in the region agreement's collection (`TAKEUP#<member>`). */
export interface TakeupRecord {
  agreementId: string;
  member: string;
  version: number;
  startDate: string;
  modules: TakeupModule[];
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  updatedByName?: string;
}

/** The basis package of a catalogue: its first service (null for an empty catalogue). */
export function basisServiceId(services: readonly Pick<Service, 'id'>[]): string | null {
  return services[0]?.id ?? null;
}

/**
 * Checks a member's modules against the catalogue: the basis package is taken, each module is a service of the
 * catalogue and appears once, a service priced per unit has the member's quantity and a fixed-price one none.
 * Throws BAD_REQUEST with the first problem's reason.
 */
export function checkTakeup(
  services: readonly Pick<Service, 'id' | 'price'>[],
  modules: readonly TakeupModule[],
): void {
  const basis = basisServiceId(services);
  if (basis === null)
    throw new DomainError('BAD_REQUEST', 'takeup.noCatalogue', {
      field: 'agreementId',
      message: 'The agreement has no services to take',
    });
  const byId = new Map(services.map((s) => [s.id, s]));
  const seen = new Set<string>();
  modules.forEach((m, i) => {
    const field = `modules.${i}`;
    const service = byId.get(m.serviceId);
    if (!service)
      throw new DomainError('BAD_REQUEST', 'takeup.unknownService', {
        field,
        params: { serviceId: m.serviceId },
        message: 'Not a service of this agreement',
      });
    if (seen.has(m.serviceId))
      throw new DomainError('BAD_REQUEST', 'takeup.moduleDuplicate', {
        field,
        params: { serviceId: m.serviceId },
        message: 'A module appears twice',
      });
    seen.add(m.serviceId);
    if (service.price.model === 'fixed' && m.quantity !== undefined)
      throw new DomainError('BAD_REQUEST', 'takeup.quantityNotPriced', {
        field,
        message: 'A fixed-price service takes no quantity',
      });
    if (service.price.model !== 'fixed' && m.quantity === undefined)
      throw new DomainError('BAD_REQUEST', 'takeup.quantityRequired', {
        field,
        message: 'A service priced per unit needs a quantity',
      });
  });
  if (!seen.has(basis))
    throw new DomainError('BAD_REQUEST', 'takeup.basisRequired', {
      field: 'modules',
      message: 'Every member takes the basis package',
    });
}

export interface TakeupPrice {
  /** The member's yearly price, in cents: the sum of `perModule`. */
  totalCents: number;
  /** Per module taken, in the member's order: its yearly price in cents. */
  perModule: { serviceId: string; cents: number }[];
}

/**
 * A member's yearly price: per module the catalogue's price with the member's own quantity
 * (`serviceYearlyPrice`, whole cents), summed. A module no longer in the catalogue counts 0.
 */
export function takeupYearlyPrice(
  services: readonly Pick<ServiceInput, 'id' | 'price'>[],
  modules: readonly TakeupModule[],
): TakeupPrice {
  const byId = new Map(services.map((s) => [s.id, s]));
  const perModule = modules.map((m) => {
    const service = byId.get(m.serviceId);
    return { serviceId: m.serviceId, cents: service ? (serviceYearlyPrice(service, m.quantity) ?? 0) : 0 };
  });
  return { totalCents: perModule.reduce((sum, m) => sum + m.cents, 0), perModule };
}

/** Which members' take-up details a caller sees: the region's own users all; a member only its own. */
export function takeupVisible(caller: { space: string }, regionSpace: string, member: string): boolean {
  return actsForOwner(caller, regionSpace) || caller.space === member;
}

/**
 * Which members' take-up details a caller sees, with the region's sharing setting: as `takeupVisible`, and when
 * the region shares the details with its members, every member's user sees every member's details. Anyone who is
 * neither the region nor one of its members (a provider party of the agreement) never sees another's details.
 */
export function takeupDetailVisible(
  caller: { space: string },
  regionSpace: string,
  member: string,
  sharing: { shareWithMembers: boolean; members: readonly string[] },
): boolean {
  if (takeupVisible(caller, regionSpace, member)) return true;
  return sharing.shareWithMembers && sharing.members.includes(caller.space);
}

/** Whether a caller records take-up on a region's agreement: the region's own users with a write role. */
export function takeupCanWrite(
  caller: { space: string; roles: readonly string[] },
  regionSpace: string,
): boolean {
  return (
    actsForOwner(caller, regionSpace) &&
    caller.roles.some((r) => (TAKEUP_WRITE_ROLES as readonly string[]).includes(r))
  );
}

/** A member's row as a caller sees it: in full (`detail`), or only its total. */
export interface TakeupRow {
  member: string;
  name: string;
  totalCents: number | null;
  /** Absent when the caller may see only the total (another member's take-up, seen by a member). */
  detail?: {
    version: number;
    startDate: string;
    modules: (TakeupModule & { cents: number })[];
    updatedAt: string;
    updatedByName?: string;
  };
}

export interface TakeupView {
  agreementId: string;
  basisServiceId: string | null;
  canWrite: boolean;
  /** Whether the region shares every member's take-up details with its members, and the setting's version. */
  sharing: TakeupSharing;
  /** Every member of the region, in the region's order; a member without take-up has `totalCents` null. */
  rows: TakeupRow[];
  /** The sum of all members' yearly prices, in cents. */
  totalCents: number;
}

/** The take-up of a region's agreement as the caller may see it (pure; the repository loads the records). */
export function takeupView(args: {
  agreementId: string;
  regionSpace: string;
  services: readonly Pick<Service, 'id' | 'price'>[];
  members: readonly string[];
  names: Readonly<Record<string, string>>;
  records: readonly TakeupRecord[];
  /** The region's sharing setting; absent (never set) is off. */
  sharing?: TakeupSharing | null;
  caller: { space: string; roles: readonly string[] };
}): TakeupView {
  const sharing: TakeupSharing = {
    shareWithMembers: args.sharing?.shareWithMembers ?? false,
    version: args.sharing?.version ?? 0,
  };
  const byMember = new Map(args.records.map((r) => [r.member, r]));
  const rows: TakeupRow[] = args.members.map((member) => {
    const record = byMember.get(member);
    const name = args.names[member] ?? member;
    if (!record) return { member, name, totalCents: null };
    const price = takeupYearlyPrice(args.services, record.modules);
    const visible = takeupDetailVisible(args.caller, args.regionSpace, member, {
      shareWithMembers: sharing.shareWithMembers,
      members: args.members,
    });
    if (!visible) return { member, name, totalCents: price.totalCents };
    return {
      member,
      name,
      totalCents: price.totalCents,
      detail: {
        version: record.version,
        startDate: record.startDate,
        modules: record.modules.map((m, i) => ({ ...m, cents: price.perModule[i]!.cents })),
        updatedAt: record.updatedAt,
        ...(record.updatedByName ? { updatedByName: record.updatedByName } : {}),
      },
    };
  });
  return {
    agreementId: args.agreementId,
    basisServiceId: basisServiceId(args.services),
    canWrite: takeupCanWrite(args.caller, args.regionSpace),
    sharing,
    rows,
    totalCents: rows.reduce((sum, r) => sum + (r.totalCents ?? 0), 0),
  };
}
