import type { CaseState } from '../../../shared/sync';
import { canonicalJson } from '../../../shared/sync';
import { caseFromRow, CASE_COLUMNS, rowValuesOf, type CaseRow } from '../cases/case-row';
import { insertCase, replaceCase } from '../cases/case-store';
import { indexCase } from '../cases/search-index';
import type { ReadableDb, WritableDb } from '../db/connection';
import { statement } from '../db/statements';
import { searchEntryDeferred } from './bulk-pull';

/** A case row as sync sees it: deleted ones included, with the server's base state beside it. */
export interface SyncCaseRow extends CaseRow {
  synced_state: string | null;
  synced_version: number | null;
}

export function findSyncCaseRow(db: ReadableDb, id: string): SyncCaseRow | undefined {
  return statement(db, `SELECT ${CASE_COLUMNS}, synced_state, synced_version FROM cases WHERE id = ?`).get(id) as SyncCaseRow | undefined;
}

/** Just enough of a case row to place a pulled row: cheaper than the whole row on a 100,000-row pull. */
export interface CaseHandle {
  seq: number;
  deleted: boolean;
  syncedVersion: number | null;
}

export function findCaseHandle(db: ReadableDb, id: string): CaseHandle | undefined {
  const row = statement(db, 'SELECT seq, deleted_at IS NOT NULL AS deleted, synced_version FROM cases WHERE id = ?').get(id) as
    | { seq: number; deleted: 0 | 1; synced_version: number | null }
    | undefined;
  return row ? { seq: row.seq, deleted: row.deleted === 1, syncedVersion: row.synced_version } : undefined;
}

/** Inserts a case this desk has never seen, as the server sent it, with its search entry; the row is its own server base. */
export function insertPulledCase(db: WritableDb, state: CaseState, serverVersion: number, at: number): void {
  const values = { ...rowValuesOf({ ...state.case, version: 1 }), deleted_at: state.deleted ? at : null, origin: 'pulled', synced_version: serverVersion };
  const columns = Object.keys(values);
  const seq = Number(statement(db, `INSERT INTO cases (${columns.join(', ')}) VALUES (${columns.map((k) => `@${k}`).join(', ')})`).run(values).lastInsertRowid);
  if (!state.deleted && !searchEntryDeferred(db, seq)) indexCase(db, seq, { ...state.case, version: 1 }, '');
}

/**
 * The server's copy of a case as this desk last heard it: written out while local changes are
 * pending, else the row itself (keepServerBase); null for a case the server has not sent back yet.
 */
export function serverBaseOf(row: SyncCaseRow): CaseState | null {
  if (row.synced_state) return JSON.parse(row.synced_state) as CaseState;
  return row.synced_version === null ? null : localStateOf(row);
}

/** The case as the sync protocol sees it (no local row version) and whether it is deleted. */
export function localStateOf(row: CaseRow): CaseState {
  const { version: _local, ...synced } = caseFromRow(row);
  return { case: synced, deleted: row.deleted_at !== null };
}

export const sameState = (a: CaseState, b: CaseState): boolean => a.deleted === b.deleted && canonicalJson(a.case) === canonicalJson(b.case);

/**
 * Makes the local row hold `state`: inserts a case that is new here (with its search entry; the
 * case-totals triggers count it), or rewrites one that differs, bumping its local version so an
 * editor holding the old one is told it changed. A deleted case leaves the search index.
 */
export function writeLocalCase(db: WritableDb, existing: CaseRow | undefined, state: CaseState, at: number): CaseRow {
  if (!existing) {
    const seq = insertCase(db, { ...state.case, version: 1 });
    statement(db, "UPDATE cases SET origin = 'pulled', deleted_at = ? WHERE seq = ?").run(state.deleted ? at : null, seq);
    if (!state.deleted && !searchEntryDeferred(db, seq)) indexCase(db, seq, { ...state.case, version: 1 }, '');
    return findSyncCaseRow(db, state.case.id)!;
  }
  if (sameState(localStateOf(existing), state)) return existing;
  const next = { ...state.case, version: existing.version + 1 };
  replaceCase(db, next, existing.version);
  if (state.deleted !== (existing.deleted_at !== null)) {
    statement(db, 'UPDATE cases SET deleted_at = ? WHERE seq = ?').run(state.deleted ? at : null, existing.seq);
  }
  if (searchEntryDeferred(db, existing.seq)) return findSyncCaseRow(db, state.case.id)!;
  if (state.deleted) statement(db, 'DELETE FROM cases_search WHERE rowid = ?').run(existing.seq);
  else indexCase(db, existing.seq, next);
  return findSyncCaseRow(db, state.case.id)!;
}
