import type { Database } from './database';
import { migrate } from './migrate';
import { openPgliteDatabase } from './pglite-database';
import { openPostgresDatabase } from './postgres-database';

export interface DatabaseOptions {
  /** PostgreSQL connection URL; without one, PGlite in `dataDir`. */
  databaseUrl?: string;
  /** PostgreSQL only: the schema to create and use (tests isolate themselves this way). */
  databaseSchema?: string;
  dataDir: string;
}

/** Opens PostgreSQL or PGlite and brings its schema up to date. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const db = options.databaseUrl
    ? await openPostgresDatabase({ url: options.databaseUrl, ...(options.databaseSchema ? { schema: options.databaseSchema } : {}) })
    : await openPgliteDatabase(options.dataDir);
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}
