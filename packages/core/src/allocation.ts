import * as z from 'zod/mini';
import { DomainError } from './errors.ts';
/**
 * Allocation keys (verdeelsleutels) for agreements a region shares (SPEC §4.4, DOMAIN.md §f):
 * - fixed: agreed percentages (in basis points, summing to 100%)
 * - per_inhabitant: CBS population at a reference date (peildatum), with its source
 * - usage: P×Q — settled on actual use, in units per member
 * - base_plus_variable: a base part split equally over the members, the rest by weight
 */
import { ALLOCATION_METHODS, type AllocationMethod } from './lists.ts';
import { isoDate, text } from './schema.ts';
import { SPACE_PATTERN } from './spaces.ts';

export { ALLOCATION_METHODS, type AllocationMethod };

const member = z.string().check(z.regex(SPACE_PATTERN, 'Invalid space'));
const weight = () => z.int().check(z.gte(0), z.lte(100_000_000));

export const allocationKeySchema = z
  .strictObject({
    method: z.enum(ALLOCATION_METHODS),
    /** Per member: basis points (fixed), inhabitants (per_inhabitant, base_plus_variable) or units (usage). */
    weights: z
      .array(z.strictObject({ space: member, weight: weight() }))
      .check(z.minLength(1), z.maxLength(50)),
    /** base_plus_variable: the share of the total that is split equally, in basis points. */
    baseBasisPoints: z.optional(z.int().check(z.gte(0), z.lte(10_000))),
    referenceDate: z.optional(isoDate()),
    source: z.optional(text(200, 1)),
  })
  .check(
    z.refine((key) => new Set(key.weights.map((w) => w.space)).size === key.weights.length, {
      message: 'Each member may appear once',
      params: { reason: 'allocation.memberTwice' },
      path: ['weights'],
    }),
    z.refine(
      (key) => key.method !== 'fixed' || key.weights.reduce((sum, w) => sum + w.weight, 0) === 10_000,
      {
        message: 'Fixed percentages must add up to 100% (10,000 basis points)',
        params: { reason: 'allocation.fixedNotHundred' },
        path: ['weights'],
      },
    ),
    z.refine((key) => key.weights.some((w) => w.weight > 0), {
      message: 'At least one member needs a weight',
      params: { reason: 'allocation.noWeight' },
      path: ['weights'],
    }),
    z.refine(
      (key) =>
        key.method !== 'per_inhabitant' || (key.referenceDate !== undefined && key.source !== undefined),
      {
        message: 'A per-inhabitant key needs its reference date and source',
        params: { reason: 'allocation.inhabitantsSource' },
        path: ['referenceDate'],
      },
    ),
    z.refine((key) => key.method !== 'base_plus_variable' || key.baseBasisPoints !== undefined, {
      message: 'A base-plus-variable key needs its base part',
      params: { reason: 'allocation.baseMissing' },
      path: ['baseBasisPoints'],
    }),
  );
export type AllocationKey = z.infer<typeof allocationKeySchema>;

export interface Share {
  space: string;
  cents: number;
}

/**
 * Splits whole cents over weights with the largest-remainder method, so the parts always add up to
 * the total to the cent; ties go to the earlier member, which keeps the result deterministic.
 */
export function splitCents(
  totalCents: number,
  weights: readonly { space: string; weight: bigint }[],
): Share[] {
  if (!Number.isSafeInteger(totalCents) || totalCents < 0)
    throw new DomainError('BAD_REQUEST', 'allocation.amountInvalid', {
      message: 'Amount must be whole cents ≥ 0',
    });
  const sum = weights.reduce((s, w) => s + w.weight, 0n);
  if (sum === 0n)
    throw new DomainError('BAD_REQUEST', 'allocation.noWeight', {
      message: 'At least one member needs a weight',
    });
  const total = BigInt(totalCents);
  const parts = weights.map((w, index) => {
    const exact = total * w.weight;
    return { space: w.space, index, cents: exact / sum, remainder: exact % sum };
  });
  let left = total - parts.reduce((s, p) => s + p.cents, 0n);
  const order = [...parts].sort((a, b) =>
    b.remainder > a.remainder ? 1 : b.remainder < a.remainder ? -1 : a.index - b.index,
  );
  for (const part of order) {
    if (left === 0n) break;
    part.cents += 1n;
    left -= 1n;
  }
  return parts.map((p) => ({ space: p.space, cents: Number(p.cents) }));
}

/** Each member's share of an amount under an allocation key; the shares add up to the amount exactly. */
export function allocate(totalCents: number, key: AllocationKey): Share[] {
  if (key.method !== 'base_plus_variable') {
    return splitCents(
      totalCents,
      key.weights.map((w) => ({ space: w.space, weight: BigInt(w.weight) })),
    );
  }
  const base = splitCents(totalCents, [
    { space: 'base', weight: BigInt(key.baseBasisPoints ?? 0) },
    { space: 'variable', weight: BigInt(10_000 - (key.baseBasisPoints ?? 0)) },
  ]);
  const baseShares = splitCents(
    base[0]!.cents,
    key.weights.map((w) => ({ space: w.space, weight: 1n })),
  );
  const variableShares = key.weights.some((w) => w.weight > 0)
    ? splitCents(
        base[1]!.cents,
        key.weights.map((w) => ({ space: w.space, weight: BigInt(w.weight) })),
      )
    : key.weights.map((w) => ({ space: w.space, cents: 0 }));
  return key.weights.map((w, i) => ({
    space: w.space,
    cents: baseShares[i]!.cents + variableShares[i]!.cents,
  }));
}
