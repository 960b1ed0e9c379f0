import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { MutationSchema } from '../../../shared/sync';
import { searchCases } from '../cases/case-reads';
import { CASE_COLUMNS, caseFromRow, type CaseRow } from '../cases/case-row';
import { indexCase } from '../cases/search-index';
import { openDeskDatabase, type WritableDb } from '../db/connection';
import { openDeskRuntime } from '../desk-runtime';
import { ensureDeskCode } from '../desk-settings';
import { importCasesFile, type ImportCasesOptions } from './import-cases';
import { rejectFileText } from './reject-file';

const FIXTURES = resolve(import.meta.dirname, '../../../test/fixtures/import');
const fixture = (name: string): string => join(FIXTURES, name);
const NOW = Date.parse('2026-11-27T15:30:00Z');

let dir: string;
let db: WritableDb;

function openDesk(): WritableDb {
  dir = mkdtempSync(join(tmpdir(), 'civicdesk-import-'));
  ({ db } = openDeskDatabase(join(dir, 'desk.sqlite')));
  ensureDeskCode(db, 'D07');
  return db;
}

afterEach(() => {
  db?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const run = (file: string, options: Partial<ImportCasesOptions> = {}) => importCasesFile(db, { file, deskCode: 'D07', now: () => NOW, ...options });
const count = (table: string): number => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
const written = () => ({
  cases: count('cases'),
  case_events: count('case_events'),
  outbox: count('outbox'),
  cases_search: count('cases_search'),
  imported_cases: count('imported_cases'),
  catalog_additions: count('catalog_additions'),
});
const NOTHING = { cases: 0, case_events: 0, outbox: 0, cases_search: 0, imported_cases: 0, catalog_additions: 0 };

/** A file of our own, beside the desk: for what is better generated than committed. */
function tempFile(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

describe('a good file', () => {
  it('becomes cases with references, events, search entries, outbox mutations and flagged new types', async () => {
    openDesk();
    const outcome = await run(fixture('good.csv'));
    expect(outcome).toMatchObject({
      ok: true,
      imported: 9,
      alreadyImported: 0,
      bad: [],
      ignoredColumns: [],
      additions: [
        { code: 'import-sidewalk-snow-angel', name: 'Sidewalk Snow Angel', departmentCode: 'roads_snow' },
        { code: 'import-goose-nuisance', name: 'Goose Nuisance', departmentCode: 'parks_trees' },
      ],
    });
    expect(written()).toEqual({ cases: 9, case_events: 9, outbox: 9, cases_search: 9, imported_cases: 9, catalog_additions: 2 });

    const cases = db.prepare('SELECT reference, agent_id, channel, status, disposition, talk_ms, service_code FROM cases ORDER BY created_at').all();
    expect(cases).toEqual([
      { reference: 'D07-220614-0001', agent_id: 'import:jsmith', channel: 'phone', status: 'resolved', disposition: 'answered', talk_ms: 125_000, service_code: 'billing-inquiry' },
      { reference: 'D07-220614-0002', agent_id: 'import:mtaylor', channel: 'phone', status: 'closed', disposition: 'service_request_logged', talk_ms: 240_000, service_code: 'large-item-collection' },
      { reference: 'D07-220614-0003', agent_id: 'import:jsmith', channel: 'walk_in', status: 'resolved', disposition: 'answered', talk_ms: 60_000, service_code: 'transit-route-schedule' },
      { reference: 'D07-221003-0001', agent_id: 'import:aprice', channel: 'chat', status: 'resolved', disposition: 'answered', talk_ms: 95_000, service_code: 'general-information' },
      { reference: 'D07-221003-0002', agent_id: 'import:mtaylor', channel: 'phone', status: 'open', disposition: 'callback_needed', talk_ms: 180_000, service_code: 'import-sidewalk-snow-angel' },
      { reference: 'D07-221004-0001', agent_id: 'import:jsmith', channel: 'phone', status: 'in_progress', disposition: 'callback_needed', talk_ms: 150_000, service_code: 'import-sidewalk-snow-angel' },
      { reference: 'D07-221004-0002', agent_id: 'import:aprice', channel: 'phone', status: 'resolved', disposition: 'transferred', talk_ms: 45_000, service_code: 'agency-transfer' },
      { reference: 'D07-221005-0001', agent_id: 'import:mtaylor', channel: 'phone', status: 'cancelled', disposition: null, talk_ms: 200_000, service_code: 'import-goose-nuisance' },
      // 01:30 on the night clocks fall back: the first (daylight) 01:30, still 6 November locally.
      { reference: 'D07-221106-0001', agent_id: 'import:unknown', channel: 'chat', status: 'new', disposition: null, talk_ms: 30_000, service_code: 'dog-licence' },
    ]);
    expect(db.prepare("SELECT last_value FROM reference_sequences WHERE desk_code = 'D07' AND day = '2022-06-14'").pluck().get()).toBe(3);

    const found = searchCases(db, 'couch lane', 10);
    expect(found.map((c) => c.reference)).toEqual(['D07-220614-0002']);
    expect(searchCases(db, '403-555-0105', 10)).toHaveLength(2);

    const outbox = db.prepare('SELECT name, args, event, case_id FROM outbox ORDER BY mutation_id').all() as { name: string; args: string; event: string; case_id: string }[];
    for (const row of outbox) {
      const mutation = MutationSchema.parse({ name: row.name, args: JSON.parse(row.args) as unknown });
      expect(mutation.name).toBe('createCase');
      expect(JSON.parse(row.event)).toMatchObject({ type: 'created', caseId: row.case_id, after: { imported: true } });
    }
    expect(db.prepare('SELECT code, needs_review, source_file, source_line FROM catalog_additions ORDER BY source_line').all()).toEqual([
      { code: 'import-sidewalk-snow-angel', needs_review: 1, source_file: 'good.csv', source_line: 6 },
      { code: 'import-goose-nuisance', needs_review: 1, source_file: 'good.csv', source_line: 9 },
    ]);
  });

  it('writes the search entries indexCase writes and the mutations createCase records, phones of every length included', async () => {
    openDesk();
    const phones = tempFile(
      'phones.csv',
      [
        'external_id,requested_at,channel,kind,service_code,status,caller_name,caller_phone,address',
        'P-1,2022-06-01 08:00,phone,information,billing-inquiry,resolved,Ann Lee,+1 (403) 555-0101,12 Main St',
        'P-2,2022-06-01 08:05,phone,information,billing-inquiry,resolved,,555-0102,',
        'P-3,2022-06-01 08:10,phone,information,billing-inquiry,resolved,Bo Chan,,',
        'P-4,2022-06-01 08:15,phone,information,billing-inquiry,resolved,,,',
      ].join('\n'),
    );
    await run(phones);
    await run(fixture('good.csv'));
    const entries = () => db.prepare('SELECT rowid, reference, caller_name, caller_phone, address, description, notes FROM cases_search ORDER BY rowid').all();
    const imported = entries();
    const rows = db.prepare(`SELECT ${CASE_COLUMNS} FROM cases ORDER BY seq`).all() as CaseRow[];
    db.prepare('DELETE FROM cases_search').run();
    for (const row of rows) indexCase(db, row.seq, caseFromRow(row), '');
    expect(imported).toEqual(entries());

    const outbox = db.prepare('SELECT args FROM outbox ORDER BY mutation_id').pluck().all() as string[];
    expect(outbox.map((args) => JSON.parse(args) as unknown)).toEqual(rows.map((row) => ({ case: caseFromRow(row) })));
  });

  it('imports nothing twice: a second run reports every row as already imported', async () => {
    openDesk();
    await run(fixture('good.csv'));
    const before = written();
    expect(await run(fixture('good.csv'))).toMatchObject({ ok: true, imported: 0, alreadyImported: 9, additions: [] });
    expect(written()).toEqual(before);
  });

  it('continues the desk own day sequence, so references never repeat', async () => {
    openDesk();
    db.prepare("INSERT INTO reference_sequences (desk_code, day, last_value) VALUES ('D07', '2022-06-14', 41)").run();
    await run(fixture('good.csv'));
    expect(db.prepare("SELECT reference FROM cases WHERE reference LIKE 'D07-220614-%' ORDER BY reference").pluck().all()).toEqual([
      'D07-220614-0042',
      'D07-220614-0043',
      'D07-220614-0044',
    ]);
  });

  it('reads a byte order mark and Windows line ends', async () => {
    openDesk();
    expect(await run(fixture('bom.csv'))).toMatchObject({ ok: true, imported: 2 });
    expect(db.prepare('SELECT external_id FROM imported_cases ORDER BY external_id').pluck().all()).toEqual(['BOM-1', 'BOM-2']);
    expect(db.prepare("SELECT description FROM cases WHERE description LIKE 'Windows%'").pluck().get()).toBe('Windows line ends, and a comma');
  });

  it('gives the desk runtime a catalog with the new types, so imported cases display and the type picker finds them', async () => {
    openDesk();
    await run(fixture('good.csv'));
    db.close();
    const runtime = openDeskRuntime({ dataDir: dir, sync: false, maintenanceIntervalMs: 0, integrityCheckDelayMs: 60_000 });
    try {
      const types = runtime.state.catalog.serviceTypes.filter((t) => t.code.startsWith('import-'));
      expect(types.map((t) => [t.code, t.name, t.departmentCode])).toEqual([
        ['import-sidewalk-snow-angel', 'Sidewalk Snow Angel', 'roads_snow'],
        ['import-goose-nuisance', 'Goose Nuisance', 'parks_trees'],
      ]);
      expect(runtime.call('catalog', {})).toMatchObject({ ok: true, value: { serviceTypes: expect.arrayContaining([expect.objectContaining({ code: 'import-goose-nuisance' })]) } });
    } finally {
      runtime.close();
      ({ db } = openDeskDatabase(join(dir, 'desk.sqlite')));
    }
  });
});

describe('a file with bad rows', () => {
  it('imports nothing and names every bad row by its line, column and reason', async () => {
    openDesk();
    const outcome = await run(fixture('bad-dates.csv'));
    expect(outcome.ok === false && outcome.reason === 'bad_rows' && outcome.bad.map((b) => [b.line, b.problems])).toEqual([
      [3, [{ column: 'requested_at', message: "is not a date (got '2022-13-01')" }]],
      [4, [{ column: 'requested_at', message: "is not a date (got '14/06/2022 09:30')" }]],
      [5, [{ column: 'closed_at', message: 'is before requested_at' }]],
      [6, [{ column: 'requested_at', message: "is not a date (got '2022-02-29 10:00')" }]],
    ]);
    expect(outcome).toMatchObject({ rows: 5 });
    expect(written()).toEqual(NOTHING);
  });

  it('with skipBad imports the good rows and hands back the bad ones for the reject file', async () => {
    openDesk();
    const outcome = await run(fixture('bad-dates.csv'), { skipBad: true });
    expect(outcome).toMatchObject({ ok: true, imported: 1 });
    if (!outcome.ok) throw new Error('expected an import');
    expect(written()).toMatchObject({ cases: 1, imported_cases: 1 });
    expect(rejectFileText(outcome.header, outcome.bad)).toBe(
      [
        'line,error,external_id,requested_at,channel,kind,service_code,status,closed_at,description',
        "3,column requested_at: is not a date (got '2022-13-01'),DATE-2,2022-13-01,phone,information,billing-inquiry,resolved,,Month 13",
        "4,column requested_at: is not a date (got '14/06/2022 09:30'),DATE-3,14/06/2022 09:30,phone,information,billing-inquiry,resolved,,Day first",
        '5,column closed_at: is before requested_at,DATE-4,2022-06-02 08:00,phone,information,billing-inquiry,resolved,2022-06-01 08:00,Closed before it was requested',
        "6,column requested_at: is not a date (got '2022-02-29 10:00'),DATE-5,2022-02-29 10:00,phone,information,billing-inquiry,open,,Not a leap year",
        '',
      ].join('\n'),
    );
  });

  it('refuses an unknown channel', async () => {
    openDesk();
    const outcome = await run(fixture('unknown-channel.csv'));
    expect(outcome.ok === false && outcome.reason === 'bad_rows' && outcome.bad.map((b) => [b.line, b.problems[0]?.message])).toEqual([
      [3, "is not a channel (got 'fax'; use phone, walk_in or chat)"],
    ]);
    expect(written()).toEqual(NOTHING);
  });

  it('counts lines the way an editor does: quoted newlines, CRLF and blank lines', async () => {
    openDesk();
    const outcome = await run(fixture('quoted-newlines.csv'), { skipBad: true });
    expect(outcome).toMatchObject({ ok: true, imported: 3, bad: [{ line: 7, problems: [{ column: 'channel' }] }] });
    expect(db.prepare("SELECT description FROM cases WHERE description LIKE 'First line%'").pluck().get()).toBe('First line\r\nsecond line\r\nthird line');
    expect(db.prepare("SELECT description FROM cases WHERE description LIKE 'Blank line%'").pluck().get()).toBe('Blank line above, quote "inside"');
  });

  it('refuses a repeated external id, a short row, an unknown department and a new type without one', async () => {
    openDesk();
    const file = tempFile(
      'mixed.csv',
      [
        'external_id,requested_at,channel,kind,service_name,department,status',
        'M-1,2022-06-01 08:00,phone,service_request,Pothole,,open',
        'M-1,2022-06-01 08:05,phone,service_request,Pothole,,open',
        'M-3,2022-06-01 08:10,phone',
        'M-4,2022-06-01 08:15,phone,service_request,Goose Nuisance,Fleet,open',
        'M-5,2022-06-01 08:20,phone,service_request,Goose Nuisance,,open',
      ].join('\n'),
    );
    const outcome = await run(file);
    expect(outcome.ok === false && outcome.reason === 'bad_rows' && outcome.bad.map((b) => `${b.line}: ${b.problems.map((p) => `${p.column} ${p.message}`).join('; ')}`)).toEqual([
      "3: external_id 'M-1' is already used by row 2 of this file",
      '4: null has 3 fields where the header has 7 (a missing or extra comma? a value with a comma must be in double quotes)',
      "5: department is not a department in the catalog (got 'Fleet'); use one of utility_billing, transit, waste_recycling, water_sewer, parks_trees, roads_snow, bylaw_animal, general_info, recreation_culture, planning_development, or its name",
      "6: department is required for a service type the catalog does not know ('Goose Nuisance')",
    ]);
    expect(written()).toEqual(NOTHING);
  });
});

describe('a file that cannot be imported at all', () => {
  const problemOf = async (file: string) => {
    const outcome = await run(file);
    expect(written()).toEqual(NOTHING);
    return outcome.ok === false && outcome.reason === 'file' ? outcome.problem : outcome;
  };

  it('says a semicolon- or tab-separated file is one', async () => {
    openDesk();
    expect(await problemOf(fixture('wrong-delimiter.csv'))).toEqual({
      code: 'header',
      message:
        "the header is a single column ('external_id;requested_at;channel;kind;se…'): the file looks separated by semicolons, not commas. Save it as comma-separated CSV (UTF-8) and import it again",
    });
    const tabs = tempFile('tabs.csv', 'external_id\trequested_at\tchannel\tkind\tservice_code\tstatus\nT-1\t2022-06-01\tphone\tinformation\tpothole\topen\n');
    expect(await problemOf(tabs)).toMatchObject({ code: 'header', message: expect.stringContaining('the file looks separated by tabs, not commas') });
  });

  it('names a missing required column, an empty file and a header without rows', async () => {
    openDesk();
    expect(await problemOf(fixture('missing-column.csv'))).toEqual({
      code: 'header',
      message: 'missing required column requested_at (the header has: external_id, channel, kind, service_code, status)',
    });
    expect(await problemOf(fixture('empty.csv'))).toEqual({
      code: 'empty',
      message: 'the file is empty: it needs a header line naming the columns (external_id, requested_at, channel, …), then one line per case',
    });
    expect(await problemOf(tempFile('blank.csv', '\n\r\n  \n'))).toMatchObject({ code: 'empty' });
    expect(await problemOf(tempFile('header-only.csv', 'external_id,requested_at,channel,kind,service_code,status\n'))).toEqual({
      code: 'no_rows',
      message: 'the file has a header but no rows to import',
    });
  });

  it('stops at a 10 MB field with a clear error instead of reading it', async () => {
    openDesk();
    const header = 'external_id,requested_at,channel,kind,service_code,status,description\n';
    const good = 'BIG-1,2022-06-01 08:00,phone,information,billing-inquiry,resolved,fine\n';
    const file = tempFile('huge.csv', `${header}${good}BIG-2,2022-06-01 08:05,phone,information,billing-inquiry,resolved,"${'x'.repeat(10 * 1024 * 1024)}"\n`);
    expect(await problemOf(file)).toEqual({
      code: 'too_large',
      message:
        'Row 3: the record is over 1,048,576 characters long (a field that size, or a double quote that is never closed); the longest value allowed is a 10,000-character description',
    });
  });

  it('names the row where a quote is never closed, or stray quotes break a field', async () => {
    openDesk();
    const header = 'external_id,requested_at,channel,kind,service_code,status,description\n';
    const open = tempFile('open-quote.csv', `${header}Q-1,2022-06-01 08:00,phone,information,pothole,open,fine\nQ-2,2022-06-01 08:00,phone,information,pothole,open,"never closed\n`);
    expect(await problemOf(open)).toEqual({ code: 'malformed', message: 'Row 3: a field opens a double quote (") that is never closed' });
    const stray = tempFile('stray-quote.csv', `${header}Q-1,2022-06-01 08:00,phone,information,pothole,open,"quoted" then more\n`);
    expect(await problemOf(stray)).toMatchObject({ code: 'malformed', message: expect.stringMatching(/^Row 2: a double quote/) });
  });

  it('says so when the file is not there', async () => {
    openDesk();
    expect(await problemOf(join(dir, 'nope.csv'))).toMatchObject({ code: 'unreadable', message: expect.stringContaining('cannot read') });
  });

  it('reads the fixtures as committed (no line-end conversion on checkout)', () => {
    expect(readFileSync(fixture('bom.csv')).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(readFileSync(fixture('quoted-newlines.csv'), 'utf8')).toContain('\r\n');
  });
});
