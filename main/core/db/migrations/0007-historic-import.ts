import type { Migration } from './index';

export const historicImport: Migration = {
  id: 7,
  name: 'historic_import',
  sql: `
-- Cases loaded from a city's previous system (civicdesk import): which case each external id
-- became, so importing the same file again adds nothing. external_id is unique on this desk. No key
-- to cases: the mapping outlives a purged case (re-importing must not bring it back), and an index
-- on case_id would cost every one of a year's rows for lookups nobody makes.
CREATE TABLE imported_cases (
  external_id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL,
  source_file TEXT NOT NULL,
  source_line INTEGER NOT NULL,
  imported_at INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

-- Service types an import added because the catalog did not know them (docs/import.md): each under
-- an existing department, flagged until a lead reviews it. The desk runtime merges them into its catalog.
CREATE TABLE catalog_additions (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  department_code TEXT NOT NULL,
  needs_review INTEGER NOT NULL DEFAULT 1 CHECK (needs_review IN (0, 1)),
  source_file TEXT NOT NULL,
  source_line INTEGER NOT NULL,
  created_at INTEGER NOT NULL
) STRICT;
`,
};
