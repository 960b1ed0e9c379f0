import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { Database, Queryable } from './database';

const wrap = (target: PGlite | Transaction): Queryable => ({
  async query<Row>(sql: string, params: readonly unknown[] = []) {
    const result = await target.query<Row>(sql, [...params]);
    return result.rows;
  },
  async exec(sql: string) {
    await target.exec(sql);
  },
});

const LOCK_FILE = 'civicdesk-server.lock';

const isRunning = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * PGlite is one process's database: two processes on one folder would corrupt it. A lock file
 * with the owner's pid makes the second one stop with a clear message instead.
 */
function takeLock(dataDir: string): () => void {
  const file = join(dataDir, LOCK_FILE);
  try {
    writeFileSync(file, String(process.pid), { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const owner = Number(readFileSync(file, 'utf8'));
    if (Number.isInteger(owner) && owner !== process.pid && isRunning(owner)) {
      throw new Error(`the data folder ${dataDir} is in use by process ${owner} (a running server?): stop it first, or use the admin endpoints of the running server`);
    }
    writeFileSync(file, String(process.pid));
  }
  return () => rmSync(file, { force: true });
}

/** PGlite in a data folder: PostgreSQL compiled to WebAssembly, no server to install. */
export async function openPgliteDatabase(dataDir: string): Promise<Database> {
  mkdirSync(dataDir, { recursive: true });
  const releaseLock = takeLock(dataDir);
  let pglite: PGlite;
  try {
    pglite = await PGlite.create(dataDir);
  } catch (error) {
    releaseLock();
    throw error;
  }
  return {
    kind: 'pglite',
    ...wrap(pglite),
    transaction: (work) => pglite.transaction((tx) => work(wrap(tx))),
    close: async () => {
      if (!pglite.closed) await pglite.close();
      releaseLock();
    },
  };
}
