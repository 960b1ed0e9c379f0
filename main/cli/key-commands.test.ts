import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { deskDatabasePath } from '../core/data-dir';
import { openDeskDatabase } from '../core/db/connection';
import { loadOrCreateDeskKey } from '../core/db/desk-key';
import { recoveredKeyPath } from '../core/db/desk-key-files';
import { generateRecoveryKeyPair, recoveryKeyFingerprint } from '../core/db/desk-key-recovery';
import { testKeychain } from '../core/db/desk-key-test-sealer';
import { CliError } from './cli-error';
import { deskKeyFromOptions } from './desk-key-options';
import { recoverKeyCommand, recoveryKeypairCommand, RECOVERY_PRIVATE_KEY_FILE, RECOVERY_PUBLIC_KEY_FILE } from './key-commands';

let dir: string;
let data: string;
let pemFile: string;
let otherPemFile: string;
let pair: ReturnType<typeof generateRecoveryKeyPair>;
let otherPair: ReturnType<typeof generateRecoveryKeyPair>;
beforeAll(() => {
  pair = generateRecoveryKeyPair();
  otherPair = generateRecoveryKeyPair();
});
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'civicdesk-key-cli-'));
  data = join(dir, 'data');
  pemFile = join(dir, 'it-recovery.pem');
  writeFileSync(pemFile, pair.privateKeyPem);
  otherPemFile = join(dir, 'other.pem');
  writeFileSync(otherPemFile, otherPair.privateKeyPem);
});
afterEach(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

/** An encrypted desk as the app leaves it: desk.key sealed by the keychain and to IT's recovery key. */
function encryptedDesk(): Buffer {
  const { key } = loadOrCreateDeskKey({ dataDir: data, sealer: testKeychain(), recoveryPublicKey: pair.publicKeyPem });
  openDeskDatabase(deskDatabasePath(data), { key }).db.close();
  return key;
}

function cliError(run: () => unknown): CliError {
  try {
    run();
  } catch (error) {
    if (error instanceof CliError) return error;
    throw error;
  }
  throw new Error('expected a CliError');
}

async function cliErrorOf(run: () => Promise<unknown>): Promise<CliError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof CliError) return error;
    throw error;
  }
  throw new Error('expected a CliError');
}

function captureStdout(): () => string {
  let out = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  return () => out;
}

describe('deskKeyFromOptions', () => {
  it('needs no key for a plaintext or a missing database', () => {
    expect(deskKeyFromOptions({}, data)).toBeUndefined();
    openDeskDatabase(deskDatabasePath(data)).db.close();
    expect(deskKeyFromOptions({}, data)).toBeUndefined();
  });

  it('asks for --key-file or --recovery-key when the database is encrypted', () => {
    encryptedDesk();
    const error = cliError(() => deskKeyFromOptions({}, data));
    expect(error.exitCode).toBe(2);
    expect(error.message).toContain(deskDatabasePath(data));
    expect(error.message).toMatch(/--key-file FILE.*--recovery-key PEM_FILE/);
  });

  it('reads the key from --key-file, and names the file when it is malformed, missing or another desk’s', () => {
    const key = encryptedDesk();
    const keyFile = join(dir, 'desk-key.hex');
    writeFileSync(keyFile, `${key.toString('hex')}\n`);
    expect(deskKeyFromOptions({ 'key-file': keyFile }, data)).toEqual(key);

    writeFileSync(keyFile, 'not-a-key');
    expect(cliError(() => deskKeyFromOptions({ 'key-file': keyFile }, data)).message).toMatch(new RegExp(`--key-file ${keyFile} should hold the desk key as 64 hex`));
    expect(cliError(() => deskKeyFromOptions({ 'key-file': join(dir, 'nope.hex') }, data)).message).toMatch(/nope\.hex: cannot read it \(no such file\)/);
    writeFileSync(keyFile, randomBytes(32).toString('hex'));
    expect(cliError(() => deskKeyFromOptions({ 'key-file': keyFile }, data)).message).toMatch(/does not open .*another desk/);
  });

  it('unseals the desk’s recovery copy with --recovery-key', () => {
    const key = encryptedDesk();
    expect(deskKeyFromOptions({ 'recovery-key': pemFile }, data)).toEqual(key);
    expect(cliError(() => deskKeyFromOptions({ 'recovery-key': otherPemFile }, data)).message).toContain(pair.fingerprint);
  });

  it('refuses both options at once', () => {
    encryptedDesk();
    expect(cliError(() => deskKeyFromOptions({ 'key-file': 'a', 'recovery-key': 'b' }, data)).exitCode).toBe(2);
  });
});

describe('civicdesk db recover-key', () => {
  it('hands the key over as desk.key.recovered (0600) and prints nothing secret', async () => {
    const key = encryptedDesk();
    const stdout = captureStdout();
    expect(await recoverKeyCommand({ data, 'recovery-key': pemFile })).toBe(0);
    expect(readFileSync(recoveredKeyPath(data), 'utf8').trim()).toBe(key.toString('hex'));
    if (process.platform !== 'win32') expect(statSync(recoveredKeyPath(data)).mode & 0o777).toBe(0o600);
    expect(stdout()).toContain(recoveredKeyPath(data));
    expect(stdout()).not.toContain(key.toString('hex'));
    // The app adopts it at its next start, on a profile whose keychain never saw this key.
    const adopted = loadOrCreateDeskKey({ dataDir: data, sealer: testKeychain('ana@re-imaged') });
    expect(adopted).toMatchObject({ event: 'adopted-recovered-key' });
    expect(adopted.key).toEqual(key);
  });

  it('with --out also writes the raw key for --key-file, and will not overwrite a file', async () => {
    const key = encryptedDesk();
    const out = join(dir, 'desk-key.hex');
    const stdout = captureStdout();
    expect(await recoverKeyCommand({ data, 'recovery-key': pemFile, out })).toBe(0);
    expect(stdout()).not.toContain(key.toString('hex'));
    if (process.platform !== 'win32') expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(deskKeyFromOptions({ 'key-file': out }, data)).toEqual(key);
    expect((await cliErrorOf(() => recoverKeyCommand({ data, 'recovery-key': pemFile, out }))).message).toMatch(/already exists/);
  });

  it('fails in one clear line without --recovery-key, with the wrong private key, or on a desk without desk.key', async () => {
    encryptedDesk();
    expect((await cliErrorOf(() => recoverKeyCommand({ data }))).exitCode).toBe(2);
    expect((await cliErrorOf(() => recoverKeyCommand({ data, 'recovery-key': otherPemFile }))).message).toMatch(/sealed to the recovery key with fingerprint/);
    expect((await cliErrorOf(() => recoverKeyCommand({ data: join(dir, 'empty'), 'recovery-key': pemFile }))).message).toMatch(/no desk key file/);
    expect(() => statSync(recoveredKeyPath(data))).toThrow();
  });
});

describe('civicdesk db recovery-keypair', () => {
  it('writes the pair (private key 0600), prints the public key as a policy snippet, and never overwrites a pair', async () => {
    const outDir = join(dir, 'it-keys');
    const stdout = captureStdout();
    expect(await recoveryKeypairCommand({ 'out-dir': outDir })).toBe(0);
    const privatePem = readFileSync(join(outDir, RECOVERY_PRIVATE_KEY_FILE), 'utf8');
    const publicPem = readFileSync(join(outDir, RECOVERY_PUBLIC_KEY_FILE), 'utf8');
    if (process.platform !== 'win32') expect(statSync(join(outDir, RECOVERY_PRIVATE_KEY_FILE)).mode & 0o777).toBe(0o600);
    expect(recoveryKeyFingerprint(privatePem)).toBe(recoveryKeyFingerprint(publicPem));
    expect(stdout()).not.toContain('PRIVATE KEY-----');
    const snippet = JSON.parse(stdout().slice(stdout().indexOf('{'))) as { encryption: { recoveryPublicKey: string } };
    expect(snippet.encryption.recoveryPublicKey).toBe(publicPem);

    // The printed key works as a desk's policy key, and the private file recovers what it sealed.
    const { key } = loadOrCreateDeskKey({ dataDir: data, sealer: testKeychain(), recoveryPublicKey: snippet.encryption.recoveryPublicKey });
    openDeskDatabase(deskDatabasePath(data), { key }).db.close();
    expect(deskKeyFromOptions({ 'recovery-key': join(outDir, RECOVERY_PRIVATE_KEY_FILE) }, data)).toEqual(key);

    const again = await cliErrorOf(() => recoveryKeypairCommand({ 'out-dir': outDir }));
    expect(again.message).toMatch(/already exists/);
    expect(readFileSync(join(outDir, RECOVERY_PRIVATE_KEY_FILE), 'utf8')).toBe(privatePem);
    expect((await cliErrorOf(() => recoveryKeypairCommand({}))).exitCode).toBe(2);
  });
});
