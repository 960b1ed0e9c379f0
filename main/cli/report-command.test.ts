import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { defaultCatalog } from '../../shared/domain';
import { PeriodReportSchema, type PeriodReport } from '../../shared/domain/reports';
import { YEAR_2026 } from '../../test/fixtures/report-cases';
import { writeFixtureCases } from '../../test/helpers/report-fixtures';
import { pushFixtureCases } from '../../test/helpers/report-server';
import { api, seedTenant, SERVER_START_TIMEOUT_MS, startTestServer, type SeededTenant, type TestServer } from '../../test/helpers/server';
import { createCallOperation, createConsoleHandlers } from '../core/console-api';
import { openDeskDatabase } from '../core/db/connection';
import { ensureDeskCode } from '../core/desk-settings';

/** `civicdesk report` as a lead runs it: a real process on a real desk file, and against a real server. */

const ROOT = resolve(import.meta.dirname, '../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');

let dir: string;
let data: string;
/** What the console's periodReport answers a lead on the same desk, offline. */
let consoleReport: PeriodReport;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function civicdesk(args: string[], env: Record<string, string> = {}): Promise<Run> {
  // Not spawnSync: the test server answering the CLI runs in this process and must keep serving.
  return new Promise((done, fail) => {
    const child = spawn(TSX, ['main/cli/index.ts', 'report', ...args], { cwd: ROOT, env: { ...process.env, XDG_CONFIG_HOME: join(dir, 'config'), ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', fail);
    child.on('close', (status) => done({ status, stdout, stderr }));
  });
}

/** Figures only: the time it was made and the sentence on how it was read differ by design. */
const figures = (report: PeriodReport) => ({ ...report, generatedAt: null, scope: { ...report.scope, note: null } });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'civicdesk-report-cli-'));
  data = join(dir, 'desk');
  const { db } = openDeskDatabase(join(data, 'desk.sqlite'));
  ensureDeskCode(db, 'D07');
  writeFixtureCases(db, YEAR_2026);
  const state = { session: { deskCode: 'D07', timeZone: 'America/Edmonton', agent: { id: 'agent-lee', name: 'Lee Lead', role: 'lead' as const } }, catalog: defaultCatalog, now: Date.now };
  const answer = await createCallOperation(createConsoleHandlers(db, state))('periodReport', { from: '2026-01-01', to: '2026-12-31', top: 5 });
  db.close();
  if (!answer.ok) throw new Error(answer.error.message);
  consoleReport = PeriodReportSchema.parse(answer.value);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('civicdesk report on a desk', () => {
  it('prints, as JSON, the same figures the console shows', async () => {
    const run = await civicdesk(['--from', '2026-01-01', '--to', '2026-12-31', '--top', '5', '--data', data]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const printed = PeriodReportSchema.parse(JSON.parse(run.stdout));
    expect(figures(printed)).toEqual(figures(consoleReport));
    expect(printed.total.count).toBe(12);
    expect(printed.scope.note).toBe("This desk's own cases (D07): read from the desk database by the command line");
  });

  it('writes CSV and PDF files', async () => {
    const csv = join(dir, 'year.csv');
    const wrote = await civicdesk(['--from', '2026-01-01', '--to', '2026-12-31', '--format', 'csv', '--out', csv, '--data', data]);
    expect(wrote).toMatchObject({ status: 0, stdout: `Wrote the CSV report for 2026-01-01 to 2026-12-31 (12 interactions) to ${csv}\n` });
    expect(readFileSync(csv, 'utf8')).toContain('Summary,busiest_month,Busiest month,5,,,,,June 2026');
    const pdf = join(dir, 'year.pdf');
    expect((await civicdesk(['--from', '2026-01-01', '--to', '2026-12-31', '--format', 'pdf', '--out', pdf, '--data', data])).status).toBe(0);
    expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it.each([
    [['--to', '2026-12-31'], 'report: --from DATE and --to DATE are required (local dates like 2026-01-01, both included)'],
    [['--from', '2026-12-31', '--to', '2026-01-01'], 'report: --from: must not be after to'],
    [['--from', '2026-02-30', '--to', '2026-03-01'], 'report: --from: must be a date like 2026-11-27 (YYYY-MM-DD)'],
    [['--from', '2026-01-01', '--to', '2026-01-31', '--format', 'xlsx'], "--format must be json, csv or pdf (got 'xlsx')"],
  ])('refuses %j in one line', async (args, message) => {
    const run = await civicdesk([...args, '--data', data]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`civicdesk: ${message}\n`);
  });
});

describe('civicdesk report --server', () => {
  let server: TestServer;
  let seed: SeededTenant;
  beforeAll(async () => {
    server = await startTestServer();
    seed = await seedTenant(server, { deskCodes: ['D07', 'D09'] });
    await pushFixtureCases(server, seed, YEAR_2026);
  }, SERVER_START_TIMEOUT_MS);
  afterAll(() => server?.close());

  it("prints the team's report from the server, the figures the server's endpoint gives", async () => {
    const run = await civicdesk(['--from', '2026-01-01', '--to', '2026-12-31', '--server', server.url, '--tenant', seed.tenant, '--username', 'lee'], { CIVICDESK_PASSWORD: seed.lead.password });
    expect(run.stderr).toBe('');
    const printed = PeriodReportSchema.parse(JSON.parse(run.stdout));
    const direct = await api(server.url, '/reports/period?from=2026-01-01&to=2026-12-31&timeZone=America/Edmonton', { token: seed.lead.token });
    expect(figures(printed)).toEqual(figures(PeriodReportSchema.parse(direct.body)));
    expect(printed.scope).toMatchObject({ source: 'team', team: 'north' });
    expect({ ...figures(printed), scope: null }).toEqual({ ...figures(consoleReport), scope: null, top: 10, byDepartment: printed.byDepartment, topServiceTypes: printed.topServiceTypes });
  });

  it('says so in one line when the password is wrong', async () => {
    const run = await civicdesk(['--from', '2026-01-01', '--to', '2026-12-31', '--server', server.url, '--tenant', seed.tenant, '--username', 'lee'], { CIVICDESK_PASSWORD: 'not it' });
    expect(run).toMatchObject({ status: 1, stdout: '', stderr: `civicdesk: report: the server refused the sign-in of 'lee' in tenant '${seed.tenant}': wrong username or password\n` });
  });
});

