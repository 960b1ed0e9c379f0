import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { applyDeskKey } from '../core/db/cipher';
import { openDeskDatabase } from '../core/db/connection';

/**
 * `civicdesk db backup|restore|export|purge` as IT runs them: real processes, real files. An
 * encrypted desk is made here (the app's key handling is not needed for that) and opened by the
 * commands with --key-file.
 */

const ROOT = resolve(import.meta.dirname, '../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const SLOW = 60_000;

let dir: string;
let data: string;
let keyFile: string;
const key = randomBytes(32);

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function civicdesk(...args: string[]): Run {
  const result = spawnSync(TSX, ['main/cli/index.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: SLOW,
    env: { ...process.env, XDG_CONFIG_HOME: join(dir, 'config'), NO_COLOR: '1' },
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function casesIn(file: string, withKey: Buffer | null): number {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    if (withKey) applyDeskKey(db, withKey);
    return db.prepare('SELECT count(*) FROM cases').pluck().get() as number;
  } finally {
    db.close();
  }
}

function expectOneLineError(result: Run, exitCode: number, ...mentions: string[]): void {
  expect(result.status, `exit code; stderr: ${result.stderr}`).toBe(exitCode);
  expect(result.stderr).toMatch(/^civicdesk: [^\n]+\n$/);
  expect(result.stderr).not.toMatch(/^\s+at /m);
  for (const mention of mentions) expect(result.stderr).toContain(mention);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'civicdesk-db-cli-'));
  data = join(dir, 'data');
  keyFile = join(dir, 'desk.hex');
  writeFileSync(keyFile, `${key.toString('hex')}\n`, { mode: 0o600 });
  const { db } = openDeskDatabase(join(data, 'desk.sqlite'), { key });
  db.prepare("INSERT INTO desk_settings (key, value) VALUES ('desk_code', 'D07')").run();
  db.close();
  const seeded = civicdesk('seed', '--cases', '200', '--data', join(dir, 'plain'));
  if (seeded.status !== 0) throw new Error(seeded.stderr);
}, SLOW);
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('civicdesk db backup and restore', () => {
  it('backup and restore round trip keeps the replaced database; an encrypted desk’s backup needs its key', () => {
    const plainCopy = join(dir, 'round-trip');
    cpSync(join(dir, 'plain'), plainCopy, { recursive: true });
    const backup = join(dir, 'plain-backup.sqlite');
    const made = civicdesk('db', 'backup', '--data', plainCopy, '--to', backup);
    expect(made.status, made.stderr).toBe(0);
    expect(made.stdout).toMatch(/200 cases/);
    const more = civicdesk('seed', '--cases', '10', '--data', plainCopy);
    expect(more.status, more.stderr).toBe(0);

    const restored = civicdesk('db', 'restore', '--data', plainCopy, '--from', backup);
    expect(restored.status, restored.stderr).toBe(0);
    expect(restored.stdout).toMatch(/Restored .* \(desk D01, 200 cases, integrity ok\)/);
    expect(restored.stdout).toMatch(/kept as .*desk\.sqlite\.before-restore-\d{8}T\d{6}Z/);
    expect(casesIn(join(plainCopy, 'desk.sqlite'), null)).toBe(200);
    const kept = readdirSync(plainCopy).find((name) => name.startsWith('desk.sqlite.before-restore-'))!;
    expect(casesIn(join(plainCopy, kept), null)).toBe(210);
    expect(civicdesk('db', 'check', '--data', plainCopy).stdout).toMatch(/^healthy$/m);

    const encryptedBackup = join(dir, 'encrypted-backup.sqlite');
    expectOneLineError(civicdesk('db', 'backup', '--data', data, '--to', encryptedBackup), 2, 'is encrypted', '--key-file');
    const sealed = civicdesk('db', 'backup', '--data', data, '--to', encryptedBackup, '--key-file', keyFile);
    expect(sealed.status, sealed.stderr).toBe(0);
    expect(sealed.stdout).toContain('encrypted with the desk key');
    expect(casesIn(encryptedBackup, key)).toBe(0);
    expect(() => casesIn(encryptedBackup, null)).toThrow();
  }, SLOW * 3);

  it('restore refuses while the desk database is open, and names what to do', () => {
    const copy = join(dir, 'open-desk');
    cpSync(join(dir, 'plain'), copy, { recursive: true });
    const backup = join(dir, 'open-desk-backup.sqlite');
    expect(civicdesk('db', 'backup', '--data', copy, '--to', backup).status).toBe(0);
    const holder = new Database(join(copy, 'desk.sqlite'));
    holder.pragma('journal_mode = WAL');
    holder.prepare('SELECT count(*) FROM cases').get();
    try {
      expectOneLineError(civicdesk('db', 'restore', '--data', copy, '--from', backup), 1, 'db restore:', 'close CivicDesk');
    } finally {
      holder.close();
    }
    expect(readdirSync(copy).filter((name) => name.includes('before-restore') || name.includes('.partial-'))).toEqual([]);
  }, SLOW * 2);

  it('usage mistakes name the option', () => {
    expectOneLineError(civicdesk('db', 'restore', '--data', data), 2, '--from');
    expectOneLineError(civicdesk('db', 'restore', '--data', data, '--from', join(dir, 'nope.sqlite')), 2, '--from', 'no such file');
    expectOneLineError(civicdesk('db', 'export', '--data', data, '--to', join(dir, 'x.sqlite'), '--unencrypted', '--key-out', join(dir, 'x.key')), 2, '--key-out');
    expectOneLineError(civicdesk('db', 'purge', '--data', data, '--older-than-days', 'soon'), 2, '--older-than-days', 'soon');
  }, SLOW);
});

describe('civicdesk db export', () => {
  it('encrypted with a new key in a 0600 key file by default; --unencrypted says plainly what it holds', () => {
    const to = join(dir, 'export.sqlite');
    const keyOut = join(dir, 'export.key');
    const sealed = civicdesk('db', 'export', '--data', join(dir, 'plain'), '--to', to, '--key-out', keyOut);
    expect(sealed.status, sealed.stderr).toBe(0);
    expect(sealed.stdout).toContain(`written to ${keyOut}`);
    expect(statSync(keyOut).mode & 0o777).toBe(0o600);
    expect(casesIn(to, Buffer.from(readFileSync(keyOut, 'utf8').trim(), 'hex'))).toBe(200);
    expect(() => casesIn(to, null)).toThrow();

    const plain = join(dir, 'export-plain.sqlite');
    const open = civicdesk('db', 'export', '--data', data, '--key-file', keyFile, '--to', plain, '--unencrypted');
    expect(open.status, open.stderr).toBe(0);
    expect(open.stdout).toMatch(/NOT encrypted.*personal data/s);
    expect(casesIn(plain, null)).toBe(0);
    expect(existsSync(`${plain}.key`)).toBe(false);
    expectOneLineError(civicdesk('db', 'export', '--data', data, '--key-file', keyFile, '--to', plain, '--unencrypted'), 1, 'already exists');
  }, SLOW * 3);
});

describe('civicdesk db purge', () => {
  it('purges nothing from a desk that never synced, and says so', () => {
    const result = civicdesk('db', 'purge', '--data', join(dir, 'plain'), '--older-than-days', '30');
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^Purged 0 synced cases/);
    expect(casesIn(join(dir, 'plain', 'desk.sqlite'), null)).toBe(200);
  }, SLOW);
});

describe('the other commands on an encrypted desk', () => {
  it('import, report and addresses import take --key-file, and say which option is missing without it', () => {
    const fixtures = resolve('test/fixtures');
    const refused = civicdesk('import', join(fixtures, 'import/good.csv'), '--data', data);
    expectOneLineError(refused, 2, '--key-file');
    const imported = civicdesk('import', join(fixtures, 'import/good.csv'), '--data', data, '--key-file', keyFile);
    expect(imported.status, imported.stderr).toBe(0);
    expect(imported.stdout).toMatch(/^Imported 9 cases from good\.csv into desk D07/);
    const report = civicdesk('report', '--data', data, '--from', '2020-01-01', '--to', '2026-12-31', '--key-file', keyFile);
    expect(report.status, report.stderr).toBe(0);
    expect(report.stdout).toContain('9');
    const addresses = join(dir, 'addresses.csv');
    writeFileSync(addresses, 'address_id,civic_number,street,unit,full_address,lat,long\nLETH-1,123,3 Ave S,,123 3 Ave S,49.69351,-112.84187\n');
    const loaded = civicdesk('addresses', 'import', addresses, '--data', data, '--key-file', keyFile);
    expect(loaded.status, loaded.stderr).toBe(0);
    expect(casesIn(join(data, 'desk.sqlite'), key)).toBeGreaterThanOrEqual(9);
  }, SLOW);
});
