import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { BackupError, backupDeskDatabase, exportDeskDatabase, restoreDeskDatabase } from '../core/backup';
import { openDeskDatabase, openReadonlyDeskDatabase } from '../core/db/connection';
import { DeskKeyError } from '../core/db/desk-key-error';
import { checkDeskDatabase } from '../core/db/maintenance';
import { defaultDataDir, deskDatabasePath } from '../core/data-dir';
import { purgeSyncedCases } from '../core/retention/purge-synced-cases';
import { CliError } from './cli-error';
import { deskKeyFromOptions } from './desk-key-options';

type Values = Record<string, string | boolean | (string | boolean)[] | undefined>;

const text = (values: Values, name: string): string | undefined => {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
};

const dataDirOf = (values: Values): string => text(values, 'data') ?? defaultDataDir();

function existingDatabase(values: Values): string {
  const file = deskDatabasePath(dataDirOf(values));
  if (!existsSync(file)) throw new CliError(`no desk database at ${file}; pass --data DIR with the folder that holds desk.sqlite`);
  return file;
}

/** A refusal from the backup code or the key handling becomes one line that names the command. */
async function asCommand<T>(command: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof BackupError || error instanceof DeskKeyError) throw new CliError(`${command}: ${error.message}`);
    throw error;
  }
}

function requiredFile(values: Values, command: string, option: string, what: string): string {
  const value = text(values, option);
  if (!value) throw new CliError(`${command}: --${option} ${what} is required`, 2);
  if (!existsSync(dirname(resolve(value)))) throw new CliError(`${command}: --${option}: the folder ${dirname(resolve(value))} does not exist`);
  return value;
}

export async function checkCommand(values: Values): Promise<number> {
  const file = existingDatabase(values);
  const key = deskKeyFromOptions(values, dataDirOf(values));
  let report;
  try {
    const db = openReadonlyDeskDatabase(file, key);
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
  const to = requiredFile(values, 'db backup', 'to', 'FILE');
  const file = existingDatabase(values);
  const key = deskKeyFromOptions(values, dataDirOf(values));
  const result = await asCommand('db backup', () => backupDeskDatabase(file, to, key));
  const sealed = key ? ', encrypted with the desk key' : '';
  process.stdout.write(`Backed up ${file} to ${result.file} (${result.cases} cases, ${result.bytes} bytes${sealed}, quick_check ok) in ${(result.ms / 1000).toFixed(1)} s\n`);
  return 0;
}

export async function restoreCommand(values: Values): Promise<number> {
  const from = text(values, 'from');
  if (!from) throw new CliError('db restore: --from FILE (the backup to restore) is required', 2);
  if (!existsSync(from)) throw new CliError(`db restore: --from ${from}: no such file`, 2);
  const dataDir = dataDirOf(values);
  const key = deskKeyFromOptions(values, dataDir);
  const result = await asCommand('db restore', () => restoreDeskDatabase({ dataDir, from, key, discardUnsynced: values['discard-unsynced'] === true }));
  const lines = [`Restored ${resolve(from)} as ${result.database} (desk ${result.deskCode ?? 'without a code'}, ${result.cases} cases, integrity ok).`];
  if (result.keptAs) lines.push(`The database it replaced is kept as ${result.keptAs}.`);
  if (result.live === 'missing') {
    lines.push('This folder held no desk database: start CivicDesk online and let it sync once before taking calls, so it learns the reference numbers the server already holds.');
  }
  if (result.live === 'unreadable') {
    lines.push('That database could not be read, so its reference numbers could not be carried over: start CivicDesk online and let it sync before taking calls.');
  }
  if (result.unsyncedLeftBehind > 0) {
    lines.push(`WARNING: it held ${result.unsyncedLeftBehind} changes made after this backup that never reached the server; they are only in ${result.keptAs}.`);
  }
  lines.push('At its next sync the desk fetches what the server has and continues after it; nothing already synced is lost or sent twice.');
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

export async function exportCommand(values: Values): Promise<number> {
  const to = requiredFile(values, 'db export', 'to', 'FILE');
  const unencrypted = values.unencrypted === true;
  const keyOut = text(values, 'key-out');
  if (unencrypted && keyOut !== undefined) throw new CliError('db export: --key-out names the new key file of an encrypted export; an --unencrypted export has no key', 2);
  if (keyOut !== undefined && !existsSync(dirname(resolve(keyOut)))) throw new CliError(`db export: --key-out: the folder ${dirname(resolve(keyOut))} does not exist`);
  const file = existingDatabase(values);
  const key = deskKeyFromOptions(values, dataDirOf(values));
  const result = await asCommand('db export', () => exportDeskDatabase({ file, key, to, newKeyFile: keyOut, unencrypted }));
  const lines = [`Exported ${file} to ${result.file} (${result.cases} cases, ${result.bytes} bytes).`];
  if (result.keyFile) {
    lines.push(
      `It is encrypted with a new key (fingerprint ${result.keyFingerprint}), written to ${result.keyFile} (readable by you only).`,
      'Keep the key apart from the file: whoever has both can read every case in it. To make it a desk on another machine, see docs/it-deployment.md, “Moving a desk to a new machine”.',
    );
  } else {
    lines.push(
      'WARNING: the export is NOT encrypted. It holds residents’ personal data (names, phone numbers, addresses, what they reported):',
      'anyone who gets the file can read it. Keep it on an encrypted disk, share it only with those entitled to it, and delete it when done.',
    );
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

function wholeDays(values: Values, name: string): number {
  const raw = text(values, name);
  if (raw === undefined) throw new CliError(`db purge: --${name} N is required`, 2);
  if (!/^\d+$/.test(raw) || Number(raw) < 1) throw new CliError(`db purge: --${name} must be a whole number of days, at least 1 (got '${raw}')`, 2);
  return Number(raw);
}

/** The retention purge by hand (the app runs it daily when the machine policy sets retention). */
export async function purgeCommand(values: Values): Promise<number> {
  const olderThanDays = wholeDays(values, 'older-than-days');
  const file = existingDatabase(values);
  const key = deskKeyFromOptions(values, dataDirOf(values));
  const { db } = openDeskDatabase(file, { key, quickCheck: 'caller-runs-it' });
  try {
    const started = performance.now();
    const result = await purgeSyncedCases(db, { olderThanDays, now: Date.now() });
    if (result.skipped === 'bulk_pull_underway') {
      process.stdout.write('Nothing purged: the desk is still building its indexes after its first pull. Start CivicDesk, let it finish, and try again.\n');
      return 0;
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    process.stdout.write(
      `Purged ${result.cases} synced cases finished and unchanged for ${olderThanDays} days (${result.events} events, ${result.notes} notes) in ${seconds} s; the server keeps them. Open and unsynced cases stay.\n`,
    );
    return 0;
  } finally {
    db.close();
  }
}
