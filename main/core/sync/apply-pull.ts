import type { CaseEvent, CaseNote } from '../../../shared/domain';
import type { PullResponse, SyncRow } from '../../../shared/sync';
import { insertEvent, insertNote } from '../cases/case-store';
import { appendNoteToIndex } from '../cases/search-index';
import type { WritableDb } from '../db/connection';
import { statement } from '../db/statements';
import { raiseReferenceSequences } from '../cases/references';
import { readDeskCode } from '../desk-settings';
import { acknowledgeMutations, reconcileRestoredOutbox } from '../outbox';
import { searchEntryDeferred } from './bulk-pull';
import { findCaseHandle, findSyncCaseRow, insertPulledCase, writeLocalCase } from './local-case';
import { rebaseCase } from './rebase';
import { advancePullCursor, recordRejection } from './sync-store';

type CaseSyncRow = Extract<SyncRow, { type: 'case' }>;
type ChildRow = Extract<SyncRow, { type: 'note' | 'event' }>;

export interface PageApplied {
  cases: number;
  notes: number;
  events: number;
  parked: number;
  acknowledged: number;
}

const hasPending = (db: WritableDb, caseId: string): boolean => statement(db, 'SELECT 1 FROM outbox WHERE case_id = ? LIMIT 1').get(caseId) !== undefined;

/**
 * Records the server's version of a case as the base for rebasing and, when the desk has no
 * pending change of that case, makes the local row exactly that (and its own base: synced_state
 * NULL). Returns whether the case needs a rebase (pending local changes to re-apply on top).
 */
function storeServerCase(db: WritableDb, row: CaseSyncRow, at: number): boolean {
  const handle = findCaseHandle(db, row.case.id);
  if (handle?.syncedVersion != null && handle.syncedVersion >= row.version) return false; // an old copy of a row already applied
  const state = { case: row.case, deleted: row.deleted };
  if (!handle) {
    insertPulledCase(db, state, row.version, at);
    return false; // nothing of a case new here can be pending
  }
  if (hasPending(db, row.case.id)) {
    statement(db, 'UPDATE cases SET synced_state = ?, synced_version = ? WHERE seq = ?').run(JSON.stringify(state), row.version, handle.seq);
    return true;
  }
  // Nothing pending: the row becomes the server's copy, which is then its own base (see keepServerBase).
  statement(db, 'UPDATE cases SET synced_state = NULL, synced_version = ? WHERE seq = ?').run(row.version, handle.seq);
  writeLocalCase(db, findSyncCaseRow(db, row.case.id), state, at);
  return false;
}

const caseIdOfChild = (row: ChildRow): string => (row.type === 'note' ? row.note.caseId : row.event.caseId);
const idOfChild = (row: ChildRow): string => (row.type === 'note' ? row.note.id : row.event.id);

function insertPulledNote(db: WritableDb, note: CaseNote, caseSeq: number, caseDeleted: boolean): boolean {
  const inserted = insertNote(db, note);
  if (inserted && !caseDeleted && !searchEntryDeferred(db, caseSeq)) appendNoteToIndex(db, caseSeq, note.body);
  return inserted;
}

/** Inserts a pulled note or event, or parks it until its case arrives. Returns what happened. */
function applyChild(db: WritableDb, row: ChildRow, settling: boolean): 'inserted' | 'known' | 'parked' {
  const owner = findCaseHandle(db, caseIdOfChild(row));
  if (!owner) {
    statement(db, 'INSERT INTO sync_parked_rows (id, case_id, row) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING').run(idOfChild(row), caseIdOfChild(row), JSON.stringify(row));
    return 'parked';
  }
  if (settling && row.type === 'event') statement(db, 'DELETE FROM sync_unconfirmed WHERE event_id = ?').run(row.event.id); // it was applied
  const inserted = row.type === 'note' ? insertPulledNote(db, row.note, owner.seq, owner.deleted) : insertEvent(db, row.event satisfies CaseEvent);
  return inserted ? 'inserted' : 'known';
}

const hasUnconfirmed = (db: WritableDb): boolean => statement(db, 'SELECT 1 FROM sync_unconfirmed LIMIT 1').get() !== undefined;
const hasParkedRows = (db: WritableDb): boolean => statement(db, 'SELECT 1 FROM sync_parked_rows LIMIT 1').get() !== undefined;

function unparkRowsOf(db: WritableDb, caseId: string): void {
  const parked = statement(db, 'SELECT row FROM sync_parked_rows WHERE case_id = ?').all(caseId) as { row: string }[];
  if (parked.length === 0) return;
  statement(db, 'DELETE FROM sync_parked_rows WHERE case_id = ?').run(caseId);
  for (const { row } of parked) applyChild(db, JSON.parse(row) as ChildRow, hasUnconfirmed(db));
}

/**
 * Applies one pulled page in one transaction: after a restore, first moves the outbox rows written
 * since past the server's last applied id (reconcileRestoredOutbox); acknowledges outbox rows the server has applied,
 * stores each case's server version and inserts notes and events by id (parking those whose case
 * is not here yet), re-applies the desk's pending mutations of every touched case on top, keeps the
 * desk's reference sequences past its own pulled cases, and moves the cursor — forward only.
 */
export function applyPulledPage(db: WritableDb, page: PullResponse, at: number): PageApplied {
  return db.transaction((): PageApplied => {
    reconcileRestoredOutbox(db, page.lastMutationId);
    const acknowledged = acknowledgeMutations(db, page.lastMutationId);
    const touched = new Set<string>();
    const toRebase = new Set<string>();
    const counts: PageApplied = { cases: 0, notes: 0, events: 0, parked: 0, acknowledged };
    for (const row of page.rows) {
      if (row.type !== 'case') continue;
      if (storeServerCase(db, row, at)) toRebase.add(row.case.id);
      touched.add(row.case.id);
      counts.cases += 1;
    }
    if (hasParkedRows(db)) for (const caseId of touched) unparkRowsOf(db, caseId);
    const settling = hasUnconfirmed(db);
    for (const row of page.rows) {
      if (row.type === 'case') continue;
      const outcome = applyChild(db, row, settling);
      if (outcome === 'parked') counts.parked += 1;
      else if (outcome === 'inserted') counts[row.type === 'note' ? 'notes' : 'events'] += 1;
    }
    for (const caseId of toRebase) rebaseCase(db, caseId, at);
    // This desk's own cases coming back: its sequences stay past them (a restored desk is behind).
    const deskCode = counts.cases > 0 ? readDeskCode(db) : null;
    if (deskCode) raiseReferenceSequences(db, deskCode, page.rows.flatMap((row) => (row.type === 'case' ? [row.case.reference] : [])));
    advancePullCursor(db, page.cursor);
    return counts;
  })();
}

/** The newest unconfirmed mutation id now: a complete pull started after it settles every one up to here. */
export const unconfirmedWatermark = (db: WritableDb): number =>
  (statement(db, 'SELECT coalesce(max(mutation_id), 0) FROM sync_unconfirmed').pluck().get() as number);

/**
 * After a complete pull: an acknowledged mutation whose event never came back was rejected by the
 * server (it keeps no event of a rejected change). Record it, withdraw its event and note, and
 * put its case back to the server's copy plus what is still pending.
 */
export function settleUnconfirmed(db: WritableDb, upTo: number, at: number): number {
  return db.transaction((): number => {
    const rejected = statement(db, 'SELECT mutation_id, case_id, name, event_id, note_id FROM sync_unconfirmed WHERE mutation_id <= ?').all(upTo) as {
      mutation_id: number;
      case_id: string | null;
      name: string;
      event_id: string | null;
      note_id: string | null;
    }[];
    for (const row of rejected) {
      recordRejection(db, {
        mutationId: row.mutation_id,
        caseId: row.case_id,
        name: row.name,
        reason: 'rejected by the server (its answer with the reason was lost)',
        at,
        eventId: row.event_id,
        noteId: row.note_id,
      });
    }
    statement(db, 'DELETE FROM sync_unconfirmed WHERE mutation_id <= ?').run(upTo);
    for (const caseId of new Set(rejected.flatMap((r) => (r.case_id ? [r.case_id] : [])))) rebaseCase(db, caseId, at);
    return rejected.length;
  })();
}
