import type { RealisationInput } from '../../lib/budget/model';
import type { AppLocale } from '../../lib/format';
import { formatAmount } from '../../lib/format';
import {
  type BudgetErrors,
  type RealisationValidation,
  type RealisationValues,
  validateRealisation,
} from './budget-form';

/**
 * The "Realisatie corrigeren" form: the entry's values as typed (prefilled from the entry) and a reason, with
 * checks mirroring `realisationCorrectionSchema` (packages/core/src/budget.ts; the server checks again).
 */

export const REASON_LIMIT = 500;

export interface CorrectionValues extends RealisationValues {
  reason: string;
}

/** The entry as the form shows it, in the user's number format. */
export function correctionValues(r: RealisationInput, locale: AppLocale): CorrectionValues {
  return {
    period: r.period,
    amount: formatAmount(r.amountCents, locale),
    volume: r.volume === undefined ? '' : String(r.volume),
    productLineId: r.productLineId ?? '',
    note: r.note ?? '',
    reason: '',
  };
}

export type CorrectionErrorKey = 'reasonRequired' | 'reasonTooLong';

export function validateReason(
  reason: string,
): { ok: true; reason: string } | { ok: false; key: CorrectionErrorKey } {
  const text = reason.trim();
  if (text === '') return { ok: false, key: 'reasonRequired' };
  if (text.length > REASON_LIMIT) return { ok: false, key: 'reasonTooLong' };
  return { ok: true, reason: text };
}

/**
 * A correction (`reverse` false) checks the entry's fields and the reason; a reversal only the reason.
 * Returns the `realisation` part of the API input: the corrected entry, or null to reverse it.
 */
export function validateCorrection(
  values: CorrectionValues,
  locale: AppLocale,
  lineIds: readonly string[],
  reverse: boolean,
):
  | { ok: true; realisation: RealisationInput | null; reason: string }
  | { ok: false; errors: BudgetErrors; reasonError?: CorrectionErrorKey } {
  const reason = validateReason(values.reason);
  const entry: RealisationValidation | null = reverse ? null : validateRealisation(values, locale, lineIds);
  if (!reason.ok || (entry && !entry.ok)) {
    return {
      ok: false,
      errors: entry && !entry.ok ? entry.errors : {},
      ...(reason.ok ? {} : { reasonError: reason.key }),
    };
  }
  return { ok: true, realisation: entry?.ok ? entry.input : null, reason: reason.ok ? reason.reason : '' };
}
