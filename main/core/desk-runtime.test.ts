import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultCatalog } from '../../shared/domain';
import { deskDatabasePath } from './data-dir';
import { openDeskDatabase } from './db/connection';
import { openDeskRuntime } from './desk-runtime';
import { ensureDeskCode } from './desk-settings';
import { seedCases } from './seed/generate-cases';
import type { SyncClock } from './sync/sync-client';
import { jsonResponse, scriptedServer } from '../../test/helpers/scripted-server';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'civicdesk-runtime-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the desk runtime', () => {
  it('opens a new desk, keeps its desk code and remembers who signed in', async () => {
    const first = openDeskRuntime({ dataDir: dir, deskCode: 'D11', maintenanceIntervalMs: 0, integrityCheckDelayMs: 0 });
    const agent = first.call('createAgent', { name: 'Noor Haddad', role: 'specialist' });
    if (!agent.ok) throw new Error(agent.error.message);
    first.call('signIn', { agentId: (agent.value as { id: string }).id });
    await first.integrityChecked;
    expect(first.call('deskInfo', {})).toMatchObject({ ok: true, value: { deskCode: 'D11', integrity: { state: 'ok' } } });
    first.close();
    const again = openDeskRuntime({ dataDir: dir, maintenanceIntervalMs: 0, integrityCheckDelayMs: 0 });
    expect(again.call('deskInfo', {})).toMatchObject({ ok: true, value: { deskCode: 'D11', agent: { name: 'Noor Haddad' } } });
    await again.integrityChecked;
    again.close();
    expect(() => openDeskRuntime({ dataDir: dir, deskCode: 'D12' })).toThrow(/belongs to desk D11/);
  });

  it('checks integrity in the background and reports a damaged file without refusing to start', async () => {
    const { db } = openDeskDatabase(deskDatabasePath(dir));
    seedCases(db, defaultCatalog, { cases: 3000, deskCode: ensureDeskCode(db, 'D13'), endAt: Date.parse('2026-11-27T00:00:00Z'), timeZone: 'America/Edmonton' });
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    // Garbage over the last pages: the schema survives, some data pages do not.
    const file = deskDatabasePath(dir);
    const size = statSync(file).size;
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(8 * 4096, 0x5a), 0, 8 * 4096, size - 8 * 4096);
    closeSync(fd);
    const runtime = openDeskRuntime({ dataDir: dir, maintenanceIntervalMs: 0, integrityCheckDelayMs: 0 });
    expect(runtime.state.integrity?.state).toBe('checking');
    await runtime.integrityChecked;
    expect(runtime.state.integrity).toMatchObject({ state: 'damaged' });
    expect(runtime.call('deskInfo', {})).toMatchObject({ ok: true, value: { integrity: { state: 'damaged' } } });
    runtime.close();
  });

  it('runs background sync once sync settings exist, and stops it on close', async () => {
    const server = scriptedServer(({ path }) => {
      if (path === '/auth/desk') return jsonResponse(200, { token: 't', expiresAt: '2026-11-27T23:00:00.000Z', deskCode: 'D14', team: null });
      return jsonResponse(200, path === '/sync/pull' ? { rows: [], cursor: 0, hasMore: false, lastMutationId: 0 } : {});
    });
    const timers: number[] = [];
    const clock: SyncClock = { now: () => 0, setTimeout: (_run, ms) => timers.push(ms), clearTimeout: () => {}, random: () => 0.5 };
    const options = { dataDir: dir, deskCode: 'D14', maintenanceIntervalMs: 0, integrityCheckDelayMs: 60_000, sync: { fetch: server.fetch, clock } };
    const first = openDeskRuntime(options);
    expect(timers).toEqual([]); // nothing to sync with yet
    expect(await first.call('setSyncSettings', { serverUrl: 'http://sync.test', tenant: 'lethbridge', deskSecret: 'a-desk-secret-of-some-length' })).toMatchObject({ ok: true });
    await first.sync!.syncNow();
    expect(server.requests).toContain('GET /sync/pull');
    first.close();
    expect(() => first.sync!.state()).toThrow(/stopped/);
    timers.length = 0;
    const again = openDeskRuntime(options);
    expect(timers).toEqual([0]); // settings exist: the first run is due at once
    again.close();
    const alone = openDeskRuntime({ ...options, sync: false });
    expect(alone.sync).toBeNull();
    expect(alone.call('deskInfo', {})).toMatchObject({ ok: true, value: { sync: { configured: true, online: false } } });
    alone.close();
  });
});
