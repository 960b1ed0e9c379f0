import type { CaseSummary } from '../../../shared/contract';
import { FIRST_CONTACT_DISPOSITIONS } from '../../../shared/domain';
import { hourWindow, monthWindow, slaTable, type ReportCaseFilter, type Window } from '../../../shared/domain/reports';
import { SUMMARY_COLUMNS, summaryFromRow, type SummaryRow } from '../cases/case-row';
import type { ReadableDb } from '../db/connection';
import { statement } from '../db/statements';
import type { DeskState } from '../desk-session';
import { DomainError } from '../errors';
import { decodeCursor, encodeCursor } from '../cases/list-cursor';
import { indexedBy } from './report-indexes';
import { isLead, ownScope, signedInAgent, sqlScope, type SqlScope } from './report-scope';
import { OPEN_STATUSES, SETTLED_AT } from './shift-facts';

/**
 * The cases behind one figure of a summary or report, newest first, a page at a time. Each filter
 * is the SQL twin of how shared/domain/reports counts the figure, over the same scope.
 */

interface Condition {
  sql: string;
  params: Record<string, unknown>;
}

const RESOLUTIONS = "status IN ('resolved', 'closed')";

/** Seqs of a set that is not a slice of created_at: resolved in the window, open at its end, SLA breaches. */
function caseSet(db: ReadableDb, filter: ReportCaseFilter, scope: SqlScope): string | null {
  const settled = indexedBy(db, 'cases_by_settled');
  const open = indexedBy(db, 'cases_open');
  const openAtEnd = (extra: string) => `
    SELECT c.seq FROM cases AS c ${open} ${extra ? 'JOIN sla ON sla.code = c.service_code' : ''}
    WHERE ${OPEN_STATUSES} AND deleted_at IS NULL AND created_at < @to AND ${scope.clause} ${extra}
    UNION ALL
    SELECT c.seq FROM cases AS c ${settled} ${extra ? 'JOIN sla ON sla.code = c.service_code' : ''}
    WHERE ${SETTLED_AT} >= @to AND deleted_at IS NULL AND created_at < @to AND ${scope.clause} ${extra}`;
  if (filter.resolved) return `SELECT seq FROM cases ${settled} WHERE ${SETTLED_AT} >= @from AND ${SETTLED_AT} < @to AND deleted_at IS NULL AND ${RESOLUTIONS} AND ${scope.clause}`;
  if (filter.openAtEnd) return openAtEnd('');
  if (filter.slaBreached) {
    const overdue = "AND kind = 'service_request' AND @asOf > created_at + sla.ms";
    return `
      WITH sla (code, ms) AS MATERIALIZED (SELECT key, value FROM json_each(@sla))
      SELECT c.seq FROM cases AS c ${settled} JOIN sla ON sla.code = c.service_code
      WHERE ${SETTLED_AT} >= @from AND ${SETTLED_AT} < @to AND deleted_at IS NULL AND ${RESOLUTIONS} AND ${scope.clause}
        AND kind = 'service_request' AND ${SETTLED_AT} > created_at + sla.ms
      UNION ALL ${openAtEnd(overdue)}`;
  }
  return null;
}

/** A figure counted over cases created in the window (or an hour or month of it). */
function createdCondition(filter: ReportCaseFilter, window: Window, timeZone: string): Condition | null {
  const span = filter.hour !== undefined ? hourWindow(window, filter.hour) : filter.month !== undefined ? monthWindow(filter.month, window, timeZone) : window;
  if (!span) return null;
  const range = 'created_at >= @from AND created_at < @to';
  const params = { from: span.from, to: span.to };
  const firstContact = '(SELECT value FROM json_each(@firstContact))';
  if (filter.channel) return { sql: `${range} AND channel = @value`, params: { ...params, value: filter.channel } };
  if (filter.kind) return { sql: `${range} AND kind = @value`, params: { ...params, value: filter.kind } };
  if (filter.departmentCode) return { sql: `${range} AND department_code = @value`, params: { ...params, value: filter.departmentCode } };
  if (filter.serviceCode) return { sql: `${range} AND service_code = @value`, params: { ...params, value: filter.serviceCode } };
  if (filter.agentId) return { sql: `${range} AND agent_id = @value`, params: { ...params, value: filter.agentId } };
  if (filter.opened) return { sql: `${range} AND status <> 'cancelled'`, params };
  if (filter.firstContact !== undefined) {
    const list = { firstContact: JSON.stringify(FIRST_CONTACT_DISPOSITIONS) };
    return filter.firstContact
      ? { sql: `${range} AND disposition IN ${firstContact}`, params: { ...params, ...list } }
      : { sql: `${range} AND disposition IS NOT NULL AND disposition NOT IN ${firstContact}`, params: { ...params, ...list } };
  }
  return { sql: range, params };
}


export interface ReportCasesInput {
  window: { from: string; to: string };
  scope: { source: 'team' | 'desk' | 'own'; deskCodes: string[] | null };
  filter: ReportCaseFilter;
  limit: number;
  cursor?: string | undefined;
}

export function reportCases(db: ReadableDb, state: DeskState, input: ReportCasesInput): { items: CaseSummary[]; nextCursor: string | null } {
  const agent = signedInAgent(state);
  // A specialist's figures are their own, whatever scope the renderer sends back.
  const asked = isLead(agent) ? input.scope : ownScope(agent);
  if (asked.source !== 'own' && (asked.deskCodes ?? []).length === 0) {
    throw new DomainError('invalid_input', 'scope.deskCodes: a team or desk figure names its desks', [{ field: 'scope.deskCodes', message: 'must list the desks' }]);
  }
  const scope = sqlScope({ ...asked, agentId: asked.source === 'own' ? agent.id : null });
  const window = { from: Date.parse(input.window.from), to: Date.parse(input.window.to) };
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  const page = after ? 'AND (created_at, seq) < (@afterCreatedAt, @afterSeq)' : '';
  const base = { ...scope.params, ...(after ? { afterCreatedAt: after.createdAt, afterSeq: after.seq } : {}), limit: input.limit + 1 };
  const set = caseSet(db, input.filter, scope);
  let rows: (SummaryRow & { seq: number })[];
  if (set) {
    const params = { ...base, from: window.from, to: window.to, asOf: Math.min(window.to, state.now()), sla: JSON.stringify(slaTable(state.catalog)) };
    rows = statement(db, `SELECT seq, ${SUMMARY_COLUMNS} FROM cases WHERE seq IN (${set}) ${page} ORDER BY created_at DESC, seq DESC LIMIT @limit`).all(params) as (SummaryRow & {
      seq: number;
    })[];
  } else {
    const condition = createdCondition(input.filter, window, state.session.timeZone);
    if (!condition) return { items: [], nextCursor: null };
    rows = statement(
      db,
      `SELECT seq, ${SUMMARY_COLUMNS} FROM cases WHERE ${condition.sql} AND deleted_at IS NULL AND ${scope.clause} ${page} ORDER BY created_at DESC, seq DESC LIMIT @limit`,
    ).all({ ...base, ...condition.params }) as (SummaryRow & { seq: number })[];
  }
  const items = rows.slice(0, input.limit);
  const last = items.at(-1);
  return { items: items.map(summaryFromRow), nextCursor: rows.length > input.limit && last ? encodeCursor({ createdAt: last.created_at, seq: last.seq }) : null };
}
