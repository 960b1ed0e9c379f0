import { parseReference, type CaseEvent, type CaseNote } from '../../../shared/domain';
import type { CaseDetail, CaseFilters, CaseSummary } from '../../../shared/contract';
import { allowedStatusEvents } from '../../../shared/workflow';
import type { ReadableDb } from '../db/connection';
import { statement } from '../db/statements';
import type { CoreDeps } from '../desk-session';
import { decodeCursor, encodeCursor } from './list-cursor';
import { SUMMARY_COLUMNS, SUMMARY_COLUMNS_OF_C, summaryFromRow, type SummaryRow } from './case-row';
import { loadCase } from './case-store';
import { toMatchQuery } from './search-index';

const iso = (ms: number) => new Date(ms).toISOString();
const parseJson = (text: string | null): Record<string, unknown> | null => (text === null ? null : (JSON.parse(text) as Record<string, unknown>));

export function getCase(db: ReadableDb, deps: CoreDeps, id: string): CaseDetail {
  const { case: found } = loadCase(db, id);
  const notes = (
    statement(db, 'SELECT id, case_id, author_id, body, created_at FROM case_notes WHERE case_id = ? ORDER BY seq').all(id) as {
      id: string;
      case_id: string;
      author_id: string;
      body: string;
      created_at: number;
    }[]
  ).map((n): CaseNote => ({ id: n.id, caseId: n.case_id, authorId: n.author_id, body: n.body, createdAt: iso(n.created_at) }));
  const events = (
    statement(db, 'SELECT id, case_id, type, actor_id, at, before, after FROM case_events WHERE case_id = ? ORDER BY seq').all(id) as {
      id: string;
      case_id: string;
      type: CaseEvent['type'];
      actor_id: string;
      at: number;
      before: string | null;
      after: string | null;
    }[]
  ).map(
    (e): CaseEvent => ({
      id: e.id,
      caseId: e.case_id,
      type: e.type,
      actorId: e.actor_id,
      at: iso(e.at),
      before: parseJson(e.before),
      after: parseJson(e.after),
    }),
  );
  return {
    case: found,
    notes,
    events,
    allowedStatusEvents: allowedStatusEvents({ status: found.status, epoch: found.statusEpoch }, deps.session.agent.role),
  };
}

/**
 * Free-text search over reference, caller name and phone, address, description and notes; newest
 * first. A full reference number goes straight to its row.
 */
export function searchCases(db: ReadableDb, query: string, limit: number): CaseSummary[] {
  const reference = parseReference(query);
  if (reference) {
    const row = statement(db, `SELECT ${SUMMARY_COLUMNS} FROM cases WHERE reference = ? AND deleted_at IS NULL`).get(query.trim().toUpperCase()) as
      | SummaryRow
      | undefined;
    if (row) return [summaryFromRow(row)];
  }
  const match = toMatchQuery(query);
  return match ? newestMatches(db, match, limit).map(summaryFromRow) : [];
}

/** The newest live cases matching an FTS5 query, walking the index newest first. */
export function newestMatches(db: ReadableDb, match: string, limit: number): SummaryRow[] {
  return statement(
    db,
    `SELECT ${SUMMARY_COLUMNS} FROM cases
     WHERE seq IN (SELECT rowid FROM cases_search WHERE cases_search MATCH @match ORDER BY rowid DESC LIMIT @limit)
       AND deleted_at IS NULL
     ORDER BY seq DESC`,
  ).all({ match, limit }) as SummaryRow[];
}


/** Filters other than free text, as SQL over the cases table. */
function whereClause(filters: CaseFilters, alias = ''): { sql: string; params: Record<string, unknown> } {
  const clauses = [`${alias}deleted_at IS NULL`];
  const params: Record<string, unknown> = {};
  const inList = (column: string, values: readonly string[] | undefined) => {
    if (!values || values.length === 0) return;
    const names = values.map((value, i) => {
      params[`${column}_${i}`] = value;
      return `@${column}_${i}`;
    });
    clauses.push(`${alias}${column} IN (${names.join(', ')})`);
  };
  inList('status', filters.status);
  inList('channel', filters.channel);
  inList('kind', filters.kind);
  inList('department_code', filters.departmentCode);
  inList('service_code', filters.serviceCode);
  if (filters.createdFrom) {
    clauses.push(`${alias}created_at >= @createdFrom`);
    params.createdFrom = Date.parse(filters.createdFrom);
  }
  if (filters.createdTo) {
    clauses.push(`${alias}created_at <= @createdTo`);
    params.createdTo = Date.parse(filters.createdTo);
  }
  return { sql: clauses.join(' AND '), params };
}

/** Beyond this many matches the list says "1,000+": counting every match of a broad query costs seconds on a cold desk. */
export const COUNT_CAP = 1_000;

type ListResult = { items: CaseSummary[]; nextCursor: string | null; total: number; totalIsExact: boolean };

function pageResult(rows: (SummaryRow & { seq: number })[], limit: number, total: number, totalIsExact: boolean): ListResult {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(summaryFromRow),
    nextCursor: rows.length > limit && last ? encodeCursor({ createdAt: last.created_at, seq: last.seq }) : null,
    total,
    totalIsExact,
  };
}

function cappedCount(db: ReadableDb, sql: string, params: Record<string, unknown>): { total: number; exact: boolean } {
  const n = (statement(db, `SELECT count(*) AS n FROM (${sql} LIMIT ${COUNT_CAP + 1})`).get(params) as { n: number }).n;
  return n > COUNT_CAP ? { total: COUNT_CAP, exact: false } : { total: n, exact: true };
}

/**
 * Every case on this desk matching the filters, newest first, a page at a time (keyset cursor).
 * Free text is driven by the search index, newest arrival first, so a broad word never sorts a
 * million rows; other filters walk the created-at indexes.
 */
export function listCases(db: ReadableDb, input: { filters: CaseFilters; limit: number; cursor?: string | undefined }): ListResult {
  const where = whereClause(input.filters, 'c.');
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  const match = input.filters.text ? toMatchQuery(input.filters.text) : null;
  if (match) {
    const from = `FROM cases_search s JOIN cases c ON c.seq = s.rowid WHERE cases_search MATCH @match AND ${where.sql}`;
    const params = { ...where.params, match };
    // Cached statements: a query's shape (which filters) repeats keystroke after keystroke.
    const rows = statement(db, `SELECT c.seq AS seq, ${SUMMARY_COLUMNS_OF_C} ${from} ${after ? 'AND s.rowid < @afterSeq' : ''} ORDER BY s.rowid DESC LIMIT @limit`)
      .all({ ...params, ...(after ? { afterSeq: after.seq } : {}), limit: input.limit + 1 }) as (SummaryRow & { seq: number })[];
    // A first page that is not full holds every match: it is the count.
    if (!after && rows.length <= input.limit) return pageResult(rows, input.limit, rows.length, true);
    // Soft-deleted cases leave the search index, so with no other filter the index alone counts.
    const onlyText = Object.keys(where.params).length === 0;
    const count = onlyText ? cappedCount(db, 'SELECT 1 FROM cases_search WHERE cases_search MATCH @match', { match }) : cappedCount(db, `SELECT 1 ${from}`, params);
    return pageResult(rows, input.limit, count.total, count.exact);
  }
  const pageWhere = after ? `${where.sql} AND (c.created_at, c.seq) < (@afterCreatedAt, @afterSeq)` : where.sql;
  const rows = statement(db, `SELECT c.seq AS seq, ${SUMMARY_COLUMNS_OF_C} FROM cases c WHERE ${pageWhere} ORDER BY c.created_at DESC, c.seq DESC LIMIT @limit`)
    .all({ ...where.params, ...(after ? { afterCreatedAt: after.createdAt, afterSeq: after.seq } : {}), limit: input.limit + 1 }) as (SummaryRow & {
    seq: number;
  })[];
  const unfiltered = Object.keys(where.params).length === 0;
  if (unfiltered) {
    const live = (statement(db, 'SELECT live FROM case_totals WHERE id = 1').get() as { live: number }).live;
    return pageResult(rows, input.limit, live, true);
  }
  if (!after && rows.length <= input.limit) return pageResult(rows, input.limit, rows.length, true);
  const count = cappedCount(db, `SELECT 1 FROM cases c WHERE ${where.sql}`, where.params);
  return pageResult(rows, input.limit, count.total, count.exact);
}
