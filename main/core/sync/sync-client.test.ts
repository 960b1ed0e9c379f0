import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../../../shared/domain';
import type { PullResponse, PushRequest, PushResponse } from '../../../shared/sync';
import { openTestDesk, type TestDesk } from '../../../test/helpers/desk';
import { connectionRefused, errorResponse, jsonResponse, scriptedServer } from '../../../test/helpers/scripted-server';
import { backoffDelay } from './backoff';
import { deskDigest } from './digest';
import { SyncClient, type SyncClock } from './sync-client';
import { writeSyncSettings } from './sync-store';

/** Timers that fire only when the test says so. */
function manualClock(random = () => 0.5) {
  let now = Date.parse('2026-11-27T15:30:00Z');
  const timers = new Set<{ run: () => void; ms: number }>();
  const clock: SyncClock = {
    now: () => now,
    setTimeout: (run, ms) => {
      const timer = { run, ms };
      timers.add(timer);
      return timer;
    },
    clearTimeout: (handle) => timers.delete(handle as { run: () => void; ms: number }),
    random,
  };
  return {
    clock,
    /** Delays of the timers waiting now. */
    pending: () => [...timers].map((t) => t.ms),
    /** Fires the one waiting timer and lets the run it starts finish. */
    async fire(client: SyncClient) {
      const [timer] = timers;
      if (!timer) throw new Error('no timer is waiting');
      timers.delete(timer);
      now += timer.ms;
      timer.run();
      await settle(client);
    },
  };
}

const settle = async (client: SyncClient) => {
  for (let i = 0; i < 50 && client.state().syncing; i++) await new Promise((resolve) => setTimeout(resolve, 1));
};

const json = jsonResponse;
const error = errorResponse;
const scripted = (answer: (method: string, path: string, body: unknown, token: string | undefined) => Response | Promise<Response>) =>
  scriptedServer((r) => answer(r.method, r.path, r.body, r.token));

const deskToken = (n: number) => json(200, { token: `desk-token-${n}`, expiresAt: '2026-11-27T16:30:00.000Z', deskCode: 'D07', team: null });
const emptyPull = (lastMutationId = 0): PullResponse => ({ rows: [], cursor: 0, hasMore: false, lastMutationId });

let desk: TestDesk;
beforeEach(() => {
  desk = openTestDesk({ deskCode: 'D07' });
  writeSyncSettings(desk.db, { serverUrl: 'http://sync.test:8080', tenant: 'lethbridge', deskSecret: 'a-desk-secret-of-some-length' });
});
afterEach(() => desk.close());

const createSomeCase = () =>
  desk.call('createCase', {
    id: newId(),
    channel: 'phone',
    kind: 'information',
    serviceCode: 'general-information',
    caller: { anonymous: true },
    location: null,
    answers: {},
    description: 'Asked about recycling days',
  });

describe('backoff', () => {
  it('is exponential with full jitter, capped at a minute', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 12].map((n) => backoffDelay(n, () => 0.999999))).toEqual([999, 1999, 3999, 7999, 15999, 31999, 59999, 59999, 59999]);
    expect(backoffDelay(3, () => 0)).toBe(0);
    expect(backoffDelay(3, () => 0.5)).toBe(2000);
  });
});

describe('the sync client', () => {
  it('syncs the cases even when the knowledge base cannot be pulled, and says so in the log', async () => {
    const server = scripted((method, path) => {
      if (path === '/health') return json(200, { ok: true });
      if (path === '/auth/desk') return deskToken(1);
      if (path === '/sync/push') return json(200, { lastMutationId: 1, results: [{ mutationId: 1, outcome: 'applied', conflicts: 0 }], gapAt: null } satisfies PushResponse);
      return json(200, emptyPull(1));
    });
    const failingKb: typeof server.fetch = (url, init) => (url.includes('/kb/pull') ? Promise.resolve(errorResponse(500, 'internal', 'disk full')) : server.fetch(url, init));
    const logged: string[] = [];
    const time = manualClock();
    const client = new SyncClient({ db: desk.db, deskCode: () => 'D07', fetch: failingKb, clock: time.clock, idleIntervalMs: 20_000, log: (message) => logged.push(message) });
    createSomeCase();
    client.start();
    await time.fire(client);
    expect(client.state()).toMatchObject({ online: true, pendingMutations: 0, lastError: null, lastSuccessAt: expect.any(Number) });
    expect(logged).toEqual([expect.stringMatching(/^sync: the knowledge base: .*was not brought up to date; the next sync tries again$/)]);
    expect(server.referenceRequests).toEqual(['GET /addresses/changes']); // the address list is still pulled
    client.stop();
  });

  it('waits for the server to answer, backing off with jitter, and syncs once it does', async () => {
    let up = false;
    const server = scripted((method, path) => {
      if (!up) connectionRefused();
      if (path === '/health') return json(200, { ok: true });
      if (path === '/auth/desk') return deskToken(1);
      if (path === '/sync/push') return json(200, { lastMutationId: 1, results: [{ mutationId: 1, outcome: 'applied', conflicts: 0 }], gapAt: null } satisfies PushResponse);
      return json(200, emptyPull(1));
    });
    const time = manualClock();
    const client = new SyncClient({ db: desk.db, deskCode: () => 'D07', fetch: server.fetch, clock: time.clock, idleIntervalMs: 20_000 });
    createSomeCase();
    client.start();
    const delays: number[] = [];
    for (let i = 0; i < 8; i++) {
      await time.fire(client);
      delays.push(...time.pending());
    }
    expect(delays).toEqual([500, 1000, 2000, 4000, 8000, 16000, 30000, 30000]);
    expect(client.state()).toMatchObject({ configured: true, online: false, pendingMutations: 1, lastError: expect.stringMatching(/did not answer .*ECONNREFUSED/) });
    up = true;
    await time.fire(client);
    expect(client.state()).toMatchObject({ online: true, pendingMutations: 0, lastError: null, lastSuccessAt: expect.any(Number) });
    expect(time.pending()).toEqual([20_000]);
    expect(server.requests.slice(-4)).toEqual(['GET /health', 'POST /auth/desk', 'POST /sync/push', 'GET /sync/pull']);
    client.stop();
  });

  it('"sync now" forgets the back-off and runs at once', async () => {
    let up = false;
    const server = scripted((_method, path) => {
      if (!up) throw new TypeError('fetch failed');
      return path === '/auth/desk' ? deskToken(1) : json(200, path === '/health' ? {} : emptyPull());
    });
    const time = manualClock(() => 0.99);
    const client = new SyncClient({ db: desk.db, deskCode: () => 'D07', fetch: server.fetch, clock: time.clock });
    client.start();
    for (let i = 0; i < 5; i++) await time.fire(client);
    expect(time.pending()[0]).toBeGreaterThan(15_000);
    up = true;
    expect(await client.syncNow()).toMatchObject({ online: true, lastError: null });
    client.stop();
  });

  it('pushes soon after a local change when online', async () => {
    const server = scripted((_method, path, body) => {
      if (path === '/auth/desk') return deskToken(1);
      if (path === '/sync/push') {
        const last = (body as PushRequest).mutations.at(-1)!.mutationId;
        return json(200, { lastMutationId: last, results: [], gapAt: null } satisfies PushResponse);
      }
      return json(200, path === '/health' ? {} : emptyPull());
    });
    const time = manualClock();
    const client = new SyncClient({ db: desk.db, deskCode: () => 'D07', fetch: server.fetch, clock: time.clock, idleIntervalMs: 30_000, afterChangeMs: 800 });
    await client.syncNow();
    expect(time.pending()).toEqual([30_000]);
    createSomeCase();
    client.localChange();
    expect(time.pending()).toEqual([800]);
    await time.fire(client);
    expect(client.state().pendingMutations).toBe(0);
    client.stop();
  });

  it('signs the desk in again, once, when the server refuses its token', async () => {
    let signIns = 0;
    const server = scripted((_method, path, _body, token) => {
      if (path === '/auth/desk') return deskToken(++signIns);
      if (path === '/health') return json(200, {});
      if (token !== `desk-token-${signIns}` || signIns < 2) return error(401, 'unauthorized', 'token expired');
      return json(200, emptyPull());
    });
    const time = manualClock();
    const client = new SyncClient({ db: desk.db, deskCode: () => 'D07', fetch: server.fetch, clock: time.clock });
    expect(await client.syncNow()).toMatchObject({ lastError: null });
    expect(signIns).toBe(2);
    client.stop();
  });

  it('reports a refused desk secret in words, and backs off', async () => {
    const server = scripted((_method, path) => (path === '/health' ? json(200, {}) : error(401, 'unauthorized', 'unknown desk or wrong secret')));
    const time = manualClock();
    const client = new SyncClient({ db: desk.db, deskCode: () => 'D07', fetch: server.fetch, clock: time.clock });
    const state = await client.syncNow();
    expect(state.lastError).toMatch(/refused this desk's credentials \(desk D07\): check the tenant, desk code and desk secret/);
    expect(time.pending()).toEqual([500]);
    client.stop();
  });

  it('stops and says "update required" when the server answers 426', async () => {
    const server = scripted((_method, path) => {
      if (path === '/health') return json(200, {});
      if (path === '/auth/desk') return deskToken(1);
      return error(426, 'update_required', 'schema version 1 is no longer accepted; this server accepts 3 and 4');
    });
    const time = manualClock();
    const client = new SyncClient({ db: desk.db, deskCode: () => 'D07', fetch: server.fetch, clock: time.clock });
    createSomeCase();
    const state = await client.syncNow();
    expect(state).toMatchObject({ updateRequired: true, pendingMutations: 1, lastError: expect.stringMatching(/^Update required: .*Install the latest version/) });
    expect(time.pending()).toEqual([]);
    client.localChange();
    expect(time.pending()).toEqual([]);
    client.stop();
  });

  it('records mutations the server rejected, drops them from the outbox, and takes the server’s copy back', async () => {
    const server = scripted((_method, path, body) => {
      if (path === '/health') return json(200, {});
      if (path === '/auth/desk') return deskToken(1);
      if (path === '/sync/push') {
        const ids = (body as PushRequest).mutations.map((m) => m.mutationId);
        return json(200, { lastMutationId: Math.max(...ids), results: ids.map((mutationId) => ({ mutationId, outcome: 'rejected', reason: 'no such service type', conflicts: 0 })), gapAt: null });
      }
      return json(200, emptyPull());
    });
    const client = new SyncClient({ db: desk.db, deskCode: () => 'D07', fetch: server.fetch, clock: manualClock().clock });
    createSomeCase();
    expect(await client.syncNow()).toMatchObject({ pendingMutations: 0, lastError: null });
    expect(desk.db.prepare('SELECT name, reason FROM sync_rejections').all()).toEqual([{ name: 'createCase', reason: 'no such service type' }]);
    // Its audit event stays on the desk, withdrawn from the synced data the digest covers.
    expect(desk.db.prepare('SELECT count(*) FROM case_events').pluck().get()).toBe(1);
    expect(deskDigest(desk.db).events).toBe(0);
    client.stop();
  });

  it('is idle and unconfigured without sync settings', async () => {
    desk.db.prepare('UPDATE sync_state SET server_url = NULL').run();
    const server = scripted(() => json(200, {}));
    const client = new SyncClient({ db: desk.db, deskCode: () => 'D07', fetch: server.fetch, clock: manualClock().clock });
    expect(await client.syncNow()).toMatchObject({ configured: false, online: false });
    expect(server.requests).toEqual([]);
    client.stop();
  });

  it('settles a mutation whose answer was lost: applied if its event comes back in a pull, rejected and withdrawn if not', async () => {
    // A server that commits every push, loses the first answer to each, and sends events back only while `applies` holds.
    let applies = true;
    let answerLost = true;
    let lastMutationId = 0;
    const events: PullResponse['rows'] = [];
    const server = scripted((_method, path, body) => {
      if (path === '/health') return json(200, {});
      if (path === '/auth/desk') return deskToken(1);
      if (path === '/sync/push') {
        const { mutations } = body as PushRequest;
        const fresh = mutations.filter((m) => m.mutationId > lastMutationId);
        for (const m of fresh) if (applies) events.push({ type: 'event', version: events.length + 1, event: m.event! });
        lastMutationId = Math.max(lastMutationId, ...mutations.map((m) => m.mutationId));
        if (answerLost) {
          answerLost = false;
          throw new TypeError('fetch failed', { cause: new Error('answer lost after commit') });
        }
        return json(200, { lastMutationId, results: mutations.map((m) => ({ mutationId: m.mutationId, outcome: 'duplicate', conflicts: 0 })), gapAt: null });
      }
      return json(200, { rows: events, cursor: events.length, hasMore: false, lastMutationId } satisfies PullResponse);
    });
    const client = new SyncClient({ db: desk.db, deskCode: () => 'D07', fetch: server.fetch, clock: manualClock().clock });
    const count = (table: string) => desk.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get();

    createSomeCase();
    expect((await client.syncNow()).lastError).toMatch(/answer lost after commit/);
    expect(await client.syncNow()).toMatchObject({ pendingMutations: 0, lastError: null });
    expect([count('sync_unconfirmed'), count('sync_rejections')]).toEqual([0, 0]);

    applies = false;
    answerLost = true;
    createSomeCase();
    expect((await client.syncNow()).lastError).toMatch(/answer lost after commit/);
    expect(await client.syncNow()).toMatchObject({ pendingMutations: 0, lastError: null });
    expect(desk.db.prepare('SELECT mutation_id, reason FROM sync_rejections').all()).toEqual([{ mutation_id: 2, reason: expect.stringMatching(/rejected by the server/) }]);
    expect(count('sync_unconfirmed')).toBe(0);
    expect(deskDigest(desk.db).events).toBe(1);
    client.stop();
  });
});
