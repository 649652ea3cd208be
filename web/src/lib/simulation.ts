/** Small helpers of the volume-incentive simulator shared by the agreement page and the draft form. */

/** An expected volume as typed: a whole number of units (dots or spaces grouping thousands), or null. */
export function parseVolume(text: string): number | null {
  const digits = text.trim().replace(/[.\s\u00a0]/g, '');
  if (!/^\d{1,9}$/.test(digits)) return null;
  const value = Number(digits);
  return value <= 100_000_000 ? value : null;
}

/** A percentage change as people write it: `+25%`, `−10%`, `0%`. */
export function changeLabel(change: number): string {
  return change > 0 ? `+${change}%` : change < 0 ? `−${-change}%` : '0%';
}
