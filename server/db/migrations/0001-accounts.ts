import type { Migration } from './index';

/** Tenants (one city each), teams, people and desks, and the key that signs tokens. */
export const accounts: Migration = {
  id: 1,
  name: 'accounts',
  sql: `
CREATE TABLE tenants (
  slug text PRIMARY KEY,
  name text NOT NULL,
  -- The per-tenant sync version: every row a push writes takes the next one, under this row's lock.
  version bigint NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE teams (
  tenant text NOT NULL REFERENCES tenants (slug),
  name text NOT NULL,
  PRIMARY KEY (tenant, name)
);

CREATE TABLE users (
  id text PRIMARY KEY,
  tenant text NOT NULL REFERENCES tenants (slug),
  team text,
  username text NOT NULL,
  name text NOT NULL,
  role text NOT NULL CHECK (role IN ('specialist', 'lead', 'admin')),
  password_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant, username),
  FOREIGN KEY (tenant, team) REFERENCES teams (tenant, name)
);

CREATE TABLE desks (
  tenant text NOT NULL REFERENCES tenants (slug),
  code text NOT NULL,
  team text,
  secret_hash text NOT NULL,
  -- Highest mutation id of this desk applied or rejected: pushes skip up to here and stop at a gap.
  last_mutation_id bigint NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant, code),
  FOREIGN KEY (tenant, team) REFERENCES teams (tenant, name)
);

-- Secrets every server instance must share (the token signing key), created on first start.
CREATE TABLE server_secrets (
  name text PRIMARY KEY,
  value text NOT NULL
);
`,
};
