import type { CallerMatch } from '../../../shared/contract';
import type { ReadableDb } from '../db/connection';
import { summaryFromRow } from './case-row';
import { newestMatches } from './case-reads';

const OPEN_STATUSES = new Set(['new', 'open', 'in_progress']);
const SCAN_LIMIT = 400;

/** An FTS5 query over the caller columns only: a phone number by its digits, a name by word prefixes. */
function callerMatchQuery(typed: string): string | null {
  const digits = typed.replace(/\D/g, '');
  if (/^[\d\s().+-]+$/.test(typed.trim()) && digits.length >= 4) return `caller_phone : "${digits.slice(-10)}"*`;
  const words = typed.normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0) return null;
  return `caller_name : (${words.slice(0, 6).map((w) => `"${w}"*`).join(' ')})`;
}

/**
 * Callers whose phone or name matches what the specialist typed, most recent first, each with
 * their newest cases — so "has this person called about this before?" is answered at a glance.
 */
export function findCallers(db: ReadableDb, typed: string, maxCallers = 6): CallerMatch[] {
  const match = callerMatchQuery(typed);
  if (!match) return [];
  const rows = newestMatches(db, match, SCAN_LIMIT, { knownCallersOnly: true });
  const callers = new Map<string, CallerMatch>();
  for (const row of rows) {
    const key = `${(row.caller_name ?? '').toLowerCase()}|${(row.caller_phone ?? '').replace(/\D/g, '')}`;
    let caller = callers.get(key);
    if (!caller) {
      if (callers.size >= maxCallers) continue;
      caller = { name: row.caller_name, phone: row.caller_phone, caseCount: 0, openCount: 0, lastCaseAt: new Date(row.created_at).toISOString(), recentCases: [] };
      callers.set(key, caller);
    }
    caller.caseCount += 1;
    if (OPEN_STATUSES.has(row.status)) caller.openCount += 1;
    if (caller.recentCases.length < 5) caller.recentCases.push(summaryFromRow(row));
  }
  return [...callers.values()];
}
