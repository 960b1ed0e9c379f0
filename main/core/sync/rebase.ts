import { applyMutation, type CaseState } from '../../../shared/sync';
import type { WritableDb } from '../db/connection';
import { pendingMutationsOfCase } from '../outbox';
import { findSyncCaseRow, serverBaseOf, writeLocalCase } from './local-case';

/**
 * Recomputes a case's local row as the server's base state with this desk's still-pending
 * mutations re-applied on top, by the same `applyMutation` the server runs — so a pending local
 * edit survives a pulled row, and a mutation the server rejected disappears once acknowledged.
 * A case the server has not sent back yet has no base: its local row is all there is, untouched.
 */
export function rebaseCase(db: WritableDb, caseId: string, at: number): void {
  const row = findSyncCaseRow(db, caseId);
  const base = row ? serverBaseOf(row) : null;
  if (!row || !base) return;
  let state: CaseState = base;
  for (const pending of pendingMutationsOfCase(db, caseId)) {
    const result = applyMutation(state, pending.mutation, {
      role: pending.role,
      at: pending.event?.at ?? new Date(pending.createdAt).toISOString(),
    });
    if (result.outcome === 'applied' && result.next) state = result.next;
  }
  writeLocalCase(db, row, state, at);
}
