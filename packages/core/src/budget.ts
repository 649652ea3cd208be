import * as z from 'zod/mini';
import { DEFAULT_THRESHOLDS, newlyCrossed } from './budget-signals.ts';
import { type BudgetTotals, countedCents } from './budget-totals.ts';
import { DomainError } from './errors.ts';
import { cents, idSchema, text } from './schema.ts';
import { SPACE_PATTERN } from './spaces.ts';

/**
 * Bounding budget and volume (SPEC §4.4). Realisations are recorded per month (by the municipality or
 * reported by the provider); the burn-down compares them with a ceiling, forecasts the year end from the
 * run rate so far, and names the thresholds crossed (default 80% and 100%).
 */
export const realisationInputSchema = z.strictObject({
  period: z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Period is YYYY-MM')),
  amountCents: cents(),
  volume: z.optional(z.int().check(z.gte(0), z.lte(100_000_000))),
  productLineId: z.optional(z.string().check(z.regex(/^[0-9a-z-]{1,40}$/, 'Invalid id'))),
  note: z.optional(text(500)),
  /** On a region's agreement: the member municipality the entry belongs to (issue 16 point 4). */
  member: z.optional(z.string().check(z.regex(SPACE_PATTERN, 'Invalid space'))),
});

export type RealisationInput = z.infer<typeof realisationInputSchema>;

export interface Realisation extends RealisationInput {
  id: string;
  agreementId: string;
  recordedAt: string;
  recordedBy: string;
  /** The person's name next to the key, when it was recorded (older items have none: readers show the key). */
  recordedByName?: string;
  /** Recorded by the municipality, or reported by the provider. */
  side: 'provider' | 'municipality';
  /** The provider party it belongs to (its space) and name: always for a provider's own entry. */
  party?: string;
  partyName?: string;
  /** Optimistic version of the entry: 1 when recorded, +1 per correction (absent on entries before corrections). */
  version?: number;
  /** The last correction: when, by whom and why. */
  correctedAt?: string;
  correctedBy?: string;
  correctionReason?: string;
  /** Set when the entry was reversed: it stays readable but no longer counts. */
  reversedAt?: string;
}

/**
 * A correction of a wrongly entered realisation (SPEC §4.4): the corrected entry, or `null` to reverse it.
 * Always with a reason and the version the corrector saw, so two corrections never overwrite each other.
 */
export const realisationCorrectionSchema = z.strictObject({
  agreementId: idSchema(),
  realisationId: idSchema(),
  expectedVersion: z.int().check(z.gte(1), z.lte(1_000_000)),
  realisation: z.nullable(realisationInputSchema),
  reason: text(500, 1),
});

export type RealisationCorrection = z.infer<typeof realisationCorrectionSchema>;

export interface CorrectionEffect {
  /** The entry as it is after the correction. */
  next: Realisation;
  spentCents: number;
  /** Thresholds the correction makes the spend cross (to signal now). */
  crossed: number[];
  /** Thresholds signalled before that the spend no longer reaches (their signal is withdrawn). */
  withdrawn: number[];
  /** The thresholds signalled after the correction. */
  signalled: number[];
}

/**
 * The effect of correcting (or reversing) one realisation on the running totals and the signals: the spend
 * moves by the difference, a threshold newly reached is signalled once, and a signal whose threshold is no
 * longer reached is withdrawn so a later crossing signals again. Refuses a stale version and a reversed entry.
 */
export function correctRealisation(
  current: Realisation,
  correction: Pick<RealisationCorrection, 'expectedVersion' | 'realisation' | 'reason'>,
  totals: BudgetTotals,
  ceilingCents: number | null,
  actor: string,
  at: string,
  thresholds: readonly number[] = DEFAULT_THRESHOLDS,
): CorrectionEffect {
  const version = current.version ?? 1;
  if (correction.expectedVersion !== version) {
    throw new DomainError('CONFLICT', 'realisation.versionConflict', {
      params: { version },
      message: `The realisation was changed meanwhile (version ${version}); reload and try again`,
    });
  }
  if (current.reversedAt) {
    throw new DomainError('BAD_REQUEST', 'realisation.reversed', {
      field: 'realisationId',
      message: 'A reversed realisation cannot be corrected',
    });
  }
  // The party an entry belongs to stays with it through every correction.
  const party =
    current.party !== undefined
      ? { party: current.party, partyName: current.partyName ?? current.party }
      : {};
  const base: Realisation = {
    id: current.id,
    agreementId: current.agreementId,
    recordedAt: current.recordedAt,
    recordedBy: current.recordedBy,
    ...(current.recordedByName !== undefined ? { recordedByName: current.recordedByName } : {}),
    side: current.side,
    ...party,
    period: current.period,
    amountCents: current.amountCents,
    ...(current.volume !== undefined ? { volume: current.volume } : {}),
    ...(current.productLineId !== undefined ? { productLineId: current.productLineId } : {}),
    ...(current.note !== undefined ? { note: current.note } : {}),
  };
  const stamp = {
    version: version + 1,
    correctedAt: at,
    correctedBy: actor,
    correctionReason: correction.reason,
  };
  const next: Realisation = correction.realisation
    ? {
        id: base.id,
        agreementId: base.agreementId,
        recordedAt: base.recordedAt,
        recordedBy: base.recordedBy,
        ...(base.recordedByName !== undefined ? { recordedByName: base.recordedByName } : {}),
        side: base.side,
        ...party,
        ...correction.realisation,
        ...stamp,
      }
    : { ...base, ...stamp, reversedAt: at };
  const spentCents = totals.spentCents - countedCents(current) + countedCents(next);
  const ceiling = ceilingCents ?? 0;
  const reached = (t: number) => ceiling > 0 && spentCents * 100 >= t * ceiling;
  const withdrawn = totals.signalled.filter((t) => !reached(t));
  const crossed = ceiling
    ? newlyCrossed(ceiling, totals.spentCents, spentCents, thresholds).filter(
        (t) => !totals.signalled.includes(t),
      )
    : [];
  const signalled = [...totals.signalled.filter((t) => !withdrawn.includes(t)), ...crossed].sort(
    (a, b) => a - b,
  );
  return { next, spentCents, crossed, withdrawn, signalled };
}
