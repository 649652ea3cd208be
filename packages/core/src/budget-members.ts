import { type AllocationKey, allocate, type Share } from './allocation.ts';

/**
 * The realised amounts of a region's agreement per member (issue 16 point 4): a realisation booked for a member
 * (`member`) counts to that member only; the realisations without a member are summed and spread by the
 * allocation key with the largest remainder (`allocate`), as before. A member's definitive amount is its share of
 * the unbooked sum plus what was booked for it, so the members' amounts add up to everything realised, to the cent.
 *
 * The rows follow the key's members; a member booked for but absent from the key (a member given no weight) gets
 * a row after them, in the order first booked. Pass only the realisations that count (active, in the year).
 */
export function allocateRealised(
  realisations: readonly { amountCents: number; member?: string }[],
  key: AllocationKey,
): Share[] {
  const booked = new Map<string, number>();
  let unbooked = 0;
  for (const r of realisations) {
    if (r.member === undefined) unbooked += r.amountCents;
    else booked.set(r.member, (booked.get(r.member) ?? 0) + r.amountCents);
  }
  // Nothing to spread: no split (and no weights needed), every key member 0.
  const spread =
    unbooked === 0 ? key.weights.map((w) => ({ space: w.space, cents: 0 })) : allocate(unbooked, key);
  const rows = spread.map((s) => ({ space: s.space, cents: s.cents + (booked.get(s.space) ?? 0) }));
  const inKey = new Set(rows.map((r) => r.space));
  for (const [space, cents] of booked) if (!inKey.has(space)) rows.push({ space, cents });
  return rows;
}
