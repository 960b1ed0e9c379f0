import Database from 'better-sqlite3-multiple-ciphers';
import { existsSync } from 'node:fs';
import { applyDeskKey, deskFileState } from '../db/cipher';
import { BackupError } from './files';

export interface SequenceRow {
  desk_code: string;
  day: string;
  last_value: number;
}

/** What a restore needs from the database it replaces. */
export type LiveDatabase =
  | { state: 'missing' }
  | {
      state: 'readable';
      deskCode: string | null;
      sequences: SequenceRow[];
      /** Outbox rows above the backup's last mutation id: work written after the backup, not yet synced. */
      unsyncedSinceBackup: number;
    }
  /** Damaged, or not openable with the key given: nothing can be carried over from it. */
  | { state: 'unreadable'; reason: string };

const isBusy = (error: unknown): boolean => typeof error === 'object' && error !== null && 'code' in error && String(error.code).startsWith('SQLITE_BUSY');

/**
 * Opens the live database holding SQLite's exclusive lock for as long as the connection lives.
 * In WAL mode every connection that has the file open holds a shared lock on it (BEGIN EXCLUSIVE
 * alone waits only for writers), so with locking_mode = EXCLUSIVE the first read fails with
 * SQLITE_BUSY while the desk app, or anyone else, has the database open.
 */
function openExclusively(file: string, key: Buffer | undefined): Database.Database {
  const db = new Database(file, { fileMustExist: true });
  try {
    if (key && deskFileState(file) === 'encrypted') applyDeskKey(db, key);
    db.pragma('busy_timeout = 250');
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.prepare('SELECT count(*) FROM sqlite_schema').pluck().get();
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

const inUse = (file: string): BackupError =>
  new BackupError('in_use', `${file} is open in CivicDesk (or another program): close CivicDesk on this desk, then run the restore again`);

/**
 * Reads what a restore carries over from the live database and checkpoints its -wal into it (so the
 * copy kept as before-restore is one whole file), under an exclusive lock; refuses while anything
 * has it open. A database that cannot be read (damaged, or another key) is reported as such; then
 * a -shm file beside it is taken to mean someone may have it open, and the restore is refused.
 */
export function settleLiveDatabase(file: string, key: Buffer | undefined, backupMutationId: number): LiveDatabase {
  if (!existsSync(file)) return { state: 'missing' };
  let db: Database.Database;
  try {
    db = openExclusively(file, key);
  } catch (error) {
    if (isBusy(error)) throw inUse(file);
    if (existsSync(`${file}-shm`)) {
      throw new BackupError(
        'in_use',
        `${file} cannot be read (${error instanceof Error ? error.message : String(error)}) and ${file}-shm beside it says it may be open: close CivicDesk on this desk; if it is closed, that file is left from a crash — delete ${file}-shm and run the restore again`,
      );
    }
    return { state: 'unreadable', reason: error instanceof Error ? error.message : String(error) };
  }
  try {
    const hasTable = (name: string) => db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(name) !== undefined;
    const deskCode = hasTable('desk_settings') ? ((db.prepare("SELECT value FROM desk_settings WHERE key = 'desk_code'").pluck().get() as string | undefined) ?? null) : null;
    const sequences = hasTable('reference_sequences') ? (db.prepare('SELECT desk_code, day, last_value FROM reference_sequences').all() as SequenceRow[]) : [];
    const unsyncedSinceBackup = hasTable('outbox') ? (db.prepare('SELECT count(*) FROM outbox WHERE mutation_id > ?').pluck().get(backupMutationId) as number) : 0;
    db.exec('COMMIT');
    db.pragma('wal_checkpoint(TRUNCATE)');
    return { state: 'readable', deskCode, sequences, unsyncedSinceBackup };
  } catch (error) {
    return { state: 'unreadable', reason: error instanceof Error ? error.message : String(error) };
  } finally {
    db.close();
  }
}

/** Fails fast, before a restore spends time copying, when the live database is open. */
export function refuseIfOpen(file: string, key: Buffer | undefined): void {
  if (!existsSync(file)) return;
  try {
    openExclusively(file, key).close();
  } catch (error) {
    if (isBusy(error)) throw inUse(file);
  }
}
