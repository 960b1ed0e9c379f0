import type { CaseEvent, Role } from '../../shared/domain';
import { MUTATION_SCHEMA_VERSION, MutationSchema, caseIdOf, type Mutation, type PushedMutation } from '../../shared/sync';

export { caseIdOf };
import type { ReadableDb, WritableDb } from './db/connection';
import { statement } from './db/statements';
import { deleteDeskSetting, readDeskSetting, writeDeskSetting } from './db/desk-settings-table';

/**
 * Records a mutation for sync, with the audit event recorded in the same transaction (the server
 * keeps events as a union by id). Call inside the transaction that makes the change.
 */
export function appendMutation(db: WritableDb, change: { mutation: Mutation; event: CaseEvent; role: Role; at: number }): number {
  const insert = statement(db, 'INSERT INTO outbox (name, args, schema_version, created_at, event, case_id, actor_role) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const { mutation, event, role, at } = change;
  return Number(
    insert.run(mutation.name, JSON.stringify(mutation.args), MUTATION_SCHEMA_VERSION, at, JSON.stringify(event), caseIdOf(mutation), role).lastInsertRowid,
  );
}

interface OutboxDbRow {
  mutation_id: number;
  name: string;
  args: string;
  schema_version: number;
  created_at: number;
  event: string | null;
}

const OUTBOX_COLUMNS = 'mutation_id, name, args, schema_version, created_at, event';

function pushedOf(row: OutboxDbRow): PushedMutation {
  const mutation = MutationSchema.safeParse({ name: row.name, args: JSON.parse(row.args) as unknown });
  if (!mutation.success) {
    throw new Error(`outbox row ${row.mutation_id} (${row.name}) is not a valid mutation: ${mutation.error.issues[0]?.message ?? 'unknown'}`);
  }
  return {
    mutationId: row.mutation_id,
    schemaVersion: row.schema_version,
    createdAt: row.created_at,
    mutation: mutation.data,
    event: row.event === null ? null : (JSON.parse(row.event) as CaseEvent),
  };
}

/** The oldest unacknowledged mutations, in id order, as POST /sync/push sends them. */
/** The oldest pending mutations after mutation id `after` (a push sends the next batch before the previous one is answered). */
export function pendingMutations(db: ReadableDb, limit = 1000, after = 0): PushedMutation[] {
  const rows = statement(db, `SELECT ${OUTBOX_COLUMNS} FROM outbox WHERE mutation_id > ? ORDER BY mutation_id LIMIT ?`).all(after, limit) as OutboxDbRow[];
  return rows.map(pushedOf);
}

/** The pending mutations of one case, in id order, with the writer's role: what a pull re-applies on top of the server's row. */
export function pendingMutationsOfCase(db: ReadableDb, caseId: string): (PushedMutation & { role: Role })[] {
  const rows = statement(db, `SELECT ${OUTBOX_COLUMNS}, actor_role FROM outbox WHERE case_id = ? ORDER BY mutation_id`).all(caseId) as (OutboxDbRow & {
    actor_role: Role | null;
  })[];
  return rows.map((row) => ({ ...pushedOf(row), role: row.actor_role ?? 'specialist' }));
}

export function pendingCount(db: ReadableDb): number {
  return (statement(db, 'SELECT count(*) AS n FROM outbox').get() as { n: number }).n;
}

/**
 * Drops the outbox rows the server has applied or rejected (ids up to `lastMutationId`). Those whose
 * outcome this desk did not hear (`heard` lacks them) are kept aside until a pull settles it.
 */
export function acknowledgeMutations(db: WritableDb, lastMutationId: number, heard: ReadonlySet<number> = new Set()): number {
  statement(db, 'UPDATE sync_state SET acked_mutation_id = max(acked_mutation_id, ?) WHERE id = 1').run(lastMutationId);
  const acked = statement(db, 'SELECT mutation_id, case_id, name, event, args FROM outbox WHERE mutation_id <= ?').all(lastMutationId) as {
    mutation_id: number;
    case_id: string | null;
    name: string;
    event: string | null;
    args: string;
  }[];
  const unheard = statement(db, 'INSERT INTO sync_unconfirmed (mutation_id, case_id, name, event_id, note_id) VALUES (?, ?, ?, ?, ?) ON CONFLICT (mutation_id) DO NOTHING');
  for (const row of acked) {
    if (heard.has(row.mutation_id)) continue;
    const eventId = row.event === null ? null : (JSON.parse(row.event) as { id: string }).id;
    const noteId = row.name === 'addNote' ? (JSON.parse(row.args) as { note: { id: string } }).note.id : null;
    unheard.run(row.mutation_id, row.case_id, row.name, eventId, noteId);
  }
  return statement(db, 'DELETE FROM outbox WHERE mutation_id <= ?').run(lastMutationId).changes;
}

/**
 * After a restore, mutation ids above this floor were handed out by the restored (older) copy: the
 * server may already hold different mutations under them, from the desk's life after the backup.
 * Kept in desk_settings until the server's last applied id has been compared (reconcileRestoredOutbox).
 */
const RESTORED_FLOOR_KEY = 'restored_outbox_floor';

/** The highest mutation id this database has ever handed out (AUTOINCREMENT's record). */
export function highestMutationId(db: ReadableDb): number {
  const seq = statement(db, "SELECT seq FROM sqlite_sequence WHERE name = 'outbox'").pluck().get() as number | undefined;
  return seq ?? 0;
}

export function restoredOutboxFloor(db: ReadableDb): number | null {
  const value = readDeskSetting(db, RESTORED_FLOOR_KEY);
  return value === null ? null : Number(value);
}

/** Called by a restore on the copy it puts in place: ids handed out from here on are unchecked. */
export function markOutboxRestored(db: WritableDb): number {
  const floor = Math.min(highestMutationId(db), restoredOutboxFloor(db) ?? Number.POSITIVE_INFINITY);
  writeDeskSetting(db, RESTORED_FLOOR_KEY, String(floor));
  return floor;
}

/**
 * The first answer from the server after a restore names the last mutation id it applied from this
 * desk. Restored outbox rows at or below it were applied before (the same mutations: they predate
 * the backup) and are acknowledged as usual. Rows this desk wrote after the restore got ids the
 * server may already have applied from the lost timeline, and would be skipped as duplicates —
 * silently dropped: they move, in order, to just past the server's last id, and the sequence jumps
 * with them (contiguous, so the server sees no gap). Call inside the transaction that acknowledges.
 * Returns how many rows moved.
 */
export function reconcileRestoredOutbox(db: WritableDb, serverLastMutationId: number): number {
  const floor = restoredOutboxFloor(db);
  let moved = 0;
  if (floor !== null && serverLastMutationId > floor) {
    // Through negative ids: an UPDATE checks the key row by row, and the ranges may overlap.
    moved = statement(db, 'UPDATE outbox SET mutation_id = -mutation_id WHERE mutation_id > ?').run(floor).changes;
    statement(db, 'UPDATE outbox SET mutation_id = ? - mutation_id WHERE mutation_id < 0').run(serverLastMutationId - floor);
    raiseMutationSequence(db, highestMutationId(db) + serverLastMutationId - floor);
  }
  if (floor !== null) deleteDeskSetting(db, RESTORED_FLOOR_KEY);
  // The server holds ids this database never handed out (a copy put back by hand, a re-imaged desk):
  // the next one must come after them, or it would be taken for a duplicate and dropped.
  if (serverLastMutationId > highestMutationId(db)) raiseMutationSequence(db, serverLastMutationId);
  return moved;
}

function raiseMutationSequence(db: WritableDb, to: number): void {
  const raised = statement(db, "UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = 'outbox'").run(to).changes;
  if (raised === 0) statement(db, "INSERT INTO sqlite_sequence (name, seq) VALUES ('outbox', ?)").run(to);
}
