import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DeskCodeSchema, defaultCatalog } from '../../shared/domain';
import { openDeskDatabase, openReadonlyDeskDatabase } from '../core/db/connection';
import { backupDeskDatabase, checkDeskDatabase } from '../core/db/maintenance';
import { defaultDataDir, deskDatabasePath } from '../core/data-dir';
import { ensureDeskCode } from '../core/desk-settings';
import { seedCases } from '../core/seed/generate-cases';
import { CliError } from './cli-error';

type Values = Record<string, string | boolean | (string | boolean)[] | undefined>;

const text = (values: Values, name: string): string | undefined => {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
};

const databaseOf = (values: Values): string => deskDatabasePath(text(values, 'data') ?? defaultDataDir());

function existingDatabase(values: Values): string {
  const file = databaseOf(values);
  if (!existsSync(file)) throw new CliError(`no desk database at ${file}; pass --data DIR with the folder that holds desk.sqlite`);
  return file;
}

function wholeNumber(values: Values, name: string, fallback?: number): number {
  const raw = text(values, name);
  if (raw === undefined) {
    if (fallback !== undefined) return fallback;
    throw new CliError(`--${name} is required`, 2);
  }
  if (!/^\d+$/.test(raw) || Number(raw) < 1) throw new CliError(`--${name} must be a positive whole number (got '${raw}')`, 2);
  return Number(raw);
}

function progressBar(label: string): (done: number, total: number) => void {
  if (!process.stderr.isTTY) return () => {};
  return (done, total) => {
    const width = 30;
    const filled = Math.round((done / total) * width);
    process.stderr.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}${done === total ? '\n' : ''}`);
  };
}

export async function seedCommand(values: Values): Promise<number> {
  const count = wholeNumber(values, 'cases');
  const end = text(values, 'end');
  const endAt = end === undefined ? Date.now() : Date.parse(end);
  if (Number.isNaN(endAt)) throw new CliError(`--end must be a date like 2026-11-27 (got '${end}')`, 2);
  const seed = wholeNumber(values, 'seed', 311);
  const requestedDesk = text(values, 'desk');
  if (requestedDesk !== undefined) {
    const parsed = DeskCodeSchema.safeParse(requestedDesk);
    if (!parsed.success) throw new CliError(`--desk ${parsed.error.issues[0]?.message ?? 'is not a desk code'} (got '${requestedDesk}')`, 2);
  }
  const file = databaseOf(values);
  const { db } = openDeskDatabase(file);
  try {
    const deskCode = ensureDeskCode(db, requestedDesk);
    const started = performance.now();
    seedCases(db, defaultCatalog, {
      cases: count,
      deskCode,
      endAt,
      timeZone: 'America/Edmonton',
      seed,
      onProgress: progressBar('seeding'),
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    process.stdout.write(`Seeded ${count} cases into ${file} (desk ${deskCode}) in ${seconds} s\n`);
    return 0;
  } finally {
    db.close();
  }
}

export async function checkCommand(values: Values): Promise<number> {
  const file = existingDatabase(values);
  let report;
  try {
    const db = openReadonlyDeskDatabase(file);
    try {
      report = checkDeskDatabase(db, file);
    } finally {
      db.close();
    }
  } catch (error) {
    // SQLite may refuse even to run its checks on a badly damaged file: that is a verdict too.
    const reason = error instanceof Error ? error.message : String(error);
    if (values.json) process.stdout.write(`${JSON.stringify({ file, healthy: false, error: reason }, null, 2)}\n`);
    throw new CliError(`${file} is damaged (${reason}); restore it from a backup`);
  }
  if (values.json) {
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return report.healthy ? 0 : 1;
  }
  const { current, latest } = report.migrations;
  const lines = [
    `Desk database   ${file}`,
    `integrity       ${report.integrity.join('; ')}`,
    `foreign keys    ${report.foreignKeyProblems.length === 0 ? 'ok' : `${report.foreignKeyProblems.length} rows point at missing parents`}`,
    `migrations      ${current} of ${latest} applied${current === latest ? ' (up to date)' : current < latest ? ' (the app upgrades it at next start)' : ' (written by a newer CivicDesk)'}`,
    `cases           ${report.cases}`,
    `outbox          ${report.pendingMutations} mutations waiting to sync`,
    report.healthy ? 'healthy' : 'NOT HEALTHY — restore from a backup or contact IT',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  return report.healthy ? 0 : 1;
}

export async function backupCommand(values: Values): Promise<number> {
  const to = text(values, 'to');
  if (!to) throw new CliError('db backup: --to FILE is required', 2);
  if (!existsSync(dirname(resolve(to)))) throw new CliError(`db backup: the folder ${dirname(resolve(to))} does not exist`);
  const file = existingDatabase(values);
  const db = openReadonlyDeskDatabase(file);
  try {
    const result = await backupDeskDatabase(db, to);
    process.stdout.write(`Backed up ${file} to ${to} (${result.pages} pages, integrity ${result.integrity})\n`);
    return 0;
  } catch (error) {
    throw new CliError(`db backup: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    db.close();
  }
}
