import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { deskDatabasePath } from '../data-dir';
import { deskFileState, deskKeyFingerprint } from './cipher';
import { openDeskDatabase } from './connection';
import { loadOrCreateDeskKey, type DeskKeyOptions } from './desk-key';
import { DeskKeyError } from './desk-key-error';
import { deskKeyPath, readDeskKeyFile, recoveredKeyPath } from './desk-key-files';
import { generateRecoveryKeyPair, recoverDeskKey, writeRecoveredDeskKey } from './desk-key-recovery';
import { testKeychain } from './desk-key-test-sealer';
import { ENCRYPTING_SUFFIX } from './encrypt-in-place';

let dir: string;
let database: string;
let it1: ReturnType<typeof generateRecoveryKeyPair>;
let it2: ReturnType<typeof generateRecoveryKeyPair>;
beforeAll(() => {
  it1 = generateRecoveryKeyPair();
  it2 = generateRecoveryKeyPair();
});
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'civicdesk-desk-key-'));
  database = deskDatabasePath(dir);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const load = (options: Partial<DeskKeyOptions> = {}) => loadOrCreateDeskKey({ dataDir: dir, sealer: testKeychain(), ...options });

function keyError(run: () => unknown): DeskKeyError {
  try {
    run();
  } catch (error) {
    if (error instanceof DeskKeyError) return error;
    throw error;
  }
  throw new Error('expected a DeskKeyError');
}

function writeRow(key: Buffer | undefined, value: string): void {
  const { db } = openDeskDatabase(database, key ? { key } : {});
  db.prepare(`INSERT INTO desk_settings (key, value) VALUES (?, ?)`).run(`row-${value}`, value);
  db.close();
}
function readRows(key: Buffer): string[] {
  const { db } = openDeskDatabase(database, { key });
  const rows = db.prepare(`SELECT value FROM desk_settings WHERE key LIKE 'row-%' ORDER BY value`).pluck().all() as string[];
  db.close();
  return rows;
}

describe('loadOrCreateDeskKey', () => {
  it('gives a new desk a random key, sealed in desk.key (mode 0600, versioned), and the same key at every later start', () => {
    const first = load({ now: () => Date.parse('2026-11-27T15:00:00Z') });
    expect(first).toMatchObject({ event: 'created', sealedBy: 'os-keychain', recoverable: false });
    expect(first.key).toHaveLength(32);
    const keyFile = readDeskKeyFile(dir);
    expect(keyFile).toMatchObject({ version: 1, fingerprint: deskKeyFingerprint(first.key), sealedBy: 'os-keychain', createdAt: '2026-11-27T15:00:00.000Z' });
    expect(readFileSync(deskKeyPath(dir), 'utf8')).not.toContain(first.key.toString('hex'));
    if (process.platform !== 'win32') expect(statSync(deskKeyPath(dir)).mode & 0o777).toBe(0o600);
    writeRow(first.key, 'a');

    const sealer = testKeychain();
    const again = load({ sealer });
    expect(again).toMatchObject({ event: 'loaded' });
    expect(again.key).toEqual(first.key);
    expect(sealer.seals).toBe(0);
    expect(readRows(again.key)).toEqual(['a']);
  });

  it('encrypts a desk from before encryption at its first start with a key, keeping its rows', () => {
    writeRow(undefined, 'from-before');
    expect(deskFileState(database)).toBe('plaintext');
    const outcome = load();
    expect(outcome.event).toBe('encrypted-existing-desk');
    expect(deskFileState(database)).toBe('encrypted');
    expect(readRows(outcome.key)).toEqual(['from-before']);
    expect(load().event).toBe('loaded');
  });

  it('finishes the job after a power cut between writing desk.key and encrypting, and after one mid-encryption', () => {
    writeRow(undefined, 'kept');
    const created = load({ dataDir: dir });
    // Put the desk back as a crash right after desk.key was written would have left it: plaintext database, leftover copy.
    const keyFile = readFileSync(deskKeyPath(dir));
    rmSync(dir, { recursive: true });
    writeRow(undefined, 'kept');
    writeFileSync(deskKeyPath(dir), keyFile);
    writeFileSync(`${database}${ENCRYPTING_SUFFIX}`, randomBytes(4096));
    const resumed = load();
    expect(resumed.event).toBe('encrypted-existing-desk');
    expect(resumed.key).toEqual(created.key);
    expect(readRows(resumed.key)).toEqual(['kept']);
    expect(() => statSync(`${database}${ENCRYPTING_SUFFIX}`)).toThrow();
  });

  it('seals the key to IT’s recovery key from the policy, and re-seals when the policy gets a new one', () => {
    const first = load({ recoveryPublicKey: it1.publicKeyPem });
    expect(first.recoverable).toBe(true);
    expect(readDeskKeyFile(dir)?.recovery?.publicKeyFingerprint).toBe(it1.fingerprint);
    expect(recoverDeskKey({ dataDir: dir, recoveryPrivateKeyPem: it1.privateKeyPem }).key).toEqual(first.key);

    const unchanged = readFileSync(deskKeyPath(dir), 'utf8');
    load({ recoveryPublicKey: it1.publicKeyPem });
    expect(readFileSync(deskKeyPath(dir), 'utf8')).toBe(unchanged);

    load({ recoveryPublicKey: it2.publicKeyPem });
    expect(readDeskKeyFile(dir)?.recovery?.publicKeyFingerprint).toBe(it2.fingerprint);
    expect(recoverDeskKey({ dataDir: dir, recoveryPrivateKeyPem: it2.privateKeyPem }).key).toEqual(first.key);
  });

  it('adds a recovery copy to a desk whose key was made before the policy had a recovery key', () => {
    const first = load();
    expect(first.warnings.join('\n')).toMatch(/no encryption\.recoveryPublicKey/);
    const later = load({ recoveryPublicKey: it1.publicKeyPem });
    expect(later).toMatchObject({ event: 'loaded', recoverable: true, warnings: [] });
    expect(recoverDeskKey({ dataDir: dir, recoveryPrivateKeyPem: it1.privateKeyPem }).key).toEqual(first.key);
  });

  it('still starts when the policy’s recovery key is unusable, and says why', () => {
    const outcome = load({ recoveryPublicKey: '-----BEGIN PUBLIC KEY-----\nnot a key\n-----END PUBLIC KEY-----\n' });
    expect(outcome.event).toBe('created');
    expect(outcome.recoverable).toBe(false);
    expect(outcome.warnings.join('\n')).toMatch(/recoveryPublicKey cannot be used/);
  });

  it('says when there is no real keychain (Linux basic_text), and re-seals once there is one', () => {
    const weak = load({ sealer: testKeychain('ana@desk-21', { kind: 'basic-text' }) });
    expect(weak.sealedBy).toBe('basic-text');
    expect(weak.warnings.join('\n')).toMatch(/No OS keychain .*basic_text/);
    const strong = load({ sealer: testKeychain('ana@desk-21', { kind: 'os-keychain' }) });
    expect(strong).toMatchObject({ event: 'loaded', sealedBy: 'os-keychain' });
    expect(readDeskKeyFile(dir)?.sealedBy).toBe('os-keychain');
    expect(strong.key).toEqual(weak.key);
  });

  it('explains the recovery path when another profile’s keychain cannot open desk.key (a re-imaged machine)', () => {
    load();
    const error = keyError(() => load({ sealer: testKeychain('ana@re-imaged') }));
    expect(error.code).toBe('keychain_cannot_unseal');
    expect(error.message).toContain(deskKeyPath(dir));
    expect(error.message).toMatch(/civicdesk db recover-key --data ".*" --recovery-key/);
  });

  it('refuses an encrypted database whose desk.key is missing, saying what to put back', () => {
    const { key } = load();
    writeRow(key, 'a');
    rmSync(deskKeyPath(dir));
    const error = keyError(() => load());
    expect(error.code).toBe('key_file_missing');
    expect(error.message).toContain(deskKeyPath(dir));
    expect(error.message).toContain(recoveredKeyPath(dir));
  });

  it('refuses a tampered or invalid desk.key with a clear error, never by making a new key', () => {
    load();
    const original = JSON.parse(readFileSync(deskKeyPath(dir), 'utf8')) as Record<string, unknown>;
    const cases: [string, string | Record<string, unknown>][] = [
      ['not json', 'this is not json'],
      ['a future version', { ...original, version: 2 }],
      ['a changed fingerprint', { ...original, fingerprint: '0123456789abcdef' }],
      ['another desk’s sealed key', { ...original, sealedKey: testKeychain().seal(randomBytes(32).toString('hex')).toString('base64') }],
      ['an unknown field', { ...original, extra: true }],
    ];
    for (const [what, content] of cases) {
      writeFileSync(deskKeyPath(dir), typeof content === 'string' ? content : JSON.stringify(content));
      const error = keyError(() => load());
      expect(error.code, what).toBe('key_file_invalid');
      expect(error.message, what).toContain(deskKeyPath(dir));
    }
  });

  it('refuses to work without a keychain rather than storing the key unprotected', () => {
    expect(keyError(() => load({ sealer: testKeychain('x', { available: false }) })).code).toBe('keychain_unavailable');
  });
});

describe('the recovered-key hand-over', () => {
  it('adopts IT’s desk.key.recovered on a re-imaged profile: re-sealed with the new keychain, verified, the hand-over file deleted', () => {
    const original = load({ recoveryPublicKey: it1.publicKeyPem });
    writeRow(original.key, 'before-reimage');
    expect(keyError(() => load({ sealer: testKeychain('ana@re-imaged') })).code).toBe('keychain_cannot_unseal');

    writeRecoveredDeskKey(dir, recoverDeskKey({ dataDir: dir, recoveryPrivateKeyPem: it1.privateKeyPem }).key);
    if (process.platform !== 'win32') expect(statSync(recoveredKeyPath(dir)).mode & 0o777).toBe(0o600);
    const adopted = load({ sealer: testKeychain('ana@re-imaged'), recoveryPublicKey: it1.publicKeyPem });
    expect(adopted).toMatchObject({ event: 'adopted-recovered-key', recoverable: true });
    expect(adopted.key).toEqual(original.key);
    expect(() => statSync(recoveredKeyPath(dir))).toThrow();
    expect(load({ sealer: testKeychain('ana@re-imaged') }).event).toBe('loaded');
    expect(readRows(adopted.key)).toEqual(['before-reimage']);
  });

  it('refuses a recovered key that does not open this desk, and leaves everything as it was', () => {
    load();
    writeRow(load().key, 'a');
    const before = readFileSync(deskKeyPath(dir), 'utf8');
    writeRecoveredDeskKey(dir, randomBytes(32));
    const error = keyError(() => load());
    expect(error.code).toBe('wrong_key');
    expect(error.message).toContain(recoveredKeyPath(dir));
    expect(readFileSync(deskKeyPath(dir), 'utf8')).toBe(before);
    expect(statSync(recoveredKeyPath(dir)).isFile()).toBe(true);
  });

  it('refuses a malformed desk.key.recovered', () => {
    writeFileSync(recoveredKeyPath(dir), 'abc\n');
    expect(keyError(() => load()).code).toBe('key_file_invalid');
  });
});

describe('a first start', () => {
  it('creates the data folder when it does not exist yet', () => {
    const fresh = join(dir, 'not', 'yet');
    expect(loadOrCreateDeskKey({ dataDir: fresh, sealer: testKeychain() }).event).toBe('created');
    expect(readDeskKeyFile(fresh)).not.toBeNull();
  });
});
