import type { Migration } from './index';

/** Indexes for the duplicate service-request check (filled in by the duplicates work). */
export const duplicateLookup: Migration = {
  id: 12,
  name: 'duplicate_lookup',
  sql: `
SELECT 1;
`,
};
