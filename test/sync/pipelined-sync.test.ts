import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../shared/domain';
import { PUSH_BATCH_MAX, type PushResponse } from '../../shared/sync';
import { deskDigest } from '../../main/core/sync/digest';
import { ServerApi } from '../../main/core/sync/server-api';
import { pullChanges, pushOutbox, type SyncSession } from '../../main/core/sync/sync-cycle';
import { openTestDesk, type TestDesk } from '../helpers/desk';
import { api, seedTenant, startTestServer, type SeededTenant, type TestServer } from '../helpers/server';

/**
 * Two push batches are in flight at once, and the next pull page is fetched while one is applied.
 * Here the network holds the first batch back so the second overtakes it: the server stops the
 * second at the gap, and the desk must still end with every mutation applied exactly once.
 */
let server: TestServer;
let tenant: SeededTenant;
const desks: TestDesk[] = [];

beforeAll(async () => {
  server = await startTestServer();
  tenant = await seedTenant(server);
}, 120_000);
afterAll(async () => {
  for (const desk of desks) desk.close();
  await server?.close();
});

function logCases(desk: TestDesk, count: number): void {
  for (let i = 0; i < count; i++) {
    const created = desk.call('createCase', {
      id: newId(),
      channel: 'phone',
      kind: 'information',
      serviceCode: 'general-information',
      caller: { anonymous: false, name: `Caller ${i}`, phone: '403-555-0100' },
      location: null,
      answers: {},
      description: `Question ${i}`,
    });
    if (!created.ok) throw new Error(created.error.message);
  }
}

interface PushSeen {
  first: number;
  lastMutationId: number;
}

/** A session whose network delays the first push request by `holdFirstMs`, and notes every push answer. */
function sessionOf(desk: TestDesk, code: string, secret: string, holdFirstMs: number, seen: PushSeen[]): SyncSession {
  let pushes = 0;
  const fetchThrough: typeof fetch = async (url, init) => {
    const isPush = String(url).endsWith('/sync/push');
    if (isPush && pushes++ === 0) await new Promise((resolve) => setTimeout(resolve, holdFirstMs));
    const response = await fetch(url, init);
    if (isPush) {
      const body = (await response.clone().json()) as PushResponse;
      const sent = JSON.parse(String(init?.body)) as { mutations: { mutationId: number }[] };
      seen.push({ first: sent.mutations[0]!.mutationId, lastMutationId: body.lastMutationId });
    }
    return response;
  };
  return {
    db: desk.db,
    api: new ServerApi(server.url, fetchThrough),
    settings: { serverUrl: server.url, tenant: tenant.tenant, deskSecret: secret },
    deskCode: code,
    now: Date.now,
    token: { value: null },
    isStopped: () => false,
  };
}

describe('pipelined push and pull', () => {
  it('apply every mutation exactly once even when a later batch overtakes an earlier one', async () => {
    const [north, south] = tenant.desks;
    const pusher = openTestDesk({ deskCode: north.code });
    desks.push(pusher);
    const count = PUSH_BATCH_MAX * 2 + 37;
    logCases(pusher, count);
    const seen: PushSeen[] = [];
    const acknowledged = await pushOutbox(sessionOf(pusher, north.code, north.secret, 400, seen));

    expect(acknowledged).toBe(count);
    expect((pusher.db.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n).toBe(0);
    // The held-back first batch was overtaken: the server answered the second one with a gap.
    expect(seen.some((answer) => answer.lastMutationId < answer.first - 1)).toBe(true);
    const desksOnServer = await api<{ desks: { code: string; lastMutationId: number }[] }>(server.url, '/admin/desks', { token: tenant.admin.token });
    expect(desksOnServer.body.desks.find((d) => d.code === north.code)?.lastMutationId).toBe(count);

    // Another desk pulls it all in small pages, fetched ahead of applying: it ends equal to the server.
    const puller = openTestDesk({ deskCode: south.code });
    desks.push(puller);
    const pulled = await pullChanges(sessionOf(puller, south.code, south.secret, 0, []), 100);
    expect(pulled).toBe(count * 2); // each case and its created event
    const digest = await api<{ digest: string }>(server.url, '/sync/digest', { token: south.token });
    expect(deskDigest(puller.db).digest).toBe(digest.body.digest);
    expect(deskDigest(pusher.db).digest).toBe(digest.body.digest);
  }, 120_000);
});
