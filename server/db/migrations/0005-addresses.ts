import type { Migration } from './index';

/**
 * The city's address list, imported by an admin (server/addresses/address-import.ts) and pulled by
 * desks. It has its own per-tenant version (address_lists.version), taken under that row's lock
 * when an import commits, so version order is commit order; every address an import adds, changes
 * or removes gets the next version. A removed address stays as a tombstone (deleted) so desks hear
 * of it. An upload waits in address_import_rows until its commit applies it in one transaction.
 */
export const addresses: Migration = {
  id: 5,
  name: 'addresses',
  sql: `
CREATE TABLE address_lists (
  tenant text PRIMARY KEY REFERENCES tenants (slug),
  version bigint NOT NULL DEFAULT 0,
  imported_at timestamptz,
  source_file text
);

CREATE TABLE addresses (
  tenant text NOT NULL REFERENCES tenants (slug),
  address_id text NOT NULL,
  civic_number text NOT NULL,
  street text NOT NULL,
  unit text NOT NULL,
  full_address text NOT NULL,
  lat double precision NOT NULL,
  lng double precision NOT NULL,
  deleted boolean NOT NULL DEFAULT false,
  version bigint NOT NULL,
  PRIMARY KEY (tenant, address_id)
);
CREATE UNIQUE INDEX addresses_by_version ON addresses (tenant, version);

CREATE TABLE address_imports (
  id text PRIMARY KEY,
  tenant text NOT NULL REFERENCES tenants (slug),
  file_name text NOT NULL,
  expected_rows integer NOT NULL,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE address_import_rows (
  import_id text NOT NULL REFERENCES address_imports (id) ON DELETE CASCADE,
  line integer NOT NULL,
  address_id text NOT NULL,
  civic_number text NOT NULL,
  street text NOT NULL,
  unit text NOT NULL,
  full_address text NOT NULL,
  lat double precision NOT NULL,
  lng double precision NOT NULL,
  PRIMARY KEY (import_id, line)
);
CREATE INDEX address_import_rows_by_id ON address_import_rows (import_id, address_id);
`,
};
