import { randomBytes } from 'node:crypto';
import { deskDatabasePath } from '../data-dir';
import { DESK_KEY_BYTES, deskFileState, deskKeyFingerprint, parseDeskKeyHex } from './cipher';
import { openReadonlyDeskDatabase } from './connection';
import { DeskKeyError, recoveryPath } from './desk-key-error';
import { deskKeyPath, invalidKeyFile, KEY_FILE_VERSION, readDeskKeyFile, recoveredKeyPath, writeDeskKeyFile, type DeskKeyFile, type SealerKind } from './desk-key-files';
import { forgetRecoveredDeskKey, readRecoveredDeskKey, recoveryKeyFingerprint, sealForRecovery } from './desk-key-recovery';
import { discardInterruptedEncryption, encryptDeskDatabaseInPlace } from './encrypt-in-place';

export type { SealerKind } from './desk-key-files';

/**
 * The OS boundary that protects the key at rest: Electron's safeStorage in the app
 * (main/app/safe-storage-sealer.ts), a fake in tests. `kind` says honestly what it is: on Linux
 * without a keyring safeStorage still "encrypts", with a fixed password, and that is `basic-text`.
 */
export interface KeySealer {
  readonly kind: SealerKind;
  available(): boolean;
  seal(plain: string): Buffer;
  unseal(sealed: Buffer): string;
}

export interface DeskKeyOptions {
  dataDir: string;
  sealer: KeySealer;
  /** The machine policy's `encryption.recoveryPublicKey`: the key is also sealed to it, for IT. */
  recoveryPublicKey?: string | undefined;
  now?: () => number;
}

export type DeskKeyEvent =
  /** A new desk: a new key, and the database will be created encrypted. */
  | 'created'
  /** The key from desk.key. */
  | 'loaded'
  /** A desk from before encryption: a new key, and its database was encrypted just now. */
  | 'encrypted-existing-desk'
  /** IT's desk.key.recovered was adopted: sealed with this account's keychain and deleted. */
  | 'adopted-recovered-key';

export interface DeskKey {
  key: Buffer;
  fingerprint: string;
  event: DeskKeyEvent;
  /** How desk.key is sealed now. */
  sealedBy: SealerKind;
  /** desk.key holds a copy IT's recovery private key opens. */
  recoverable: boolean;
  /** For the app's log, and for a notice to IT: the key is protected less well than it should be. */
  warnings: string[];
}

/**
 * The key the desk's database opens with, at every start. A new desk gets a random one; an existing
 * one gets its own back from the keychain; a desk from before encryption is encrypted now. Whatever
 * cannot be done ends in a DeskKeyError that names the file and the way back.
 */
export function loadOrCreateDeskKey(options: DeskKeyOptions): DeskKey {
  const database = deskDatabasePath(options.dataDir);
  discardInterruptedEncryption(database);
  const recovered = readRecoveredDeskKey(options.dataDir);
  if (recovered) return adoptRecoveredKey(options, recovered);
  const existing = readDeskKeyFile(options.dataDir);
  if (existing) return loadExistingKey(options, existing);
  if (deskFileState(database) === 'encrypted') {
    throw new DeskKeyError(
      'key_file_missing',
      `The desk database ${database} is encrypted, and its key file ${deskKeyPath(options.dataDir)} is missing. ` +
        `Put back the desk.key that was saved with this database (a backup of the data folder holds it) and start again. ` +
        `IT can also hand over a key it recovered earlier as ${recoveredKeyPath(options.dataDir)}. Without either, the database cannot be read: reset the desk and it pulls its cases from the server again.`,
    );
  }
  requireSealer(options);
  return settle(options, randomBytes(DESK_KEY_BYTES), { event: 'created', sealed: null });
}

function loadExistingKey(options: DeskKeyOptions, keyFile: DeskKeyFile): DeskKey {
  requireSealer(options);
  const file = deskKeyPath(options.dataDir);
  let plain: string;
  try {
    plain = options.sealer.unseal(Buffer.from(keyFile.sealedKey, 'base64'));
  } catch {
    throw new DeskKeyError(
      'keychain_cannot_unseal',
      `This user account's keychain cannot open the desk key file ${file}: it was sealed by another Windows/macOS/Linux profile, or this machine was re-imaged. ${recoveryPath(options.dataDir)}`,
    );
  }
  const key = parseDeskKeyHex(plain);
  if (!key || deskKeyFingerprint(key) !== keyFile.fingerprint) throw invalidKeyFile(file, 'the unsealed key does not match its fingerprint');
  return settle(options, key, { event: 'loaded', sealed: keyFile });
}

/** IT's recovered key must open this desk's database before it replaces anything. */
function adoptRecoveredKey(options: DeskKeyOptions, key: Buffer): DeskKey {
  requireSealer(options);
  const database = deskDatabasePath(options.dataDir);
  if (deskFileState(database) === 'encrypted') {
    try {
      openReadonlyDeskDatabase(database, key).close();
    } catch (error) {
      if (!(error instanceof DeskKeyError)) throw error;
      throw new DeskKeyError(
        'wrong_key',
        `The recovered key in ${recoveredKeyPath(options.dataDir)} does not open the desk database ${database}: it was recovered from another desk's key file. ` +
          `Delete it and run civicdesk db recover-key again with this desk's data folder.`,
      );
    }
  }
  const outcome = settle(options, key, { event: 'adopted-recovered-key', sealed: null });
  forgetRecoveredDeskKey(options.dataDir);
  return outcome;
}

/**
 * Writes desk.key when it is new or out of date, before the database is touched, so a power cut
 * never leaves an encrypted database without its key file; then encrypts a plaintext desk.
 */
function settle(options: DeskKeyOptions, key: Buffer, found: { event: DeskKeyEvent; sealed: DeskKeyFile | null }): DeskKey {
  const warnings: string[] = [];
  const recovery = recoveryCopyFor(key, options.recoveryPublicKey, found.sealed, warnings);
  const sealedBy = found.sealed && !upgradesSealing(found.sealed.sealedBy, options.sealer.kind) ? found.sealed.sealedBy : options.sealer.kind;
  if (!found.sealed || sealedBy !== found.sealed.sealedBy || recovery !== found.sealed.recovery) {
    writeDeskKeyFile(options.dataDir, {
      version: KEY_FILE_VERSION,
      fingerprint: deskKeyFingerprint(key),
      sealedBy,
      sealedKey: sealedBy === found.sealed?.sealedBy ? found.sealed.sealedKey : options.sealer.seal(key.toString('hex')).toString('base64'),
      ...(recovery ? { recovery } : {}),
      createdAt: found.sealed?.createdAt ?? new Date((options.now ?? Date.now)()).toISOString(),
    });
  }
  let event = found.event;
  const database = deskDatabasePath(options.dataDir);
  if (deskFileState(database) === 'plaintext') {
    encryptDeskDatabaseInPlace(database, key);
    if (event !== 'adopted-recovered-key') event = 'encrypted-existing-desk';
  }
  if (sealedBy === 'basic-text') {
    warnings.push(
      `No OS keychain on this Linux session (Electron's safeStorage fell back to basic_text): ${deskKeyPath(options.dataDir)} protects the database key no better than the file's permissions. Install and unlock GNOME Keyring or KWallet.`,
    );
  }
  if (!recovery && !options.recoveryPublicKey) warnings.push('The machine policy has no encryption.recoveryPublicKey: if this user profile is lost, IT cannot recover this desk’s unsynced work.');
  return { key, fingerprint: deskKeyFingerprint(key), event, sealedBy, recoverable: recovery !== undefined, warnings };
}

/** The recovery copy desk.key should hold: the existing one while it matches the policy's key, else a new one. */
function recoveryCopyFor(key: Buffer, publicKeyPem: string | undefined, sealed: DeskKeyFile | null, warnings: string[]): DeskKeyFile['recovery'] {
  const current = sealed?.recovery;
  if (!publicKeyPem) return current;
  try {
    if (current && current.publicKeyFingerprint === recoveryKeyFingerprint(publicKeyPem)) return current;
    return sealForRecovery(key, publicKeyPem);
  } catch (error) {
    // A bad key in the policy must not stop a desk from taking calls; IT hears about it instead.
    warnings.push(`The machine policy's encryption.recoveryPublicKey cannot be used (${error instanceof Error ? error.message : String(error)}); the desk key is not sealed to it.`);
    return current;
  }
}

/** A key sealed while Linux had no keyring is sealed again once it has one. */
const upgradesSealing = (was: SealerKind, now: SealerKind): boolean => was === 'basic-text' && now === 'os-keychain';

function requireSealer(options: DeskKeyOptions): void {
  if (!options.sealer.available()) {
    throw new DeskKeyError(
      'keychain_unavailable',
      `The OS keychain cannot be used right now, so the desk database key in ${options.dataDir} cannot be opened or created. ` +
        'Sign in to the desktop session normally (on Linux, with GNOME Keyring or KWallet running) and start CivicDesk again.',
    );
  }
}
