import type { Case } from '../../../shared/domain';
import type { WritableDb } from '../db/connection';
import { statement } from '../db/statements';
import { phoneDigits } from './case-row';

/** Digits, the last seven and the last four, so "555-1234" and "1234" both find 403-555-1234. */
export function phoneTokens(phone: string | null | undefined): string {
  const digits = phoneDigits(phone);
  if (!digits) return '';
  return [...new Set([digits, digits.slice(-7), digits.slice(-4)])].join(' ');
}

function searchColumns(c: Case) {
  const caller = c.caller.anonymous ? null : c.caller;
  return {
    reference: c.reference,
    caller_name: caller?.name ?? '',
    caller_phone: phoneTokens(caller?.phone),
    address: c.location?.addressText ?? '',
    description: c.description,
  };
}

/** Keeps the FTS row of a case in step with the case. Call inside the writing transaction. */
export function indexCase(db: WritableDb, seq: number, c: Case, notes?: string): void {
  const columns = searchColumns(c);
  if (notes === undefined) {
    const changed = statement(
      db,
      `UPDATE cases_search SET reference = @reference, caller_name = @caller_name, caller_phone = @caller_phone,
         address = @address, description = @description WHERE rowid = @seq`,
    ).run({ ...columns, seq }).changes;
    if (changed > 0) return;
  }
  statement(
    db,
    `INSERT INTO cases_search (rowid, reference, caller_name, caller_phone, address, description, notes)
     VALUES (@seq, @reference, @caller_name, @caller_phone, @address, @description, @notes)`,
  ).run({ ...columns, seq, notes: notes ?? '' });
}

/**
 * Writes the search entries of the live cases with seq first..last in one statement, built in SQL
 * from their rows: the columns indexCase writes, the caller's phone as phoneTokens spells it (all
 * its digits, the last seven, the last four, each once) and the case's notes in the order they were
 * added. One statement per batch instead of one per case: FTS5 then writes one index segment per
 * batch. For a historic import and a desk's first pull (import-cases.test.ts and bulk-pull.test.ts
 * check that the entries equal indexCase's). The range must have no entries yet.
 */
export function indexCaseRange(db: WritableDb, first: number, last: number): void {
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
       coalesce(address_text, ''), description,
       coalesce((SELECT group_concat(body, ' ' ORDER BY n.seq) FROM case_notes n WHERE n.case_id = c.id), '')
     FROM cases c WHERE seq BETWEEN ? AND ? AND deleted_at IS NULL`,
  ).run(first, last);
}

export function appendNoteToIndex(db: WritableDb, seq: number, body: string): void {
  statement(db, `UPDATE cases_search SET notes = notes || ' ' || @body WHERE rowid = @seq`).run({ seq, body });
}

const PHONE_LIKE = /^\+?[\d\s().-]+$/;

/**
 * Turns what a specialist typed into an FTS5 query: every word must match as a prefix, in any
 * column. A phone number typed with separators is searched as its digits. Returns null when
 * nothing searchable is left.
 */
export function toMatchQuery(typed: string): string | null {
  const trimmed = typed.trim();
  const digits = trimmed.replace(/\D/g, '');
  if (PHONE_LIKE.test(trimmed) && digits.length >= 7) return `caller_phone : "${digits.slice(-10)}"*`;
  const words = trimmed.normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0) return null;
  // A one-letter word matches as a whole word: as a prefix it would merge most of the index.
  return words
    .slice(0, 12)
    .map((word) => (word.length === 1 ? `"${word}"` : `"${word}"*`))
    .join(' ');
}
