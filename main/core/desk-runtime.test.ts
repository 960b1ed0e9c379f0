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
});
