import type { Migration } from './index';

/**
 * The city's address list, pulled from the server (or imported on a desk that works alone) and
 * matched offline while the specialist types (main/core/addresses/address-lookup.ts). Each address
 * keeps the fields it came with and, beside them, the canonical forms the lookup compares
 * (shared/domain/addresses): street_key "mayor magrath dr s", civic "123a", unit_key "4".
 */
export const addresses: Migration = {
  id: 10,
  name: 'addresses',
  sql: `
CREATE TABLE addresses (
  address_id TEXT PRIMARY KEY,
  civic_number TEXT NOT NULL,
  street TEXT NOT NULL,
  unit TEXT NOT NULL, -- '' when the address has none
  full_address TEXT NOT NULL,
  lat REAL NOT NULL,
  lng REAL NOT NULL,
  street_key TEXT NOT NULL,
  civic TEXT NOT NULL,
  civic_value INTEGER, -- the civic number's leading digits, for order and nearest numbers
  unit_key TEXT NOT NULL
) STRICT;
-- A lookup scores the streets in memory, then reads the civic numbers of the best few through this index.
CREATE INDEX addresses_by_street ON addresses (street_key, civic_value, unit_key);
-- A civic number typed with no street yet.
CREATE INDEX addresses_by_civic ON addresses (civic_value);

-- One row. cursor: the server's address-list version this desk holds (0: none yet). generation:
-- bumped by every change to addresses, so the lookup knows its in-memory street list is stale.
CREATE TABLE address_sync (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  cursor INTEGER NOT NULL DEFAULT 0,
  generation INTEGER NOT NULL DEFAULT 0,
  source TEXT NOT NULL DEFAULT 'none' CHECK (source IN ('none', 'server', 'local')),
  updated_at INTEGER
) STRICT;
INSERT INTO address_sync (id) VALUES (1);
`,
};
