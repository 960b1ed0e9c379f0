import Database from 'better-sqlite3-multiple-ciphers';
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultCatalog } from '../../../shared/domain';
import { tableCounts } from '../../../test/helpers/desk';
import { deskDatabasePath } from '../data-dir';
import { ensureDeskCode } from '../desk-settings';
import { seedCases } from '../seed/generate-cases';
import { deskFileState } from './cipher';
import { openDeskDatabase, type WritableDb } from './connection';
import { encryptDeskDatabaseInPlace, ENCRYPTING_SUFFIX } from './encrypt-in-place';

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'civicdesk-encrypt-'));
  file = deskDatabasePath(dir);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const key = randomBytes(32);

function seededPlaintextDesk(cases = 1500): Record<string, number> {
  const { db } = openDeskDatabase(file);
  seedCases(db, defaultCatalog, { cases, deskCode: ensureDeskCode(db, 'D31'), endAt: Date.parse('2026-11-27T00:00:00Z'), timeZone: 'America/Edmonton' });
  const counts = everyTable(db);
  db.close();
  return counts;
}

function everyTable(db: WritableDb): Record<string, number> {
  const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' AND name NOT LIKE 'sqlite_%'`).pluck().all() as string[];
  return Object.fromEntries(tables.map((table) => [table, db.prepare(`SELECT count(*) FROM "${table}"`).pluck().get() as number]));
}

function openEncrypted(): WritableDb {
  return openDeskDatabase(file, { key }).db;
}

describe('encryptDeskDatabaseInPlace', () => {
  it('encrypts a plaintext desk and keeps every row of every table, the search index included', () => {
    const before = seededPlaintextDesk();
    const report = encryptDeskDatabaseInPlace(file, key);
    expect(report.discardedInterruptedCopy).toBe(false);
    expect(report.rows).toBe(Object.values(before).reduce((sum, n) => sum + n, 0));
    expect(deskFileState(file)).toBe('encrypted');
    expect(readdirSync(dir).sort()).toEqual(['desk.sqlite']);
    const db = openEncrypted();
    expect(everyTable(db)).toEqual(before);
    expect(tableCounts(db).cases).toBe(1500);
    const anyCaller = db.prepare('SELECT caller_name FROM cases WHERE caller_name IS NOT NULL LIMIT 1').pluck().get() as string;
    expect(db.prepare('SELECT count(*) FROM cases_search WHERE cases_search MATCH ?').pluck().get(`"${anyCaller.split(' ')[0]}"`)).toBeGreaterThan(0);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });

  it('recovers from an attempt interrupted by a power cut: the half-made copy is discarded and the original was never touched', () => {
    const before = seededPlaintextDesk(300);
    // What a power cut mid-rekey leaves: a copy that is part plaintext, part ciphertext, and its journal.
    copyFileSync(file, `${file}${ENCRYPTING_SUFFIX}`);
    writeFileSync(`${file}${ENCRYPTING_SUFFIX}`, randomBytes(8192), { flag: 'r+' });
    writeFileSync(`${file}${ENCRYPTING_SUFFIX}-journal`, randomBytes(4096));
    const plain = openDeskDatabase(file).db;
    expect(everyTable(plain)).toEqual(before);
    plain.close();

    expect(encryptDeskDatabaseInPlace(file, key).discardedInterruptedCopy).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['desk.sqlite']);
    const db = openEncrypted();
    expect(everyTable(db)).toEqual(before);
    db.close();
  });

  it('refuses while another connection still holds the desk open, leaving the plaintext desk as it was', () => {
    const before = seededPlaintextDesk(200);
    const other = new Database(file);
    other.pragma('wal_autocheckpoint = 0');
    other.prepare(`INSERT INTO desk_settings (key, value) VALUES ('late', 'commit')`).run();
    expect(() => encryptDeskDatabaseInPlace(file, key)).toThrow(/still open in another program/);
    other.close();
    expect(deskFileState(file)).toBe('plaintext');
    expect(existsSync(`${file}${ENCRYPTING_SUFFIX}`)).toBe(false);
    const plain = openDeskDatabase(file).db;
    expect(everyTable(plain)).toEqual({ ...before, desk_settings: before.desk_settings! + 1 });
    plain.close();
  });

  it('refuses a file that is already encrypted, and a key of the wrong size', () => {
    openEncrypted().close();
    expect(() => encryptDeskDatabaseInPlace(file, key)).toThrow(/already encrypted/);
    expect(() => encryptDeskDatabaseInPlace(file, randomBytes(16))).toThrow(/32 bytes/);
  });
});
