import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultCatalog } from '../../../shared/domain';
import type { DigestResponse } from '../../../shared/sync';
import { deskSession, logInformationCase, valueOf } from '../../../test/helpers/desk-session';
import { SPECIALIST } from '../../../test/helpers/desk';
import { api, seedTenant, SERVER_START_TIMEOUT_MS, startTestServer, type SeededDesk, type SeededTenant, type TestServer } from '../../../test/helpers/server';
import { createCallOperation, createConsoleHandlers, type CallOperation } from '../console-api';
import { openDeskDatabase, type WritableDb } from '../db/connection';
import { deskDatabasePath } from '../data-dir';
import { ensureDeskCode } from '../desk-settings';
import { deskDigest } from '../sync/digest';
import { syncOnce } from '../sync/sync-cycle';
import { backupDeskDatabase } from './backup-database';
import { restoreDeskDatabase } from './restore-database';

/**
 * A desk restored from a backup is older than what the server holds from it. These run the whole
 * story against a real server: sync, back up, work and sync more, restore, work again — and check
 * that nothing collides, the server takes the new work, and the desk ends equal to the server.
 */

let server: TestServer;
let tenant: SeededTenant;
const dirs: string[] = [];

beforeAll(async () => {
  server = await startTestServer();
  tenant = await seedTenant(server, { deskCodes: ['D01', 'D02'] });
}, SERVER_START_TIMEOUT_MS);
afterAll(async () => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  await server?.close();
});

interface Desk {
  db: WritableDb;
  call: CallOperation;
  close(): void;
}

function openDesk(dataDir: string, code: string): Desk {
  const { db } = openDeskDatabase(deskDatabasePath(dataDir));
  ensureDeskCode(db, code);
  const call = createCallOperation(
    createConsoleHandlers(db, { session: { deskCode: code, agent: SPECIALIST, timeZone: 'America/Edmonton' }, catalog: defaultCatalog, now: Date.now }),
  );
  return { db, call, close: () => db.close() };
}

const logCase = logInformationCase;

const sync = (desk: Desk, seeded: SeededDesk) => syncOnce(deskSession(server, tenant, desk.db, seeded));

async function serverDigest(seeded: SeededDesk): Promise<DigestResponse> {
  return (await api<DigestResponse>(server.url, '/sync/digest', { token: seeded.token })).body;
}

const outboxIds = (desk: Desk): number[] => desk.db.prepare('SELECT mutation_id FROM outbox ORDER BY mutation_id').pluck().all() as number[];
const rejections = (desk: Desk): number => desk.db.prepare('SELECT count(*) FROM sync_rejections').pluck().get() as number;

/** Sync, back up, three more changes synced, then the desk closed: the backup is three mutations and two references behind the server. */
async function deskWithABackupBehind(seeded: SeededDesk) {
  const dataDir = mkdtempSync(join(tmpdir(), 'civicdesk-restore-sync-'));
  dirs.push(dataDir);
  const desk = openDesk(dataDir, seeded.code);
  const before = [logCase(desk, 'first'), logCase(desk, 'second'), logCase(desk, 'third')];
  await sync(desk, seeded);
  const backup = join(dataDir, 'backup.sqlite');
  await backupDeskDatabase(deskDatabasePath(dataDir), backup);
  const after = [logCase(desk, 'fourth, after the backup'), logCase(desk, 'fifth, after the backup')];
  valueOf(desk.call('addNote', { caseId: before[0]!.id, body: 'Called back after the backup' }));
  await sync(desk, seeded);
  expect(outboxIds(desk)).toEqual([]);
  desk.close();
  return { dataDir, backup, before, after };
}

describe('a desk restored from a backup, then synced', () => {
  it('keeps its references past the replaced database and its mutation ids past the server: nothing collides, nothing is dropped', async () => {
    const seeded = tenant.desks[0];
    const { dataDir, backup, after } = await deskWithABackupBehind(seeded);

    const restored = await restoreDeskDatabase({ dataDir, from: backup });
    expect(restored).toMatchObject({ live: 'readable', sequencesCarriedOver: true, unsyncedLeftBehind: 0 });
    const desk = openDesk(dataDir, seeded.code);
    try {
      // Offline, before any sync: the reference continues after the replaced database's last one.
      const fresh = logCase(desk, 'sixth, after the restore');
      expect(after.map((c) => c.reference)).not.toContain(fresh.reference);
      expect(fresh.reference).toBe(after[1]!.reference.replace(/\d+$/, (n) => String(Number(n) + 1).padStart(4, '0')));
      // Its mutation id is one the server already applied (id 4 was the fourth case): the sync must move it.
      expect(outboxIds(desk)).toEqual([4]);

      await sync(desk, seeded);
      expect(outboxIds(desk)).toEqual([]);
      expect(rejections(desk)).toBe(0);
      const expected = await serverDigest(seeded);
      expect(expected).toMatchObject({ cases: 6, notes: 1 });
      expect(deskDigest(desk.db)).toEqual(expected);
      // The server applied it under the next id after its last.
      expect(desk.db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'outbox'").pluck().get()).toBe(7);
    } finally {
      desk.close();
    }
  }, 60_000);

  it('restored onto a machine without the old database: the first sync pulls first, renumbers offline work, and later references skip what the server holds', async () => {
    const seeded = tenant.desks[1];
    const { dataDir, backup, before, after } = await deskWithABackupBehind(seeded);
    const newMachine = mkdtempSync(join(tmpdir(), 'civicdesk-restore-new-machine-'));
    dirs.push(newMachine);

    const restored = await restoreDeskDatabase({ dataDir: newMachine, from: backup });
    expect(restored).toMatchObject({ live: 'missing', keptAs: null, sequencesCarriedOver: false });
    const desk = openDesk(newMachine, seeded.code);
    try {
      // Offline work before the first sync, under an id the server already used.
      valueOf(desk.call('addNote', { caseId: before[1]!.id, body: 'Noted on the restored desk before it synced' }));
      expect(outboxIds(desk)).toEqual([4]);
      await sync(desk, seeded);
      expect(outboxIds(desk)).toEqual([]);
      expect(rejections(desk)).toBe(0);

      const fresh = logCase(desk, 'sixth, after the restore and a sync');
      expect([...before, ...after].map((c) => c.reference)).not.toContain(fresh.reference);
      await sync(desk, seeded);
      expect(rejections(desk)).toBe(0);
      const expected = await serverDigest(seeded);
      // The tenant's digest: the first test's six cases and note too.
      expect(expected).toMatchObject({ cases: 12, notes: 3 });
      expect(deskDigest(desk.db)).toEqual(expected);
    } finally {
      desk.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('a desk re-imaged with an empty database under a code that has synced before', () => {
  it('continues its mutation ids after the server’s once it has pulled, so its new work is not taken for duplicates', async () => {
    const seeded = tenant.desks[0]; // the first test's desk: the server holds its mutations 1–7
    const dataDir = mkdtempSync(join(tmpdir(), 'civicdesk-reimaged-'));
    dirs.push(dataDir);
    const desk = openDesk(dataDir, seeded.code);
    try {
      await sync(desk, seeded);
      const fresh = logCase(desk, 'first case on the re-imaged machine');
      expect(outboxIds(desk)).toEqual([8]);
      await sync(desk, seeded);
      expect(outboxIds(desk)).toEqual([]);
      expect(rejections(desk)).toBe(0);
      expect(deskDigest(desk.db)).toEqual(await serverDigest(seeded));
      expect(desk.db.prepare('SELECT count(*) FROM cases WHERE reference = ?').pluck().get(fresh.reference)).toBe(1);
    } finally {
      desk.close();
    }
  }, 60_000);
});
