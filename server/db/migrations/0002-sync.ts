import type { Migration } from './index';

/**
 * Synced data, kept as JSON text: the server never queries inside it, and text is written and
 * paged out faster than jsonb. Every case, note and event row carries the per-tenant version of
 * the push that last wrote it; pull pages through them by version. A case row is rewritten (with a new version) on
 * every change; notes and events are written once.
 */
export const sync: Migration = {
  id: 2,
  name: 'sync',
  sql: `
CREATE TABLE cases (
  tenant text NOT NULL REFERENCES tenants (slug),
  id text NOT NULL,
  data text NOT NULL,
  deleted boolean NOT NULL DEFAULT false,
  version bigint NOT NULL,
  PRIMARY KEY (tenant, id)
);
CREATE UNIQUE INDEX cases_by_version ON cases (tenant, version);

CREATE TABLE case_notes (
  tenant text NOT NULL REFERENCES tenants (slug),
  id text NOT NULL,
  case_id text NOT NULL,
  data text NOT NULL,
  version bigint NOT NULL,
  PRIMARY KEY (tenant, id)
);
CREATE UNIQUE INDEX case_notes_by_version ON case_notes (tenant, version);

CREATE TABLE case_events (
  tenant text NOT NULL REFERENCES tenants (slug),
  id text NOT NULL,
  case_id text NOT NULL,
  data text NOT NULL,
  version bigint NOT NULL,
  PRIMARY KEY (tenant, id)
);
CREATE UNIQUE INDEX case_events_by_version ON case_events (tenant, version);

-- Mutations refused for good, with why. Their ids still advance the desk's last_mutation_id, so
-- every id up to it was either applied (its effects are in the rows above) or is listed here.
CREATE TABLE rejected_mutations (
  tenant text NOT NULL,
  desk_code text NOT NULL,
  mutation_id bigint NOT NULL,
  name text NOT NULL,
  reason text NOT NULL,
  rejected_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant, desk_code, mutation_id),
  FOREIGN KEY (tenant, desk_code) REFERENCES desks (tenant, code)
);

-- A field a desk overwrote without having seen its current value (last writer still wins).
CREATE TABLE conflicts (
  id text PRIMARY KEY,
  tenant text NOT NULL,
  case_id text NOT NULL,
  reference text NOT NULL,
  field text NOT NULL,
  desk_code text NOT NULL,
  mutation_id bigint NOT NULL,
  seen text NOT NULL,
  overwritten text NOT NULL,
  written text NOT NULL,
  at text NOT NULL,
  FOREIGN KEY (tenant, desk_code) REFERENCES desks (tenant, code)
);
CREATE INDEX conflicts_by_tenant ON conflicts (tenant, at);
`,
};
