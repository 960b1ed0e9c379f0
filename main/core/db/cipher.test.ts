import Database from 'better-sqlite3-multiple-ciphers';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId, type Case } from '../../../shared/domain';
import type { CaseDetail } from '../../../shared/contract';
import { deskDatabasePath } from '../data-dir';
import { openDeskRuntime } from '../desk-runtime';
import { deskFileState, deskKeyFingerprint, parseDeskKeyHex } from './cipher';
import { openDeskDatabase, openReadonlyDeskDatabase } from './connection';
import { DeskKeyError } from './desk-key-error';

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'civicdesk-cipher-'));
  file = deskDatabasePath(dir);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const key = randomBytes(32);

function keyError(open: () => unknown): DeskKeyError {
  try {
    open();
  } catch (error) {
    if (error instanceof DeskKeyError) return error;
    throw error;
  }
  throw new Error('expected a DeskKeyError');
}

function createEncryptedDesk(): void {
  const { db } = openDeskDatabase(file, { key });
  db.prepare(`INSERT INTO desk_settings (key, value) VALUES ('probe', 'a secret caller name')`).run();
  db.close();
}

describe('a desk database created with a key', () => {
  it('has no plaintext header and no plaintext content on disk', () => {
    createEncryptedDesk();
    expect(deskFileState(file)).toBe('encrypted');
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
    expect(bytes.includes(Buffer.from('a secret caller name'))).toBe(false);
    expect(bytes.includes(Buffer.from('CREATE TABLE'))).toBe(false);
  });

  it('cannot be read by a plain SQLite connection', () => {
    createEncryptedDesk();
    const plain = new Database(file, { readonly: true });
    expect(() => plain.prepare('SELECT count(*) FROM sqlite_master').get()).toThrow(/file is not a database/);
    plain.close();
  });

  it('opens again with its key, read-write and read-only', () => {
    createEncryptedDesk();
    const { db } = openDeskDatabase(file, { key });
    expect(db.prepare(`SELECT value FROM desk_settings WHERE key = 'probe'`).pluck().get()).toBe('a secret caller name');
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
    const readonly = openReadonlyDeskDatabase(file, key);
    expect(readonly.pragma('quick_check', { simple: true })).toBe('ok');
    readonly.close();
  });

  it('refuses a missing key with an error that names the file and the options', () => {
    createEncryptedDesk();
    for (const open of [() => openDeskDatabase(file), () => openReadonlyDeskDatabase(file)]) {
      const error = keyError(open);
      expect(error.code).toBe('encrypted_no_key');
      expect(error.message).toContain(file);
      expect(error.message).toMatch(/--key-file FILE or --recovery-key PEM_FILE/);
    }
  });

  it('refuses a wrong key with an error that names the file and what to put back, not "file is not a database"', () => {
    createEncryptedDesk();
    for (const open of [() => openDeskDatabase(file, { key: randomBytes(32) }), () => openReadonlyDeskDatabase(file, randomBytes(32))]) {
      const error = keyError(open);
      expect(error.code).toBe('wrong_key');
      expect(error.message).toContain(file);
      expect(error.message).toMatch(/Put back the desk\.key that was saved with this database/);
      expect(error.message).not.toMatch(/file is not a database/);
    }
  });

  it('refuses a key for a plaintext database rather than failing on it', () => {
    openDeskDatabase(file).db.close();
    expect(deskFileState(file)).toBe('plaintext');
    expect(keyError(() => openDeskDatabase(file, { key })).code).toBe('not_encrypted');
  });
});

describe('deskFileState and key text', () => {
  it('tells a missing, an empty, a plaintext and an encrypted file apart', () => {
    expect(deskFileState(file)).toBe('missing');
    new Database(file).close();
    expect(deskFileState(file)).toBe('empty');
    rmSync(file);
    openDeskDatabase(file).db.close();
    expect(deskFileState(file)).toBe('plaintext');
  });

  it('reads a key as 64 hex characters, and fingerprints it without revealing it', () => {
    expect(parseDeskKeyHex(` ${key.toString('hex')}\n`)).toEqual(key);
    expect(parseDeskKeyHex(key.toString('hex').slice(2))).toBeNull();
    expect(parseDeskKeyHex(`zz${key.toString('hex').slice(2)}`)).toBeNull();
    expect(deskKeyFingerprint(key)).toMatch(/^[0-9a-f]{16}$/);
    expect(key.toString('hex')).not.toContain(deskKeyFingerprint(key));
  });
});

describe('the desk runtime on an encrypted database', () => {
  it('creates a case through the console, and reads it back after a restart; the background check passes with the key', async () => {
    const options = { dataDir: dir, databaseKey: key, maintenanceIntervalMs: 0, integrityCheckDelayMs: 0, sync: false } as const;
    const first = openDeskRuntime({ ...options, deskCode: 'D21' });
    const agent = first.call('createAgent', { name: 'Noor Haddad', role: 'specialist' });
    if (!agent.ok) throw new Error(agent.error.message);
    first.call('signIn', { agentId: (agent.value as { id: string }).id });
    const created = first.call('createCase', {
      id: newId(),
      channel: 'phone',
      kind: 'service_request',
      serviceCode: 'pothole',
      caller: { anonymous: false, name: 'Jo Smith', phone: '(403) 555-1234' },
      location: { addressText: '910 4 Ave S', lat: 49.69, lng: -112.84 },
      answers: { pothole_size: 'large', road_position: 'driving_lane' },
      description: 'Deep hole by the bus stop',
    });
    if (!created.ok) throw new Error(created.error.message);
    const saved = created.value as Case;
    await first.integrityChecked;
    expect(first.state.integrity).toEqual({ state: 'ok', message: null });
    first.close();

    expect(deskFileState(file)).toBe('encrypted');
    expect(() => openDeskRuntime({ ...options, databaseKey: randomBytes(32) })).toThrow(DeskKeyError);

    const again = openDeskRuntime(options);
    const read = again.call('getCase', { id: saved.id });
    if (!read.ok) throw new Error(read.error.message);
    expect((read.value as CaseDetail).case).toMatchObject({ reference: saved.reference, description: 'Deep hole by the bus stop' });
    await again.integrityChecked;
    expect(again.state.integrity).toEqual({ state: 'ok', message: null });
    again.close();
  });
});
