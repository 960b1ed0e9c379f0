import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { openDeskDatabase } from '../core/db/connection';
import { ensureDeskCode } from '../core/desk-settings';

/**
 * `civicdesk import` as a city's IT person runs it: a real process through tsx, a real desk
 * database, the committed fixtures. A spawn costs a second or two, so each test says a lot.
 */

const ROOT = resolve(import.meta.dirname, '../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const FIXTURES = join(ROOT, 'test/fixtures/import');
const SLOW = 60_000;

let dir: string;

function civicdesk(...args: string[]) {
  const result = spawnSync(TSX, ['main/cli/index.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: SLOW,
    env: { ...process.env, XDG_CONFIG_HOME: join(dir, 'config'), NO_COLOR: '1' },
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A desk data folder as the console leaves it: migrated, with its desk code. */
function newDesk(name: string): string {
  const data = join(dir, name);
  const { db } = openDeskDatabase(join(data, 'desk.sqlite'));
  ensureDeskCode(db, 'D07');
  db.close();
  return data;
}

/** A copy of a fixture beside the desk, so the default reject file lands in the temporary folder. */
function copyOf(fixture: string): string {
  const file = join(dir, fixture);
  cpSync(join(FIXTURES, fixture), file);
  return file;
}

const countCases = (data: string): number => {
  const db = new Database(join(data, 'desk.sqlite'), { readonly: true });
  try {
    return db.prepare('SELECT count(*) FROM cases').pluck().get() as number;
  } finally {
    db.close();
  }
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'civicdesk-import-cli-'));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('civicdesk import', () => {
  it('imports a file, says what it added for review, and adds nothing the second time', () => {
    const data = newDesk('good');
    const first = civicdesk('import', join(FIXTURES, 'good.csv'), '--data', data);
    expect(first.stderr).toBe('');
    expect(first.stdout).toMatch(
      /^Imported 9 cases from good\.csv into desk D07 \(2 new service types flagged for review: Sidewalk Snow Angel \(roads_snow\), Goose Nuisance \(parks_trees\)\) in \d+\.\d s\n$/,
    );
    expect(first.status).toBe(0);
    const again = civicdesk('import', join(FIXTURES, 'good.csv'), '--data', data, '--json');
    expect(again.status, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ ok: true, into: 'desk D07', imported: 0, alreadyImported: 9, badRows: [], rejectsFile: null, additions: [] });
    expect(countCases(data)).toBe(9);
  }, SLOW);

  it('lists the bad rows, imports nothing and exits 1; with --skip-bad imports the rest and writes the reject file', () => {
    const data = newDesk('bad');
    const file = copyOf('bad-dates.csv');
    const refused = civicdesk('import', file, '--data', data);
    expect(refused.status).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toBe(
      [
        'bad-dates.csv: 4 bad rows of 5; nothing was imported.',
        "  Row 3, column requested_at: is not a date (got '2022-13-01')",
        "  Row 4, column requested_at: is not a date (got '14/06/2022 09:30')",
        '  Row 5, column closed_at: is before requested_at',
        "  Row 6, column requested_at: is not a date (got '2022-02-29 10:00')",
        `Fix them and import again, or run with --skip-bad to import the good rows and write the bad ones to ${join(dir, 'bad-dates.rejects.csv')}.`,
        '',
      ].join('\n'),
    );
    expect(countCases(data)).toBe(0);

    const rejects = join(dir, 'rejected-rows.csv');
    const skipped = civicdesk('import', file, '--data', data, '--skip-bad', '--rejects', rejects);
    expect(skipped.status, skipped.stderr).toBe(0);
    expect(skipped.stdout).toMatch(new RegExp(`^Imported 1 case from bad-dates\\.csv into desk D07 \\(4 bad rows written to ${rejects.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\) in `));
    expect(readFileSync(rejects, 'utf8').split('\n').slice(0, 2)).toEqual([
      'line,error,external_id,requested_at,channel,kind,service_code,status,closed_at,description',
      "3,column requested_at: is not a date (got '2022-13-01'),DATE-2,2022-13-01,phone,information,billing-inquiry,resolved,,Month 13",
    ]);
    expect(countCases(data)).toBe(1);
  }, SLOW);

  it('refuses a file it cannot read as an import in one line, and usage mistakes with exit 2', () => {
    const data = newDesk('refusals');
    const semicolons = civicdesk('import', join(FIXTURES, 'wrong-delimiter.csv'), '--data', data);
    expect(semicolons).toMatchObject({ status: 1, stdout: '' });
    expect(semicolons.stderr).toMatch(/^civicdesk: import: wrong-delimiter\.csv: the header is a single column \(.*\): the file looks separated by semicolons, not commas\. [^\n]+\n$/);
    const rejectsAlone = civicdesk('import', join(FIXTURES, 'good.csv'), '--data', data, '--rejects', join(dir, 'r.csv'));
    expect(rejectsAlone).toMatchObject({ status: 2, stderr: 'civicdesk: import: --rejects FILE goes with --skip-bad (without it, a file with bad rows imports nothing)\n' });
    expect(civicdesk('import', '--data', data)).toMatchObject({ status: 2, stderr: 'civicdesk: import: name the file to import (civicdesk import FILE.csv --data DIR)\n' });
    const noDesk = civicdesk('import', join(FIXTURES, 'good.csv'), '--data', join(dir, 'nowhere'));
    expect(noDesk).toMatchObject({ status: 1, stderr: expect.stringMatching(/^civicdesk: import: no desk database at .*desk\.sqlite; start the console on this desk once/) });
    expect(countCases(data)).toBe(0);
  }, SLOW);
});
