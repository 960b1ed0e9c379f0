import type { Migration } from './index';

/**
 * A desk's first pull of a large backlog writes the rows alone: the secondary indexes of cases,
 * events and notes are dropped first and the search entries skipped, and both are built once the
 * pull is done (main/core/sync/bulk-pull.ts) — several times faster than keeping them up to date
 * row by row. One row per step still to do, so a desk closed midway finishes at its next start.
 */
export const bulkPull: Migration = {
  id: 9,
  name: 'bulk_pull',
  sql: `
CREATE TABLE bulk_pull_steps (
  name TEXT PRIMARY KEY, -- a dropped index, or 'search' for the search entries
  sql TEXT, -- the index's CREATE statement, as sqlite_master held it; NULL for 'search'
  next_seq INTEGER, -- 'search' only: cases from this seq on have no search entry yet
  CHECK ((name = 'search') = (sql IS NULL AND next_seq IS NOT NULL))
) STRICT;
`,
};
