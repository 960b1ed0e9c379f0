import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { closeSync, cpSync, existsSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { parseReference } from '../../shared/domain';
import { MIGRATIONS } from '../core/db/migrations';

/**
 * The CLI as a newcomer runs it: real processes through tsx, real files in a temporary folder.
 * Each spawn costs a second or two of TypeScript start-up, so the seeded database is made once and
 * tests that change a database work on a copy of it.
 */

const ROOT = resolve(import.meta.dirname, '../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const SLOW = 60_000;

let dir: string;
/** The folder `seed --cases 1000` filled; tests only read it. */
let data: string;
let seeded: Run;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function run(command: string, args: string[]): Run {
  const result = spawnSync(command, args, {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: SLOW,
    // Without --data the CLI would use ~/.config/CivicDesk; keep any slip inside the temp folder.
    env: { ...process.env, XDG_CONFIG_HOME: join(dir, 'config'), NO_COLOR: '1' },
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const civicdesk = (...args: string[]): Run => run(TSX, ['main/cli/index.ts', ...args]);

const open = (file: string) => new Database(file, { readonly: true, fileMustExist: true });
const scalar = (db: Database.Database, sql: string): unknown => db.prepare(sql).pluck().get();

/** A copy of the seeded data folder that a test may change. */
function copyOfSeeded(name: string): string {
  const copy = join(dir, name);
  cpSync(data, copy, { recursive: true });
  return copy;
}

/** A usage or user error: the exit code, nothing on stdout, one line on stderr, no stack trace. */
function expectOneLineError(result: Run, exitCode: number, ...mentions: string[]): void {
  expect(result.status, `exit code; stderr: ${result.stderr}`).toBe(exitCode);
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(/^civicdesk: [^\n]+\n$/);
  expect(result.stderr).not.toMatch(/^\s+at /m);
  expect(result.stderr).not.toMatch(/Error:|node:internal|\.ts:\d+/);
  for (const mention of mentions) expect(result.stderr).toContain(mention);
}

/** Per-day sequences of a desk's references are exactly 1..n, with n the sequence table's last value. */
function expectWholeSequences(db: Database.Database): void {
  const references = db.prepare('SELECT reference FROM cases').pluck().all() as string[];
  expect(new Set(references).size).toBe(references.length);
  const byDay = new Map<string, number[]>();
  for (const reference of references) {
    const parts = parseReference(reference);
    if (!parts) throw new Error(`unparseable reference ${reference}`);
    byDay.set(`${parts.deskCode} ${parts.date}`, [...(byDay.get(`${parts.deskCode} ${parts.date}`) ?? []), parts.sequence]);
  }
  const last = db.prepare('SELECT desk_code, day, last_value FROM reference_sequences').all() as { desk_code: string; day: string; last_value: number }[];
  expect(last.length).toBe(byDay.size);
  for (const row of last) {
    const seen = (byDay.get(`${row.desk_code} ${row.day}`) ?? []).sort((a, b) => a - b);
    expect(seen, `${row.desk_code} ${row.day}`).toEqual(Array.from({ length: row.last_value }, (_, i) => i + 1));
  }
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'civicdesk-cli-'));
  data = join(dir, 'data');
  seeded = civicdesk('seed', '--cases', '1000', '--data', data);
}, SLOW);
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('civicdesk seed', () => {
  it('fills a new data folder and prints the count', () => {
    expect(seeded.status, seeded.stderr).toBe(0);
    expect(seeded.stdout).toMatch(/^Seeded 1000 cases into .*desk\.sqlite/);
    expect(seeded.stderr).toBe('');
    const db = open(join(data, 'desk.sqlite'));
    try {
      expect(scalar(db, 'SELECT count(*) FROM cases')).toBe(1000);
      expectWholeSequences(db);
    } finally {
      db.close();
    }
  });

  it('seeding again adds 1000 more cases and no reference twice', () => {
    const copy = copyOfSeeded('reseeded');
    const again = civicdesk('seed', '--cases', '1000', '--data', copy);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toContain('Seeded 1000 cases');
    const db = open(join(copy, 'desk.sqlite'));
    try {
      expect(scalar(db, 'SELECT count(*) FROM cases')).toBe(2000);
      expect(scalar(db, 'SELECT count(DISTINCT reference) FROM cases')).toBe(2000);
      expect(scalar(db, 'SELECT count(DISTINCT id) FROM cases')).toBe(2000);
      expect(scalar(db, 'SELECT count(*) FROM cases_search')).toBe(2000);
      expectWholeSequences(db);
    } finally {
      db.close();
    }
  }, SLOW);

  it('makes a realistic year: information first, phone first, June busier than December', () => {
    const db = open(join(data, 'desk.sqlite'));
    try {
      const kinds = db.prepare('SELECT kind, count(*) AS n FROM cases GROUP BY kind ORDER BY n DESC').all() as { kind: string; n: number }[];
      expect(kinds[0]?.kind).toBe('information');
      expect(kinds[0]!.n / 1000).toBeGreaterThanOrEqual(0.5);
      expect(kinds[0]!.n / 1000).toBeLessThanOrEqual(0.75);

      const channels = db.prepare('SELECT channel, count(*) AS n FROM cases GROUP BY channel ORDER BY n DESC').all() as { channel: string; n: number }[];
      expect(channels[0]?.channel).toBe('phone');
      const chat = channels.find((c) => c.channel === 'chat')?.n ?? 0;
      expect(chat).toBeGreaterThan(0);
      expect(chat / 1000).toBeLessThan(0.1);

      const month = (m: string) => scalar(db, `SELECT count(*) FROM cases WHERE strftime('%m', created_at / 1000, 'unixepoch') = '${m}'`) as number;
      expect(month('06')).toBeGreaterThan(month('12'));

      const requests = db
        .prepare("SELECT service_code FROM cases WHERE kind = 'service_request' GROUP BY service_code ORDER BY count(*) DESC LIMIT 3")
        .pluck()
        .all();
      expect(requests).toContain('large-item-collection');

      // The year ends now: nothing in the future, nothing older than a year.
      const now = Date.now();
      expect(scalar(db, 'SELECT max(created_at) FROM cases') as number).toBeLessThanOrEqual(now);
      expect(scalar(db, 'SELECT min(created_at) FROM cases') as number).toBeGreaterThan(now - 366 * 86_400_000);
    } finally {
      db.close();
    }
  });

  describe('chat, launched in October', () => {
    let chatData: string;
    beforeAll(() => {
      // A fixed year, so the check does not depend on today's date: 2025-11-28 .. 2026-11-27.
      chatData = join(dir, 'chat');
      const result = civicdesk('seed', '--cases', '1000', '--data', chatData, '--end', '2026-11-27');
      if (result.status !== 0) throw new Error(`seed --end 2026-11-27 failed: ${result.stderr}`);
    }, SLOW);

    it('has no chat before the October that falls in the seeded year', () => {
      const db = open(join(chatData, 'desk.sqlite'));
      try {
        const launch = Date.parse('2026-10-01T06:00:00Z'); // midnight in Edmonton
        expect(scalar(db, `SELECT count(*) FROM cases WHERE channel = 'chat' AND created_at >= ${launch}`) as number).toBeGreaterThan(0);
        const early = db.prepare(`SELECT reference FROM cases WHERE channel = 'chat' AND created_at < ${launch}`).pluck().all();
        expect(early).toEqual([]);
      } finally {
        db.close();
      }
    });
  });
});

describe('civicdesk db check', () => {
  it('reports integrity, foreign keys, migrations, the case count and health', () => {
    const result = civicdesk('db', 'check', '--data', data);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^integrity\s+ok$/m);
    expect(result.stdout).toMatch(/^foreign keys\s+ok$/m);
    expect(result.stdout).toMatch(new RegExp(`^migrations\\s+${MIGRATIONS.length} of ${MIGRATIONS.length} applied`, 'm'));
    expect(result.stdout).toMatch(/^cases\s+1000$/m);
    expect(result.stdout).toMatch(/^healthy$/m);
  }, SLOW);

  it('--json prints the report as JSON', () => {
    const result = civicdesk('db', 'check', '--json', '--data', data);
    expect(result.status, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(report).toMatchObject({ cases: 1000, healthy: true, integrity: ['ok'], foreignKeyProblems: [], migrations: { current: MIGRATIONS.length, latest: MIGRATIONS.length } });
  }, SLOW);

  it('does not call a damaged database healthy', () => {
    const copy = copyOfSeeded('corrupt');
    const file = join(copy, 'desk.sqlite');
    const pageSize = 4096;
    const size = statSync(file).size;
    expect(size).toBeGreaterThan(16 * pageSize);
    // Garbage over page 3 onwards (the header and schema on pages 1–2 survive, so the file still opens).
    const garbage = Buffer.alloc(size - 3 * pageSize);
    for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 131 + 7) & 0xff;
    const fd = openSync(file, 'r+');
    try {
      writeSync(fd, garbage, 0, garbage.length, 2 * pageSize);
    } finally {
      closeSync(fd);
    }

    const result = civicdesk('db', 'check', '--data', copy);
    expect(result.stdout).not.toMatch(/^healthy$/m);
    if (result.stderr) {
      // It could not even finish the check: then one clear line naming the file, and a failing exit code.
      expectOneLineError(result, 1, file, 'restore it from a backup');
      const json = civicdesk('db', 'check', '--json', '--data', copy);
      expect(json.status).toBe(1);
      expect(JSON.parse(json.stdout)).toMatchObject({ file, healthy: false });
    } else {
      expect(result.status).toBe(1);
      expect(result.stdout).toMatch(/^NOT HEALTHY/m);
    }
  }, SLOW);

  it('names the missing path when there is no database', () => {
    const missing = join(dir, 'no-such-folder');
    expectOneLineError(civicdesk('db', 'check', '--data', missing), 1, missing);
    expect(existsSync(missing)).toBe(false);
  }, SLOW);
});

describe('civicdesk db backup', () => {
  it('makes a checked copy, and refuses to overwrite it', () => {
    const to = join(dir, 'desk-backup.sqlite');
    const first = civicdesk('db', 'backup', '--data', data, '--to', to);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain(to);
    const copy = open(to);
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(scalar(copy, 'SELECT count(*) FROM cases')).toBe(1000);
    } finally {
      copy.close();
    }

    expectOneLineError(civicdesk('db', 'backup', '--data', data, '--to', to), 1, to);
    const still = open(to);
    try {
      expect(scalar(still, 'SELECT count(*) FROM cases')).toBe(1000);
    } finally {
      still.close();
    }
  }, SLOW);

  it('into a folder that does not exist: one line, exit 1', () => {
    expectOneLineError(civicdesk('db', 'backup', '--data', data, '--to', join(dir, 'no-such-folder', 'b.sqlite')), 1, join(dir, 'no-such-folder'), 'does not exist');
  }, SLOW);
});

describe('civicdesk usage errors', () => {
  it('seed --cases abc exits 2 naming --cases, and creates nothing', () => {
    const folder = join(dir, 'never-made');
    expectOneLineError(civicdesk('seed', '--cases', 'abc', '--data', folder), 2, '--cases', 'abc');
    expect(existsSync(folder)).toBe(false);
  }, SLOW);

  it('seed with a bad --seed or --desk exits 2 naming it, and creates nothing', () => {
    const folder = join(dir, 'never-made-either');
    expectOneLineError(civicdesk('seed', '--cases', '5', '--seed', 'abc', '--data', folder), 2, '--seed', 'abc');
    expectOneLineError(civicdesk('seed', '--cases', '5', '--desk', 'desk 7', '--data', folder), 2, '--desk', 'desk 7');
    expect(existsSync(folder)).toBe(false);
  }, SLOW);

  it('seed without --cases exits 2 naming --cases', () => {
    expectOneLineError(civicdesk('seed', '--data', join(dir, 'never-made')), 2, '--cases');
  }, SLOW);

  it('an unknown option exits 2 naming it', () => {
    expectOneLineError(civicdesk('db', 'check', '--data', data, '--verbose'), 2, '--verbose');
  }, SLOW);

  it('an unknown command exits 2 naming it', () => {
    expectOneLineError(civicdesk('frobnicate'), 2, 'frobnicate');
  }, SLOW);

  it('a command group without its subcommand exits 2 naming the ones it has', () => {
    expectOneLineError(civicdesk('addresses'), 2, "addresses needs a subcommand: 'addresses import'");
    expectOneLineError(civicdesk('db', 'vacuum'), 2, "db has no subcommand 'vacuum': 'db check', 'db backup'");
  }, SLOW);
});

describe('the civicdesk bin entry', () => {
  it('runs through node main/cli/bin.mjs', () => {
    const result = run(process.execPath, ['main/cli/bin.mjs', 'help']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('civicdesk seed --cases N');
    expect(result.stdout).toContain('civicdesk db check');
    expect(result.stdout).toContain('civicdesk db backup');
  }, SLOW);
});
