import { stripControlChars } from '../text/control-chars.ts';
import { type Sliced, sortRows } from './sliced.ts';

/** Lower-cases and strips accents, so "Beyoncé" matches "beyonce" and "ÉTÉ" matches "ete". */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase('en');
}

/** The words of a query, folded: every one must appear in what it matches. */
export function queryTerms(query: string | undefined): string[] {
  return query ? foldText(stripControlChars(query)).split(' ').filter(Boolean) : [];
}

/** Every term appears somewhere in the (folded) haystack. */
export function matchesAll(haystack: string, terms: readonly string[]): boolean {
  return terms.every((term) => haystack.includes(term));
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/**
 * The collation rank of each distinct value: sorting numbers is much faster than comparing
 * strings with a collator at every step, and names repeat (an artist's name on every song).
 */
export function* collationRanks(values: readonly string[]): Sliced<Map<string, number>> {
  const seen = new Set<string>();
  for (let i = 0; i < values.length; i++) {
    seen.add(values[i]!);
    if ((i & 4095) === 0) yield;
  }
  const distinct = [...seen];
  const order = yield* sortRows(distinct.length, (x, y) =>
    collator.compare(distinct[x]!, distinct[y]!),
  );
  const ranks = new Map<string, number>();
  let rank = 0;
  for (let i = 0; i < order.length; i++) {
    const value = distinct[order[i]!]!;
    if (i > 0 && collator.compare(distinct[order[i - 1]!]!, value) !== 0) rank++;
    ranks.set(value, rank);
    if ((i & 1023) === 0) yield;
  }
  return ranks;
}
