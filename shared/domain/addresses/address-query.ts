import { addressWords, canonicalCivic, canonicalStreetTokens, canonicalToken, canonicalUnit, roleOf, UNIT_WORDS } from './address-tokens';

/**
 * One way of reading what the specialist typed: which part is the unit, which the civic number,
 * and which words name the street. "4 123 Main St" may be unit 4 at 123 Main St, and "13 St N" is a
 * street with no civic number, so a query can have more than one reading; the less likely ones
 * carry a penalty that the scorer subtracts.
 */
export interface QueryReading {
  /** Canonical civic number ("123", "123a"), or null when none was typed. */
  civic: string | null;
  /** Canonical unit ("4", "210b"), or null. */
  unit: string | null;
  /** Canonical street tokens ("3", "ave", "s"). */
  street: string[];
  /** The last street token may be unfinished: the specialist is still typing it. */
  lastIsPartial: boolean;
  penalty: number;
}

const CIVIC = /^\d+[a-z]?$/;
/** "4-123" (unit 4 at 123) and "a-123"; Canadian lists write the unit first. */
const UNIT_DASH_CIVIC = /^([a-z]?\d*[a-z]?)-(\d+[a-z]?)$/;
/** "apt4", "unit12b", "suite210". */
const GLUED_UNIT = /^(?:unit|apt|suite|ste)(\d+[a-z]?)$/;

const isStreetWord = (word: string): boolean => {
  const role = roleOf(canonicalToken(word));
  return role === 'type' || role === 'direction';
};

/** Takes out every unit the text names explicitly ("unit 4", "#4", "apt 4", "suite 210"), wherever it stands. */
function takeUnit(words: string[]): { unit: string | null; rest: string[] } {
  let unit: string | null = null;
  const rest: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const glued = GLUED_UNIT.exec(word);
    if (glued) {
      unit = canonicalUnit(glued[1]!);
    } else if (UNIT_WORDS.has(word)) {
      const next = words[i + 1];
      // "suite" at the very end is still being typed: it names nothing yet. A unit may be a
      // letter that is also a directional ("apt E"), never a street type or a spelt-out direction.
      if (next !== undefined && (next.length === 1 || !isStreetWord(next))) {
        unit = canonicalUnit(next);
        i += 1;
      }
    } else {
      rest.push(word);
    }
  }
  return { unit, rest };
}

/** The readings of a typed address, most likely first; none when it holds no words at all. */
export function readAddressQuery(text: string): QueryReading[] {
  const words = addressWords(text);
  if (words.length === 0) return [];
  const stillTyping = !/[\s,]$/.test(text);
  const { unit: namedUnit, rest } = takeUnit(words);
  const street = (from: number) => canonicalStreetTokens(rest.slice(from).join(' '));
  const reading = (civic: string | null, unit: string | null, from: number, penalty: number): QueryReading => {
    const tokens = street(from);
    return { civic, unit, street: tokens, lastIsPartial: stillTyping && tokens.length > 0 && from < rest.length, penalty };
  };
  const [first, second, third] = rest;
  if (first === undefined) return namedUnit === null ? [] : [{ civic: null, unit: namedUnit, street: [], lastIsPartial: false, penalty: 0 }];
  const dashed = UNIT_DASH_CIVIC.exec(first);
  if (dashed && dashed[1] !== '') return [reading(canonicalCivic(dashed[2]!), namedUnit ?? canonicalUnit(dashed[1]!), 1, 0)];
  if (!CIVIC.test(first)) return [reading(null, namedUnit, 0, 0)];
  const readings: QueryReading[] = [];
  // "4 123 Main St": two numbers and then a name, not a street type — unit, then civic number.
  if (namedUnit === null && second !== undefined && CIVIC.test(second) && third !== undefined && !isStreetWord(third)) {
    readings.push(reading(canonicalCivic(second), canonicalUnit(first), 2, 0));
  }
  readings.push(reading(canonicalCivic(first), namedUnit, 1, 0));
  // "13 St N" typed without a civic number: the number is the street's name.
  if (/^\d+$/.test(first) && second !== undefined) readings.push(reading(null, namedUnit, 0, 2));
  return readings;
}
