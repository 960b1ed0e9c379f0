import { dirname } from 'node:path';
import { existsSync, writeFileSync } from 'node:fs';
import { describeIssues, issuesFromZod, PeriodReportInputSchema } from '../../shared/contract';
import { defaultCatalog } from '../../shared/domain';
import { PeriodReportSchema, type PeriodReport } from '../../shared/domain/reports';
import { defaultDataDir, deskDatabasePath } from '../core/data-dir';
import { openDeskDatabase } from '../core/db/connection';
import type { DeskState } from '../core/desk-session';
import { readDeskCode } from '../core/desk-settings';
import { deskCatalog } from '../core/import/catalog-additions';
import { renderReport } from '../core/reports/export-report';
import { deskPeriodReport, periodQuery, type PeriodInput } from '../core/reports/period-report';
import { getReportFromServer } from '../core/reports/report-client';
import { deskScope } from '../core/reports/report-scope';
import { ServerApi, ServerError } from '../core/sync/server-api';
import { CliError } from './cli-error';
import { promptHidden } from './hidden-prompt';
import { centreTimeZone } from './time-zone';
import { deskKeyFromOptions } from './desk-key-options';

type Values = Record<string, string | boolean | (string | boolean)[] | undefined>;

const FORMATS = ['json', 'csv', 'pdf'] as const;

const text = (values: Values, name: string): string | undefined => {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
};

function periodInput(values: Values): PeriodInput {
  const [from, to, top] = [text(values, 'from'), text(values, 'to'), text(values, 'top')];
  if (!from || !to) throw new CliError('report: --from DATE and --to DATE are required (local dates like 2026-01-01, both included)', 2);
  if (top !== undefined && !/^\d+$/.test(top)) throw new CliError(`--top must be a whole number from 1 to 50 (got '${top}')`, 2);
  const parsed = PeriodReportInputSchema.safeParse({ from, to, ...(top === undefined ? {} : { top: Number(top) }) });
  if (!parsed.success) {
    const issues = issuesFromZod(parsed.error).map((issue) => ({ field: `--${issue.field}`, message: issue.message }));
    throw new CliError(`report: ${describeIssues(issues)}`, 2);
  }
  return parsed.data;
}

function deskReport(values: Values, input: PeriodInput): PeriodReport {
  const file = deskDatabasePath(text(values, 'data') ?? defaultDataDir());
  if (!existsSync(file)) throw new CliError(`no desk database at ${file}; pass --data DIR with the folder that holds desk.sqlite`);
  const key = deskKeyFromOptions(values, dirname(file));
  const { db } = openDeskDatabase(file, { quickCheck: 'caller-runs-it', ...(key ? { key } : {}) });
  try {
    const deskCode = readDeskCode(db) ?? 'D01';
    const state: DeskState = { session: { deskCode, timeZone: centreTimeZone(), agent: null }, catalog: deskCatalog(db, defaultCatalog), now: Date.now };
    return deskPeriodReport(db, state, input, deskScope(deskCode, 'read from the desk database by the command line'));
  } finally {
    db.close();
  }
}

async function password(): Promise<string> {
  const fromEnv = process.env.CIVICDESK_PASSWORD;
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY) throw new CliError('report: set CIVICDESK_PASSWORD to the password, or run this in a terminal to be asked for it', 2);
  return promptHidden('Password: ');
}

async function serverReport(values: Values, input: PeriodInput, serverUrl: string): Promise<PeriodReport> {
  const tenant = text(values, 'tenant');
  const username = text(values, 'username');
  if (!tenant || !username) throw new CliError('report: --server needs --tenant SLUG and --username NAME (the password comes from CIVICDESK_PASSWORD)', 2);
  if (!/^https?:\/\//.test(serverUrl)) throw new CliError(`--server must be an http:// or https:// address (got '${serverUrl}')`, 2);
  let token: string;
  try {
    ({ token } = await new ServerApi(serverUrl, fetch).signIn({ tenant, username, password: await password() }));
  } catch (error) {
    if (error instanceof ServerError && error.status === 401) throw new CliError(`report: the server refused the sign-in of '${username}' in tenant '${tenant}': wrong username or password`);
    throw new CliError(`report: ${error instanceof Error ? error.message : String(error)}`);
  }
  const answer = await getReportFromServer(fetch, serverUrl, periodQuery(input, centreTimeZone()), token, PeriodReportSchema, 120_000);
  if (!answer.ok) throw new CliError(`report: ${answer.message}`);
  return answer.value;
}

/**
 * `civicdesk report --from DATE --to DATE [--format json|csv|pdf] [--out FILE] [--top N] --data DIR`, or
 * with `--server URL --tenant SLUG --username NAME` the team report from the server. The figures come
 * from the same functions as the console's period report.
 */
export async function reportCommand(values: Values): Promise<number> {
  const asked = text(values, 'format') ?? 'json';
  const format = FORMATS.find((f) => f === asked);
  if (!format) throw new CliError(`--format must be json, csv or pdf (got '${asked}')`, 2);
  const out = text(values, 'out');
  if (format === 'pdf' && !out && process.stdout.isTTY) throw new CliError('report: a PDF needs --out FILE (or redirect the output to a file)', 2);
  const input = periodInput(values);
  const serverUrl = text(values, 'server');
  const report = serverUrl ? await serverReport(values, input, serverUrl) : deskReport(values, input);
  const bytes = format === 'json' ? Buffer.from(`${JSON.stringify(report, null, 2)}\n`) : (await renderReport({ kind: 'period', report }, format)).bytes;
  if (!out) {
    process.stdout.write(bytes);
    return 0;
  }
  try {
    writeFileSync(out, bytes);
  } catch (error) {
    throw new CliError(`report: cannot write ${out} (${error instanceof Error ? error.message : String(error)})`);
  }
  process.stdout.write(`Wrote the ${format.toUpperCase()} report for ${input.from} to ${input.to} (${report.total.count.toLocaleString('en-CA')} interactions) to ${out}\n`);
  return 0;
}
