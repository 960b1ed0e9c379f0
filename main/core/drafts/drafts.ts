import type { PersistedIntake } from '../../../shared/domain';
import type { Draft } from '../../../shared/contract';
import type { ReadableDb, WritableDb } from '../db/connection';
import { statement } from '../db/statements';
import type { CoreDeps } from '../desk-session';
import { DomainError } from '../errors';

const MAX_DRAFT_BYTES = 1_000_000;

/** Upserts the intake's persisted snapshot; called on every workflow transition, so a crash loses nothing. */
export function saveDraft(db: WritableDb, deps: CoreDeps, input: { id: string; persisted: PersistedIntake }): { savedAt: string } {
  const snapshot = JSON.stringify(input.persisted.snapshot);
  if (snapshot.length > MAX_DRAFT_BYTES) {
    throw new DomainError('invalid_input', `persisted.snapshot: is ${snapshot.length} bytes, more than the ${MAX_DRAFT_BYTES} a draft may hold`, [
      { field: 'persisted.snapshot', message: `is larger than ${MAX_DRAFT_BYTES} bytes` },
    ]);
  }
  const at = deps.now();
  statement(
    db,
    `INSERT INTO intake_drafts (id, agent_id, machine_version, snapshot, created_at, updated_at) VALUES (@id, @agent, @version, @snapshot, @at, @at)
     ON CONFLICT (id) DO UPDATE SET machine_version = excluded.machine_version, snapshot = excluded.snapshot, updated_at = excluded.updated_at
     WHERE intake_drafts.agent_id = excluded.agent_id`,
  ).run({ id: input.id, agent: deps.session.agent.id, version: input.persisted.machineVersion, snapshot, at });
  return { savedAt: new Date(at).toISOString() };
}

/** The signed-in agent's most recent unfinished intake, if the app stopped in the middle of one. */
export function restoreDraft(db: ReadableDb, deps: CoreDeps): { draft: Draft | null } {
  const row = statement(
    db,
    'SELECT id, machine_version, snapshot, updated_at FROM intake_drafts WHERE agent_id = ? ORDER BY updated_at DESC, id DESC LIMIT 1',
  ).get(deps.session.agent.id) as { id: string; machine_version: number; snapshot: string; updated_at: number } | undefined;
  if (!row) return { draft: null };
  return {
    draft: {
      id: row.id,
      persisted: { machineVersion: row.machine_version, snapshot: JSON.parse(row.snapshot) as Record<string, unknown> },
      updatedAt: new Date(row.updated_at).toISOString(),
    },
  };
}

export function discardDraft(db: WritableDb, deps: CoreDeps, input: { id: string }): { discarded: boolean } {
  const changes = statement(db, 'DELETE FROM intake_drafts WHERE id = ? AND agent_id = ?').run(input.id, deps.session.agent.id).changes;
  return { discarded: changes > 0 };
}
