import { useCallback, useEffect, useState } from 'react';
import type { SyncStatus } from '../../../../shared/contract';
import { request } from '../../api/api';

/** How often the header asks the desk how sync is going: a local read, no network. */
const POLL_MS = 2_000;

/**
 * The sync client's state, kept fresh for the header and the sync screen; `syncNow` asks for a run
 * at once. `fromDesk` is what the last deskInfo said (null before the desk has answered).
 */
export function useSyncStatus(fromDesk: SyncStatus | null): { status: SyncStatus | null; syncNow: () => Promise<void> } {
  const [status, setStatus] = useState(fromDesk);
  useEffect(() => {
    if (fromDesk) setStatus(fromDesk);
  }, [fromDesk]);
  const known = fromDesk !== null;
  const refresh = useCallback(() => {
    request('syncStatus', {}).then(setStatus, () => undefined);
  }, []);
  useEffect(() => {
    if (!known) return;
    const timer = setInterval(refresh, POLL_MS);
    return () => clearInterval(timer);
  }, [known, refresh]);
  const syncNow = useCallback(async () => {
    setStatus((current) => current && { ...current, syncing: true, state: 'syncing' });
    try {
      setStatus(await request('syncNow', {}));
    } finally {
      refresh();
    }
  }, [refresh]);
  return { status, syncNow };
}
