import { closeSync, fsyncSync, openSync, readFileSync } from 'node:fs';

/** Makes a rename durable. POSIX needs the folder synced; Windows cannot open a folder to sync and needs nothing. */
export function syncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // EISDIR/EPERM on Windows: NTFS makes the rename durable itself.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** A file's bytes on disk before it is reported as made (VACUUM INTO's output, a key file). */
export function syncFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export function isMissing(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT';
}

/** A text file's content, or null when there is no such file (any other failure is thrown). */
export function readTextIfPresent(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
}
