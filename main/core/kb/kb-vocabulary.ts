import { withinOneEdit } from '../../../shared/domain/kb';
import type { ReadableDb } from '../db/connection';
import { statement } from '../db/statements';
import { readKbState } from './article-store';

/**
 * The words the knowledge base's index holds (from the fts5vocab table), kept in memory per
 * connection and reloaded when the knowledge base's generation moves. A few thousand articles have
 * some ten thousand distinct words: scanning them for one-edit neighbours takes well under a millisecond.
 */
export interface Vocabulary {
  generation: number;
  /** Sorted, as fts5vocab returns them: a prefix's words are one contiguous run. */
  terms: string[];
  /** Number of articles each word appears in. */
  docs: Map<string, number>;
}

const cache = new WeakMap<ReadableDb, Vocabulary>();

export function vocabulary(db: ReadableDb): Vocabulary {
  const { generation } = readKbState(db);
  const cached = cache.get(db);
  if (cached && cached.generation === generation) return cached;
  const rows = statement(db, 'SELECT term, doc FROM kb_vocab').all() as { term: string; doc: number }[];
  const loaded: Vocabulary = { generation, terms: rows.map((r) => r.term), docs: new Map(rows.map((r) => [r.term, r.doc])) };
  cache.set(db, loaded);
  return loaded;
}

/** Index of the first term >= `word`. */
function lowerBound(terms: readonly string[], word: string): number {
  let lo = 0;
  let hi = terms.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (terms[mid]! < word) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function hasPrefix(vocab: Vocabulary, prefix: string): boolean {
  return vocab.terms[lowerBound(vocab.terms, prefix)]?.startsWith(prefix) ?? false;
}

/** Typos are only guessed at in words this long: shorter ones have too many neighbours to mean anything. */
export const MIN_TYPO_LENGTH = 4;
const MAX_ALTERNATIVES = 8;

const mostCommon = (vocab: Vocabulary, words: Iterable<string>): string[] =>
  [...words].sort((a, b) => (vocab.docs.get(b) ?? 0) - (vocab.docs.get(a) ?? 0) || (a < b ? -1 : 1)).slice(0, MAX_ALTERNATIVES);

/** Indexed words one edit away from a finished word the index does not hold ("licnce" → "licence"). */
export function typoAlternatives(vocab: Vocabulary, word: string): string[] {
  if (word.length < MIN_TYPO_LENGTH || vocab.docs.has(word)) return [];
  const found = new Set<string>();
  for (const term of vocab.terms) {
    if (Math.abs(term.length - word.length) <= 1 && withinOneEdit(word, term)) found.add(term);
  }
  return mostCommon(vocab, found);
}

/**
 * Prefixes of indexed words one edit away from a word still being typed that starts no indexed
 * word ("recyc" is fine; "recuc" → "recyc"). Each is then matched as a prefix.
 */
export function typoPrefixes(vocab: Vocabulary, prefix: string): string[] {
  if (prefix.length < MIN_TYPO_LENGTH || hasPrefix(vocab, prefix)) return [];
  const found = new Set<string>();
  for (const term of vocab.terms) {
    for (const length of [prefix.length - 1, prefix.length, prefix.length + 1]) {
      if (term.length < length) continue;
      const start = term.slice(0, length);
      if (withinOneEdit(prefix, start)) found.add(start);
    }
  }
  return [...found].slice(0, MAX_ALTERNATIVES);
}

/** Singular and plural spellings the index holds ("licences" also finds "licence"). */
export function numberForms(vocab: Vocabulary, word: string): string[] {
  const forms = [`${word}s`, `${word}es`];
  if (word.endsWith('es')) forms.push(word.slice(0, -2));
  if (word.endsWith('s') && word.length > 3) forms.push(word.slice(0, -1));
  return forms.filter((form) => vocab.docs.has(form));
}
