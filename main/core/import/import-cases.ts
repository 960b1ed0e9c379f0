import { basename } from 'node:path';
import { defaultCatalog, type Catalog } from '../../../shared/domain';
import { ServiceResolver } from '../../../shared/domain/import-case';
import { isImportFileProblem, type SettledRow } from '../../../shared/domain/import-reader';
import type { ImportOutcome } from '../../../shared/domain/import-summary';
import type { WritableDb } from '../db/connection';
import { statement } from '../db/statements';
import { deskCatalog } from './catalog-additions';
import { readImportFile } from './read-import-file';
import { writeImportedCases } from './write-imported';

export interface ImportCasesOptions {
  file: string;
  deskCode: string;
  /** The centre's zone: times without an offset are its wall-clock times. */
  timeZone?: string;
  /** Import the good rows and hand back the bad ones, instead of importing nothing. */
  skipBad?: boolean;
  /** The catalog before this desk's additions (the desk runtime's). */
  catalog?: Catalog;
  /** Put each imported case in the outbox for the server (default yes). */
  enqueueForSync?: boolean;
  now?: () => number;
  onProgress?: (phase: 'reading' | 'writing', done: number, total: number) => void;
}

export const DEFAULT_TIME_ZONE = 'America/Edmonton';

/**
 * `civicdesk import`: reads and validates the whole file first — skipping rows whose external id
 * this desk already imported, settling every row's service type (adding types the catalog lacks) —
 * and only then writes: all rows, or with skipBad the good ones. A bad file writes nothing.
 */
export async function importCasesFile(db: WritableDb, options: ImportCasesOptions): Promise<ImportOutcome> {
  const now = options.now ?? Date.now;
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  const lookup = statement(db, 'SELECT 1 FROM imported_cases WHERE external_id = ?').pluck();
  // A desk's first import (the usual case) has nothing to look up, row after row.
  const firstImport = statement(db, 'SELECT NOT EXISTS (SELECT 1 FROM imported_cases)').pluck().get() === 1;
  const importedBefore = (externalId: string): boolean => !firstImport && lookup.get(externalId) !== undefined;
  const resolver = new ServiceResolver(deskCatalog(db, options.catalog ?? defaultCatalog));
  const read = await readImportFile(options.file, {
    timeZone,
    now: now(),
    settle: (row): SettledRow => {
      if (importedBefore(row.externalId)) return { alreadyImported: true };
      const resolution = resolver.resolve(row);
      return resolution.ok ? { type: resolution.type } : { problem: resolution.problem };
    },
    onProgress: (bytes, total) => options.onProgress?.('reading', bytes, total),
  });
  if (isImportFileProblem(read)) return { ok: false, reason: 'file', problem: read };
  const { header, bad, good } = read;
  if (bad.length > 0 && !options.skipBad) return { ok: false, reason: 'bad_rows', header, bad, rows: read.rows };

  // Settling a row is its last check, so every type the resolver added has a row that is written.
  const additions = resolver.added;
  const firstUse = new Map<string, number>();
  for (const { type, line } of good) if (!firstUse.has(type.code)) firstUse.set(type.code, line);
  writeImportedCases(db, good, {
    deskCode: options.deskCode,
    timeZone,
    sourceFile: basename(options.file),
    importedAt: now(),
    additions: additions.map((addition) => ({ addition, line: firstUse.get(addition.code) ?? 0 })),
    enqueueForSync: options.enqueueForSync ?? true,
    onProgress: (done, total) => options.onProgress?.('writing', done, total),
  });
  return { ok: true, imported: good.length, alreadyImported: read.alreadyImported, header, bad, additions, ignoredColumns: read.ignoredColumns };
}
