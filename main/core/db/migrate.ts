import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3-multiple-ciphers';
import { MIGRATIONS, type Migration } from './migrations';

export interface MigrationReport {
  /** Highest migration id recorded in the ledger after this run. */
  current: number;
  /** Highest migration id this build knows. */
  latest: number;
  applied: number[];
}

export class MigrationLedgerError extends Error {
  override name = 'MigrationLedgerError';
}

export const migrationChecksum = (migration: Migration): string => createHash('sha256').update(migration.sql).digest('hex');

interface LedgerRow {
  id: number;
  name: string;
  checksum: string;
}

function checkMigrationList(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    if (migration.id !== index + 1) {
      throw new MigrationLedgerError(`Migration files are not numbered 1, 2, 3…: position ${index + 1} holds migration ${migration.id}`);
    }
  });
}

/**
 * Applies every migration the ledger lacks, each in its own transaction with its ledger row.
 * Stops loudly — before touching anything — when the ledger and this build's migrations disagree:
 * a database from a newer build, or an edited migration, must never be half-upgraded.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): MigrationReport {
  checkMigrationList(migrations);
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    checksum TEXT NOT NULL,
    applied_at TEXT NOT NULL
  ) STRICT`);
  const ledger = db.prepare('SELECT id, name, checksum FROM schema_migrations ORDER BY id').all() as LedgerRow[];
  ledger.forEach((row, index) => {
    const known = migrations[row.id - 1];
    if (row.id !== index + 1) throw new MigrationLedgerError(`Migration ledger has a gap: expected migration ${index + 1}, found ${row.id}`);
    if (!known) {
      throw new MigrationLedgerError(
        `Migration ledger mismatch: the database records migration ${row.id} '${row.name}', which this build does not have (was it opened by a newer CivicDesk?)`,
      );
    }
    if (known.name !== row.name || migrationChecksum(known) !== row.checksum) {
      throw new MigrationLedgerError(
        `Migration ledger mismatch: migration ${row.id} was applied as '${row.name}' with checksum ${row.checksum.slice(0, 12)}…, but this build has '${known.name}' with checksum ${migrationChecksum(known).slice(0, 12)}…`,
      );
    }
  });
  const record = db.prepare('INSERT INTO schema_migrations (id, name, checksum, applied_at) VALUES (?, ?, ?, ?)');
  const applied: number[] = [];
  for (const migration of migrations.slice(ledger.length)) {
    db.transaction(() => {
      db.exec(migration.sql);
      record.run(migration.id, migration.name, migrationChecksum(migration), new Date().toISOString());
    })();
    applied.push(migration.id);
  }
  return { current: migrations.length, latest: migrations.length, applied };
}

export function migrationState(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): { current: number; latest: number } {
  const exists = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'").get();
  const current = exists ? ((db.prepare('SELECT max(id) AS id FROM schema_migrations').get() as { id: number | null }).id ?? 0) : 0;
  return { current, latest: migrations.length };
}
