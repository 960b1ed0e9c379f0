import { constants, privateDecrypt } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadOrCreateDeskKey } from './desk-key';
import { DeskKeyError } from './desk-key-error';
import { deskKeyPath, readDeskKeyFile } from './desk-key-files';
import { generateRecoveryKeyPair, readRecoveredDeskKey, recoverDeskKey, recoveryKeyFingerprint } from './desk-key-recovery';
import { testKeychain } from './desk-key-test-sealer';

let dir: string;
let it1: ReturnType<typeof generateRecoveryKeyPair>;
let other: ReturnType<typeof generateRecoveryKeyPair>;
beforeAll(() => {
  it1 = generateRecoveryKeyPair();
  other = generateRecoveryKeyPair();
});
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'civicdesk-recovery-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function recoveryError(recoveryPrivateKeyPem: string): DeskKeyError {
  try {
    recoverDeskKey({ dataDir: dir, recoveryPrivateKeyPem });
  } catch (error) {
    if (error instanceof DeskKeyError) return error;
    throw error;
  }
  throw new Error('expected a DeskKeyError');
}

describe('IT’s recovery key pair', () => {
  it('is RSA-3072 in PEM; the private and public halves share a fingerprint', () => {
    expect(it1.publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
    expect(it1.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(recoveryKeyFingerprint(it1.privateKeyPem)).toBe(it1.fingerprint);
    expect(recoveryKeyFingerprint(it1.publicKeyPem)).toBe(it1.fingerprint);
    expect(it1.fingerprint).not.toBe(other.fingerprint);
  });
});

describe('recoverDeskKey', () => {
  it('returns the desk’s raw key with IT’s private key; the copy is plain RSA-OAEP-SHA256 that any tool can open', () => {
    const desk = loadOrCreateDeskKey({ dataDir: dir, sealer: testKeychain(), recoveryPublicKey: it1.publicKeyPem });
    expect(recoverDeskKey({ dataDir: dir, recoveryPrivateKeyPem: it1.privateKeyPem })).toEqual({ key: desk.key, fingerprint: desk.fingerprint });
    const copy = readDeskKeyFile(dir)?.recovery;
    expect(copy?.algorithm).toBe('RSA-OAEP-SHA256');
    const opened = privateDecrypt({ key: it1.privateKeyPem, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, Buffer.from(copy?.sealedKey ?? '', 'base64'));
    expect(opened).toEqual(desk.key);
  });

  it('refuses another recovery key, naming both fingerprints', () => {
    loadOrCreateDeskKey({ dataDir: dir, sealer: testKeychain(), recoveryPublicKey: it1.publicKeyPem });
    const error = recoveryError(other.privateKeyPem);
    expect(error.code).toBe('recovery_key_mismatch');
    expect(error.message).toContain(it1.fingerprint);
    expect(error.message).toContain(other.fingerprint);
    expect(recoveryError('not a pem at all').code).toBe('recovery_key_mismatch');
  });

  it('says so when the desk has no recovery copy, or no desk.key at all', () => {
    loadOrCreateDeskKey({ dataDir: dir, sealer: testKeychain() });
    expect(recoveryError(it1.privateKeyPem).code).toBe('no_recovery_copy');
    rmSync(deskKeyPath(dir));
    const missing = recoveryError(it1.privateKeyPem);
    expect(missing.code).toBe('key_file_missing');
    expect(missing.message).toContain(deskKeyPath(dir));
  });

  it('refuses a recovery copy that was swapped for another desk’s', () => {
    loadOrCreateDeskKey({ dataDir: dir, sealer: testKeychain(), recoveryPublicKey: it1.publicKeyPem });
    const otherDir = mkdtempSync(join(tmpdir(), 'civicdesk-recovery-other-'));
    loadOrCreateDeskKey({ dataDir: otherDir, sealer: testKeychain(), recoveryPublicKey: it1.publicKeyPem });
    const mine = JSON.parse(readFileSync(deskKeyPath(dir), 'utf8')) as Record<string, unknown>;
    const theirs = JSON.parse(readFileSync(deskKeyPath(otherDir), 'utf8')) as Record<string, unknown>;
    writeFileSync(deskKeyPath(dir), JSON.stringify({ ...mine, recovery: theirs.recovery }));
    rmSync(otherDir, { recursive: true, force: true });
    expect(recoveryError(it1.privateKeyPem).code).toBe('key_file_invalid');
  });

  it('reads no hand-over when there is none', () => {
    expect(readRecoveredDeskKey(dir)).toBeNull();
  });
});
