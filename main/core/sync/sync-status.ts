import type { SyncStatus } from '../../../shared/contract';
import type { ReadableDb } from '../db/connection';
import type { DeskState } from '../desk-session';
import { pendingCount } from '../outbox';
import type { SyncClientState } from './sync-client';
import { readSyncProgress, readSyncSettings } from './sync-store';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function stateWord(s: SyncClientState): SyncStatus['state'] {
  if (s.updateRequired) return 'update_required';
  if (!s.configured) return 'offline';
  if (s.syncing) return 'syncing';
  if (s.online) return s.lastError ? 'error' : 'online';
  return s.lastError ? 'offline' : 'connecting';
}

export const toSyncStatus = (s: SyncClientState): SyncStatus => ({
  state: stateWord(s),
  configured: s.configured,
  online: s.online,
  syncing: s.syncing,
  pendingMutations: s.pendingMutations,
  lastSuccessAt: iso(s.lastSuccessAt),
  lastError: s.lastError,
  conflicts: s.conflicts,
  updateRequired: s.updateRequired,
});

/** The live sync state, or — where no sync client runs — what the database remembers. */
export function syncStatusOf(db: ReadableDb, state: DeskState): SyncStatus {
  if (state.sync) return toSyncStatus(state.sync.state());
  const progress = readSyncProgress(db);
  return toSyncStatus({
    configured: readSyncSettings(db) !== null,
    online: false,
    syncing: false,
    pendingMutations: pendingCount(db),
    lastSuccessAt: progress.lastSuccessAt,
    lastError: progress.lastError,
    conflicts: progress.conflicts,
    updateRequired: false,
  });
}
