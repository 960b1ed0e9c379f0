import type { Migration } from './index';

/**
 * A centre's history loaded by `npm run server -- import` (docs/import.md). The cases themselves go
 * into `cases` and `case_events` like pushed ones, so desks pull them; these tables make a second
 * import of the same file add nothing and keep the references of the import's pseudo desk unique.
 */
export const historicImport: Migration = {
  id: 4,
  name: 'historic_import',
  sql: `
-- No key to tenants: the import checks its tenant once, not for each of 100,000 rows (see migration 3).
CREATE TABLE imported_cases (
  tenant text NOT NULL,
  external_id text NOT NULL,
  case_id text NOT NULL,
  source_file text NOT NULL,
  source_line integer NOT NULL,
  imported_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant, external_id)
);

-- The last reference sequence of each local day handed out by imports (their pseudo desk code).
CREATE TABLE import_reference_sequences (
  tenant text NOT NULL REFERENCES tenants (slug),
  day text NOT NULL,
  last_value integer NOT NULL CHECK (last_value > 0),
  PRIMARY KEY (tenant, day)
);

-- Service types an import added under an existing department, flagged until a lead reviews them.
CREATE TABLE catalog_additions (
  tenant text NOT NULL REFERENCES tenants (slug),
  code text NOT NULL,
  name text NOT NULL,
  department_code text NOT NULL,
  needs_review boolean NOT NULL DEFAULT true,
  source_file text NOT NULL,
  source_line integer NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant, code)
);
`,
};
