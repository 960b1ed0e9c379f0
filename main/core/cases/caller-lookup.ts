import type { CallerMatch, CaseSummary } from '../../../shared/contract';
import type { CaseStatus } from '../../../shared/domain';
import type { ReadableDb } from '../db/connection';
import { statement } from '../db/statements';
import { SUMMARY_COLUMNS, summaryFromRow, type SummaryRow } from './case-row';

const OPEN_STATUSES = new Set(['new', 'open', 'in_progress']);
const SCAN_LIMIT = 400;
const RECENT_CASES = 5;

const LETTERS_AND_DIGITS = [...'abcdefghijklmnopqrstuvwxyz0123456789'];

/**
 * A word as a prefix query. The search index keeps prefix indexes of two and three characters only,
 * so a one-letter prefix ("Olivia S", typed on the way to "Olivia Smith") would merge the entries
 * of every word in every column that starts with it: 10–20 ms on a million cases. Spelled as the
 * letter alone or any of its two-character prefixes, it reads those prefix indexes instead, about
 * four times faster. Only a second character outside a–z and 0–9 after folding (ø, ß) is missed,
 * until the next keystroke.
 */
function prefixTerm(word: string): string {
  const letter = word.toLowerCase();
  if (letter.length !== 1 || !LETTERS_AND_DIGITS.includes(letter)) return `"${word}"*`;
  return `("${letter}" OR ${LETTERS_AND_DIGITS.map((next) => `"${letter}${next}"*`).join(' OR ')})`;
}

/** An FTS5 query over the caller columns only: a phone number by its digits, a name by word prefixes. */
function callerMatchQuery(typed: string): string | null {
  const digits = typed.replace(/\D/g, '');
  if (/^[\d\s().+-]+$/.test(typed.trim()) && digits.length >= 4) return `caller_phone : "${digits.slice(-10)}"*`;
  const words = typed.normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0) return null;
  return `caller_name : (${words.slice(0, 6).map(prefixTerm).join(' AND ')})`;
}

interface CallerFacts {
  seq: number;
  status: CaseStatus;
  caller_name: string | null;
  caller_phone: string | null;
  created_at: number;
}

/**
 * Who called in the newest matching cases, newest first: only what grouping them into callers
 * needs. A common name matches hundreds of cases; reading whole summaries for all of them cost
 * more than the search itself, and at most thirty are shown.
 */
function newestCallerFacts(db: ReadableDb, match: string): CallerFacts[] {
  return statement(
    db,
    `SELECT seq, status, caller_name, caller_phone, created_at FROM cases
     WHERE seq IN (SELECT rowid FROM cases_search WHERE cases_search MATCH @match ORDER BY rowid DESC LIMIT ${SCAN_LIMIT})
       AND deleted_at IS NULL AND caller_anonymous = 0
     ORDER BY seq DESC`,
  ).all({ match }) as CallerFacts[];
}

function summariesBySeq(db: ReadableDb, seqs: number[]): Map<number, CaseSummary> {
  const rows = statement(db, `SELECT seq, ${SUMMARY_COLUMNS} FROM cases WHERE seq IN (SELECT value FROM json_each(?))`).all(JSON.stringify(seqs)) as (SummaryRow & {
    seq: number;
  })[];
  return new Map(rows.map((row) => [row.seq, summaryFromRow(row)]));
}

/**
 * Callers whose phone or name matches what the specialist typed, most recent first, each with
 * their newest cases — so "has this person called about this before?" is answered at a glance.
 * Counts cover the newest 400 matching cases.
 */
export function findCallers(db: ReadableDb, typed: string, maxCallers = 6): CallerMatch[] {
  const match = callerMatchQuery(typed);
  if (!match) return [];
  const callers = new Map<string, { match: Omit<CallerMatch, 'recentCases'>; recentSeqs: number[] }>();
  for (const row of newestCallerFacts(db, match)) {
    const key = `${(row.caller_name ?? '').toLowerCase()}|${(row.caller_phone ?? '').replace(/\D/g, '')}`;
    let caller = callers.get(key);
    if (!caller) {
      if (callers.size >= maxCallers) continue;
      caller = { match: { name: row.caller_name, phone: row.caller_phone, caseCount: 0, openCount: 0, lastCaseAt: new Date(row.created_at).toISOString() }, recentSeqs: [] };
      callers.set(key, caller);
    }
    caller.match.caseCount += 1;
    if (OPEN_STATUSES.has(row.status)) caller.match.openCount += 1;
    if (caller.recentSeqs.length < RECENT_CASES) caller.recentSeqs.push(row.seq);
  }
  const summaries = summariesBySeq(db, [...callers.values()].flatMap((caller) => caller.recentSeqs));
  return [...callers.values()].map(({ match: found, recentSeqs }) => ({
    ...found,
    recentCases: recentSeqs.flatMap((seq) => summaries.get(seq) ?? []),
  }));
}
