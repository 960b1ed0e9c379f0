import Database from 'better-sqlite3-multiple-ciphers';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultCatalog, newId } from '../../../shared/domain';
import { SPECIALIST } from '../../../test/helpers/desk';
import { createCallOperation, createConsoleHandlers } from '../console-api';
import { applyDeskKey } from '../db/cipher';
import { openDeskDatabase, type WritableDb } from '../db/connection';
import { deskDatabasePath } from '../data-dir';
import { ensureDeskCode } from '../desk-settings';
import { restoredOutboxFloor } from '../outbox';
import { backupDeskDatabase } from './backup-database';
import { runDailyBackupIfDue } from './daily-backup';
import { exportDeskDatabase } from './export-database';
import { BackupError } from './files';
import { restoreDeskDatabase } from './restore-database';

let dir: string;
let dataDir: string;
let database: string;
const key = randomBytes(32);
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'civicdesk-backup-'));
  dataDir = join(dir, 'data');
  database = deskDatabasePath(dataDir);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A desk database with `count` cases, encrypted with `key` unless told otherwise. */
function writeDesk(count: number, options: { key?: Buffer | null; code?: string } = {}): WritableDb {
  const { db } = openDeskDatabase(database, options.key === null ? {} : { key: options.key ?? key });
  const deskCode = ensureDeskCode(db, options.code ?? 'D07');
  const call = createCallOperation(createConsoleHandlers(db, { session: { deskCode, agent: SPECIALIST, timeZone: 'America/Edmonton' }, catalog: defaultCatalog, now: Date.now }));
  addCases(call, count);
  return db;
}

function addCases(call: ReturnType<typeof createCallOperation>, count: number): void {
  for (let i = 0; i < count; i++) {
    const result = call('createCase', {
      id: newId(),
      channel: 'phone',
      kind: 'information',
      serviceCode: 'general-information',
      caller: { anonymous: false, name: `Caller ${i}` },
      location: null,
      answers: {},
      description: `Question ${i} about recycling`,
    });
    if (!result.ok) throw new Error(result.error.message);
  }
}

function countCases(file: string, withKey: Buffer | null): number {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    if (withKey) applyDeskKey(db, withKey);
    return db.prepare('SELECT count(*) FROM cases').pluck().get() as number;
  } finally {
    db.close();
  }
}

const leftovers = (folder: string): string[] => readdirSync(folder).filter((name) => name.includes('.partial-'));

describe('backupDeskDatabase', () => {
  it('copies an encrypted desk, still open and with commits in its -wal, into a checked copy only its key opens', async () => {
    const db = writeDesk(30);
    try {
      expect(statSync(`${database}-wal`).size).toBeGreaterThan(0);
      const to = join(dir, 'copy.sqlite');
      const result = await backupDeskDatabase(database, to, key);
      expect(result).toMatchObject({ file: to, cases: 30, check: 'ok' });
      expect(countCases(to, key)).toBe(30);
      expect(() => countCases(to, null)).toThrow(/not a database/);
      expect(readFileSync(to).subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
      await expect(backupDeskDatabase(database, to, key)).rejects.toThrow(/already exists/);
      expect(countCases(to, key)).toBe(30);
      expect(leftovers(dir)).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('leaves nothing behind when the copy fails (wrong key)', async () => {
    writeDesk(3).close();
    const to = join(dir, 'copy.sqlite');
    await expect(backupDeskDatabase(database, to, randomBytes(32))).rejects.toBeInstanceOf(BackupError);
    expect(existsSync(to)).toBe(false);
    expect(leftovers(dir)).toEqual([]);
  });
});

describe('runDailyBackupIfDue', () => {
  const now = Date.parse('2026-11-28T05:00:00Z'); // still the 27th in Edmonton
  it('writes today’s backup once, by the centre’s date, and deletes only its own expired files', async () => {
    const db = writeDesk(5);
    try {
      const folder = join(dataDir, 'backups');
      mkdirSync(folder, { recursive: true });
      const mine = (day: string) => join(folder, `desk-D07-${day}.sqlite`);
      for (const day of ['2026-11-13', '2026-11-14', '2026-11-20']) writeFileSync(mine(day), 'old');
      // Another desk's backups in a shared folder are strangers too.
      const strangers = ['notes.txt', 'desk-D07-2026-01-01.sqlite.bak', 'desk-latest.sqlite', 'desk-D08-2026-11-13.sqlite', 'desk-2026-11-13.sqlite'];
      for (const name of strangers) writeFileSync(join(folder, name), 'not ours');
      const stalePartial = join(folder, 'desk-D07-2026-11-20.sqlite.partial-0a1b2c3d');
      writeFileSync(stalePartial, 'crashed');
      utimesSync(stalePartial, new Date(now - 3 * 86_400_000), new Date(now - 3 * 86_400_000));

      const first = await runDailyBackupIfDue({ file: database, key, folder, deskCode: 'D07', keepDays: 14, now, timeZone: 'America/Edmonton' });
      expect(first.day).toBe('2026-11-27');
      expect(first.made).toMatchObject({ file: mine('2026-11-27'), cases: 5 });
      expect(countCases(mine('2026-11-27'), key)).toBe(5);
      // 14 days: the 27th and the 13 before it, so from the 14th on.
      expect(first.deleted).toEqual([mine('2026-11-13'), stalePartial].sort());
      for (const name of strangers) expect(existsSync(join(folder, name))).toBe(true);

      const again = await runDailyBackupIfDue({ file: database, key, folder, deskCode: 'D07', keepDays: 14, now: now + 3_600_000, timeZone: 'America/Edmonton' });
      expect(again).toMatchObject({ day: '2026-11-27', made: null, deleted: [] });

      const nextDay = await runDailyBackupIfDue({ file: database, key, folder, deskCode: 'D07', keepDays: 2, now: now + 86_400_000, timeZone: 'America/Edmonton' });
      expect(nextDay.made?.file).toBe(mine('2026-11-28'));
      expect(nextDay.deleted).toEqual([mine('2026-11-14'), mine('2026-11-20')]);
      expect(readdirSync(folder).filter((n) => n.startsWith('desk-D07-2026-11')).sort()).toEqual(['desk-D07-2026-11-27.sqlite', 'desk-D07-2026-11-28.sqlite']);
    } finally {
      db.close();
    }
  });
});

describe('restoreDeskDatabase', () => {
  it('refuses while another connection has the database open in WAL mode, and changes nothing', async () => {
    writeDesk(4).close();
    const backup = join(dir, 'b.sqlite');
    await backupDeskDatabase(database, backup, key);
    const { db: holder } = openDeskDatabase(database, { key });
    try {
      await expect(restoreDeskDatabase({ dataDir, from: backup, key })).rejects.toMatchObject({ code: 'in_use', message: expect.stringMatching(/close CivicDesk/) });
      expect(readdirSync(dataDir).filter((n) => n.includes('before-restore') || n.includes('.partial-'))).toEqual([]);
    } finally {
      holder.close();
    }
  });

  it('puts the backup in place, keeps the replaced database whole, with no -wal beside it, and marks the outbox as restored', async () => {
    writeDesk(4).close();
    const backup = join(dir, 'b.sqlite');
    await backupDeskDatabase(database, backup, key);
    writeDesk(4).close(); // 8 now, 4 of them after the backup

    // Four changes after the backup never reached a server: refused unless the person says to go ahead.
    await expect(restoreDeskDatabase({ dataDir, from: backup, key })).rejects.toMatchObject({ code: 'unsynced_work', message: expect.stringContaining('4 changes made after this backup') });
    expect(countCases(database, key)).toBe(8);
    const result = await restoreDeskDatabase({ dataDir, from: backup, key, now: Date.parse('2026-11-27T15:30:00Z'), discardUnsynced: true });
    expect(result).toMatchObject({ live: 'readable', cases: 4, deskCode: 'D07', unsyncedLeftBehind: 4, keptAs: `${database}.before-restore-20261127T153000Z` });
    expect(existsSync(`${result.keptAs}-wal`)).toBe(false);
    expect(countCases(database, key)).toBe(4);
    expect(countCases(result.keptAs!, key)).toBe(8);
    expect(leftovers(dataDir)).toEqual([]);
    const { db: restored } = openDeskDatabase(database, { key });
    try {
      // This desk never synced: the mark a new database gets (floor 0) stands until its first pull, and a restore keeps the lower floor.
      expect(restoredOutboxFloor(restored)).toBe(0);
      expect(restored.prepare('SELECT last_value FROM reference_sequences').pluck().get()).toBe(8);
    } finally {
      restored.close();
    }
  });

  it('refuses a backup of another desk, a damaged backup and one its key does not open', async () => {
    writeDesk(2, { code: 'D09' }).close();
    const otherDesk = join(dir, 'other.sqlite');
    await backupDeskDatabase(database, otherDesk, key);
    rmSync(dataDir, { recursive: true });
    writeDesk(2, { code: 'D07' }).close();
    await expect(restoreDeskDatabase({ dataDir, from: otherDesk, key })).rejects.toMatchObject({ code: 'other_desk', message: expect.stringMatching(/desk D09.*desk D07/) });
    await expect(restoreDeskDatabase({ dataDir, from: otherDesk, key: randomBytes(32) })).rejects.toMatchObject({ code: 'invalid_backup' });
    const garbage = join(dir, 'garbage.sqlite');
    writeFileSync(garbage, randomBytes(8192));
    await expect(restoreDeskDatabase({ dataDir, from: garbage, key })).rejects.toMatchObject({ code: 'invalid_backup' });
    expect(countCases(database, key)).toBe(2);
    expect(readdirSync(dataDir).filter((n) => n.includes('before-restore') || n.includes('.partial-'))).toEqual([]);
  });
});

describe('exportDeskDatabase', () => {
  it('re-keys the copy with a fresh key in a 0600 key file; the desk key no longer opens it', async () => {
    writeDesk(6).close();
    const to = join(dir, 'export.sqlite');
    const result = await exportDeskDatabase({ file: database, key, to });
    expect(result).toMatchObject({ file: to, cases: 6, keyFile: `${to}.key` });
    expect(statSync(`${to}.key`).mode & 0o777).toBe(0o600);
    const newKey = Buffer.from(readFileSync(`${to}.key`, 'utf8').trim(), 'hex');
    expect(newKey.equals(key)).toBe(false);
    expect(countCases(to, newKey)).toBe(6);
    expect(() => countCases(to, key)).toThrow(/not a database/);
    await expect(exportDeskDatabase({ file: database, key, to })).rejects.toThrow(/already exists/);
  });

  it('writes plain SQLite when asked, from an encrypted or a plain desk, and encrypts a plain desk’s export by default', async () => {
    writeDesk(2).close();
    const plain = join(dir, 'plain.sqlite');
    expect(await exportDeskDatabase({ file: database, key, to: plain, unencrypted: true })).toMatchObject({ keyFile: null, cases: 2 });
    expect(readFileSync(plain).subarray(0, 15).toString('latin1')).toBe('SQLite format 3');
    // Readable personal data: the owner's alone.
    if (process.platform !== 'win32') expect(statSync(plain).mode & 0o777).toBe(0o600);
    expect(countCases(plain, null)).toBe(2);

    const sealed = join(dir, 'sealed.sqlite');
    const result = await exportDeskDatabase({ file: plain, to: sealed, newKeyFile: join(dir, 'sealed.hex') });
    expect(countCases(sealed, Buffer.from(readFileSync(result.keyFile!, 'utf8').trim(), 'hex'))).toBe(2);
    expect(() => countCases(sealed, null)).toThrow(/not a database/);
  });
});
