import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { copyInWorker, CopyFailed } from './copy-in-worker';
import { BackupError, partialNameFor, placeWithoutOverwriting, refuseExisting, removeQuietly, requireFolder, syncFile } from './files';

export interface BackupResult {
  file: string;
  bytes: number;
  cases: number;
  /** quick_check of the copy: always 'ok' (a copy that fails it is deleted and reported as an error). */
  check: 'ok';
  ms: number;
}

/**
 * A consistent, checked copy of the desk database at `destination`, encrypted with the desk's key
 * when the desk is: VACUUM INTO a partial name in the destination's folder (in a worker thread, on
 * its own connection, so the desk keeps working), quick_check and count the copy, flush it, then
 * give it its name. Never a bare file copy (recent commits live in the -wal file); never over an
 * existing file; never a half-written file under the final name.
 */
export async function backupDeskDatabase(source: string, destination: string, key?: Buffer): Promise<BackupResult> {
  const final = resolve(destination);
  requireFolder(final);
  refuseExisting(final);
  const temp = partialNameFor(final);
  try {
    const copied = await copyInWorker(source, temp, { key, check: 'quick_check' });
    if (copied.check !== 'ok') throw new BackupError('copy_failed', `the copy of ${source} failed its check (${copied.check}); the desk database may be damaged: run civicdesk db check`);
    syncFile(temp);
    placeWithoutOverwriting(temp, final);
    return { file: final, bytes: statSync(final).size, cases: copied.cases, check: 'ok', ms: copied.ms };
  } catch (error) {
    removeQuietly(temp);
    if (error instanceof CopyFailed) throw new BackupError('copy_failed', `could not copy ${source}: ${error.message}`);
    throw error;
  }
}
