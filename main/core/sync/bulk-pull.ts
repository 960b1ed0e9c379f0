import { indexCaseRange } from '../cases/search-index';
import type { ReadableDb, WritableDb } from '../db/connection';
import { statement } from '../db/statements';

/**
 * A desk's first pull of a large backlog (a new desk joining a centre with a year of cases) writes
 * rows alone: kept up to date row by row, the secondary indexes and the search entries cost more
 * than the rows themselves, and built afterwards in one pass they cost a fraction. The steps left
 * are rows of bulk_pull_steps (desk migration 9), so a desk closed midway finishes at its next
 * start. Meanwhile the console works, a little slower; search finds the pulled cases once their
 * entries are built.
 */

/** A bulk pull is worth it only when the desk holds little to re-index: its own cases count against it. */
export const BULK_PULL_MAX_LOCAL_CASES = 20_000;
/** Search entries built per transaction, so console work can run in between. */
const SEARCH_CHUNK = 10_000;
/** Tables whose secondary indexes wait: a pull looks rows up by id only (their UNIQUE indexes stay). */
const DEFERRED_TABLES = ['cases', 'case_events', 'case_notes'];

/** Whether a first pull has dropped this index for now (reports then leave out their INDEXED BY). */
export const indexDeferred = (db: ReadableDb, name: string): boolean => statement(db, 'SELECT 1 FROM bulk_pull_steps WHERE name = ?').get(name) !== undefined;

export const bulkPullUnderway = (db: ReadableDb): boolean => statement(db, 'SELECT 1 FROM bulk_pull_steps LIMIT 1').get() !== undefined;

/** Cases from this seq on get their search entries from the bulk pull's last step; null when none is pending. */
export const searchDeferredFrom = (db: ReadableDb): number | null =>
  (statement(db, "SELECT next_seq FROM bulk_pull_steps WHERE name = 'search'").pluck().get() as number | undefined) ?? null;

/** Whether a pulled case's search entry is left to the bulk pull's last step rather than written now. */
export function searchEntryDeferred(db: ReadableDb, seq: number): boolean {
  const from = searchDeferredFrom(db);
  return from !== null && seq >= from;
}

/**
 * Starts a bulk pull if this is the desk's first one (cursor 0) and it holds few cases: drops the
 * deferrable indexes and records how to build them again, in one transaction. Returns whether it did.
 */
export function beginBulkPull(db: WritableDb): boolean {
  return db.transaction((): boolean => {
    const cursor = statement(db, 'SELECT pull_cursor FROM sync_state WHERE id = 1').pluck().get() as number;
    if (cursor !== 0 || bulkPullUnderway(db)) return false;
    const { cases, lastSeq } = statement(db, 'SELECT count(*) AS cases, coalesce(max(seq), 0) AS lastSeq FROM cases').get() as { cases: number; lastSeq: number };
    if (cases > BULK_PULL_MAX_LOCAL_CASES) return false;
    const indexes = db
      .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${DEFERRED_TABLES.map(() => '?').join(', ')})`)
      .all(...DEFERRED_TABLES) as { name: string; sql: string }[];
    const insertStep = statement(db, 'INSERT INTO bulk_pull_steps (name, sql, next_seq) VALUES (?, ?, ?)');
    for (const index of indexes) {
      insertStep.run(index.name, index.sql, null);
      db.exec(`DROP INDEX "${index.name}"`);
    }
    insertStep.run('search', null, lastSeq + 1);
    return true;
  })();
}

const yieldToConsole = () => new Promise<void>((resolve) => setImmediate(resolve));

function buildNextSearchChunk(db: WritableDb): boolean {
  return db.transaction((): boolean => {
    const from = searchDeferredFrom(db);
    if (from === null) return false;
    const lastSeq = statement(db, 'SELECT coalesce(max(seq), 0) FROM cases').pluck().get() as number;
    if (from > lastSeq) {
      statement(db, "DELETE FROM bulk_pull_steps WHERE name = 'search'").run();
      return false;
    }
    const to = Math.min(lastSeq, from + SEARCH_CHUNK - 1);
    // A console edit in the range meanwhile may have written an entry; the chunk rewrites them all.
    statement(db, 'DELETE FROM cases_search WHERE rowid BETWEEN ? AND ?').run(from, to);
    indexCaseRange(db, from, to);
    statement(db, "UPDATE bulk_pull_steps SET next_seq = ? WHERE name = 'search'").run(to + 1);
    return true;
  })();
}

/** What the console reads while a call is taken (a case's history and notes, caller lookup, the case list) is rebuilt first. */
const FIRST_REBUILT = `CASE name WHEN 'case_events_by_case' THEN 0 WHEN 'case_notes_by_case' THEN 1 WHEN 'cases_by_phone' THEN 2 WHEN 'cases_by_created' THEN 3 ELSE 4 END, name`;

const running = new WeakMap<WritableDb, Promise<void>>();

/**
 * Builds what a bulk pull left: each index in its own transaction, then the search entries a chunk
 * at a time, yielding to the console between steps. Safe to call at any time, and again after a
 * crash; concurrent calls share one run.
 */
export function finishBulkPull(db: WritableDb): Promise<void> {
  const inFlight = running.get(db);
  if (inFlight) return inFlight;
  const run = (async () => {
    try {
      // A desk that closes meanwhile finishes at its next start.
      while (db.open) {
        const index = statement(db, `SELECT name, sql FROM bulk_pull_steps WHERE name <> 'search' ORDER BY ${FIRST_REBUILT} LIMIT 1`).get() as
          | { name: string; sql: string }
          | undefined;
        if (!index) break;
        db.transaction(() => {
          // IF NOT EXISTS: a migration that rebuilt the table since may have made the index already.
          db.exec(index.sql.replace(/^CREATE (UNIQUE )?INDEX /i, 'CREATE $1INDEX IF NOT EXISTS '));
          statement(db, 'DELETE FROM bulk_pull_steps WHERE name = ?').run(index.name);
        })();
        await yieldToConsole();
      }
      while (db.open && buildNextSearchChunk(db)) await yieldToConsole();
    } finally {
      running.delete(db);
    }
  })();
  running.set(db, run);
  return run;
}
