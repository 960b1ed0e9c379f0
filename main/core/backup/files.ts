import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, linkSync, openSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Thrown for anything a person can act on: the message names the file and what to do. */
export class BackupError extends Error {
  constructor(
    readonly code: 'exists' | 'missing' | 'in_use' | 'other_desk' | 'unsynced_work' | 'invalid_backup' | 'newer_schema' | 'copy_failed',
    message: string,
  ) {
    super(message);
  }
}

/**
 * A name beside `final` for the copy being written: in the same folder (so the last step is a
 * rename, never a copy across disks) and never the final name, so a crash leaves no half-written
 * file where a backup is expected.
 */
export const partialNameFor = (final: string): string => join(dirname(final), `${basename(final)}.partial-${randomBytes(4).toString('hex')}`);

export function removeQuietly(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${file}${suffix}`, { force: true });
}

/** VACUUM INTO's output is not necessarily on disk when it returns; a backup must be. */
export { syncFile } from '../db/durable-files';

function syncFolder(folder: string): void {
  try {
    const fd = openSync(folder, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Windows cannot open a folder for fsync; NTFS journals the rename itself.
  }
}

/**
 * Gives `temp` the name `final` unless something already has it. A hard link fails when the name
 * exists (no window between a check and a rename); where the file system has no hard links, a
 * check and a rename.
 */
export function placeWithoutOverwriting(temp: string, final: string): void {
  try {
    linkSync(temp, final);
    rmSync(temp);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new BackupError('exists', `${final} already exists; choose a new file name or remove it first`);
    if (existsSync(final)) throw new BackupError('exists', `${final} already exists; choose a new file name or remove it first`);
    renameSync(temp, final);
  }
  syncFolder(dirname(final));
}

export function refuseExisting(file: string): void {
  if (existsSync(file)) throw new BackupError('exists', `${file} already exists; choose a new file name or remove it first`);
}

export function requireFolder(file: string): void {
  if (!existsSync(dirname(file))) throw new BackupError('missing', `the folder ${dirname(file)} does not exist`);
}
