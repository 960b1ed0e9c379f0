import type { Database } from './database';

const SYNC_TABLES = 'cases, case_notes, case_events';

export interface StatisticsKeeper {
  /** Tell it how many sync rows a push wrote. */
  rowsWritten(count: number): void;
  /** Resolves when no ANALYZE is running (before the database closes). */
  idle(): Promise<void>;
}

/**
 * Keeps the planner's statistics of the sync tables fresh. PGlite runs PostgreSQL in single-user
 * mode, without autovacuum, so nothing else would: a table that grew from nothing to 100,000 rows
 * is still planned as empty, and a pull page sorts everything after the cursor instead of walking
 * the version index (5x slower). On PostgreSQL autovacuum does analyze, but only after its
 * naptime; a burst of pushes (a desk back from a day offline) should not wait for it.
 * ANALYZE runs once at start and again when the rows written since the last one pass 10,000 plus a
 * fifth of the tables' size then.
 */
export async function keepStatistics(db: Database): Promise<StatisticsKeeper> {
  let size = 0;
  let written = 0;
  let running: Promise<void> | null = null;
  const analyze = async () => {
    await db.exec(`ANALYZE ${SYNC_TABLES}`);
    const [row] = await db.query<{ rows: number }>(
      "SELECT coalesce(sum(greatest(reltuples, 0)), 0)::int AS rows FROM pg_class WHERE relname IN ('cases', 'case_notes', 'case_events')",
    );
    size = row?.rows ?? 0;
  };
  await analyze();
  return {
    rowsWritten(count) {
      written += count;
      if (running || written < 10_000 + size / 5) return;
      written = 0;
      running = analyze()
        .catch(() => undefined)
        .finally(() => {
          running = null;
        });
    },
    idle: async () => {
      await running;
    },
  };
}
