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
