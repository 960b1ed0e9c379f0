import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeskCodeSchema, parseReference } from '../../shared/domain';
import { freshPgliteDir, pullAll, seedTenant, SERVER_START_TIMEOUT_MS, startTestServer, type SeededTenant, type TestServer } from '../../test/helpers/server';
import { importCasesForTenant } from './import-cases';
import { IMPORT_DESK_CODE } from './write-cases';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURES = join(ROOT, 'test/fixtures/import');
const NOW = () => Date.parse('2026-11-27T15:30:00Z');

let server: TestServer;
let tenant: SeededTenant;
beforeAll(async () => {
  server = await startTestServer();
  tenant = await seedTenant(server);
}, SERVER_START_TIMEOUT_MS);
afterAll(() => server?.close());

const options = (file: string, extra: { skipBad?: boolean; tenant?: string } = {}) => ({
  tenant: extra.tenant ?? tenant.tenant,
  file: join(FIXTURES, file),
  timeZone: 'America/Edmonton',
  now: NOW,
  ...(extra.skipBad ? { skipBad: true } : {}),
});
const count = async (table: string): Promise<number> => {
  const [row] = await server.server.db.query<{ n: number | string }>(`SELECT count(*) AS n FROM ${table} WHERE tenant = $1`, [tenant.tenant]);
  return Number(row?.n ?? 0);
};

describe('the server import', () => {
  it('writes a centre history that every desk pulls, cases before their events, under HIST references', async () => {
    expect(DeskCodeSchema.safeParse(IMPORT_DESK_CODE).success).toBe(true);
    const outcome = await importCasesForTenant(server.server.db, options('good.csv'));
    expect(outcome).toMatchObject({ ok: true, imported: 9, alreadyImported: 0, additions: [{ code: 'import-sidewalk-snow-angel' }, { code: 'import-goose-nuisance' }] });

    const pulled = await pullAll(server, tenant.desks[1]);
    const cases = pulled.rows.flatMap((row) => (row.type === 'case' ? [row] : []));
    const events = pulled.rows.flatMap((row) => (row.type === 'event' ? [row] : []));
    expect(cases).toHaveLength(9);
    expect(events).toHaveLength(9);
    expect(cases.map((row) => row.case.reference).sort()).toEqual([
      'HIST-220614-0001',
      'HIST-220614-0002',
      'HIST-220614-0003',
      'HIST-221003-0001',
      'HIST-221003-0002',
      'HIST-221004-0001',
      'HIST-221004-0002',
      'HIST-221005-0001',
      'HIST-221106-0001',
    ]);
    for (const row of cases) expect(parseReference(row.case.reference)?.deskCode).toBe('HIST');
    const versionOfCase = new Map(cases.map((row) => [row.case.id, row.version]));
    for (const event of events) expect(event.version).toBeGreaterThan(versionOfCase.get(event.event.caseId)!);
    expect(cases.find((row) => row.case.reference === 'HIST-220614-0002')?.case).toMatchObject({
      deskCode: 'HIST',
      agentId: 'import:mtaylor',
      status: 'closed',
      disposition: 'service_request_logged',
      closedAt: '2022-06-20T20:00:00.000Z',
    });
    const [additions] = await server.server.db.query<{ n: number | string }>('SELECT count(*) AS n FROM catalog_additions WHERE tenant = $1 AND needs_review', [tenant.tenant]);
    expect(Number(additions?.n)).toBe(2);
  });

  it('adds nothing the second time, and continues each day sequence for a new file', async () => {
    expect(await importCasesForTenant(server.server.db, options('good.csv'))).toMatchObject({ ok: true, imported: 0, alreadyImported: 9 });
    expect(await count('cases')).toBe(9);
    expect(await importCasesForTenant(server.server.db, options('bad-dates.csv', { skipBad: true }))).toMatchObject({ ok: true, imported: 1, bad: [{ line: 3 }, { line: 4 }, { line: 5 }, { line: 6 }] });
    expect(await count('cases')).toBe(10);
  });

  it('writes nothing when a row is bad or the file cannot be read', async () => {
    const before = { cases: await count('cases'), events: await count('case_events'), imported: await count('imported_cases') };
    const outcome = await importCasesForTenant(server.server.db, options('unknown-channel.csv'));
    expect(outcome.ok === false && outcome.reason === 'bad_rows' && outcome.bad.map((b) => [b.line, b.problems[0]?.message])).toEqual([
      [3, "is not a channel (got 'fax'; use phone, walk_in or chat)"],
    ]);
    expect(await importCasesForTenant(server.server.db, options('missing-column.csv'))).toMatchObject({ ok: false, reason: 'file', problem: { code: 'header' } });
    expect({ cases: await count('cases'), events: await count('case_events'), imported: await count('imported_cases') }).toEqual(before);
  });

  it('refuses an unknown tenant, and a tenant with a real desk named HIST', async () => {
    await expect(importCasesForTenant(server.server.db, options('good.csv', { tenant: 'nowhere' }))).rejects.toThrow("tenant 'nowhere' does not exist (create it with create-admin)");
    const other = await seedTenant(server, { tenant: 'coaldale', deskCodes: ['D01', 'HIST'] });
    await expect(importCasesForTenant(server.server.db, options('good.csv', { tenant: other.tenant }))).rejects.toThrow(
      "desk HIST is registered in tenant 'coaldale', and imported cases take HIST references; register that desk under another code",
    );
  });
});

describe('npm run server -- import', () => {
  let dataDir: string;
  let work: string;
  const cli = (args: string[], env: Record<string, string> = {}) => {
    const { DATABASE_URL: _url, ...rest } = process.env;
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts', ...args], { cwd: ROOT, env: { ...rest, ...env }, encoding: 'utf8' });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  };
  beforeAll(async () => {
    dataDir = await freshPgliteDir();
    work = mkdtempSync(join(tmpdir(), 'civicdesk-server-import-'));
  }, SERVER_START_TIMEOUT_MS);
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  });

  it('imports into a tenant, lists bad rows on stderr and writes the reject file', () => {
    expect(cli(['create-admin', '--tenant', 'lethbridge', '--username', 'ada', '--name', 'Ada Admin', '--data', dataDir], { CIVICDESK_ADMIN_PASSWORD: 'correct horse battery staple' }).code).toBe(0);
    const good = cli(['import', join(FIXTURES, 'good.csv'), '--tenant', 'lethbridge', '--data', dataDir]);
    expect(good.stderr).toBe('');
    expect(good.stdout).toMatch(/^Imported 9 cases from good\.csv into tenant 'lethbridge' \(2 new service types flagged for review: .*\) in \d+\.\d s\n$/);
    expect(good.code).toBe(0);

    const file = join(work, 'bad-dates.csv');
    cpSync(join(FIXTURES, 'bad-dates.csv'), file);
    const refused = cli(['import', file, '--tenant', 'lethbridge', '--data', dataDir]);
    expect(refused.code).toBe(1);
    expect(refused.stderr.split('\n')).toEqual([
      'bad-dates.csv: 4 bad rows of 5; nothing was imported.',
      "  Row 3, column requested_at: is not a date (got '2022-13-01')",
      "  Row 4, column requested_at: is not a date (got '14/06/2022 09:30')",
      '  Row 5, column closed_at: is before requested_at',
      "  Row 6, column requested_at: is not a date (got '2022-02-29 10:00')",
      `civicdesk-server: Fix them and import again, or run with --skip-bad to import the good rows and write the bad ones to ${join(work, 'bad-dates.rejects.csv')}.`,
      '',
    ]);
    const skipped = cli(['import', file, '--tenant', 'lethbridge', '--data', dataDir, '--skip-bad', '--json']);
    expect(skipped.code, skipped.stderr).toBe(0);
    expect(JSON.parse(skipped.stdout)).toMatchObject({ ok: true, imported: 1, rejectsFile: join(work, 'bad-dates.rejects.csv') });
    expect(readFileSync(join(work, 'bad-dates.rejects.csv'), 'utf8')).toContain("6,column requested_at: is not a date (got '2022-02-29 10:00'),DATE-5,");
    expect(cli(['import', file, '--tenant', 'lethbridge', '--time-zone', 'Mars/Olympus', '--data', dataDir])).toMatchObject({ code: 2 });
  }, 120_000);
});
