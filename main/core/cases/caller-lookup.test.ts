import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallerMatch } from '../../../shared/contract';
import { defaultCatalog, newId, type Case } from '../../../shared/domain';
import { openTestDesk, type TestDesk } from '../../../test/helpers/desk';
import type { ReadableDb } from '../db/connection';
import { seedCases } from '../seed/generate-cases';
import { findCallers } from './caller-lookup';
import { SUMMARY_COLUMNS, summaryFromRow, type SummaryRow } from './case-row';

/**
 * findCallers as it was before it read the matches in two steps and spelled one-letter prefixes
 * through the two-letter prefix index: the reference its answers must equal.
 */
function findCallersAsBefore(db: ReadableDb, typed: string): CallerMatch[] {
  const digits = typed.replace(/\D/g, '');
  let match: string;
  if (/^[\d\s().+-]+$/.test(typed.trim()) && digits.length >= 4) match = `caller_phone : "${digits.slice(-10)}"*`;
  else {
    const words = typed.normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? [];
    if (words.length === 0) return [];
    match = `caller_name : (${words
      .slice(0, 6)
      .map((w) => `"${w}"*`)
      .join(' ')})`;
  }
  const rows = db
    .prepare(
      `SELECT ${SUMMARY_COLUMNS} FROM cases
       WHERE seq IN (SELECT rowid FROM cases_search WHERE cases_search MATCH ? ORDER BY rowid DESC LIMIT 400)
         AND deleted_at IS NULL AND caller_anonymous = 0 ORDER BY seq DESC`,
    )
    .all(match) as SummaryRow[];
  const callers = new Map<string, CallerMatch>();
  for (const row of rows) {
    const key = `${(row.caller_name ?? '').toLowerCase()}|${(row.caller_phone ?? '').replace(/\D/g, '')}`;
    let caller = callers.get(key);
    if (!caller) {
      if (callers.size >= 6) continue;
      caller = { name: row.caller_name, phone: row.caller_phone, caseCount: 0, openCount: 0, lastCaseAt: new Date(row.created_at).toISOString(), recentCases: [] };
      callers.set(key, caller);
    }
    caller.caseCount += 1;
    if (['new', 'open', 'in_progress'].includes(row.status)) caller.openCount += 1;
    if (caller.recentCases.length < 5) caller.recentCases.push(summaryFromRow(row));
  }
  return [...callers.values()];
}

let desk: TestDesk;
beforeAll(() => {
  desk = openTestDesk();
  seedCases(desk.db, defaultCatalog, { cases: 3_000, deskCode: 'D07', endAt: Date.parse('2026-11-27T00:00:00Z'), timeZone: 'America/Edmonton' });
});
afterAll(() => desk.close());

function logCall(caller: { name: string; phone?: string } | null, description: string): Case {
  desk.clock.now += 60_000;
  const result = desk.call('createCase', {
    id: newId(),
    channel: 'phone',
    kind: 'information',
    serviceCode: 'general-information',
    caller: caller ? { anonymous: false, ...caller } : { anonymous: true },
    location: null,
    answers: {},
    description,
  });
  if (!result.ok) throw new Error(result.error.message);
  return result.value as Case;
}

describe('findCallers on a seeded desk', () => {
  it('answers exactly as before for phone numbers, phone fragments, names and name prefixes', () => {
    const known = desk.db
      .prepare('SELECT caller_name AS name, caller_phone AS phone FROM cases WHERE caller_anonymous = 0 AND seq % 37 = 0 LIMIT 40')
      .all() as { name: string; phone: string }[];
    const queries = known.flatMap(({ name, phone }) => {
      const [first = '', last = ''] = name.split(' ');
      return [phone, phone.slice(-8), phone.slice(-4), phone.slice(0, 6), name, first.slice(0, 2), `${first} ${last.slice(0, 1)}`, `${first.slice(0, 1)} ${last}`, last.toUpperCase()];
    });
    let found = 0;
    for (const query of queries) {
      const answer = findCallers(desk.db, query);
      expect(answer, query).toEqual(findCallersAsBefore(desk.db, query));
      if (answer.length > 0) found += 1;
    }
    expect(found).toBe(queries.length);
  });

  it('lists at most six callers, each with five newest cases, newest caller first', () => {
    const answer = findCallers(desk.db, 'a');
    expect(answer).toHaveLength(6);
    for (const caller of answer) {
      expect(caller.recentCases.length).toBeLessThanOrEqual(5);
      const times = caller.recentCases.map((c) => c.createdAt);
      expect(times).toEqual([...times].sort().reverse());
      expect(caller.lastCaseAt).toBe(times[0]);
    }
    const last = answer.map((caller) => caller.lastCaseAt);
    expect(last).toEqual([...last].sort().reverse());
  });

  it('counts open cases, leaves out anonymous and deleted ones, and finds names with accents', () => {
    desk.clock.now = Date.parse('2026-11-27T16:00:00Z');
    logCall({ name: 'Zoë Quennell', phone: '403-555-0199' }, 'Asked about recycling');
    const second = logCall({ name: 'Zoë Quennell', phone: '(403) 555-0199' }, 'Asked again');
    const gone = logCall({ name: 'Zoë Quennell', phone: '403-555-0199' }, 'Logged in error');
    logCall(null, 'Quennell mentioned by an anonymous caller');
    desk.db.prepare("UPDATE cases SET status = 'resolved' WHERE id = ?").run(second.id);
    desk.db.prepare('UPDATE cases SET deleted_at = 1 WHERE id = ?').run(gone.id);
    desk.db.prepare('DELETE FROM cases_search WHERE rowid = (SELECT seq FROM cases WHERE id = ?)').run(gone.id);
    const expected = [{ name: 'Zoë Quennell', phone: '(403) 555-0199', caseCount: 2, openCount: 1 }];
    expect(findCallers(desk.db, 'zoe q')).toMatchObject(expected);
    expect(findCallers(desk.db, 'Quennell')).toMatchObject(expected);
    expect(findCallers(desk.db, '0199')).toMatchObject(expected);
    expect(findCallers(desk.db, 'zoe q')[0]!.recentCases.map((c) => c.summary)).toEqual(['Asked again', 'Asked about recycling']);
    expect(findCallers(desk.db, '--')).toEqual([]);
  });
});
