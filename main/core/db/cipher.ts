import type Database from 'better-sqlite3-multiple-ciphers';

/** A desk database key: 32 random bytes, applied raw (no passphrase derivation), as Signal Desktop does. */
export const DESK_KEY_BYTES = 32;

/**
 * Applies the key before anything else touches the file. SQLCipher 4's format (AES-256, HMAC-SHA512),
 * so IT can open a desk with the standard sqlcipher tools and the raw key if it ever must.
 */
export function applyDeskKey(db: Database.Database, key: Buffer): void {
  if (key.length !== DESK_KEY_BYTES) throw new Error(`a desk database key is ${DESK_KEY_BYTES} bytes (got ${key.length})`);
  db.pragma(`cipher = 'sqlcipher'`);
  db.pragma('legacy = 4');
  db.pragma(`key = "x'${key.toString('hex')}'"`);
}
