import { constants, createHash, createPrivateKey, createPublicKey, generateKeyPairSync, privateDecrypt, publicEncrypt, type KeyObject } from 'node:crypto';
import { rmSync } from 'node:fs';
import { DESK_KEY_BYTES, deskKeyFingerprint, parseDeskKeyHex } from './cipher';
import { DeskKeyError } from './desk-key-error';
import { readTextIfPresent } from './durable-files';
import { deskKeyPath, invalidKeyFile, readDeskKeyFile, recoveredKeyPath, writeSecretFileAtomic, type RecoveryCopy } from './desk-key-files';

/**
 * IT's way back into a desk whose keychain is lost: each desk's key is also sealed to IT's recovery
 * public key (the machine policy's `encryption.recoveryPublicKey`), and only IT holds the private key.
 */

const OAEP = { padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' } as const;

/** sha256 of the public key (SPKI, DER), first 16 hex; the private key gives the same, so IT can match them. */
export function recoveryKeyFingerprint(key: string | KeyObject): string {
  const publicKey = typeof key !== 'string' && key.type === 'public' ? key : createPublicKey(key);
  return createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex').slice(0, 16);
}

export function sealForRecovery(key: Buffer, recoveryPublicKeyPem: string): RecoveryCopy {
  const publicKey = createPublicKey(recoveryPublicKeyPem);
  if (publicKey.asymmetricKeyType !== 'rsa') throw new Error(`the recovery public key must be an RSA key (got ${publicKey.asymmetricKeyType ?? 'an unknown type'})`);
  return {
    algorithm: 'RSA-OAEP-SHA256',
    publicKeyFingerprint: recoveryKeyFingerprint(publicKey),
    sealedKey: publicEncrypt({ key: publicKey, ...OAEP }, key).toString('base64'),
  };
}

/** The raw key of the desk in `dataDir`, from desk.key's recovery copy and IT's private key. */
export function recoverDeskKey(options: { dataDir: string; recoveryPrivateKeyPem: string }): { key: Buffer; fingerprint: string } {
  const file = deskKeyPath(options.dataDir);
  const keyFile = readDeskKeyFile(options.dataDir);
  if (!keyFile) {
    throw new DeskKeyError(
      'key_file_missing',
      `There is no desk key file at ${file}, so there is nothing to recover. Restore desk.key from a backup of the data folder; otherwise the encrypted database cannot be read, and the desk is reset and pulls its cases from the server again.`,
    );
  }
  if (!keyFile.recovery) {
    throw new DeskKeyError(
      'no_recovery_copy',
      `The desk key file ${file} holds no copy sealed to IT's recovery key: the machine policy had no encryption.recoveryPublicKey while this desk last started. ` +
        'Add one to the policy for other desks; this one can only be reset and pull its cases from the server again.',
    );
  }
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(options.recoveryPrivateKeyPem);
  } catch {
    throw new DeskKeyError('recovery_key_mismatch', 'The recovery key given is not a PEM private key (it should start with -----BEGIN PRIVATE KEY-----).');
  }
  const given = recoveryKeyFingerprint(privateKey);
  if (given !== keyFile.recovery.publicKeyFingerprint) {
    throw new DeskKeyError(
      'recovery_key_mismatch',
      `This desk's key was sealed to the recovery key with fingerprint ${keyFile.recovery.publicKeyFingerprint}; the private key given has ${given}. Use the private key that belongs to the public key in the policy at the time.`,
    );
  }
  let key: Buffer;
  try {
    key = privateDecrypt({ key: privateKey, ...OAEP }, Buffer.from(keyFile.recovery.sealedKey, 'base64'));
  } catch {
    throw invalidKeyFile(file, 'its recovery copy does not open with the matching private key');
  }
  if (key.length !== DESK_KEY_BYTES || deskKeyFingerprint(key) !== keyFile.fingerprint) throw invalidKeyFile(file, 'its recovery copy does not match its fingerprint');
  return { key, fingerprint: keyFile.fingerprint };
}

/** The hand-over to the app: it adopts this key at its next start, seals it with the keychain and deletes the file. */
export function writeRecoveredDeskKey(dataDir: string, key: Buffer): string {
  const file = recoveredKeyPath(dataDir);
  writeSecretFileAtomic(file, `${key.toString('hex')}\n`);
  return file;
}

/** The recovered key IT left for the app, or null when there is none. */
export function readRecoveredDeskKey(dataDir: string): Buffer | null {
  const file = recoveredKeyPath(dataDir);
  const text = readTextIfPresent(file);
  if (text === null) return null;
  const key = parseDeskKeyHex(text);
  if (!key) throw invalidKeyFile(file, 'it should hold the key as 64 hex characters, as civicdesk db recover-key writes it');
  return key;
}

export const forgetRecoveredDeskKey = (dataDir: string): void => rmSync(recoveredKeyPath(dataDir), { force: true });

/** IT's recovery key pair: RSA-3072, the public half for the policy, the private half for a safe. */
export function generateRecoveryKeyPair(): { publicKeyPem: string; privateKeyPem: string; fingerprint: string } {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 3072,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  return { publicKeyPem: publicKey, privateKeyPem: privateKey, fingerprint: recoveryKeyFingerprint(publicKey) };
}
