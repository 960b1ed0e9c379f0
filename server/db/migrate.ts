import { createHash } from 'node:crypto';
import type { Database } from './database';
import { MIGRATIONS, type Migration } from './migrations';

export class MigrationLedgerError extends Error {
  override name = 'MigrationLedgerError';
}

export const migrationChecksum = (migration: Migration): string => createHash('sha256').update(migration.sql).digest('hex');

interface LedgerRow {
  id: number;
  name: string;
  checksum: string;
}

/** Any fixed number: instances starting together take turns on it, so each migration runs once. */
const MIGRATION_LOCK = 4_311_311;

/**
 * Applies the migrations the ledger lacks, all in one transaction under an advisory lock (several
 * instances may start at once). Stops loudly, before touching anything, when the ledger and this
 * build disagree: a database from a newer build, or an edited migration.
 */
export async function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  migrations.forEach((migration, index) => {
    if (migration.id !== index + 1) {
      throw new MigrationLedgerError(`Migrations are not numbered 1, 2, 3…: position ${index + 1} holds migration ${migration.id}`);
    }
  });
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      id integer PRIMARY KEY,
      name text NOT NULL,
      checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const ledger = await tx.query<LedgerRow>('SELECT id, name, checksum FROM schema_migrations ORDER BY id');
    ledger.forEach((row, index) => {
      const known = migrations[row.id - 1];
      if (row.id !== index + 1) throw new MigrationLedgerError(`Migration ledger has a gap: expected migration ${index + 1}, found ${row.id}`);
      if (!known) {
        throw new MigrationLedgerError(
          `Migration ledger mismatch: the database records migration ${row.id} '${row.name}', which this server does not have (was it opened by a newer CivicDesk server?)`,
        );
      }
      if (known.name !== row.name || migrationChecksum(known) !== row.checksum) {
        throw new MigrationLedgerError(
          `Migration ledger mismatch: migration ${row.id} was applied as '${row.name}' (checksum ${row.checksum.slice(0, 12)}…), but this server has '${known.name}' (checksum ${migrationChecksum(known).slice(0, 12)}…)`,
        );
      }
    });
    const applied: number[] = [];
    for (const migration of migrations.slice(ledger.length)) {
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migrations (id, name, checksum) VALUES ($1, $2, $3)', [migration.id, migration.name, migrationChecksum(migration)]);
      applied.push(migration.id);
    }
    return applied;
  });
}
