import { newId, type Role } from '../../shared/domain';
import { caseIdOf } from '../../shared/sync';
import type { CaseState, PushedMutation, PushRequest, PushResponse, PushResult, SyncedCase } from '../../shared/sync';
import type { Database, Queryable } from '../db/database';
import { ApiError } from '../http/api-error';
import { applyBatch, type BatchOutcome } from './apply-batch';

/**
 * POST /sync/push, in one transaction: lock the desk's row, skip ids already applied, stop at a
 * gap, lock the tenant's version row, apply the rest through the shared conflict policy, and write
 * every changed row stamped with its own version from the tenant counter. Because the counter is
 * taken under the lock and held to commit, version order is commit order: a pull can never see
 * version 12 and later find a version 11 committed behind it.
 */
export interface PushOutcome {
  response: PushResponse;
  /** Case, note and event rows written (for the PGlite statistics keeper). */
  rowsWritten: number;
}

export async function pushMutations(db: Database, tenant: string, request: PushRequest): Promise<PushOutcome> {
  return db.transaction(async (tx) => {
    const [desk] = await tx.query<{ last_mutation_id: number }>('SELECT last_mutation_id FROM desks WHERE tenant = $1 AND code = $2 FOR UPDATE', [
      tenant,
      request.deskCode,
    ]);
    if (!desk) throw new ApiError('unauthorized', `desk ${request.deskCode} is not registered in tenant '${tenant}'`);

    let last = desk.last_mutation_id;
    const results: PushResult[] = [];
    const toApply: PushedMutation[] = [];
    let gapAt: number | null = null;
    for (const pushed of request.mutations) {
      if (pushed.mutationId <= last) {
        results.push({ mutationId: pushed.mutationId, outcome: 'duplicate', conflicts: 0 });
      } else if (pushed.mutationId === last + 1) {
        toApply.push(pushed);
        last = pushed.mutationId;
      } else {
        gapAt = pushed.mutationId;
        break;
      }
    }
    if (toApply.length === 0) return { response: { lastMutationId: last, results, gapAt }, rowsWritten: 0 };

    await tx.query('SELECT version FROM tenants WHERE slug = $1 FOR UPDATE', [tenant]);
    const roles = await loadRoles(tx, tenant, toApply);
    const states = await loadStates(tx, tenant, toApply);
    const outcome = applyBatch({ deskCode: request.deskCode, mutations: toApply, states, roleOf: (id) => roles.get(id) ?? 'specialist' });
    const rowsWritten = await writeOutcome(tx, tenant, request.deskCode, last, outcome);
    return { response: { lastMutationId: last, results: [...results, ...outcome.results], gapAt }, rowsWritten };
  });
}

async function loadRoles(tx: Queryable, tenant: string, mutations: readonly PushedMutation[]): Promise<Map<string, Role>> {
  const actorIds = [...new Set(mutations.flatMap((m) => (m.event ? [m.event.actorId] : [])))];
  if (actorIds.length === 0) return new Map();
  const rows = await tx.query<{ id: string; role: Role }>('SELECT id, role FROM users WHERE tenant = $1 AND id = ANY($2::text[])', [tenant, actorIds]);
  return new Map(rows.map((row) => [row.id, row.role]));
}

async function loadStates(tx: Queryable, tenant: string, mutations: readonly PushedMutation[]): Promise<Map<string, CaseState>> {
  const caseIds = [...new Set(mutations.map((m) => caseIdOf(m.mutation)))];
  const rows = await tx.query<{ id: string; data: string; deleted: boolean }>('SELECT id, data, deleted FROM cases WHERE tenant = $1 AND id = ANY($2::text[])', [
    tenant,
    caseIds,
  ]);
  return new Map(rows.map((row) => [row.id, { case: JSON.parse(row.data) as SyncedCase, deleted: row.deleted }]));
}

/**
 * Every write of the batch in one statement (data-modifying CTEs, each over its own JSON array parameter): on
 * PGlite each statement costs a trip into WebAssembly, and 500 mutations must land in tens of ms.
 */
const WRITE_BATCH = `
WITH written_cases AS (
  INSERT INTO cases (tenant, id, data, deleted, version)
  SELECT $1, r.id, r.data, r.deleted, r.version FROM json_to_recordset($3::json) AS r (id text, data text, deleted boolean, version bigint)
  ON CONFLICT (tenant, id) DO UPDATE SET data = excluded.data, deleted = excluded.deleted, version = excluded.version
),
written_notes AS (
  INSERT INTO case_notes (tenant, id, case_id, data, version)
  SELECT $1, r.id, r.case_id, r.data, r.version FROM json_to_recordset($5::json) AS r (id text, case_id text, data text, version bigint)
  ON CONFLICT (tenant, id) DO NOTHING
),
written_events AS (
  INSERT INTO case_events (tenant, id, case_id, data, version)
  SELECT $1, r.id, r.case_id, r.data, r.version FROM json_to_recordset($6::json) AS r (id text, case_id text, data text, version bigint)
  ON CONFLICT (tenant, id) DO NOTHING
),
written_rejections AS (
  INSERT INTO rejected_mutations (tenant, desk_code, mutation_id, name, reason)
  SELECT $1, $2, r.mutation_id, r.name, r.reason FROM json_to_recordset($7::json) AS r (mutation_id bigint, name text, reason text)
  ON CONFLICT DO NOTHING
),
written_conflicts AS (
  INSERT INTO conflicts (id, tenant, desk_code, case_id, reference, field, mutation_id, seen, overwritten, written, at)
  SELECT r.id, $1, $2, r.case_id, r.reference, r.field, r.mutation_id, r.seen, r.overwritten, r.written, r.at
  FROM json_to_recordset($8::json) AS r (id text, case_id text, reference text, field text, mutation_id bigint, seen text, overwritten text, written text, at text)
)
UPDATE desks SET last_mutation_id = $4 WHERE tenant = $1 AND code = $2`;

async function writeOutcome(tx: Queryable, tenant: string, deskCode: string, lastMutationId: number, outcome: BatchOutcome): Promise<number> {
  const rowCount = outcome.cases.size + outcome.notes.length + outcome.events.length;
  let version = 0;
  if (rowCount > 0) {
    const [tenantRow] = await tx.query<{ version: number }>('UPDATE tenants SET version = version + $2 WHERE slug = $1 RETURNING version', [tenant, rowCount]);
    version = tenantRow!.version - rowCount;
  }
  // Cases first, then notes and events: a page boundary never hands a desk a note before its case.
  const cases = [...outcome.cases].map(([id, state]) => ({ id, data: state.case, deleted: state.deleted, version: ++version }));
  const notes = outcome.notes.map((note) => ({ id: note.id, case_id: note.caseId, data: note, version: ++version }));
  const events = outcome.events.map((event) => ({ id: event.id, case_id: event.caseId, data: event, version: ++version }));
  const rejections = outcome.rejections.map((r) => ({ mutation_id: r.mutationId, name: r.name, reason: r.reason }));
  const conflicts = outcome.conflicts.map((c) => ({
    id: newId(),
    case_id: c.caseId,
    reference: c.reference,
    field: c.field,
    mutation_id: c.mutationId,
    seen: JSON.stringify(c.seen ?? null),
    overwritten: JSON.stringify(c.overwritten ?? null),
    written: JSON.stringify(c.written ?? null),
    at: c.at,
  }));
  await tx.query(WRITE_BATCH, [
    tenant,
    deskCode,
    JSON.stringify(cases),
    lastMutationId,
    JSON.stringify(notes),
    JSON.stringify(events),
    JSON.stringify(rejections),
    JSON.stringify(conflicts),
  ]);
  return rowCount;
}
