import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Case } from '../../../shared/domain';
import { openTestDesk, type TestDesk } from '../../../test/helpers/desk';
import { deskSession, logInformationCase, valueOf } from '../../../test/helpers/desk-session';
import { seedTenant, SERVER_START_TIMEOUT_MS, startTestServer, type SeededDesk, type SeededTenant, type TestServer } from '../../../test/helpers/server';
import { ensureDeskCode } from '../desk-settings';
import { syncOnce } from '../sync/sync-cycle';
import { purgeSyncedCases } from './purge-synced-cases';

let server: TestServer;
let tenant: SeededTenant;
let tenants = 0;
beforeAll(async () => {
  server = await startTestServer();
}, SERVER_START_TIMEOUT_MS);
afterAll(async () => server?.close());

const OLD = Date.parse('2025-01-10T17:00:00Z');
const NOW = Date.parse('2026-11-27T17:00:00Z');
const DAY = 86_400_000;

let north: TestDesk;
let south: TestDesk;
beforeEach(async () => {
  // A tenant per test: each test's desks start empty, and so must the server's record of them.
  tenants += 1;
  tenant = await seedTenant(server, { tenant: `purge-${tenants}`, deskCodes: ['D01', 'D02'] });
  north = openTestDesk({ deskCode: 'D01', now: OLD });
  ensureDeskCode(north.db, 'D01');
  south = openTestDesk({ deskCode: 'D02', now: OLD });
  ensureDeskCode(south.db, 'D02');
}, SERVER_START_TIMEOUT_MS);
afterEach(() => {
  north?.close();
  south.close();
});

const sync = (desk: TestDesk, seeded: SeededDesk) => syncOnce(deskSession(server, tenant, desk.db, seeded, () => false));

const logCase = logInformationCase;

const resolve = (desk: TestDesk, c: Case): Case => valueOf<Case>(desk.call('transitionCase', { id: c.id, event: { type: 'RESOLVE', note: 'Answered' } }));
const found = (desk: TestDesk, query: string): string[] =>
  valueOf<{ items: { reference: string }[] }>(desk.call('searchCases', { query, limit: 50 })).items.map((item) => item.reference);
const caseIds = (desk: TestDesk): string[] => desk.db.prepare('SELECT id FROM cases ORDER BY seq').pluck().all() as string[];
const count = (desk: TestDesk, sql: string, ...args: unknown[]): number => desk.db.prepare(sql).pluck().get(...args) as number;

describe('purgeSyncedCases', () => {
  it('removes old finished synced cases with everything of theirs, and never open or unsynced work', async () => {
    const [northDesk] = tenant.desks;
    const done = resolve(north, logCase(north, 'purgeable recycling question'));
    valueOf(north.call('addNote', { caseId: done.id, body: 'Told the caller about blue bins' }));
    const open = logCase(north, 'still open recycling question');
    const editedAfterSync = resolve(north, logCase(north, 'edited recycling question'));
    const notedAfterSync = resolve(north, logCase(north, 'noted recycling question'));
    await sync(north, northDesk);
    await sync(north, northDesk); // the pulled copies make every synced case's row its own server base

    // Still long ago, but not yet on the server.
    valueOf(north.call('updateCase', { id: editedAfterSync.id, expectedVersion: editedAfterSync.version, changes: { description: 'edited recycling question, more detail' } }));
    valueOf(north.call('addNote', { caseId: notedAfterSync.id, body: 'A note not yet synced' }));
    const neverSynced = resolve(north, logCase(north, 'unsynced recycling question'));
    const totalBefore = valueOf<{ total: number }>(north.call('listCases', { limit: 1 })).total;

    const result = await purgeSyncedCases(north.db, { olderThanDays: 365, now: NOW, window: 2 });
    expect(result).toMatchObject({ cases: 1, notes: 1, searchEntries: 1, skipped: null });
    expect(result.events).toBeGreaterThanOrEqual(3); // created, status_changed, note_added
    expect(caseIds(north)).toEqual([open.id, editedAfterSync.id, notedAfterSync.id, neverSynced.id]);
    expect(count(north, 'SELECT count(*) FROM case_events WHERE case_id = ?', done.id)).toBe(0);
    expect(count(north, 'SELECT count(*) FROM case_notes WHERE case_id = ?', done.id)).toBe(0);
    expect(found(north, 'recycling')).not.toContain(done.reference);
    expect(found(north, 'recycling')).toHaveLength(4);
    expect(valueOf<{ total: number }>(north.call('listCases', { limit: 1 })).total).toBe(totalBefore - 1);
    // The audit stays append-only after the purge.
    expect(() => north.db.prepare('DELETE FROM case_events').run()).toThrow(/append-only/);
    expect(north.db.pragma('foreign_key_check')).toEqual([]);

    // Recent: nothing goes.
    expect((await purgeSyncedCases(north.db, { olderThanDays: 365, now: OLD + 30 * DAY })).cases).toBe(0);
    // The pending work still syncs.
    await sync(north, northDesk);
    expect(count(north, 'SELECT count(*) FROM outbox')).toBe(0);
    expect(count(north, 'SELECT count(*) FROM sync_rejections')).toBe(0);
  }, 60_000);

  it('a purged case changed on the server comes back whole at the next pull; a note alone waits for it', async () => {
    const [northDesk, southDesk] = tenant.desks;
    const done = resolve(north, logCase(north, 'pothole question answered long ago'));
    await sync(north, northDesk);
    await sync(north, northDesk);
    await sync(south, southDesk);
    expect((await purgeSyncedCases(north.db, { olderThanDays: 365, now: NOW })).cases).toBeGreaterThanOrEqual(1);
    expect(caseIds(north)).not.toContain(done.id);

    // Another desk adds a note: the note and its event arrive without their case and are parked.
    south.clock.now = NOW;
    valueOf(south.call('addNote', { caseId: done.id, body: 'Caller asked again about the pothole' }));
    await sync(south, southDesk);
    await sync(north, northDesk);
    expect(caseIds(north)).not.toContain(done.id);
    expect(count(north, 'SELECT count(*) FROM sync_parked_rows WHERE case_id = ?', done.id)).toBe(2);

    // Then reopens it: the case row comes, and with it what was parked.
    valueOf(south.call('transitionCase', { id: done.id, event: { type: 'REOPEN', reason: 'It is back' } }));
    await sync(south, southDesk);
    await sync(north, northDesk);
    const back = valueOf<{ case: Case; notes: { body: string }[] }>(north.call('getCase', { id: done.id }));
    expect(back.case).toMatchObject({ reference: done.reference, status: 'open', statusEpoch: 1 });
    expect(back.notes.map((n) => n.body)).toEqual(['Caller asked again about the pothole']);
    expect(found(north, 'pothole')).toContain(done.reference);
    expect(count(north, 'SELECT count(*) FROM sync_parked_rows')).toBe(0);
    // It is live work again: a purge leaves it.
    expect(caseIds(north)).toContain(done.id);
    await purgeSyncedCases(north.db, { olderThanDays: 365, now: NOW + 400 * DAY });
    expect(caseIds(north)).toContain(done.id);
  }, 60_000);
});
