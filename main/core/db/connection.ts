import Database from 'better-sqlite3-multiple-ciphers';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { applyDeskKey, checkKeyFitsFile, proveKeyOpens } from './cipher';
import { migrate, type MigrationReport } from './migrate';

declare const access: unique symbol;
/** A handle that may only be read through. Functions that write take a WritableDb. */
export type ReadableDb = Database.Database & { readonly [access]: 'read' | 'write' };
export type WritableDb = Database.Database & { readonly [access]: 'write' };

export interface OpenedDesk {
  db: WritableDb;
  migrations: MigrationReport;
}

/**
 * Opens (creating if needed) a desk database and brings its schema up to date.
 * With `key`, the file is (or becomes, when new) SQLCipher-encrypted; a missing or wrong key is a
 * DeskKeyError that says what to do, never SQLite's bare "file is not a database".
 * Runs quick_check first unless the caller runs it itself (the desk runtime does, in the background).
 * WAL with synchronous=FULL: a reference number read back to a caller must survive a power cut,
 * and WAL's default NORMAL may drop the last commits on one.
 */
export function openDeskDatabase(file: string, options: { quickCheck?: 'now' | 'caller-runs-it'; key?: Buffer } = {}): OpenedDesk {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  checkKeyFitsFile(file, options.key);
  const raw = new Database(file);
  try {
    if (options.key) {
      applyDeskKey(raw, options.key);
      proveKeyOpens(raw, file);
    }
    raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = FULL');
    raw.pragma('foreign_keys = ON');
    raw.pragma('busy_timeout = 5000');
    // A desk database grows past a gigabyte; SQLite's 2 MB default cache makes every index insert a read.
    raw.pragma('cache_size = -65536');
    // Checkpoints belong to idle maintenance, not to the save a caller is waiting on; this is the backstop.
    raw.pragma('wal_autocheckpoint = 10000');
    if (options.quickCheck !== 'caller-runs-it') {
      const quick = raw.pragma('quick_check', { simple: true });
      if (quick !== 'ok') throw new Error(`The desk database ${file} is damaged (quick_check: ${String(quick)}). Restore it from a backup.`);
    }
    const db = raw as WritableDb;
    return { db, migrations: migrate(db) };
  } catch (error) {
    raw.close();
    throw error;
  }
}

/** Opens an existing desk database for reading only; it is neither created nor migrated. */
export function openReadonlyDeskDatabase(file: string, key?: Buffer): ReadableDb {
  const raw = new Database(file, { readonly: true, fileMustExist: true });
  try {
    checkKeyFitsFile(file, key);
    if (key) {
      applyDeskKey(raw, key);
      proveKeyOpens(raw, file);
    }
    raw.pragma('busy_timeout = 5000');
  } catch (error) {
    raw.close();
    throw error;
  }
  return raw as ReadableDb;
}
