import type Database from 'better-sqlite3-multiple-ciphers';
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { DeskKeyError } from './desk-key-error';

/** A desk database key: 32 random bytes, applied raw (no passphrase derivation), as Signal Desktop does. */
export const DESK_KEY_BYTES = 32;

/**
 * Applies the key before anything else touches the file. SQLCipher 4's format (AES-256, HMAC-SHA512),
 * so IT can open a desk with the standard sqlcipher tools and the raw key if it ever must.
 */
export function applyDeskKey(db: Database.Database, key: Buffer): void {
  if (key.length !== DESK_KEY_BYTES) throw new Error(`a desk database key is ${DESK_KEY_BYTES} bytes (got ${key.length})`);
  applyCipherSettings(db);
  db.pragma(`key = "x'${key.toString('hex')}'"`);
}

/** The cipher settings alone, also needed before `PRAGMA rekey` encrypts a plaintext file. */
export function applyCipherSettings(db: Database.Database): void {
  db.pragma(`cipher = 'sqlcipher'`);
  db.pragma('legacy = 4');
}

/** Every plaintext SQLite file starts with these 16 bytes; SQLCipher's starts with a random salt instead. */
const PLAINTEXT_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** `encrypted` also covers a file that is not SQLite at all: the two look the same from outside. */
export type DeskFileState = 'missing' | 'empty' | 'plaintext' | 'encrypted';

export function deskFileState(file: string): DeskFileState {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    return 'missing';
  }
  if (size === 0) return 'empty';
  const head = Buffer.alloc(PLAINTEXT_HEADER.length);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  return head.equals(PLAINTEXT_HEADER) ? 'plaintext' : 'encrypted';
}

/** IT tells desks' keys apart by this (desk.key and recover-key show it); it reveals nothing of the key. */
export function deskKeyFingerprint(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

/** A key as IT handles it in files: 64 hex characters, surrounding whitespace allowed. */
export function parseDeskKeyHex(text: string): Buffer | null {
  const hex = text.trim();
  return /^[0-9a-fA-F]{64}$/.test(hex) ? Buffer.from(hex, 'hex') : null;
}

/** Before SQLite reads the file: a missing key, or a key for a plain file, gets an error that says what to do. */
export function checkKeyFitsFile(file: string, key: Buffer | undefined): void {
  if (file === ':memory:') return;
  const state = deskFileState(file);
  if (state === 'encrypted' && !key) {
    throw new DeskKeyError(
      'encrypted_no_key',
      `The desk database ${file} is encrypted and no key was given. CivicDesk reads its key from desk.key beside it; ` +
        `the civicdesk command needs --key-file FILE or --recovery-key PEM_FILE.`,
    );
  }
  if (state === 'plaintext' && key) {
    throw new DeskKeyError(
      'not_encrypted',
      `The desk database ${file} is not encrypted, but a key was given. CivicDesk encrypts it at its next start; the civicdesk command opens it without a key.`,
    );
  }
}

/**
 * SQLite reads nothing until the first statement, so a wrong key would surface later as
 * "file is not a database"; this reads the schema at once and says what that means.
 */
export function proveKeyOpens(db: Database.Database, file: string): void {
  try {
    db.prepare('SELECT count(*) FROM sqlite_master').pluck().get();
  } catch (error) {
    if (isNotADatabase(error)) {
      throw new DeskKeyError(
        'wrong_key',
        `The key does not open the desk database ${file}: the key and the database come from different desks, or from different copies of one. ` +
          'Put back the desk.key that was saved with this database (a backup of the data folder holds both), or the database that belongs to this desk.key. (A damaged file looks the same: restore it from a backup.)',
      );
    }
    throw error;
  }
}

function isNotADatabase(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'SQLITE_NOTADB';
}
