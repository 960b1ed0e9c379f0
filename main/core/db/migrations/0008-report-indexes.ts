import type { Migration } from './index';

/**
 * Indexes the shift summary and period report read instead of the cases table (main/core/reports
 * names them with INDEXED BY, see report-indexes.ts). A year's report over a
 * 1,000,000-case desk groups by department, service type, kind, channel and disposition from
 * cases_report_groups alone; settled and open cases have their own partial indexes for the
 * resolved, SLA and backlog figures. Building them on a 1,000,000-case desk takes 6–8 s, once.
 */
export const reportIndexes: Migration = {
  id: 8,
  name: 'report_indexes',
  sql: `
CREATE INDEX cases_report_groups ON cases (desk_code, service_code, department_code, kind, channel, disposition, created_at) WHERE deleted_at IS NULL;
CREATE INDEX cases_report_channel ON cases (desk_code, channel, created_at) WHERE deleted_at IS NULL;
CREATE INDEX cases_by_settled ON cases (coalesce(resolved_at, closed_at), created_at, kind, service_code, status, desk_code, agent_id)
  WHERE deleted_at IS NULL AND coalesce(resolved_at, closed_at) IS NOT NULL;
CREATE INDEX cases_open ON cases (created_at, kind, service_code, desk_code, agent_id) WHERE status IN ('new', 'open', 'in_progress') AND deleted_at IS NULL;
`,
};
