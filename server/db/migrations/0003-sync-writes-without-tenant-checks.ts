import type { Migration } from './index';

/**
 * A push writes thousands of case, note and event rows, and a foreign key to `tenants` made
 * PostgreSQL run a referential check for every one — half the cost of the write on PGlite. The
 * check proves nothing a push has not already proved: it locks the desk's row, and `desks.tenant`
 * keeps its own key to `tenants`. Tenants are never deleted.
 */
export const syncWritesWithoutTenantChecks: Migration = {
  id: 3,
  name: 'sync_writes_without_tenant_checks',
  sql: `
ALTER TABLE cases DROP CONSTRAINT IF EXISTS cases_tenant_fkey;
ALTER TABLE case_notes DROP CONSTRAINT IF EXISTS case_notes_tenant_fkey;
ALTER TABLE case_events DROP CONSTRAINT IF EXISTS case_events_tenant_fkey;
`,
};
