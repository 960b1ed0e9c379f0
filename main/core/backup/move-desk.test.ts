import { copyFileSync, mkdirSync, mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../../../shared/domain';
import { deskDatabasePath } from '../data-dir';
import { loadOrCreateDeskKey } from '../db/desk-key';
import { recoveredKeyPath } from '../db/desk-key-files';
import { testKeychain } from '../db/desk-key-test-sealer';
import { openDeskRuntime } from '../desk-runtime';
import { exportDeskDatabase } from './export-database';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'civicdesk-move-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('moving a desk to a new machine, as docs/it-deployment.md says', () => {
  it('exports with a new key, and the new machine adopts that key at its first start with every case and the unsynced outbox', async () => {
    const oldDir = join(dir, 'old-machine');
    const oldKey = loadOrCreateDeskKey({ dataDir: oldDir, sealer: testKeychain('ana@old-pc') }).key;
    const old = openDeskRuntime({ dataDir: oldDir, deskCode: 'D41', databaseKey: oldKey, sync: false, maintenanceIntervalMs: 0, integrityCheckDelayMs: 60_000 });
    const agent = old.call('createAgent', { name: 'Ana Specialist', role: 'specialist' });
    if (!agent.ok) throw new Error(agent.error.message);
    old.call('signIn', { agentId: (agent.value as { id: string }).id });
    const created = old.call('createCase', {
      id: newId(),
      channel: 'walk_in',
      kind: 'information',
      serviceCode: 'general-information',
      caller: { anonymous: true },
      location: null,
      answers: {},
      description: 'Asked where to renew a dog licence',
    });
    if (!created.ok) throw new Error(created.error.message);
    const reference = (created.value as { reference: string }).reference;
    old.close();

    mkdirSync(join(dir, 'usb'));
    const exported = await exportDeskDatabase({ file: deskDatabasePath(oldDir), key: oldKey, to: join(dir, 'usb', 'desk-D41.sqlite') });
    expect(exported.keyFile).toBe(join(dir, 'usb', 'desk-D41.sqlite.key'));

    // The new machine, CivicDesk not yet started: the file as desk.sqlite, the key as desk.key.recovered.
    const newDir = join(dir, 'new-machine');
    mkdirSync(newDir, { recursive: true });
    copyFileSync(exported.file, deskDatabasePath(newDir));
    copyFileSync(exported.keyFile!, recoveredKeyPath(newDir));
    const adopted = loadOrCreateDeskKey({ dataDir: newDir, sealer: testKeychain('ana@new-pc') });
    expect(adopted.event).toBe('adopted-recovered-key');
    expect(existsSync(recoveredKeyPath(newDir))).toBe(false);

    const moved = openDeskRuntime({ dataDir: newDir, databaseKey: adopted.key, sync: false, maintenanceIntervalMs: 0, integrityCheckDelayMs: 60_000 });
    try {
      expect(moved.state.session.deskCode).toBe('D41');
      expect(moved.db.prepare('SELECT count(*) FROM cases WHERE reference = ?').pluck().get(reference)).toBe(1);
      expect(moved.db.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(1);
    } finally {
      moved.close();
    }
    // At the next start the keychain of the new machine opens it alone.
    expect(loadOrCreateDeskKey({ dataDir: newDir, sealer: testKeychain('ana@new-pc') })).toMatchObject({ event: 'loaded', key: adopted.key });
  });
});
