import type { OpenAtEnd, SettledCaseRow, ShiftCaseRow, ShiftFacts, Window } from '../../../shared/domain/reports';
import type { ReadableDb } from '../db/connection';
import { statement } from '../db/statements';
import { indexedBy } from './report-indexes';
import type { SqlScope } from './report-scope';

/**
 * The rows a shift summary is computed from, read from the desk database: the shift's cases by
 * their created_at range, the cases settled in the shift, and the backlog at its end. With the
 * indexes of migration 8 (report-indexes.ts) each is an index range; none reads the whole table.
 */

export const SETTLED_AT = 'coalesce(resolved_at, closed_at)';
export const OPEN_STATUSES = "status IN ('new', 'open', 'in_progress')";

export function shiftFacts(db: ReadableDb, window: Window, scope: SqlScope): ShiftFacts {
  const params = { ...scope.params, from: window.from, to: window.to };
  const created = statement(
    db,
    `SELECT created_at AS createdAt, channel, kind, service_code AS serviceCode, department_code AS departmentCode, agent_id AS agentId,
            status, disposition, talk_ms AS talkMs, hold_ms AS holdMs, wrap_up_ms AS wrapUpMs
     FROM cases ${indexedBy(db, 'cases_by_created')}
     WHERE created_at >= @from AND created_at < @to AND deleted_at IS NULL AND ${scope.clause}`,
  ).all(params) as ShiftCaseRow[];
  const settled = statement(
    db,
    `SELECT created_at AS createdAt, ${SETTLED_AT} AS settledAt, kind, service_code AS serviceCode, status
     FROM cases ${indexedBy(db, 'cases_by_settled')}
     WHERE ${SETTLED_AT} >= @from AND ${SETTLED_AT} < @to AND deleted_at IS NULL AND ${scope.clause}`,
  ).all(params) as SettledCaseRow[];
  return { created, settled, openAtEnd: openAt(db, window.to, scope) };
}

/**
 * Cases created before `at` and not settled by then: those open now, and those resolved, closed
 * or cancelled since. (A case resolved before `at` and reopened after it counts as open now.)
 * Counted in SQL; only the open service requests come back one by one, for their SLA.
 */
export function openAt(db: ReadableDb, at: number, scope: SqlScope): OpenAtEnd {
  const params = { ...scope.params, at };
  const stillOpen = `FROM cases ${indexedBy(db, 'cases_open')} WHERE ${OPEN_STATUSES} AND deleted_at IS NULL AND created_at < @at AND ${scope.clause}`;
  const open = statement(db, `SELECT count(*) AS count, min(created_at) AS oldestAt ${stillOpen}`).get(params) as { count: number; oldestAt: number | null };
  const openRequests = statement(db, `SELECT created_at AS createdAt, service_code AS serviceCode ${stillOpen} AND kind = 'service_request'`).all(params) as OpenAtEnd['serviceRequests'];
  // Settled since `at`: one range of the settled index, scanned once (it grows with the shift's age).
  const settledSince = statement(
    db,
    `SELECT created_at AS createdAt, kind, service_code AS serviceCode FROM cases ${indexedBy(db, 'cases_by_settled')}
     WHERE ${SETTLED_AT} >= @at AND deleted_at IS NULL AND created_at < @at AND ${scope.clause}`,
  ).all(params) as { createdAt: number; kind: string; serviceCode: string }[];
  const oldestSettled = settledSince.reduce<number | null>((min, c) => (min === null || c.createdAt < min ? c.createdAt : min), null);
  return {
    count: open.count + settledSince.length,
    oldestAt: open.oldestAt === null ? oldestSettled : oldestSettled === null ? open.oldestAt : Math.min(open.oldestAt, oldestSettled),
    serviceRequests: [...openRequests, ...settledSince.filter((c) => c.kind === 'service_request').map(({ createdAt, serviceCode }) => ({ createdAt, serviceCode }))],
  };
}
