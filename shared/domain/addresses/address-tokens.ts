/**
 * The words of an address, reduced to one canonical spelling each, so that "Avenue", "Ave" and
 * "av" — or "South" and "S", or "3rd" and "3" — compare equal. The same reduction runs on the
 * city's list and on what the specialist types, so only the canonical forms are ever compared.
 */

/** Canonical street type → every spelling of it seen in Canadian address lists (the first is the long form). */
const STREET_TYPE_SPELLINGS: Record<string, readonly string[]> = {
  st: ['street', 'st', 'str', 'strt'],
  ave: ['avenue', 'ave', 'av', 'aven', 'avn', 'avenu'],
  rd: ['road', 'rd'],
  dr: ['drive', 'dr', 'drv', 'driv'],
  blvd: ['boulevard', 'blvd', 'boul', 'blv', 'boulv'],
  cres: ['crescent', 'cres', 'cr', 'crs', 'cresc', 'crescnt'],
  ct: ['court', 'ct', 'crt'],
  pl: ['place', 'pl', 'plc'],
  ln: ['lane', 'ln'],
  tr: ['trail', 'tr', 'trl'],
  way: ['way', 'wy'],
  terr: ['terrace', 'terr', 'ter', 'tce'],
  cir: ['circle', 'cir', 'circ', 'crcl'],
  cl: ['close', 'cl'],
  gate: ['gate', 'gt'],
  grn: ['green', 'grn'],
  hts: ['heights', 'hts', 'hgts'],
  hwy: ['highway', 'hwy'],
  pky: ['parkway', 'pky', 'pkwy'],
  pt: ['point', 'pt'],
  sq: ['square', 'sq'],
  bay: ['bay'],
  land: ['landing', 'land', 'lndg'],
  mnr: ['manor', 'mnr'],
  mews: ['mews'],
  pk: ['park', 'pk'],
  rdg: ['ridge', 'rdg'],
  vw: ['view', 'vw'],
  grv: ['grove', 'grv'],
  link: ['link', 'lk'],
  row: ['row'],
  rise: ['rise'],
  run: ['run'],
  walk: ['walk'],
  cmn: ['common', 'cmn', 'commons', 'cmns'],
  gdns: ['gardens', 'gdns'],
  hill: ['hill', 'hl'],
  est: ['estates', 'est'],
  path: ['path'],
  cove: ['cove', 'cv'],
  glen: ['glen', 'gln'],
};

const DIRECTIONAL_SPELLINGS: Record<string, readonly string[]> = {
  n: ['north', 'n', 'no'],
  s: ['south', 's', 'so'],
  e: ['east', 'e'],
  w: ['west', 'w'],
  ne: ['northeast', 'ne'],
  nw: ['northwest', 'nw'],
  se: ['southeast', 'se'],
  sw: ['southwest', 'sw'],
};

const ORDINAL_WORDS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth'];

/** Words that introduce a unit: "unit 4", "apt 4", "suite 210", "# 4". */
export const UNIT_WORDS: ReadonlySet<string> = new Set(['unit', 'apt', 'apartment', 'suite', 'ste', '#', 'bldg', 'building', 'rm', 'room', 'bsmt', 'lot']);

export type TokenRole = 'type' | 'direction' | 'name';

const canonicalOf = new Map<string, { canonical: string; role: TokenRole }>();
const longFormOf = new Map<string, string>();
for (const [canonical, spellings] of Object.entries(STREET_TYPE_SPELLINGS)) {
  longFormOf.set(canonical, spellings[0]!);
  for (const spelling of spellings) canonicalOf.set(spelling, { canonical, role: 'type' });
}
for (const [canonical, spellings] of Object.entries(DIRECTIONAL_SPELLINGS)) {
  longFormOf.set(canonical, spellings[0]!);
  for (const spelling of spellings) canonicalOf.set(spelling, { canonical, role: 'direction' });
}
ORDINAL_WORDS.forEach((word, i) => canonicalOf.set(word, { canonical: String(i + 1), role: 'name' }));

/** "no" and "so" are also ordinary words: they count as directionals only after a street type. */
const WEAK_DIRECTIONALS = new Set(['no', 'so']);

/** The canonical spelling of one lower-case token: "avenue" → "ave", "south" → "s", "3rd" → "3", "03" → "3". */
export function canonicalToken(token: string): string {
  const known = canonicalOf.get(token);
  if (known && !WEAK_DIRECTIONALS.has(token)) return known.canonical;
  const ordinal = /^0*(\d+)(?:st|nd|rd|th)$/.exec(token);
  if (ordinal) return ordinal[1]!;
  if (/^\d+$/.test(token)) return String(Number(token));
  return token;
}

/** What a canonical token is in a street name: "ave" a type, "s" a directional, "mayor" or "3" a name. */
export function roleOf(canonical: string): TokenRole {
  const known = canonicalOf.get(canonical);
  return known && known.canonical === canonical ? known.role : 'name';
}

/** "ave" → "avenue", "s" → "south"; other tokens are their own long form. For prefix matching while typing. */
export const longForm = (canonical: string): string => longFormOf.get(canonical) ?? canonical;

/**
 * Lower-case words of a piece of address text. Commas and periods separate words; "#4" becomes
 * "#", "4"; a hyphen stays inside a word ("4-123", "whoop-up") because its meaning depends on
 * where the word is. Accents are dropped ("Montréal" → "montreal").
 */
export function addressWords(text: string): string[] {
  const plain = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/#/g, ' # ')
    .replace(/[^a-z0-9#\- ]+/g, ' ')
    .replace(/\s+-\s*|\s*-\s+/g, ' ');
  return plain.split(' ').filter((word) => word !== '' && word !== '-');
}

/** Two-word directionals ("north east") read as one ("ne"). */
const PAIRS: Record<string, string> = { 'n e': 'ne', 'n w': 'nw', 's e': 'se', 's w': 'sw' };

/**
 * A street name as canonical tokens: "Mayor Magrath Drive South" → ["mayor", "magrath", "dr", "s"].
 * A hyphenated name splits into its words ("Whoop-Up" → "whoop", "up"), so "whoop up" matches too.
 */
export function canonicalStreetTokens(street: string): string[] {
  const tokens = addressWords(street)
    .flatMap((word) => word.split('-'))
    .filter((word) => word !== '' && word !== '#')
    .map((word, i, all) => (WEAK_DIRECTIONALS.has(word) && i > 0 && roleOf(canonicalToken(all[i - 1]!)) === 'type' ? canonicalOf.get(word)!.canonical : canonicalToken(word)));
  const joined: string[] = [];
  for (const token of tokens) {
    const previous = joined[joined.length - 1];
    const pair = previous === undefined ? undefined : PAIRS[`${previous} ${token}`];
    if (pair) joined[joined.length - 1] = pair;
    else joined.push(token);
  }
  return joined;
}

/** The key a street is stored and grouped under: its canonical tokens joined by spaces. */
export const streetKey = (street: string): string => canonicalStreetTokens(street).join(' ');

/** A civic number or unit reduced for comparison: "0123A" → "123a", "Unit #4" stays for the caller to strip. */
export function canonicalCivic(value: string): string {
  const word = value.trim().toLowerCase().replace(/[^a-z0-9]/g, '');
  const match = /^0*(\d+)([a-z]*)$/.exec(word);
  return match ? `${match[1]}${match[2]}` : word;
}

/** The leading number of a civic number ("123a" → 123), for ordering and nearest-number matching; null when there is none. */
export function civicValue(canonical: string): number | null {
  const match = /^(\d+)/.exec(canonical);
  return match ? Number(match[1]) : null;
}

/** A unit reduced for comparison: "Unit 4" / "#4" / "Apt. 4" / "04" → "4"; "" when there is none. */
export function canonicalUnit(value: string): string {
  const words = addressWords(value).filter((word) => !UNIT_WORDS.has(word));
  return canonicalCivic(words.join(''));
}
