import Database from 'better-sqlite3-multiple-ciphers';
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { applyCipherSettings, applyDeskKey, deskFileState, DESK_KEY_BYTES } from './cipher';
import { syncDirectory, syncFile } from './desk-key-files';

/** The encrypted copy being made; a leftover one is an interrupted attempt and is thrown away. */
export const ENCRYPTING_SUFFIX = '.encrypting';
const SIDE_FILES = ['-journal', '-wal', '-shm'];

export interface EncryptionReport {
  /** Rows copied, summed over the ordinary tables (the search index's shadow tables included). */
  rows: number;
  /** An interrupted earlier attempt's copy was found and discarded first. */
  discardedInterruptedCopy: boolean;
}

/**
 * Encrypts an existing plaintext desk database with `key`. Never rewrites the original in place
 * (`PRAGMA rekey` on it would leave a half-encrypted file after a power cut): a copy is written
 * beside it, encrypted, checked row for row, made durable, and only then renamed over the original
 * in one atomic step. A power cut at any point leaves either the untouched plaintext desk (and a
 * leftover copy, discarded at the next attempt) or the finished encrypted one.
 */
export function encryptDeskDatabaseInPlace(file: string, key: Buffer): EncryptionReport {
  if (key.length !== DESK_KEY_BYTES) throw new Error(`a desk database key is ${DESK_KEY_BYTES} bytes (got ${key.length})`);
  const state = deskFileState(file);
  if (state !== 'plaintext') throw new Error(`${file} cannot be encrypted: it is ${state === 'encrypted' ? 'already encrypted' : state}`);
  const copy = `${file}${ENCRYPTING_SUFFIX}`;
  const discardedInterruptedCopy = discardInterruptedEncryption(file);
  try {
    const expected = copyPlaintext(file, copy);
    encryptCopy(copy, key);
    const rows = verifyCopy(copy, key, expected);
    syncFile(copy);
    replaceOriginal(file, copy);
    return { rows, discardedInterruptedCopy };
  } catch (error) {
    removeWithSideFiles(copy);
    throw error;
  }
}

/** Removes what an interrupted encryption left behind; true when there was something. */
export function discardInterruptedEncryption(file: string): boolean {
  const copy = `${file}${ENCRYPTING_SUFFIX}`;
  const found = [copy, ...SIDE_FILES.map((suffix) => copy + suffix)].some((path) => existsSync(path));
  removeWithSideFiles(copy);
  return found;
}

/**
 * VACUUM INTO reads one consistent snapshot, committed WAL frames included, and writes a compact
 * rollback-journal file: what `rekey` needs. Closing the last connection checkpoints the WAL away.
 */
function copyPlaintext(file: string, copy: string): Map<string, number> {
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    db.prepare('VACUUM INTO ?').run(copy);
    return rowCounts(db);
  } finally {
    db.close();
  }
}

function encryptCopy(copy: string, key: Buffer): void {
  const db = new Database(copy, { fileMustExist: true });
  try {
    db.pragma('journal_mode = DELETE');
    applyCipherSettings(db);
    db.pragma(`rekey = "x'${key.toString('hex')}'"`);
  } finally {
    db.close();
  }
}

function verifyCopy(copy: string, key: Buffer, expected: Map<string, number>): number {
  if (deskFileState(copy) !== 'encrypted') throw new Error(`the encrypted copy ${copy} still has a plaintext header`);
  const db = new Database(copy, { fileMustExist: true });
  try {
    applyDeskKey(db, key);
    const quick = db.pragma('quick_check', { simple: true });
    if (quick !== 'ok') throw new Error(`the encrypted copy ${copy} failed quick_check: ${String(quick)}`);
    const actual = rowCounts(db);
    let rows = 0;
    for (const [table, count] of expected) {
      if (actual.get(table) !== count) throw new Error(`the encrypted copy lost rows of ${table} (${actual.get(table) ?? 'no table'} of ${count})`);
      rows += count;
    }
    // The live desk runs in WAL; setting it here keeps the first open after the swap from rewriting page 1.
    db.pragma('journal_mode = WAL');
    return rows;
  } finally {
    db.close();
  }
}

/**
 * The original's -wal must be gone before the swap: SQLite would replay a plaintext WAL into the
 * encrypted file. It is gone unless another program still has the desk open.
 */
function replaceOriginal(file: string, copy: string): void {
  const wal = `${file}-wal`;
  if (existsSync(wal) && statSync(wal).size > 0) {
    throw new Error(`${file} is still open in another program (its -wal file is not empty); close CivicDesk and the civicdesk command, then start again`);
  }
  rmSync(wal, { force: true });
  rmSync(`${file}-shm`, { force: true });
  for (const suffix of SIDE_FILES) rmSync(copy + suffix, { force: true });
  renameSync(copy, file);
  syncDirectory(dirname(file));
}

/** Row counts of the ordinary tables: virtual tables are counted through their shadow tables. */
function rowCounts(db: Database.Database): Map<string, number> {
  const tables = db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name`)
    .pluck()
    .all()
    .filter((name): name is string => typeof name === 'string');
  return new Map(tables.map((table) => [table, Number(db.prepare(`SELECT count(*) FROM "${table.replaceAll('"', '""')}"`).pluck().get())]));
}

function removeWithSideFiles(file: string): void {
  for (const path of [file, ...SIDE_FILES.map((suffix) => file + suffix)]) rmSync(path, { force: true });
}
