import { newId } from '../../shared/domain';
import type { AddressImportOutcome, AddressUploadRow } from '../../shared/domain/addresses';
import type { Database, Queryable } from '../db/database';
import { ApiError } from '../http/api-error';

/**
 * An admin's import of the address list: started, uploaded in chunks, then committed in one
 * transaction — all of the file or nothing. The commit compares the upload with the list as it
 * stands: new and changed addresses get the next versions, addresses the file no longer holds
 * become tombstones, and unchanged ones are not touched, so the same file twice changes nothing.
 */

/** An upload left uncommitted this long is abandoned; the next import clears it. */
const ABANDONED_AFTER = '1 day';

export async function startAddressImport(db: Database, tenant: string, userId: string, input: { fileName: string; rows: number }): Promise<{ importId: string }> {
  const importId = newId();
  await db.transaction(async (tx) => {
    await tx.query(`DELETE FROM address_imports WHERE tenant = $1 AND created_at < now() - interval '${ABANDONED_AFTER}'`, [tenant]);
    await tx.query('INSERT INTO address_imports (id, tenant, file_name, expected_rows, created_by) VALUES ($1, $2, $3, $4, $5)', [importId, tenant, input.fileName, input.rows, userId]);
  });
  return { importId };
}

async function openImport(tx: Queryable, tenant: string, importId: string, lock = false): Promise<{ expected: number; fileName: string; received: number }> {
  const [found] = await tx.query<{ expected_rows: number; file_name: string; received: number }>(
    `SELECT expected_rows, file_name, (SELECT count(*)::integer FROM address_import_rows WHERE import_id = $1) AS received
       FROM address_imports WHERE id = $1 AND tenant = $2${lock ? ' FOR UPDATE' : ''}`,
    [importId, tenant],
  );
  if (!found) throw new ApiError('not_found', `there is no address import ${importId} in ${tenant} (it was committed, or abandoned for over a day); start the import again`);
  return { expected: found.expected_rows, fileName: found.file_name, received: found.received };
}

/** Stages one chunk. Sending a chunk again (after a lost answer) stores its rows once: they are keyed by line. */
export async function addAddressImportRows(db: Database, tenant: string, importId: string, rows: readonly AddressUploadRow[]): Promise<{ received: number }> {
  return db.transaction(async (tx) => {
    const { expected } = await openImport(tx, tenant, importId, true);
    await tx.query(
      `INSERT INTO address_import_rows (import_id, line, address_id, civic_number, street, unit, full_address, lat, lng)
       SELECT $1, r.line, r."addressId", r."civicNumber", r.street, r.unit, r."fullAddress", r.lat, r.lng
         FROM json_to_recordset($2::json) AS r(line integer, "addressId" text, "civicNumber" text, street text, unit text, "fullAddress" text, lat double precision, lng double precision)
       ON CONFLICT (import_id, line) DO NOTHING`,
      [importId, JSON.stringify(rows)],
    );
    const { received } = await openImport(tx, tenant, importId);
    if (received > expected) throw new ApiError('invalid_input', `import ${importId}: ${received} rows uploaded, but the import was started for ${expected}`);
    return { received };
  });
}

const DIFFERS = `(a.address_id IS NULL OR a.deleted OR a.civic_number <> s.civic_number OR a.street <> s.street OR a.unit <> s.unit
  OR a.full_address <> s.full_address OR a.lat <> s.lat OR a.lng <> s.lng)`;

async function refuseDuplicates(tx: Queryable, importId: string): Promise<void> {
  const doubled = await tx.query<{ address_id: string; lines: number[] }>(
    `SELECT address_id, array_agg(line ORDER BY line) AS lines FROM address_import_rows WHERE import_id = $1
      GROUP BY address_id HAVING count(*) > 1 ORDER BY min(line) LIMIT 5`,
    [importId],
  );
  if (doubled.length === 0) return;
  const issues = doubled.map((d) => ({ path: `line ${d.lines[1]}`, message: `address_id '${d.address_id}' is already used by row ${d.lines[0]}` }));
  throw new ApiError('invalid_input', `the file names an address twice: ${issues.map((i) => `Row ${i.path.slice(5)}, column address_id: ${i.message}`).join('; ')}`, issues);
}

/** Applies a complete upload to the list in one transaction, under the list's lock. */
export async function commitAddressImport(db: Database, tenant: string, importId: string): Promise<AddressImportOutcome> {
  return db.transaction(async (tx) => {
    const { expected, received, fileName } = await openImport(tx, tenant, importId, true);
    if (received !== expected) throw new ApiError('invalid_input', `import ${importId}: ${received} of ${expected} rows uploaded; upload them all, then commit (nothing was changed)`);
    await refuseDuplicates(tx, importId);
    await tx.query('INSERT INTO address_lists (tenant) VALUES ($1) ON CONFLICT (tenant) DO NOTHING', [tenant]);
    const [list] = await tx.query<{ version: number }>('SELECT version::float8 AS version FROM address_lists WHERE tenant = $1 FOR UPDATE', [tenant]);
    const base = list?.version ?? 0;
    const [counts] = await tx.query<{ added: number; changed: number }>(
      `SELECT count(*) FILTER (WHERE a.address_id IS NULL OR a.deleted)::integer AS added,
              count(*) FILTER (WHERE a.address_id IS NOT NULL AND ${DIFFERS} AND NOT a.deleted)::integer AS changed
         FROM address_import_rows s LEFT JOIN addresses a ON a.tenant = $1 AND a.address_id = s.address_id
        WHERE s.import_id = $2`,
      [tenant, importId],
    );
    const written = (counts?.added ?? 0) + (counts?.changed ?? 0);
    await tx.query(
      `INSERT INTO addresses (tenant, address_id, civic_number, street, unit, full_address, lat, lng, deleted, version)
       SELECT $1, s.address_id, s.civic_number, s.street, s.unit, s.full_address, s.lat, s.lng, false, $3 + row_number() OVER (ORDER BY s.line)
         FROM address_import_rows s LEFT JOIN addresses a ON a.tenant = $1 AND a.address_id = s.address_id
        WHERE s.import_id = $2 AND ${DIFFERS}
       ON CONFLICT (tenant, address_id) DO UPDATE SET civic_number = excluded.civic_number, street = excluded.street, unit = excluded.unit,
         full_address = excluded.full_address, lat = excluded.lat, lng = excluded.lng, deleted = false, version = excluded.version`,
      [tenant, importId, base],
    );
    const removed = await tx.query<{ address_id: string }>(
      `WITH gone AS (
         SELECT a.address_id, row_number() OVER (ORDER BY a.address_id) AS n FROM addresses a
          WHERE a.tenant = $1 AND NOT a.deleted
            AND NOT EXISTS (SELECT 1 FROM address_import_rows s WHERE s.import_id = $2 AND s.address_id = a.address_id))
       UPDATE addresses a SET deleted = true, version = $3 + gone.n FROM gone
        WHERE a.tenant = $1 AND a.address_id = gone.address_id RETURNING a.address_id`,
      [tenant, importId, base + written],
    );
    const version = base + written + removed.length;
    if (version !== base) {
      await tx.query('UPDATE address_lists SET version = $2, imported_at = now(), source_file = $3 WHERE tenant = $1', [tenant, version, fileName]);
    }
    await tx.query('DELETE FROM address_imports WHERE id = $1', [importId]);
    return { added: counts?.added ?? 0, changed: counts?.changed ?? 0, removed: removed.length, unchanged: expected - written, version };
  });
}
