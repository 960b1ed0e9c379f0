import type { ReadableDb, WritableDb } from './connection';
import { migrationState } from './migrate';

export interface HealthReport {
  file: string;
  integrity: string[];
  foreignKeyProblems: { table: string; rowid: number; parent: string }[];
  migrations: { current: number; latest: number };
  cases: number;
  pendingMutations: number;
  healthy: boolean;
}

const countOf = (db: ReadableDb, table: string): number => {
  const exists = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(table);
  return exists ? (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n : 0;
};

/** Full integrity and foreign-key checks, the migration state and the case count. Reads only. */
export function checkDeskDatabase(db: ReadableDb, file: string): HealthReport {
  const integrity = db.pragma('integrity_check', { simple: false }) as { integrity_check: string }[];
  const foreignKeyProblems = (db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[]).map((p) => ({
    table: p.table,
    rowid: p.rowid,
    parent: p.parent,
  }));
  const migrations = migrationState(db);
  const messages = integrity.map((row) => row.integrity_check);
  return {
    file,
    integrity: messages,
    foreignKeyProblems,
    migrations,
    cases: countOf(db, 'cases'),
    pendingMutations: countOf(db, 'outbox'),
    healthy: messages.length === 1 && messages[0] === 'ok' && foreignKeyProblems.length === 0 && migrations.current === migrations.latest,
  };
}

export interface MaintenanceResult {
  /** Pages the passive checkpoint copied from the WAL into the database. */
  checkpointedPages: number;
  walPages: number;
}

/**
 * Work the desk does between calls rather than inside them: a bounded step of search-index segment
 * merging and a passive WAL checkpoint (which never waits for, or blocks, a reader).
 * The host runs it on an idle timer; it is safe to run at any time.
 */
export function runIdleMaintenance(db: WritableDb, mergePages = 200): MaintenanceResult {
  db.prepare("INSERT INTO cases_search (cases_search, rank) VALUES ('merge', ?)").run(mergePages);
  const [result] = db.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[];
  return { checkpointedPages: result?.checkpointed ?? 0, walPages: result?.log ?? 0 };
}
