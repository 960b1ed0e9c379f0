import type { Migration } from './index';

/** The city's address list, imported by an admin and pulled by desks (filled in by the address-lookup work). */
export const addresses: Migration = {
  id: 5,
  name: 'addresses',
  sql: `
CREATE TABLE addresses_placeholder (id integer PRIMARY KEY);
`,
};
