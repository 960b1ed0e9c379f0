import { newId, type Case, type CaseEvent, type CaseNote } from '../../../shared/domain';
import type { ReadableDb, WritableDb } from '../db/connection';
import { statement } from '../db/statements';
import { notFound } from '../errors';
import { CASE_COLUMNS, caseFromRow, rowValuesOf, type CaseRow } from './case-row';

/** Low-level reads and writes of case rows and their audit events; services decide what is allowed. */

export function findCaseRow(db: ReadableDb, id: string): CaseRow | undefined {
  return statement(db, `SELECT ${CASE_COLUMNS} FROM cases WHERE id = ? AND deleted_at IS NULL`).get(id) as CaseRow | undefined;
}

export function loadCase(db: ReadableDb, id: string): { seq: number; case: Case } {
  const row = findCaseRow(db, id);
  if (!row) throw notFound('case', id);
  return { seq: row.seq, case: caseFromRow(row) };
}

export function insertCase(db: WritableDb, c: Case): number {
  const values = rowValuesOf(c);
  const columns = Object.keys(values);
  const sql = `INSERT INTO cases (${columns.join(', ')}) VALUES (${columns.map((k) => `@${k}`).join(', ')})`;
  return Number(statement(db, sql).run(values).lastInsertRowid);
}

/**
 * A synced case whose row is exactly the server's copy keeps no second copy of it (synced_state
 * NULL beside synced_version): an empty desk pulling 100,000 cases must not write each twice. The
 * first local change of such a case writes the base out, before the row changes, so a pull can
 * still re-apply the desk's pending changes on top of the server's copy (rebaseCase).
 */
export function keepServerBase(db: WritableDb, before: Case): void {
  const { version: _local, ...synced } = before;
  statement(
    db,
    `UPDATE cases SET synced_state = '{"case":' || ? || ',"deleted":' || CASE WHEN deleted_at IS NULL THEN 'false' ELSE 'true' END || '}'
     WHERE id = ? AND synced_state IS NULL AND synced_version IS NOT NULL`,
  ).run(JSON.stringify(synced), before.id);
}

/** Rewrites a case row; `expectedVersion` guards against a concurrent local edit. */
export function replaceCase(db: WritableDb, c: Case, expectedVersion: number): void {
  const { id: _id, ...values } = rowValuesOf(c);
  const assignments = Object.keys(values).map((k) => `${k} = @${k}`).join(', ');
  const changed = statement(db, `UPDATE cases SET ${assignments} WHERE id = @id AND version = @expectedVersion`).run({
    ...values,
    id: c.id,
    expectedVersion,
  }).changes;
  if (changed !== 1) throw new Error(`replaceCase: case ${c.id} was not at version ${expectedVersion}`);
}

export interface EventRecord {
  /** Given when the event's id must be the interaction's (a contact saved twice is recorded once). */
  id?: string;
  caseId: string;
  type: CaseEvent['type'];
  actorId: string;
  at: number;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** Appends an audit event and returns it as the sync protocol carries it (with its new id). */
export function recordEvent(db: WritableDb, event: EventRecord): CaseEvent {
  const recorded: CaseEvent = {
    id: event.id ?? newId(),
    caseId: event.caseId,
    type: event.type,
    actorId: event.actorId,
    at: new Date(event.at).toISOString(),
    before: event.before,
    after: event.after,
  };
  insertEvent(db, recorded);
  return recorded;
}

/** Inserts a note unless one with its id is already here (pulled notes arrive more than once). */
export function insertNote(db: WritableDb, note: CaseNote): boolean {
  return (
    statement(db, 'INSERT INTO case_notes (id, case_id, author_id, body, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING').run(
      note.id,
      note.caseId,
      note.authorId,
      note.body,
      Date.parse(note.createdAt),
    ).changes === 1
  );
}

/** Inserts an event unless one with its id is already here (pulled events arrive more than once). */
export function insertEvent(db: WritableDb, event: CaseEvent): boolean {
  return (
    statement(db, 'INSERT INTO case_events (id, case_id, type, actor_id, at, before, after) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING').run(
      event.id,
      event.caseId,
      event.type,
      event.actorId,
      Date.parse(event.at),
      event.before ? JSON.stringify(event.before) : null,
      event.after ? JSON.stringify(event.after) : null,
    ).changes === 1
  );
}

/** The fields that differ between two versions of a case, as before/after records for the audit. */
export function diffCase(before: Case, after: Case): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const was: Record<string, unknown> = {};
  const now: Record<string, unknown> = {};
  for (const key of Object.keys(after) as (keyof Case)[]) {
    if (key === 'version' || key === 'updatedAt') continue;
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      was[key] = before[key];
      now[key] = after[key];
    }
  }
  return { before: was, after: now };
}
