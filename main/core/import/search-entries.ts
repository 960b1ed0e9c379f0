import type { WritableDb } from '../db/connection';
import { statement } from '../db/statements';

/**
 * The search entries of the cases with seq first..last, built in SQL from their rows: the columns
 * indexCase (cases/search-index.ts) writes, the caller's phone as phoneTokens spells it (all its
 * digits, the last seven, the last four, each once). One statement per batch instead of one per case
 * keeps a year of history inside the import budget; import-cases.test.ts checks that the entries
 * equal indexCase's.
 */
export function indexImportedCases(db: WritableDb, first: number, last: number): void {
  statement(
    db,
    `INSERT INTO cases_search (rowid, reference, caller_name, caller_phone, address, description, notes)
     SELECT seq, reference, coalesce(caller_name, ''),
       CASE
         WHEN caller_phone_digits IS NULL THEN ''
         WHEN length(caller_phone_digits) > 7 THEN caller_phone_digits || ' ' || substr(caller_phone_digits, -7) || ' ' || substr(caller_phone_digits, -4)
         WHEN length(caller_phone_digits) > 4 THEN caller_phone_digits || ' ' || substr(caller_phone_digits, -4)
         ELSE caller_phone_digits
       END,
       coalesce(address_text, ''), description, ''
     FROM cases WHERE seq BETWEEN ? AND ?`,
  ).run(first, last);
}
