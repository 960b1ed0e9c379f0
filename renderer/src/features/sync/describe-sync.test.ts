import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../../../shared/contract';
import { describeValue, syncHeadline, syncTone } from './describe-sync';

const base: SyncStatus = {
  state: 'online',
  configured: true,
  online: true,
  syncing: false,
  pendingMutations: 0,
  lastSuccessAt: null,
  lastError: null,
  conflicts: 0,
  updateRequired: false,
};

describe('sync headline', () => {
  it('says offline and what waits when the desk has no server', () => {
    expect(syncHeadline({ ...base, configured: false, state: 'offline', pendingMutations: 3 })).toBe('Offline · not connected to a server · 3 changes waiting to sync');
    expect(syncTone({ ...base, configured: false, state: 'offline' })).toBe('off');
  });
  it('names the last success in local time, and one change in the singular', () => {
    const at = new Date(2026, 10, 27, 9, 5).toISOString();
    expect(syncHeadline({ ...base, lastSuccessAt: at, pendingMutations: 1 })).toBe('Synced 09:05 · 1 change waiting to sync');
    expect(syncTone(base)).toBe('ok');
  });
  it('says plainly when an update is needed', () => {
    expect(syncHeadline({ ...base, state: 'update_required', updateRequired: true })).toMatch(/needs an update/);
    expect(syncTone({ ...base, state: 'update_required' })).toBe('warn');
  });
});

describe('conflict values', () => {
  it('reads empty, text, status stamps and objects', () => {
    expect(describeValue(null)).toBe('(empty)');
    expect(describeValue('Pothole on 4 Ave')).toBe('Pothole on 4 Ave');
    expect(describeValue({ status: 'in_progress', epoch: 0, rank: 2 })).toBe('in progress');
    expect(describeValue({ a: 1 })).toBe('{"a":1}');
  });
});
