/**
 * The tenant's budget signal thresholds (SPEC §4.4, `tenant.updateSettings`) as an admin types them: whole
 * percentages separated by commas (or spaces, semicolons), 1 to 200, each once, one to five of them.
 */
export const THRESHOLD_LIMITS = { min: 1, max: 200, count: 5 } as const;

export type ThresholdError = 'invalid' | 'duplicate' | 'count';

export function parseThresholds(
  text: string,
): { ok: true; thresholds: number[] } | { ok: false; error: ThresholdError } {
  const parts = text
    .split(/[,;\s]+/)
    .map((p) => p.trim().replace(/%$/, ''))
    .filter((p) => p !== '');
  if (parts.length === 0 || parts.length > THRESHOLD_LIMITS.count) return { ok: false, error: 'count' };
  const values: number[] = [];
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return { ok: false, error: 'invalid' };
    const value = Number(part);
    if (value < THRESHOLD_LIMITS.min || value > THRESHOLD_LIMITS.max) return { ok: false, error: 'invalid' };
    values.push(value);
  }
  if (new Set(values).size !== values.length) return { ok: false, error: 'duplicate' };
  return { ok: true, thresholds: values.sort((a, b) => a - b) };
}

/** The thresholds as shown and prefilled: `80, 100`. */
export function thresholdsText(thresholds: readonly number[]): string {
  return thresholds.join(', ');
}
