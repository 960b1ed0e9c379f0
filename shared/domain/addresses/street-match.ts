import { longForm, roleOf, type TokenRole } from './address-tokens';

/**
 * Which streets of the city a typed street name could mean. A city has a few thousand streets and
 * a hundred thousand addresses, so the streets are scored first, in memory, and only the civic
 * numbers of the best few are looked up. A street's name words weigh more than its type and
 * directional: "3 Ave" typed without "S" still finds 3 Ave S (and 3 Ave N, just as well).
 */

export interface StreetToken {
  text: string;
  role: TokenRole;
}
export interface StreetEntry {
  key: string;
  tokens: StreetToken[];
}
export interface StreetCatalogue {
  streets: StreetEntry[];
  /** Every distinct token of every street, each scored once per query. */
  vocabulary: string[];
}

const WEIGHT: Record<TokenRole, number> = { name: 3, type: 1, direction: 1 };
/** What a street loses for a word of its own the query did not mention. A missing directional is common. */
const MISSING: Record<TokenRole, number> = { name: 2, type: 0.5, direction: 0.3 };
/** What a reading loses for a word that matches nothing on the street ("Lethbridge", a postal code, a wrong directional). */
const UNMATCHED_WORD = 1.5;

export function buildStreetCatalogue(keys: Iterable<string>): StreetCatalogue {
  const streets: StreetEntry[] = [];
  const vocabulary = new Set<string>();
  for (const key of keys) {
    const tokens = key.split(' ').filter((t) => t !== '');
    tokens.forEach((t) => vocabulary.add(t));
    streets.push({ key, tokens: tokens.map((text) => ({ text, role: roleOf(text) })) });
  }
  return { streets, vocabulary: [...vocabulary] };
}

/** Optimal string alignment distance (edits and adjacent swaps), giving up past `limit`. */
export function typoDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowBest = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, beforePrevious[j - 2]! + 1);
      current.push(value);
      rowBest = Math.min(rowBest, value);
    }
    if (rowBest > limit) return limit + 1;
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length]!;
}

const isNumber = (token: string): boolean => token.charCodeAt(0) >= 48 && token.charCodeAt(0) <= 57;

/** One typo in a word of 4 to 7 letters, two in a longer one. */
function typoQuality(typed: string, word: string): number {
  if (typed.length < 4 || word.length < 4) return 0;
  const limit = Math.min(typed.length, word.length) >= 8 ? 2 : 1;
  const distance = typoDistance(typed, word, limit);
  if (distance > limit) return 0;
  if (distance === 0) return 1;
  if (distance === 1) return 0.75;
  return distance === 2 ? 0.6 : 0;
}

/**
 * How well a typed (canonical) word matches a street's token, from 0 to 1: exactly, as the start
 * of a word still being typed, as a shortening of a name ("mag" for Magrath), or with a typo.
 * Numbers match only exactly (3 Ave is not 13 Ave), or as the start of one being typed.
 */
export function tokenQuality(typed: string, token: string, partial: boolean): number {
  if (typed === token) return 1;
  if (isNumber(typed) || isNumber(token)) return partial && token.startsWith(typed) ? 0.7 : 0;
  const long = longForm(token);
  if (partial && (token.startsWith(typed) || long.startsWith(typed))) return typed.length >= 3 ? 0.85 : 0.6;
  if (typed.length >= 3 && token.length > typed.length && token.startsWith(typed)) return 0.7;
  if (typed.length >= 2 && long !== token && long.startsWith(typed)) return 0.8;
  const typo = Math.max(typoQuality(typed, token), long === token ? 0 : typoQuality(typed, long));
  if (typo > 0) return typo;
  if (partial && typed.length >= 4 && token.length > typed.length && typoDistance(typed, token.slice(0, typed.length), 1) <= 1) return 0.55;
  return 0;
}

export interface RankedStreet {
  street: StreetEntry;
  score: number;
}

/** Highest possible score of a street: every token matched exactly. */
export const perfectStreetScore = (street: StreetEntry): number => street.tokens.reduce((sum, t) => sum + WEIGHT[t.role], 0);

/**
 * Scores every street against the typed street words and keeps those within `margin` of the best
 * (at most `max`), best first. A street qualifies only if at least one of its name words matched.
 */
export function rankStreets(catalogue: StreetCatalogue, typed: readonly string[], lastIsPartial: boolean, max: number, margin = 4): RankedStreet[] {
  if (typed.length === 0) return [];
  const qualities = typed.map((word, i) => {
    const partial = lastIsPartial && i === typed.length - 1;
    const byToken = new Map<string, number>();
    for (const token of catalogue.vocabulary) {
      const quality = tokenQuality(word, token, partial);
      if (quality > 0) byToken.set(token, quality);
    }
    return byToken;
  });
  const ranked: RankedStreet[] = [];
  let best = -Infinity;
  for (const street of catalogue.streets) {
    const score = scoreStreet(street, qualities);
    if (score === null || score < best - margin) continue;
    if (score > best) best = score;
    ranked.push({ street, score });
  }
  return ranked
    .filter((r) => r.score >= best - margin)
    .sort((a, b) => b.score - a.score || a.street.key.localeCompare(b.street.key))
    .slice(0, max);
}

function scoreStreet(street: StreetEntry, qualities: readonly Map<string, number>[]): number | null {
  const { tokens } = street;
  let used = 0;
  let score = 0;
  let nameMatched = false;
  for (const byToken of qualities) {
    let bestValue = 0;
    let bestIndex = -1;
    for (let j = 0; j < tokens.length; j++) {
      if (used & (1 << j)) continue;
      const quality = byToken.get(tokens[j]!.text);
      if (quality === undefined) continue;
      const value = quality * WEIGHT[tokens[j]!.role];
      if (value > bestValue) {
        bestValue = value;
        bestIndex = j;
      }
    }
    if (bestIndex < 0) {
      score -= UNMATCHED_WORD;
      continue;
    }
    used |= 1 << bestIndex;
    score += bestValue;
    if (tokens[bestIndex]!.role === 'name') nameMatched = true;
  }
  if (!nameMatched) return null;
  for (let j = 0; j < tokens.length; j++) if (!(used & (1 << j))) score -= MISSING[tokens[j]!.role];
  return score;
}
