import type { ReadableDb } from '../db/connection';

/**
 * The indexes reports want (desk migration 0008). Until a desk has them, reports run the same
 * queries on the older indexes: the figures are the same, only slower on a large desk.
 */
export const REPORT_INDEXES_SQL = `
-- Period report: one GROUP BY walked in index order (no sort) over one desk's live cases of the period.
CREATE INDEX IF NOT EXISTS cases_report_groups ON cases (desk_code, service_code, department_code, kind, channel, disposition, created_at) WHERE deleted_at IS NULL;
-- Period report: one desk's cases per channel and month, as index range counts.
CREATE INDEX IF NOT EXISTS cases_report_channel ON cases (desk_code, channel, created_at) WHERE deleted_at IS NULL;
-- Shift summary: cases resolved, closed or cancelled in a shift, and those settled after its end (open at its end).
CREATE INDEX IF NOT EXISTS cases_by_settled ON cases (coalesce(resolved_at, closed_at), created_at, kind, service_code, status, desk_code, agent_id)
  WHERE deleted_at IS NULL AND coalesce(resolved_at, closed_at) IS NOT NULL;
-- Shift summary: the open backlog, a small index of the open cases only.
CREATE INDEX IF NOT EXISTS cases_open ON cases (created_at, kind, service_code, desk_code, agent_id) WHERE status IN ('new', 'open', 'in_progress') AND deleted_at IS NULL;
`;

export const REPORT_INDEX_NAMES = ['cases_report_groups', 'cases_report_channel', 'cases_by_settled', 'cases_open'] as const;
export type ReportIndex = (typeof REPORT_INDEX_NAMES)[number];

const known = new WeakMap<ReadableDb, Set<string>>();

/**
 * `INDEXED BY name` when the desk has the index, else nothing. The planner, left alone, reads a
 * whole year through the table rather than the covering index, which is ten times slower.
 */
export function indexedBy(db: ReadableDb, name: ReportIndex): string {
  let names = known.get(db);
  if (!names) {
    const rows = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'cases'").pluck().all() as string[];
    names = new Set(rows);
    known.set(db, names);
  }
  return names.has(name) ? `INDEXED BY ${name}` : '';
}

/** Forget what was seen (after the indexes are created on an open connection). */
export function forgetReportIndexes(db: ReadableDb): void {
  known.delete(db);
}
