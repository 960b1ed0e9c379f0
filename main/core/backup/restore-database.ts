import Database from 'better-sqlite3-multiple-ciphers';
import { constants, copyFileSync, existsSync, linkSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { applyCipherSettings, applyDeskKey, deskFileState } from '../db/cipher';
import type { WritableDb } from '../db/connection';
import { migrationState } from '../db/migrate';
import { deskDatabasePath } from '../data-dir';
import { markOutboxRestored } from '../outbox';
import { copyInWorker, CopyFailed } from './copy-in-worker';
import { BackupError, partialNameFor, removeQuietly, syncFile } from './files';
import { refuseIfOpen, settleLiveDatabase, type LiveDatabase, type SequenceRow } from './live-database';

export interface RestoreOptions {
  dataDir: string;
  /** The backup to restore (a daily backup, `civicdesk db backup`'s file, or an export). */
  from: string;
  /** The desk's key. The restored database is encrypted with it whenever one is given. */
  key?: Buffer | undefined;
  now?: number;
  /** Go ahead although the database being replaced holds changes made after the backup that never reached the server. */
  discardUnsynced?: boolean;
}

export interface RestoreResult {
  database: string;
  /** The database that was replaced, kept whole; null when there was none. */
  keptAs: string | null;
  deskCode: string | null;
  cases: number;
  live: LiveDatabase['state'];
  /** Changes the replaced database held that were written after the backup and never synced: they are only in keptAs. */
  unsyncedLeftBehind: number;
  /** The replaced database's reference sequences were carried over (false when it was missing or unreadable). */
  sequencesCarriedOver: boolean;
}

interface BackupFacts {
  deskCode: string | null;
  lastMutationId: number;
  encrypted: boolean;
}

const stampOf = (at: number): string => new Date(at).toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');

/** Opens the backup read-only: is it a desk database this build can open, whose desk, and how far its outbox got. */
function readBackup(from: string, key: Buffer | undefined): BackupFacts {
  const state = deskFileState(from);
  if (state === 'missing') throw new BackupError('missing', `no backup at ${from}`);
  if (state === 'empty') throw new BackupError('invalid_backup', `${from} is empty; it is not a desk backup`);
  if (state === 'encrypted' && !key) {
    throw new BackupError('invalid_backup', `${from} is encrypted (or not a database at all); give the desk's key with --key-file FILE or --recovery-key PEM_FILE`);
  }
  const db = new Database(from, { readonly: true, fileMustExist: true });
  try {
    if (state === 'encrypted') applyDeskKey(db, key!);
    const tables = new Set(db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all() as string[]);
    if (!tables.has('cases') || !tables.has('desk_settings')) throw new BackupError('invalid_backup', `${from} is not a CivicDesk desk database (it has no cases table)`);
    const { current, latest } = migrationState(db);
    if (current > latest) {
      throw new BackupError('newer_schema', `${from} was written by a newer CivicDesk (migration ${current}; this one knows ${latest}): update CivicDesk on this desk first`);
    }
    const deskCode = (db.prepare("SELECT value FROM desk_settings WHERE key = 'desk_code'").pluck().get() as string | undefined) ?? null;
    const lastMutationId = (db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'outbox'").pluck().get() as number | undefined) ?? 0;
    return { deskCode, lastMutationId, encrypted: state === 'encrypted' };
  } catch (error) {
    if (error instanceof BackupError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new BackupError('invalid_backup', `${from} cannot be read${state === 'encrypted' ? ' with the key given' : ''} (${reason}); it is not a usable backup of this desk`);
  } finally {
    db.close();
  }
}

/**
 * In the copy about to go live: mark its outbox as restored (its next sync learns the server's last
 * applied mutation id before pushing) and keep every reference sequence at least where the replaced
 * database had it, so no reference read to a caller since the backup is minted again.
 */
function prepareRestoredCopy(file: string, key: Buffer | undefined, backupEncrypted: boolean, sequences: SequenceRow[]): void {
  const db = new Database(file, { fileMustExist: true });
  try {
    if (key && backupEncrypted) applyDeskKey(db, key);
    else if (key) {
      // A plain backup restored onto an encrypted desk: encrypt it with the desk's key.
      applyCipherSettings(db);
      db.pragma(`rekey = "x'${key.toString('hex')}'"`);
    }
    db.transaction(() => {
      markOutboxRestored(db as WritableDb);
      const raise = db.prepare(
        `INSERT INTO reference_sequences (desk_code, day, last_value) VALUES (?, ?, ?)
         ON CONFLICT (desk_code, day) DO UPDATE SET last_value = max(last_value, excluded.last_value)`,
      );
      for (const row of sequences) raise.run(row.desk_code, row.day, row.last_value);
    })();
  } finally {
    db.close();
  }
}

/** Keeps the replaced database under another name without a moment where desk.sqlite is missing. */
function keepReplaced(database: string, keptAs: string, live: LiveDatabase): void {
  try {
    linkSync(database, keptAs);
  } catch {
    copyFileSync(database, keptAs, constants.COPYFILE_EXCL);
  }
  // An unreadable database may still have commits in its -wal: they belong with the kept file, and
  // a stale -wal must not be applied to the restored one.
  if (live.state === 'unreadable' && existsSync(`${database}-wal`)) renameSync(`${database}-wal`, `${keptAs}-wal`);
  rmSync(`${database}-wal`, { force: true });
  rmSync(`${database}-shm`, { force: true });
}

/**
 * Restores a backup as the desk's database, with the app closed:
 * 1. refuses while anything has the database open (an exclusive lock probe, see live-database.ts);
 * 2. checks the backup: a desk database this build can open, of the same desk as the one it
 *    replaces (a desk code differs: refused — move that data folder away first if the machine is
 *    meant to become the other desk), and copies it with VACUUM INTO under a partial name, checked
 *    with integrity_check;
 * 3. checkpoints the live database and keeps it as desk.sqlite.before-restore-<time>;
 * 4. marks the copy as restored and carries the live reference sequences into it; then renames it
 *    over desk.sqlite in one step.
 * The next sync is safe: see reconcileRestoredOutbox (outbox.ts) and raiseReferenceSequences.
 */
export async function restoreDeskDatabase(options: RestoreOptions): Promise<RestoreResult> {
  const database = deskDatabasePath(options.dataDir);
  const from = resolve(options.from);
  const at = options.now ?? Date.now();
  if (from === resolve(database)) throw new BackupError('invalid_backup', `${from} is the desk database itself; name a backup file`);
  refuseIfOpen(database, options.key);
  mkdirSync(options.dataDir, { recursive: true });
  const backup = readBackup(from, options.key);
  const temp = partialNameFor(database);
  try {
    const copied = await copyInWorker(from, temp, { key: backup.encrypted ? options.key : undefined, check: 'integrity_check' });
    if (copied.check !== 'ok') throw new BackupError('invalid_backup', `${from} failed its integrity check (${copied.check}); choose an older backup`);
    const live = settleLiveDatabase(database, options.key, backup.lastMutationId);
    if (live.state === 'readable' && live.deskCode && backup.deskCode && live.deskCode !== backup.deskCode) {
      throw new BackupError(
        'other_desk',
        `${from} is a backup of desk ${backup.deskCode}, but this data folder holds desk ${live.deskCode}; restoring it would make this machine desk ${backup.deskCode}. If that is the intent, move ${options.dataDir} away and restore into an empty folder`,
      );
    }
    if (live.state === 'readable' && live.unsyncedSinceBackup > 0 && options.discardUnsynced !== true) {
      throw new BackupError(
        'unsynced_work',
        `the desk database holds ${live.unsyncedSinceBackup} changes made after this backup that never reached the server; restoring now would leave them only in the kept copy. Start CivicDesk online and let it sync first, or, if it cannot, restore with --discard-unsynced`,
      );
    }
    prepareRestoredCopy(temp, options.key, backup.encrypted, live.state === 'readable' ? live.sequences : []);
    syncFile(temp);
    const keptAs = live.state === 'missing' ? null : `${database}.before-restore-${stampOf(at)}`;
    if (keptAs) keepReplaced(database, keptAs, live);
    renameSync(temp, database);
    return {
      database,
      keptAs,
      deskCode: backup.deskCode,
      cases: copied.cases,
      live: live.state,
      unsyncedLeftBehind: live.state === 'readable' ? live.unsyncedSinceBackup : 0,
      sequencesCarriedOver: live.state === 'readable',
    };
  } catch (error) {
    removeQuietly(temp);
    if (error instanceof CopyFailed) throw new BackupError('invalid_backup', `${from} could not be copied (${error.message}); it is not a usable backup`);
    throw error;
  }
}
