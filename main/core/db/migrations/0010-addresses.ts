import type { Migration } from './index';

/** The city's address list, synced from the server and matched offline (filled in by the address-lookup work). */
export const addresses: Migration = {
  id: 10,
  name: 'addresses',
  sql: `
CREATE TABLE addresses_placeholder (id INTEGER PRIMARY KEY) STRICT;
`,
};
