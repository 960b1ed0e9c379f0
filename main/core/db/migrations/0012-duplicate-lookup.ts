import type { Migration } from './index';

/**
 * The condition of the duplicate check's partial indexes. Queries repeat it word for word: SQLite
 * uses a partial index only when the query's WHERE contains each of its terms.
 */
export const OPEN_CASE_SQL = `status IN ('new', 'open', 'in_progress') AND deleted_at IS NULL`;

/** Spelling variants folded to one form, whole words only. */
const ADDRESS_WORDS: readonly [string, string][] = [
  ['street', 'st'],
  ['avenue', 'ave'],
  ['drive', 'dr'],
  ['road', 'rd'],
  ['boulevard', 'blvd'],
  ['crescent', 'cres'],
  ['court', 'crt'],
  ['place', 'pl'],
  ['trail', 'trl'],
  ['north', 'n'],
  ['south', 's'],
  ['east', 'e'],
  ['west', 'w'],
];

/**
 * An address typed as free text, folded so "1204 3 Avenue South" and "1204 3 ave. s" compare equal:
 * lower case, punctuation as spaces, runs of spaces as one, street types and directions abbreviated.
 * Built-in SQL functions only: an index on a function the app registers would make every write to
 * cases fail in any tool that opens the file without it. The index and the query both take their
 * expression from here, since SQLite uses an expression index only for the identical expression;
 * changing it means a new migration that rebuilds the index.
 */
export function addressKeySql(operand: string): string {
  let sql = `lower(${operand})`;
  for (const mark of [',', '.', '#', '-', '/']) sql = `replace(${sql}, '${mark}', ' ')`;
  sql = `' ' || ${sql} || ' '`;
  for (let pass = 0; pass < 4; pass++) sql = `replace(${sql}, '  ', ' ')`;
  for (const [word, short] of ADDRESS_WORDS) sql = `replace(${sql}, ' ${word} ', ' ${short} ')`;
  return `trim(${sql})`;
}

/**
 * Indexes for the duplicate service-request check (main/core/duplicates). Each holds open, live cases
 * only — a few thousand rows on a desk of a million — so a check reads a handful of index pages and a
 * status change costs one small index write. By place: one type's cases in a latitude band, longitude
 * read from the index. By address: one type's cases at one address id, or one folded address text,
 * newest first.
 */
export const duplicateLookup: Migration = {
  id: 12,
  name: 'duplicate_lookup',
  sql: `
CREATE INDEX cases_open_by_place ON cases (service_code, lat, lng) WHERE ${OPEN_CASE_SQL} AND lat IS NOT NULL;
CREATE INDEX cases_open_by_address_id ON cases (service_code, address_id, created_at) WHERE ${OPEN_CASE_SQL} AND address_id IS NOT NULL;
CREATE INDEX cases_open_by_address_text ON cases (service_code, ${addressKeySql('address_text')}, created_at) WHERE ${OPEN_CASE_SQL} AND address_text IS NOT NULL;
`,
};
