import type { Catalog } from '../../../shared/domain';
import { withCatalogAdditions, type CatalogAddition } from '../../../shared/domain/import-case';
import type { ReadableDb, WritableDb } from '../db/connection';
import { statement } from '../db/statements';

/** Service types imports added to this desk, oldest first. */
export function readCatalogAdditions(db: ReadableDb): (CatalogAddition & { needsReview: boolean })[] {
  const rows = statement(db, 'SELECT code, name, department_code, needs_review FROM catalog_additions ORDER BY created_at, source_line').all() as {
    code: string;
    name: string;
    department_code: string;
    needs_review: 0 | 1;
  }[];
  return rows.map((row) => ({ code: row.code, name: row.name, departmentCode: row.department_code, needsReview: row.needs_review === 1 }));
}

/** The catalog this desk works with: the base catalog plus the service types imports added. */
export const deskCatalog = (db: ReadableDb, base: Catalog): Catalog => withCatalogAdditions(base, readCatalogAdditions(db));

/** Stores an addition flagged for review; call inside the transaction that writes its first case. */
export function saveCatalogAddition(db: WritableDb, addition: CatalogAddition, source: { file: string; line: number }, at: number): void {
  statement(
    db,
    `INSERT INTO catalog_additions (code, name, department_code, needs_review, source_file, source_line, created_at)
     VALUES (?, ?, ?, 1, ?, ?, ?) ON CONFLICT (code) DO NOTHING`,
  ).run(addition.code, addition.name, addition.departmentCode, source.file, source.line, at);
}
