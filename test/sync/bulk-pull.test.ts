import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId, type Case } from '../../shared/domain';
import { openDeskRuntime } from '../../main/core/desk-runtime';
import type { WritableDb } from '../../main/core/db/connection';
import { bulkPullUnderway } from '../../main/core/sync/bulk-pull';
import { deskDigest } from '../../main/core/sync/digest';
import { pullChanges, pushOutbox, SyncStopped } from '../../main/core/sync/sync-cycle';
import { LEAD, openTestDesk, type TestDesk } from '../helpers/desk';
import { deskSession, valueOf } from '../helpers/desk-session';
import { api, seedTenant, startTestServer, type SeededDesk, type SeededTenant, type TestServer } from '../helpers/server';

/**
 * A desk's first pull of more than a page fills the rows first and builds the secondary indexes
 * and search entries afterwards (main/core/sync/bulk-pull.ts). The desk must end exactly as one
 * that pulled row by row, and a desk closed in the middle must finish the job when it next starts.
 */
let server: TestServer;
let tenant: SeededTenant;
const desks: TestDesk[] = [];
const CASES = 60;
const PAGE = 20;

beforeAll(async () => {
  server = await startTestServer();
  tenant = await seedTenant(server);
  const author = openTestDesk({ deskCode: tenant.desks[0].code, agent: LEAD });
  desks.push(author);
  for (let i = 0; i < CASES; i++) {
    const created = author.call('createCase', {
      id: newId(),
      channel: 'phone',
      kind: 'information',
      serviceCode: 'general-information',
      caller: { anonymous: false, name: `Caller Number${i}`, phone: `403-555-${String(1000 + i)}` },
      location: i % 2 === 0 ? { addressText: `${100 + i} 3 Ave S`, lat: 49.69, lng: -112.84 } : null,
      answers: {},
      description: `Question about topic${i}`,
    });
    if (!created.ok) throw new Error(created.error.message);
    const id = valueOf<Case>(created).id;
    if (i % 3 === 0) author.call('addNote', { caseId: id, body: `first remark${i}` });
    if (i % 6 === 0) author.call('addNote', { caseId: id, body: `second remark${i}` });
    if (i % 5 === 0) author.call('updateCase', { id, expectedVersion: valueOf<{ case: Case }>(author.call('getCase', { id })).case.version, changes: { description: `Rewritten wording${i}` } });
  }
  await pushOutbox(session(author.db, tenant.desks[0]));
}, 120_000);

afterAll(async () => {
  for (const desk of desks) desk.close();
  await server?.close();
});



const session = (db: WritableDb, desk: SeededDesk, stopped?: () => boolean) => deskSession(server, tenant, db, desk, stopped);

const indexesOf = (db: WritableDb) => db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name").all();
const searchEntriesOf = (db: WritableDb) =>
  db.prepare('SELECT rowid, reference, caller_name, caller_phone, address, description, trim(notes) AS notes FROM cases_search ORDER BY rowid').all();
const found = (desk: TestDesk, query: string) => valueOf<{ items: { reference: string }[] }>(desk.call('searchCases', { query })).items.map((c) => c.reference);

async function serverDigest(desk: SeededDesk): Promise<string> {
  return (await api<{ digest: string }>(server.url, '/sync/digest', { token: desk.token })).body.digest;
}

describe('a desk’s first pull in bulk', () => {
  it('ends with the same indexes, search entries and data as a desk that pulled row by row', async () => {
    const south = tenant.desks[1];
    const rowByRow = openTestDesk({ deskCode: south.code });
    const bulk = openTestDesk({ deskCode: south.code });
    desks.push(rowByRow, bulk);

    await pullChanges(session(rowByRow.db, south), 5_000); // one page: the row-by-row path
    await pullChanges(session(bulk.db, south), PAGE);

    expect(bulkPullUnderway(bulk.db)).toBe(false);
    expect(indexesOf(bulk.db)).toEqual(indexesOf(rowByRow.db));
    expect(searchEntriesOf(bulk.db)).toEqual(searchEntriesOf(rowByRow.db));
    expect(searchEntriesOf(bulk.db)).toHaveLength(CASES);
    expect(found(bulk, 'remark12')).toHaveLength(1); // a note
    expect(found(bulk, 'Rewritten wording10')).toHaveLength(1); // an edit after the case was created
    expect(found(bulk, '5551042')).toHaveLength(1); // the phone's last seven digits
    const digest = await serverDigest(south);
    expect(deskDigest(bulk.db).digest).toBe(digest);
    expect(deskDigest(rowByRow.db).digest).toBe(digest);
  }, 60_000);

  it('leaves the desk usable when closed midway, and finishes at the next start', async () => {
    const south = tenant.desks[1];
    const desk = openTestDesk({ deskCode: south.code, agent: LEAD });
    desks.push(desk);
    let pages = 0;
    const stopping = session(desk.db, south, () => pages >= 2);
    const countPages = stopping.api.pull.bind(stopping.api);
    stopping.api.pull = async (...args) => {
      const page = await countPages(...args);
      pages += 1;
      return page;
    };
    await expect(pullChanges(stopping, PAGE)).rejects.toBeInstanceOf(SyncStopped);

    expect(bulkPullUnderway(desk.db)).toBe(true);
    expect(indexesOf(desk.db).map((i) => (i as { name: string }).name)).not.toContain('cases_by_status');
    const pulled = desk.db.prepare('SELECT id, reference, caller_name AS callerName, version FROM cases ORDER BY seq LIMIT 1').get() as {
      id: string;
      reference: string;
      callerName: string;
      version: number;
    };
    // Reports work without the indexes they name; search does not know the pulled cases yet.
    expect((await desk.call('periodReport', { from: '2026-01-01', to: '2026-12-31' })).ok).toBe(true);
    expect(found(desk, pulled.callerName)).toEqual([]);
    // The specialist edits a pulled case meanwhile: the later rebuild must keep the edit.
    expect(desk.call('updateCase', { id: pulled.id, expectedVersion: pulled.version, changes: { description: 'Edited while filling' } }).ok).toBe(true);
    expect(desk.call('addNote', { caseId: pulled.id, body: 'Noted while filling' }).ok).toBe(true);
    desk.db.close();

    // The next start builds what is missing, in the background.
    const runtime = openDeskRuntime({ dataDir: desk.dir, sync: false, maintenanceIntervalMs: 0, integrityCheckDelayMs: 3_600_000 });
    try {
      for (let i = 0; i < 100 && bulkPullUnderway(runtime.db); i++) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(bulkPullUnderway(runtime.db)).toBe(false);
      expect(indexesOf(runtime.db).map((i) => (i as { name: string }).name)).toContain('cases_by_status');
      const agent = runtime.call('createAgent', { name: 'Ana Again', role: 'specialist' });
      runtime.call('signIn', { agentId: valueOf<{ id: string }>(agent).id });
      const search = (query: string) => valueOf<{ items: { reference: string }[] }>(runtime.call('searchCases', { query })).items.map((c) => c.reference);
      expect(search('Edited while filling')).toEqual([pulled.reference]);
      expect(search('Noted while filling')).toEqual([pulled.reference]);
      expect(search(pulled.callerName)).toEqual([pulled.reference]);

      // The rest of the pull (row by row now) and the edits' push bring it level with the server.
      const resumed = session(runtime.db, south);
      await pullChanges(resumed, PAGE);
      expect(bulkPullUnderway(runtime.db)).toBe(false);
      expect(runtime.db.prepare('SELECT count(*) FROM cases_search').pluck().get()).toBe(CASES);
      await pushOutbox(resumed);
      await pullChanges(resumed, PAGE);
      expect(deskDigest(runtime.db).digest).toBe(await serverDigest(south));
    } finally {
      runtime.close();
    }
  }, 60_000);
});
