import type { SyncStatus } from '../../../../shared/contract';

const clock = new Intl.DateTimeFormat('en-CA', { hour: '2-digit', minute: '2-digit', hour12: false });

export const waitingText = (pending: number): string =>
  pending === 0 ? 'nothing waiting' : `${pending.toLocaleString('en-CA')} change${pending === 1 ? '' : 's'} waiting to sync`;

/** The header's one line about sync, e.g. "Synced 10:42 · nothing waiting" or "Offline · 3 changes waiting to sync". */
export function syncHeadline(sync: SyncStatus): string {
  const waiting = waitingText(sync.pendingMutations);
  if (!sync.configured) return `Offline · not connected to a server · ${waiting}`;
  switch (sync.state) {
    case 'update_required':
      return 'Sync stopped · this CivicDesk needs an update';
    case 'syncing':
      return `Syncing… · ${waiting}`;
    case 'connecting':
      return `Connecting… · ${waiting}`;
    case 'error':
      return `Sync problem · ${waiting}`;
    case 'offline':
      return `Offline · ${waiting}`;
    case 'online':
      return sync.lastSuccessAt ? `Synced ${clock.format(new Date(sync.lastSuccessAt))} · ${waiting}` : `Online · ${waiting}`;
  }
}

/** Colour of the indicator dot. */
export function syncTone(sync: SyncStatus): 'ok' | 'busy' | 'warn' | 'off' {
  if (!sync.configured || sync.state === 'offline') return 'off';
  if (sync.state === 'error' || sync.state === 'update_required') return 'warn';
  if (sync.state === 'online') return 'ok';
  return 'busy';
}

/** A conflict's values as a person reads them. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(empty)';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'object' && value !== null && 'status' in value) return String((value as { status: unknown }).status).replace('_', ' ');
  return JSON.stringify(value);
}
