import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultCatalog } from '../../../shared/domain';
import { openTestDesk, type TestDesk } from '../../../test/helpers/desk';
import { seedCases } from '../seed/generate-cases';
import { COUNT_CAP } from './case-reads';

let desk: TestDesk;
beforeAll(() => {
  desk = openTestDesk();
  seedCases(desk.db, defaultCatalog, { cases: 2_500, deskCode: 'D07', endAt: Date.parse('2026-11-27T00:00:00Z'), timeZone: 'America/Edmonton' });
});
afterAll(() => desk.close());

type Page = { items: { id: string; reference: string }[]; nextCursor: string | null; total: number; totalIsExact: boolean };
const list = (input: unknown): Page => {
  const result = desk.call('listCases', input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as Page;
};

describe('listCases on a larger desk', () => {
  it('says "at least" for broad filters instead of counting every match', () => {
    const resolved = desk.db.prepare("SELECT count(*) FROM cases WHERE status = 'resolved'").pluck().get() as number;
    expect(resolved).toBeGreaterThan(COUNT_CAP);
    expect(list({ filters: { status: ['resolved'] }, limit: 5 })).toMatchObject({ total: COUNT_CAP, totalIsExact: false });
    expect(list({ limit: 5 })).toMatchObject({ total: 2_500, totalIsExact: true });
  });

  it('pages through a text search without repeats or gaps, newest first', () => {
    const expected = desk.db
      .prepare("SELECT c.reference FROM cases_search s JOIN cases c ON c.seq = s.rowid WHERE cases_search MATCH '\"smith\"*' ORDER BY s.rowid DESC")
      .pluck()
      .all() as string[];
    expect(expected.length).toBeGreaterThan(20);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = list({ filters: { text: 'smith' }, limit: 7, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((i) => i.reference));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(expected);
  });

  it('pages through a filter in created order without repeats or gaps', () => {
    const expected = desk.db.prepare("SELECT reference FROM cases WHERE channel = 'walk_in' ORDER BY created_at DESC, seq DESC").pluck().all() as string[];
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = list({ filters: { channel: ['walk_in'] }, limit: 50, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((i) => i.reference));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(expected);
  });
});
