import Database from 'better-sqlite3-multiple-ciphers';
import { randomBytes } from 'node:crypto';
import { chmodSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { applyCipherSettings, applyDeskKey, DESK_KEY_BYTES, deskKeyFingerprint } from '../db/cipher';
import { copyInWorker, CopyFailed } from './copy-in-worker';
import { BackupError, partialNameFor, placeWithoutOverwriting, refuseExisting, removeQuietly, requireFolder, syncFile } from './files';

export interface ExportOptions {
  /** The live desk database. */
  file: string;
  /** Its key, when it is encrypted. */
  key?: Buffer | undefined;
  to: string;
  /** Where the export's new key is written (hex, mode 0600); `<to>.key` by default. */
  newKeyFile?: string | undefined;
  /** A plain SQLite copy: anyone with the file can read every resident's name, phone and address in it. */
  unencrypted?: boolean;
}

export interface ExportResult {
  file: string;
  bytes: number;
  cases: number;
  /** null for an unencrypted export. */
  keyFile: string | null;
  /** Of the export's key, to tell key files apart; reveals nothing of the key. */
  keyFingerprint: string | null;
}

/** Re-keys a fresh copy in place: to `key`, or to no encryption at all. */
function rekeyCopy(file: string, sourceKey: Buffer | undefined, key: Buffer | null): void {
  const db = new Database(file, { fileMustExist: true });
  try {
    if (sourceKey) applyDeskKey(db, sourceKey);
    else if (key) applyCipherSettings(db);
    if (key) db.pragma(`rekey = "x'${key.toString('hex')}'"`);
    else if (sourceKey) db.pragma("rekey = ''");
  } finally {
    db.close();
  }
}

/** The copy opens with the key it was given, and only needs that. */
function proveCopy(file: string, key: Buffer | null, cases: number): void {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    if (key) applyDeskKey(db, key);
    const check = String(db.pragma('quick_check', { simple: true }));
    const count = db.prepare('SELECT count(*) FROM cases').pluck().get() as number;
    if (check !== 'ok' || count !== cases) throw new BackupError('copy_failed', `the re-keyed copy at ${file} did not check out (quick_check ${check}, ${count} of ${cases} cases)`);
  } finally {
    db.close();
  }
}

/**
 * A copy of the desk database for moving a desk or handing data to IT. By default encrypted with a
 * fresh key, written beside it in a key file only its owner may read: the desk's own key stays on
 * the desk. `unencrypted` writes plain SQLite — residents' personal data readable by anyone holding
 * the file. VACUUM INTO in a worker, then PRAGMA rekey on the copy, then a check with the new key.
 */
export async function exportDeskDatabase(options: ExportOptions): Promise<ExportResult> {
  const final = resolve(options.to);
  requireFolder(final);
  refuseExisting(final);
  const keyFile = options.unencrypted ? null : resolve(options.newKeyFile ?? `${final}.key`);
  if (keyFile) {
    requireFolder(keyFile);
    refuseExisting(keyFile);
  }
  const temp = partialNameFor(final);
  let wroteKey = false;
  try {
    const copied = await copyInWorker(options.file, temp, { key: options.key, check: 'quick_check' });
    if (copied.check !== 'ok') throw new BackupError('copy_failed', `the copy of ${options.file} failed its check (${copied.check}); run civicdesk db check`);
    const key = keyFile ? randomBytes(DESK_KEY_BYTES) : null;
    rekeyCopy(temp, options.key, key);
    proveCopy(temp, key, copied.cases);
    // The export is the residents' data (readable by anyone when --unencrypted): its owner's alone.
    chmodSync(temp, 0o600);
    syncFile(temp);
    if (keyFile && key) {
      writeFileSync(keyFile, `${key.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
      wroteKey = true;
    }
    placeWithoutOverwriting(temp, final);
    return { file: final, bytes: statSync(final).size, cases: copied.cases, keyFile, keyFingerprint: key ? deskKeyFingerprint(key) : null };
  } catch (error) {
    removeQuietly(temp);
    if (wroteKey && keyFile) rmSync(keyFile, { force: true });
    if (error instanceof CopyFailed) throw new BackupError('copy_failed', `could not copy ${options.file}: ${error.message}`);
    throw error;
  }
}
