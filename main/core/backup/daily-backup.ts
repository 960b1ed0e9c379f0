import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { localDay } from '../desk-session';
import { backupDeskDatabase, type BackupResult } from './backup-database';

export { localDay } from '../desk-session';

export const DEFAULT_BACKUP_KEEP_DAYS = 14;
export const BACKUP_FOLDER_NAME = 'backups';

/** The policy's `backup.folder` when IT sets one, else `<dataDir>/backups`. */
export const defaultBackupFolder = (dataDir: string): string => join(dataDir, BACKUP_FOLDER_NAME);

/**
 * desk-D07-2026-11-27.sqlite: the only names the daily backup writes, and the only ones it ever
 * deletes. The desk code is in the name because IT may point every desk at one shared folder: each
 * desk keeps and prunes its own files only.
 */
const dailyName = (deskCode: string): RegExp => new RegExp(`^desk-${deskCode}-(\\d{4}-\\d{2}-\\d{2})\\.sqlite$`);
/** A copy a crash interrupted (backup-database.ts names them so); removed once a day old. */
const partialName = (deskCode: string): RegExp => new RegExp(`^desk-${deskCode}-\\d{4}-\\d{2}-\\d{2}\\.sqlite\\.partial-[0-9a-f]{8}$`);
const DAY_MS = 86_400_000;

export const dailyBackupName = (deskCode: string, day: string): string => `desk-${deskCode}-${day}.sqlite`;


/** `day` moved by `days` calendar days (dates only, so no daylight-saving surprises). */
function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export interface DailyBackupOptions {
  /** The live desk database. */
  file: string;
  /** The desk's key when its database is encrypted: the backup is encrypted with it too. */
  key?: Buffer | undefined;
  folder: string;
  /** The desk's code (DeskCodeSchema: capitals and digits), in every file name. */
  deskCode: string;
  keepDays?: number;
  now: number;
  timeZone: string;
}

export interface DailyBackupOutcome {
  /** The local date the run was for. */
  day: string;
  /** The backup written by this run; null when today's already existed. */
  made: BackupResult | null;
  /** Older daily backups deleted (full paths). */
  deleted: string[];
}

const running = new Map<string, Promise<DailyBackupOutcome>>();

/**
 * Writes today's backup (desk-YYYY-MM-DD.sqlite, the centre's local date) when it is missing, then
 * deletes daily backups older than `keepDays` days — today's and the keepDays − 1 days before it
 * stay. Only files named as this function names them are ever deleted, and only after today's
 * exists, so a failing backup never leaves a desk with none. The copy runs in a worker thread.
 * Safe to call on a timer: a second call while one runs for the same folder shares its outcome.
 */
export function runDailyBackupIfDue(options: DailyBackupOptions): Promise<DailyBackupOutcome> {
  const inFlight = running.get(options.folder);
  if (inFlight) return inFlight;
  const run = dailyBackup(options).finally(() => running.delete(options.folder));
  running.set(options.folder, run);
  return run;
}

async function dailyBackup(options: DailyBackupOptions): Promise<DailyBackupOutcome> {
  const keepDays = options.keepDays ?? DEFAULT_BACKUP_KEEP_DAYS;
  if (!Number.isInteger(keepDays) || keepDays < 1) throw new Error(`backup.keepDays: must be a whole number of at least 1 (got ${keepDays})`);
  const day = localDay(options.now, options.timeZone);
  mkdirSync(options.folder, { recursive: true });
  const today = join(options.folder, dailyBackupName(options.deskCode, day));
  const made = existsSync(today) ? null : await backupDeskDatabase(options.file, today, options.key);
  return { day, made, deleted: deleteExpired(options.folder, options.deskCode, addDays(day, -(keepDays - 1)), options.now) };
}

function deleteExpired(folder: string, deskCode: string, oldestKept: string, now: number): string[] {
  const deleted: string[] = [];
  const [daily, partial] = [dailyName(deskCode), partialName(deskCode)];
  for (const name of readdirSync(folder)) {
    const file = join(folder, name);
    const dated = daily.exec(name);
    const expired = dated ? dated[1]! < oldestKept : partial.test(name) && statSync(file).mtimeMs < now - DAY_MS;
    if (!expired) continue;
    rmSync(file, { force: true });
    deleted.push(file);
  }
  return deleted.sort();
}
