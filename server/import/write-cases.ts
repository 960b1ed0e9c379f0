import { formatReference, newId, type CaseEvent } from '../../shared/domain';
import { importedCase, importedEventAfter, type CatalogAddition } from '../../shared/domain/import-case';
import { localDayIn } from '../../shared/domain/import-dates';
import type { GoodRow } from '../../shared/domain/import-reader';
import type { Database, Queryable } from '../db/database';

/**
 * The pseudo desk whose code server-imported references carry (HIST-220614-0001): a valid desk code
 * that reads as history. The import refuses to run while a real desk is registered under it.
 */
export const IMPORT_DESK_CODE = 'HIST';

/**
 * One batch in one statement (data-modifying CTEs over JSON array parameters, as a push writes):
 * cases, their events, their external ids, the batch's first uses of added service types and the
 * last reference sequence of each day it touched.
 */
const WRITE_IMPORT = `
WITH written_cases AS (
  INSERT INTO cases (tenant, id, data, deleted, version)
  SELECT $1, r.id, r.data, false, r.version FROM json_to_recordset($2::json) AS r (id text, data text, version bigint)
),
written_events AS (
  INSERT INTO case_events (tenant, id, case_id, data, version)
  SELECT $1, r.id, r.case_id, r.data, r.version FROM json_to_recordset($3::json) AS r (id text, case_id text, data text, version bigint)
),
remembered AS (
  INSERT INTO imported_cases (tenant, external_id, case_id, source_file, source_line)
  SELECT $1, r.external_id, r.case_id, $5, r.line FROM json_to_recordset($4::json) AS r (external_id text, case_id text, line integer)
),
added AS (
  INSERT INTO catalog_additions (tenant, code, name, department_code, source_file, source_line)
  SELECT $1, r.code, r.name, r.department_code, $5, r.line FROM json_to_recordset($6::json) AS r (code text, name text, department_code text, line integer)
  ON CONFLICT DO NOTHING
)
INSERT INTO import_reference_sequences (tenant, day, last_value)
SELECT $1, r.day, r.last_value FROM json_to_recordset($7::json) AS r (day text, last_value integer)
ON CONFLICT (tenant, day) DO UPDATE SET last_value = excluded.last_value`;

export interface TenantImportWrite {
  tenant: string;
  timeZone: string;
  sourceFile: string;
  additions: readonly { addition: CatalogAddition; line: number }[];
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Writes a tenant's imported cases oldest first, a few thousand per transaction. Each transaction
 * locks the tenant's version row (SELECT … FOR UPDATE, as a push does) and stamps every case, then
 * every event, with its own version from the counter, so desks pull them like pushed rows.
 */
export async function writeTenantCases(db: Database, rows: readonly GoodRow[], options: TenantImportWrite): Promise<void> {
  const ordered = [...rows].sort((a, b) => a.row.requestedAt - b.row.requestedAt || a.line - b.line);
  const batchSize = options.batchSize ?? 2_000;
  for (let start = 0; start < ordered.length; start += batchSize) {
    const batch = ordered.slice(start, start + batchSize);
    await db.transaction((tx) => writeBatch(tx, batch, options, start === 0));
    options.onProgress?.(Math.min(start + batchSize, ordered.length), ordered.length);
  }
}

async function writeBatch(tx: Queryable, batch: readonly GoodRow[], options: TenantImportWrite, first: boolean): Promise<void> {
  const { tenant, timeZone } = options;
  await tx.query('SELECT version FROM tenants WHERE slug = $1 FOR UPDATE', [tenant]);
  const days = batch.map((good) => localDayIn(good.row.requestedAt, timeZone));
  const stored = await tx.query<{ day: string; last_value: number }>('SELECT day, last_value FROM import_reference_sequences WHERE tenant = $1 AND day = ANY($2::text[])', [
    tenant,
    [...new Set(days)],
  ]);
  const lastOf = new Map(stored.map((row) => [row.day, Number(row.last_value)]));
  const rowCount = batch.length * 2;
  const [tenantRow] = await tx.query<{ version: number | string }>('UPDATE tenants SET version = version + $2 WHERE slug = $1 RETURNING version', [tenant, rowCount]);
  let version = Number(tenantRow!.version) - rowCount;
  const cases: { id: string; data: unknown; version: number }[] = [];
  const events: { id: string; case_id: string; data: CaseEvent; version: number }[] = [];
  const remembered: { external_id: string; case_id: string; line: number }[] = [];
  batch.forEach(({ row, line, type }, index) => {
    const day = days[index]!;
    const sequence = (lastOf.get(day) ?? 0) + 1;
    lastOf.set(day, sequence);
    const reference = formatReference(IMPORT_DESK_CODE, day, sequence);
    // The server keeps a case without the desk's local row version, as a push stores it.
    const { version: _local, ...synced } = importedCase(row, { id: newId(), reference, deskCode: IMPORT_DESK_CODE, type });
    cases.push({ id: synced.id, data: synced, version: ++version });
    const event: CaseEvent = { id: newId(), caseId: synced.id, type: 'created', actorId: synced.agentId, at: synced.createdAt, before: null, after: importedEventAfter(reference, row) };
    events.push({ id: event.id, case_id: event.caseId, data: event, version: 0 });
    remembered.push({ external_id: row.externalId, case_id: synced.id, line });
  });
  // Cases first, then events: a page boundary never hands a desk an event before its case.
  for (const event of events) event.version = ++version;
  const additions = first ? options.additions.map(({ addition, line }) => ({ code: addition.code, name: addition.name, department_code: addition.departmentCode, line })) : [];
  const sequences = [...lastOf].map(([day, last_value]) => ({ day, last_value }));
  await tx.query(WRITE_IMPORT, [
    tenant,
    JSON.stringify(cases),
    JSON.stringify(events),
    JSON.stringify(remembered),
    options.sourceFile,
    JSON.stringify(additions),
    JSON.stringify(sequences),
  ]);
}
