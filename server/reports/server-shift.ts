import { summarizeShift, type ReportLabels, type ReportScope, type ShiftCaseRow, type ShiftFacts, type ShiftSummary, type Window } from '../../shared/domain/reports';
import type { Queryable } from '../db/database';
import { SCOPED_CASES } from './team-scope';

/**
 * GET /reports/shift: the same three sets of rows the desk reads (created in the window, settled
 * in it, open at its end), from the team's cases in one pass, then the shared summarizeShift.
 */
const SHIFT_ROWS = `
WITH ${SCOPED_CASES}
SELECT created_ms AS "createdAt", settled_ms AS "settledAt", d->>'channel' AS channel, d->>'kind' AS kind,
  d->>'serviceCode' AS "serviceCode", d->>'departmentCode' AS "departmentCode", d->>'agentId' AS "agentId",
  d->>'status' AS status, d->>'disposition' AS disposition,
  coalesce((d->'handleTime'->>'talkMs')::float8, 0) AS "talkMs",
  coalesce((d->'handleTime'->>'holdMs')::float8, 0) AS "holdMs",
  coalesce((d->'handleTime'->>'wrapUpMs')::float8, 0) AS "wrapUpMs",
  (created_ms >= $3 AND created_ms < $4) AS created_in,
  (settled_ms >= $3 AND settled_ms < $4) AS settled_in,
  (created_ms < $4 AND (d->>'status' IN ('new', 'open', 'in_progress') OR settled_ms >= $4)) AS open_at_end
FROM scoped
WHERE (created_ms >= $3 AND created_ms < $4) OR (settled_ms >= $3 AND settled_ms < $4)
   OR (created_ms < $4 AND (d->>'status' IN ('new', 'open', 'in_progress') OR settled_ms >= $4))`;

interface Row extends ShiftCaseRow {
  settledAt: number | null;
  created_in: boolean;
  settled_in: boolean | null;
  open_at_end: boolean;
}

function openAtEndOf(open: readonly Row[]): ShiftFacts['openAtEnd'] {
  return {
    count: open.length,
    oldestAt: open.reduce<number | null>((min, r) => (min === null || r.createdAt < min ? r.createdAt : min), null),
    serviceRequests: open.filter((r) => r.kind === 'service_request').map((r) => ({ createdAt: r.createdAt, serviceCode: r.serviceCode })),
  };
}

export async function serverShiftFacts(db: Queryable, tenant: string, deskCodes: readonly string[], window: Window): Promise<ShiftFacts> {
  const rows = await db.query<Row>(SHIFT_ROWS, [tenant, deskCodes, window.from, window.to]);
  return {
    created: rows.filter((r) => r.created_in),
    settled: rows.flatMap((r) => (r.settled_in && r.settledAt !== null ? [{ createdAt: r.createdAt, settledAt: r.settledAt, kind: r.kind, serviceCode: r.serviceCode, status: r.status }] : [])),
    openAtEnd: openAtEndOf(rows.filter((r) => r.open_at_end)),
  };
}

export interface ServerShiftInput {
  window: Window;
  shift: { name: string; date: string } | null;
  timeZone: string;
  top: number;
  now: number;
}

export async function serverShiftSummary(db: Queryable, tenant: string, scope: ReportScope, labels: ReportLabels, input: ServerShiftInput): Promise<ShiftSummary> {
  const facts = await serverShiftFacts(db, tenant, scope.deskCodes ?? [], input.window);
  return summarizeShift(facts, {
    window: input.window,
    shift: input.shift,
    timeZone: input.timeZone,
    asOf: Math.min(input.window.to, input.now),
    generatedAt: input.now,
    top: input.top,
    scope,
    labels,
  });
}
