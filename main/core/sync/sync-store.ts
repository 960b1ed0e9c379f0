import type { ReadableDb, WritableDb } from '../db/connection';
import { statement } from '../db/statements';

/** Where this desk syncs: absent until someone enters them (until IT's machine policy provides them). */
export interface SyncSettings {
  serverUrl: string;
  tenant: string;
  deskSecret: string;
}

export interface SyncProgress {
  pullCursor: number;
  ackedMutationId: number;
  lastSuccessAt: number | null;
  lastError: string | null;
  conflicts: number;
}

interface SyncStateRow {
  server_url: string | null;
  tenant: string | null;
  desk_secret: string | null;
  pull_cursor: number;
  acked_mutation_id: number;
  last_success_at: number | null;
  last_error: string | null;
  conflicts: number;
}

const readRow = (db: ReadableDb): SyncStateRow =>
  statement(db, 'SELECT server_url, tenant, desk_secret, pull_cursor, acked_mutation_id, last_success_at, last_error, conflicts FROM sync_state WHERE id = 1').get() as SyncStateRow;

export function readSyncSettings(db: ReadableDb): SyncSettings | null {
  const row = readRow(db);
  if (!row.server_url || !row.tenant || !row.desk_secret) return null;
  return { serverUrl: row.server_url, tenant: row.tenant, deskSecret: row.desk_secret };
}

export function writeSyncSettings(db: WritableDb, settings: SyncSettings): void {
  statement(db, 'UPDATE sync_state SET server_url = ?, tenant = ?, desk_secret = ? WHERE id = 1').run(settings.serverUrl, settings.tenant, settings.deskSecret);
}

export function readSyncProgress(db: ReadableDb): SyncProgress {
  const row = readRow(db);
  return {
    pullCursor: row.pull_cursor,
    ackedMutationId: row.acked_mutation_id,
    lastSuccessAt: row.last_success_at,
    lastError: row.last_error,
    conflicts: row.conflicts,
  };
}

/** Moves the pull cursor forward; the table's trigger refuses a move back, and so does this. */
export function advancePullCursor(db: WritableDb, cursor: number): void {
  const { pullCursor } = readSyncProgress(db);
  if (cursor < pullCursor) throw new Error(`sync: the server sent cursor ${cursor}, behind this desk's cursor ${pullCursor}; refusing to move back`);
  statement(db, 'UPDATE sync_state SET pull_cursor = ? WHERE id = 1').run(cursor);
}

export function recordSyncSuccess(db: WritableDb, at: number): void {
  statement(db, 'UPDATE sync_state SET last_success_at = ?, last_error = NULL, last_error_at = NULL WHERE id = 1').run(at);
}

export function recordSyncError(db: WritableDb, message: string, at: number): void {
  statement(db, 'UPDATE sync_state SET last_error = ?, last_error_at = ? WHERE id = 1').run(message, at);
}

export function addConflicts(db: WritableDb, count: number): void {
  if (count > 0) statement(db, 'UPDATE sync_state SET conflicts = conflicts + ? WHERE id = 1').run(count);
}

export interface RejectionRecord {
  mutationId: number;
  caseId: string | null;
  name: string;
  reason: string;
  at: number;
  /** The desk's audit event and note of the rejected change: withdrawn from the synced data. */
  eventId: string | null;
  noteId: string | null;
}

export function recordRejection(db: WritableDb, rejection: RejectionRecord): void {
  statement(
    db,
    'INSERT INTO sync_rejections (mutation_id, case_id, name, reason, at, event_id, note_id) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (mutation_id) DO NOTHING',
  ).run(rejection.mutationId, rejection.caseId, rejection.name, rejection.reason, rejection.at, rejection.eventId, rejection.noteId);
}
