import { basename } from 'node:path';
import { defaultCatalog } from '../../shared/domain';
import { ServiceResolver, withCatalogAdditions, type CatalogAddition } from '../../shared/domain/import-case';
import { isImportFileProblem, type SettledRow } from '../../shared/domain/import-reader';
import type { ImportOutcome } from '../../shared/domain/import-summary';
import type { Database } from '../db/database';
import { ApiError } from '../http/api-error';
import { readImportCsv } from './read-csv';
import { IMPORT_DESK_CODE, writeTenantCases } from './write-cases';

export interface TenantImportOptions {
  tenant: string;
  file: string;
  /** The centre's zone: times without an offset are its wall-clock times. */
  timeZone: string;
  skipBad?: boolean;
  now?: () => number;
  batchSize?: number;
  onProgress?: (phase: 'reading' | 'writing', done: number, total: number) => void;
}

async function checkTenant(db: Database, tenant: string): Promise<void> {
  const [found] = await db.query<{ desk: string | null }>('SELECT (SELECT code FROM desks WHERE tenant = $1 AND code = $2) AS desk FROM tenants WHERE slug = $1', [tenant, IMPORT_DESK_CODE]);
  if (!found) throw new ApiError('not_found', `tenant '${tenant}' does not exist (create it with create-admin)`);
  if (found.desk) {
    throw new ApiError('conflict', `desk ${IMPORT_DESK_CODE} is registered in tenant '${tenant}', and imported cases take ${IMPORT_DESK_CODE} references; register that desk under another code`);
  }
}

/**
 * `npm run server -- import`: a whole centre's history into one tenant, read and checked like a
 * desk import (all rows or none; with skipBad the good ones), written straight into the synced
 * tables so every desk pulls it. External ids already imported into the tenant are skipped.
 */
export async function importCasesForTenant(db: Database, options: TenantImportOptions): Promise<ImportOutcome> {
  await checkTenant(db, options.tenant);
  const imported = await db.query<{ external_id: string }>('SELECT external_id FROM imported_cases WHERE tenant = $1', [options.tenant]);
  const importedBefore = new Set(imported.map((row) => row.external_id));
  const stored = await db.query<{ code: string; name: string; department_code: string }>('SELECT code, name, department_code FROM catalog_additions WHERE tenant = $1', [
    options.tenant,
  ]);
  const storedAdditions = stored.map((row) => ({ code: row.code, name: row.name, departmentCode: row.department_code }) satisfies CatalogAddition);
  const resolver = new ServiceResolver(withCatalogAdditions(defaultCatalog, storedAdditions));
  const read = await readImportCsv(options.file, {
    timeZone: options.timeZone,
    now: (options.now ?? Date.now)(),
    settle: (row): SettledRow => {
      if (importedBefore.has(row.externalId)) return { alreadyImported: true };
      const resolution = resolver.resolve(row);
      return resolution.ok ? { type: resolution.type } : { problem: resolution.problem };
    },
    onProgress: (bytes, total) => options.onProgress?.('reading', bytes, total),
  });
  if (isImportFileProblem(read)) return { ok: false, reason: 'file', problem: read };
  const { header, bad, good } = read;
  if (bad.length > 0 && !options.skipBad) return { ok: false, reason: 'bad_rows', header, bad, rows: read.rows };

  const firstUse = new Map<string, number>();
  for (const { type, line } of good) if (!firstUse.has(type.code)) firstUse.set(type.code, line);
  await writeTenantCases(db, good, {
    tenant: options.tenant,
    timeZone: options.timeZone,
    sourceFile: basename(options.file),
    additions: resolver.added.map((addition) => ({ addition, line: firstUse.get(addition.code) ?? 0 })),
    ...(options.batchSize ? { batchSize: options.batchSize } : {}),
    onProgress: (done, total) => options.onProgress?.('writing', done, total),
  });
  return { ok: true, imported: good.length, alreadyImported: read.alreadyImported, header, bad, additions: resolver.added, ignoredColumns: read.ignoredColumns };
}
