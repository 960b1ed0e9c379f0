import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, foldRows, pullAll, push, type SeededTenant, seedTenant, SERVER_START_TIMEOUT_MS, startTestServer, type TestServer } from '../../test/helpers/server';
import { createCase, makeCase, pushed, pushRequest } from '../testing/fixtures';
import { migrate, MigrationLedgerError } from './migrate';
import { MIGRATIONS } from './migrations';

let server: TestServer;
let seed: SeededTenant;

beforeAll(async () => {
  server = await startTestServer();
  seed = await seedTenant(server);
}, SERVER_START_TIMEOUT_MS);
afterAll(() => server?.close());

describe('migrations', () => {
  it('records each migration once in the ledger; running again applies nothing', async () => {
    expect(await migrate(server.server.db)).toEqual([]);
    const ledger = await server.server.db.query<{ id: number; name: string }>('SELECT id, name FROM schema_migrations ORDER BY id');
    expect(ledger).toEqual(MIGRATIONS.map(({ id, name }) => ({ id, name })));
  });

  it('refuses an edited migration before touching anything', async () => {
    const edited = MIGRATIONS.map((m, i) => (i === 0 ? { ...m, sql: `${m.sql}\n-- edited` } : m));
    await expect(migrate(server.server.db, edited)).rejects.toThrow(MigrationLedgerError);
    await expect(migrate(server.server.db, edited)).rejects.toThrow(/migration 1 was applied as 'accounts' \(checksum [0-9a-f]{12}…\), but this server has 'accounts' \(checksum/);
  });

  it('refuses a database from a newer server', async () => {
    await expect(migrate(server.server.db, MIGRATIONS.slice(0, 1))).rejects.toThrow(/records migration 2 'sync', which this server does not have/);
  });
});

describe('restarts', () => {
  it('keeps data, cursors and tokens across a restart', async () => {
    const desk = seed.desks[0];
    await push(server, desk, [pushed(1, createCase(makeCase(desk.code, 1)))]);
    const before = await pullAll(server, desk);
    await server.restart();
    // The signing key lives in the database, so a token from before the restart still works.
    const after = await pullAll(server, desk);
    expect(after).toEqual(before);
    expect((await api(server.url, '/health')).status).toBe(200);
  });

  it('finishes or rolls back a push that a restart interrupts; resending it applies each mutation once', async () => {
    const desk = seed.desks[1];
    const batch = Array.from({ length: 300 }, (_, i) => pushed(i + 1, createCase(makeCase(desk.code, i + 1))));
    const inFlight = api(server.url, '/sync/push', { token: desk.token, body: pushRequest(desk.code, batch) }).catch(() => null);
    await new Promise((resolve) => setTimeout(resolve, 30));
    await server.restart();
    const first = await inFlight;
    const resent = await push(server, desk, batch);
    expect(resent.lastMutationId).toBe(300);
    const outcomes = new Set(resent.results.map((r) => r.outcome));
    // Either the first attempt committed (all duplicates now) or it never did (all applied now).
    expect(outcomes.size).toBe(1);
    if (first?.status === 200) expect(outcomes).toEqual(new Set(['duplicate']));
    const mine = [...foldRows((await pullAll(server, desk)).rows).cases.values()].filter((row) => row.case.deskCode === desk.code);
    expect(mine).toHaveLength(300);
  });
});
