import { closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { defaultCatalog } from '../../shared/domain';
import { openDeskDatabase } from '../../main/core/db/connection';
import { encryptDeskDatabaseInPlace } from '../../main/core/db/encrypt-in-place';
import { ensureDeskCode } from '../../main/core/desk-settings';
import { seedCases } from '../../main/core/seed/generate-cases';

const CACHE = join(process.cwd(), '.bench-cache');
/** Bump when the generator changes; schema changes need no bump, the copy is migrated on open like any desk. */
const SEED_VERSION = 3;
export const SEED_END = Date.parse('2026-11-27T00:00:00Z');

/**
 * A desk database holding `cases` seeded cases, copied fresh for each run from a cache built once
 * (seeding a million cases takes minutes).
 */
export function seededDeskCopy(cases: number, into: string, log: (line: string) => void, options: { key?: Buffer } = {}): string {
  const plain = join(CACHE, `desk-${cases}-seed${SEED_VERSION}.sqlite`);
  const cached = options.key ? join(CACHE, `desk-${cases}-seed${SEED_VERSION}-sqlcipher-${options.key.toString('hex').slice(0, 8)}.sqlite`) : plain;
  if (options.key && !existsSync(cached)) {
    seededDeskCopy(cases, CACHE, log);
    const building = `${cached}.building`;
    renameSync(join(CACHE, 'desk.sqlite'), building);
    log('encrypting a copy with SQLCipher, as every desk is (once; cached in .bench-cache/)…');
    encryptDeskDatabaseInPlace(building, options.key);
    renameSync(building, cached);
  }
  if (!existsSync(cached)) {
    mkdirSync(CACHE, { recursive: true });
    const building = `${cached}.building`;
    rmSync(building, { force: true });
    log(`seeding a desk database with ${cases.toLocaleString('en-CA')} cases (once; cached in .bench-cache/)…`);
    const { db } = openDeskDatabase(building);
    db.pragma('synchronous = OFF');
    seedCases(db, defaultCatalog, { cases, deskCode: ensureDeskCode(db, 'D07'), endAt: SEED_END, timeZone: 'America/Edmonton' });
    // A desk that has run all day has merged its search index in idle maintenance.
    db.exec("INSERT INTO cases_search (cases_search) VALUES ('optimize')");
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    rmSync(`${building}-wal`, { force: true });
    rmSync(`${building}-shm`, { force: true });
    renameSync(building, cached);
  }
  const file = join(into, 'desk.sqlite');
  copyFileSync(cached, file);
  // A desk's file is durable before its day starts; without this the kernel is still writing the
  // copy back while the benchmark measures fsync-bound commits.
  const fd = openSync(file, 'r');
  fsyncSync(fd);
  closeSync(fd);
  return file;
}
