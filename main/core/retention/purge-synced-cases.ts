import type { WritableDb } from '../db/connection';
import { statement } from '../db/statements';
import { bulkPullUnderway } from '../sync/bulk-pull';

export interface PurgeOptions {
  /** Cases unchanged for this many days (and synced, and finished) leave the desk. */
  olderThanDays: number;
  now: number;
  /** Asked between steps: true ends the purge early (the desk is closing). */
  isStopped?: () => boolean;
  /** Cases examined per transaction (by seq): bounds how long the console waits on one step. */
  window?: number;
}

export interface PurgeResult {
  cases: number;
  events: number;
  notes: number;
  searchEntries: number;
  /** Transactions run; the console gets a turn between any two. */
  steps: number;
  /** Set when nothing was purged on purpose. */
  skipped: 'bulk_pull_underway' | null;
}

const DAY_MS = 86_400_000;
const DEFAULT_WINDOW = 500;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/**
 * Synced, finished and old: resolved, closed or cancelled; no change (row, event or note) since
 * the cutoff; the server's copy is the desk's copy (synced_version set, no local change pending
 * over it: synced_state NULL); no outbox row and no unconfirmed change of it. Every unsynced change
 * has an outbox row, written in the same transaction, until the server's answer has been heard.
 */
const CANDIDATES = `
SELECT c.seq, c.id FROM cases c
WHERE c.seq > @from AND c.seq <= @to
  AND c.status IN ('resolved', 'closed', 'cancelled')
  AND c.updated_at < @cutoff
  AND c.synced_version IS NOT NULL AND c.synced_state IS NULL
  AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.case_id = c.id)
  AND NOT EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = c.id AND e.at >= @cutoff)
  AND NOT EXISTS (SELECT 1 FROM case_notes n WHERE n.case_id = c.id AND n.created_at >= @cutoff)
ORDER BY c.seq`;

/** Case ids an unfinished intake or an unsettled sync answer still names: those cases stay. */
function casesStillReferenced(db: WritableDb): Set<string> {
  const held = new Set<string>(statement(db, 'SELECT case_id FROM sync_unconfirmed WHERE case_id IS NOT NULL').pluck().all() as string[]);
  for (const snapshot of statement(db, 'SELECT snapshot FROM intake_drafts').pluck().all() as string[]) {
    for (const id of snapshot.match(UUID) ?? []) held.add(id.toLowerCase());
  }
  return held;
}

const yieldToConsole = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Removes from this desk the cases it no longer needs to hold: finished, synced and unchanged for
 * `olderThanDays`. The server keeps them; open and in-progress cases always stay (live work), and
 * so does anything not yet on the server. With each case go its events (contacts and article links
 * are events), notes, search entry and parked sync rows; the reference sequences and the import
 * mapping stay, so neither a reference nor an imported case ever comes back twice.
 * Works through the cases by seq, `window` at a time, each step one transaction, yielding between.
 * case_events is append-only by trigger; each step lifts that trigger and puts it back inside its
 * own transaction, so no other connection ever sees the table without it.
 */
export async function purgeSyncedCases(db: WritableDb, options: PurgeOptions): Promise<PurgeResult> {
  if (!Number.isInteger(options.olderThanDays) || options.olderThanDays < 1) {
    throw new Error(`retention: olderThanDays must be a whole number of days, at least 1 (got ${options.olderThanDays})`);
  }
  const result: PurgeResult = { cases: 0, events: 0, notes: 0, searchEntries: 0, steps: 0, skipped: null };
  // A first pull's search entries and indexes are still being built: come back when it is done.
  if (bulkPullUnderway(db)) return { ...result, skipped: 'bulk_pull_underway' };
  const cutoff = options.now - options.olderThanDays * DAY_MS;
  const window = options.window ?? DEFAULT_WINDOW;
  const last = (statement(db, 'SELECT coalesce(max(seq), 0) FROM cases').pluck().get() as number);
  for (let from = 0; from < last; from += window) {
    // The desk closed (or its chores were stopped) between two steps: each step was whole; stop here.
    if (!db.open || options.isStopped?.()) break;
    purgeStep(db, { from, to: from + window, cutoff }, result);
    result.steps += 1;
    await yieldToConsole();
  }
  return result;
}

function purgeStep(db: WritableDb, range: { from: number; to: number; cutoff: number }, result: PurgeResult): void {
  db.transaction(() => {
    const held = casesStillReferenced(db);
    const found = (statement(db, CANDIDATES).all(range) as { seq: number; id: string }[]).filter((c) => !held.has(c.id));
    if (found.length === 0) return;
    const ids = JSON.stringify(found.map((c) => c.id));
    const seqs = JSON.stringify(found.map((c) => c.seq));
    const appendOnly = db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = 'case_events_no_delete'").pluck().get() as string | undefined;
    if (appendOnly) db.exec('DROP TRIGGER case_events_no_delete');
    result.events += db.prepare('DELETE FROM case_events WHERE case_id IN (SELECT value FROM json_each(?))').run(ids).changes;
    if (appendOnly) db.exec(appendOnly);
    result.notes += db.prepare('DELETE FROM case_notes WHERE case_id IN (SELECT value FROM json_each(?))').run(ids).changes;
    db.prepare('DELETE FROM sync_parked_rows WHERE case_id IN (SELECT value FROM json_each(?))').run(ids);
    result.searchEntries += db.prepare('DELETE FROM cases_search WHERE rowid IN (SELECT value FROM json_each(?))').run(seqs).changes;
    result.cases += db.prepare('DELETE FROM cases WHERE seq IN (SELECT value FROM json_each(?))').run(seqs).changes;
  })();
}
