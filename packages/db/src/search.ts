import type { Agreement } from '@regie/core';

const MAX_WORDS = 20;

/** Lower case, accents removed: "Coöperatie" and "cooperatie" find each other. */
export function normalise(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The words of a text, at least two characters each, in the order they first appear. */
export function words(text: string): string[] {
  return [...new Set(normalise(text).split(/[^\p{L}\p{N}]+/u))].filter(
    (w) => w.length >= 2 && w.length <= 40,
  );
}

/** The words an agreement can be found by: its reference, title and parties' names (bounded). */
export function searchWords(a: Pick<Agreement, 'reference' | 'title' | 'parties'>): string[] {
  return words(`${a.reference} ${a.title} ${a.parties.map((p) => p.name).join(' ')}`).slice(0, MAX_WORDS);
}

/** Search index partition: words are bucketed by their first two characters. */
export const bucketOf = (word: string) => word.slice(0, 2);

/** True when every term is a prefix of one of the agreement's words (or of its reference). */
export function matchesAll(
  a: Pick<Agreement, 'reference' | 'title' | 'parties'>,
  terms: readonly string[],
): boolean {
  const own = searchWords(a);
  return terms.every((term) => own.some((w) => w.startsWith(term)));
}
