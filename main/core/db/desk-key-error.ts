/**
 * What can stop a desk from opening its encrypted database. Each message names the file and says
 * what a person can do about it; `code` lets the shell and the CLI decide how to show it.
 */
export type DeskKeyErrorCode =
  /** The database is encrypted and nobody gave a key. */
  | 'encrypted_no_key'
  /** A key was given and it does not open the database. */
  | 'wrong_key'
  /** A key was given for a database that is not encrypted. */
  | 'not_encrypted'
  /** The database is encrypted and desk.key is gone. */
  | 'key_file_missing'
  /** desk.key (or desk.key.recovered, or a --key-file) is not what CivicDesk wrote. */
  | 'key_file_invalid'
  /** desk.key is there but this user account's keychain cannot open it (new profile, re-imaged machine). */
  | 'keychain_cannot_unseal'
  /** The OS keychain cannot be used at all right now. */
  | 'keychain_unavailable'
  /** Recovery was asked for, but desk.key holds no copy sealed to IT's recovery key. */
  | 'no_recovery_copy'
  /** Recovery was tried with a private key that is not the one the desk's key was sealed to. */
  | 'recovery_key_mismatch';

export class DeskKeyError extends Error {
  override readonly name = 'DeskKeyError';
  constructor(
    readonly code: DeskKeyErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** The recovery path, in the words every key error ends with (docs/it-deployment.md, “Encryption at rest”, has the details). */
export function recoveryPath(dataDir: string): string {
  return (
    `IT can recover the key with its recovery private key: civicdesk db recover-key --data "${dataDir}" --recovery-key civicdesk-recovery-private.pem, ` +
    'then start CivicDesk again on this user account. A desk that has synced can instead be reset: its cases come back from the server ' +
    '(see "Encryption at rest" in docs/it-deployment.md).'
  );
}
