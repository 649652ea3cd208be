import type { Db } from './client.ts';

/**
 * Which space holds an agreement, as this process has read it before (issue 17 point 7). An agreement never
 * changes space, so after the first read of an id the next one can ask for that one key (a GetItem) instead of one
 * key per space of the caller's reach (a BatchGetItem over the municipality and each of its regions).
 *
 * Only a hint: it is used only when the space it names is in the caller's reach, so a read still names nothing
 * outside the caller's spaces, and a foreign id costs and answers exactly as a missing one. When the hinted key
 * holds no agreement (gone, or an id reused elsewhere), the reader falls back to the whole reach.
 * Bounded: the oldest hint goes first.
 */
const MAX_HINTS = 20_000;
const hints = new Map<string, string>();
const hintKey = (db: Db, id: string) => `${db.tableName}\n${id}`;

/** The space that held `id` when this process last read it, if that space is in `reach`. */
export function hintedSpace(db: Db, reach: readonly string[], id: string): string | undefined {
  const space = hints.get(hintKey(db, id));
  return space !== undefined && reach.includes(space) ? space : undefined;
}

/** Remembers where `id` was read. */
export function rememberSpace(db: Db, id: string, space: string): void {
  const key = hintKey(db, id);
  if (hints.get(key) === space) return;
  hints.delete(key);
  if (hints.size >= MAX_HINTS) hints.delete(hints.keys().next().value!);
  hints.set(key, space);
}
