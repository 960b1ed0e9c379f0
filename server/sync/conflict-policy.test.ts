import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConflictListSchema, type Conflict, type SyncedCase } from '../../shared/sync';
import { api, foldRows, pullAll, push, type SeededDesk, type SeededTenant, seedTenant, SERVER_START_TIMEOUT_MS, startTestServer, type TestServer } from '../../test/helpers/server';
import { createCase, deleteCase, makeCase, pushed, transition, updateCase } from '../testing/fixtures';

/**
 * The conflict policy end to end: pushes from two desks through HTTP, results read back by pull.
 * Each desk keeps its own mutation counter here, as its outbox would.
 */
let server: TestServer;
let seed: SeededTenant;
const nextId = new Map<string, number>();

beforeAll(async () => {
  server = await startTestServer();
  seed = await seedTenant(server);
}, SERVER_START_TIMEOUT_MS);
afterAll(() => server?.close());

let sequence = 0;
const send = (desk: SeededDesk, mutations: Parameters<typeof pushed>[1][], actorId?: string) =>
  push(
    server,
    desk,
    mutations.map((mutation) => {
      const id = (nextId.get(desk.code) ?? 0) + 1;
      nextId.set(desk.code, id);
      return pushed(id, mutation, actorId ? { actorId } : {});
    }),
  );

async function newCase(overrides: Partial<SyncedCase> = {}) {
  const c = makeCase(seed.desks[0].code, ++sequence, overrides);
  await send(seed.desks[0], [createCase(c)]);
  return c;
}
const serverCase = async (id: string) => foldRows((await pullAll(server, seed.desks[0])).rows).cases.get(id)!;
const conflictsFor = async (token: string) => ConflictListSchema.parse((await api(server.url, '/sync/conflicts', { token })).body).conflicts;

describe('plain fields', () => {
  it('last writer wins per field, with a conflict only where the writer had not seen the value', async () => {
    const [north, south] = seed.desks;
    const c = await newCase({ priority: 'normal', description: 'first words' });
    await send(north, [updateCase(c.id, { priority: 'normal' }, { priority: 'high' })]);
    const response = await send(south, [updateCase(c.id, { priority: 'normal', description: 'first words' }, { priority: 'urgent', description: 'better words' })]);
    expect(response.results).toEqual([{ mutationId: expect.any(Number), outcome: 'applied', conflicts: 1 }]);

    const stored = await serverCase(c.id);
    expect(stored.case).toMatchObject({ priority: 'urgent', description: 'better words' });
    const recorded = (await conflictsFor(seed.admin.token)).filter((conflict) => conflict.caseId === c.id);
    expect(recorded).toEqual([
      {
        id: expect.any(String),
        caseId: c.id,
        reference: c.reference,
        field: 'priority',
        deskCode: south.code,
        mutationId: response.results[0]!.mutationId,
        seen: 'normal',
        overwritten: 'high',
        written: 'urgent',
        at: expect.any(String),
      } satisfies Conflict,
    ]);
  });

  it('records no conflict when the writer saw the current value', async () => {
    const c = await newCase({ priority: 'normal' });
    const response = await send(seed.desks[1], [updateCase(c.id, { priority: 'normal' }, { priority: 'low' })]);
    expect(response.results[0]).toMatchObject({ outcome: 'applied', conflicts: 0 });
  });
});

describe('status', () => {
  const startWork = (id: string) => transition(id, 'START_WORK', ['new', 0, 0], ['in_progress', 0, 2]);
  const resolve = (id: string) => transition(id, 'RESOLVE', ['new', 0, 0], ['resolved', 0, 3], 'answered on the phone');

  it.each([
    ['start-work first', true],
    ['resolve first', false],
  ])('resolves to the highest (epoch, rank) whatever the arrival order (%s)', async (_, startFirst) => {
    const [north, south] = seed.desks;
    const c = await newCase();
    if (startFirst) {
      await send(north, [startWork(c.id)]);
      await send(south, [resolve(c.id)]);
    } else {
      await send(south, [resolve(c.id)]);
      await send(north, [startWork(c.id)]);
    }
    expect((await serverCase(c.id)).case).toMatchObject({ status: 'resolved', statusEpoch: 0, statusRank: 3, resolutionNote: 'answered on the phone' });
  });

  it.each([
    ['close first', true],
    ['reopen first', false],
  ])('a reopen (new epoch) beats a concurrent close (%s)', async (_, closeFirst) => {
    const [north, south] = seed.desks;
    const c = await newCase({ status: 'resolved', statusRank: 3, resolutionNote: 'done' });
    const close = () => send(north, [transition(c.id, 'CLOSE', ['resolved', 0, 3], ['closed', 0, 4])], seed.lead.user.id);
    const reopen = () => send(south, [transition(c.id, 'REOPEN', ['resolved', 0, 3], ['open', 1, 1], 'caller rang back')]);
    if (closeFirst) {
      await close();
      await reopen();
    } else {
      await reopen();
      await close();
    }
    expect((await serverCase(c.id)).case).toMatchObject({ status: 'open', statusEpoch: 1, statusRank: 1 });
  });
});

describe('soft delete', () => {
  it('wins over a later edit, which is accepted and ignored', async () => {
    const [north, south] = seed.desks;
    const c = await newCase({ description: 'before' });
    await send(north, [deleteCase(c.id)], seed.lead.user.id);
    const edit = await send(south, [updateCase(c.id, { description: 'before' }, { description: 'after' })]);
    expect(edit.results[0]?.outcome).toBe('applied');
    const stored = await serverCase(c.id);
    expect(stored.deleted).toBe(true);
    expect(stored.case.description).toBe('before');
  });

  it('wins over an earlier edit too', async () => {
    const [north, south] = seed.desks;
    const c = await newCase({ description: 'before' });
    await send(south, [updateCase(c.id, { description: 'before' }, { description: 'after' })]);
    await send(north, [deleteCase(c.id)], seed.lead.user.id);
    expect(await serverCase(c.id)).toMatchObject({ deleted: true, case: { description: 'after' } });
  });

  it('is refused to a specialist', async () => {
    const c = await newCase();
    const response = await send(seed.desks[0], [deleteCase(c.id)], seed.specialist.user.id);
    expect(response.results[0]).toMatchObject({ outcome: 'rejected', reason: 'deleting a case needs the lead role' });
    expect((await serverCase(c.id)).deleted).toBe(false);
  });
});

describe('GET /sync/conflicts', () => {
  it('shows a lead the conflicts of their team’s desks, an admin all of them', async () => {
    const [north, south] = seed.desks;
    const c = await newCase({ priority: 'normal' });
    await send(south, [updateCase(c.id, { priority: 'normal' }, { priority: 'high' })]);
    await send(north, [updateCase(c.id, { priority: 'normal' }, { priority: 'low' })]); // north overwrites unseen 'high'
    await send(south, [updateCase(c.id, { priority: 'high' }, { priority: 'urgent' })]); // south overwrites unseen 'low'

    const forAdmin = (await conflictsFor(seed.admin.token)).filter((conflict) => conflict.caseId === c.id);
    const forLead = (await conflictsFor(seed.lead.token)).filter((conflict) => conflict.caseId === c.id);
    expect(forAdmin.map((conflict) => conflict.deskCode).sort()).toEqual([north.code, south.code]);
    expect(forLead.map((conflict) => conflict.deskCode)).toEqual([north.code]);
  });

  it('is refused to a specialist and to a desk with 403', async () => {
    for (const token of [seed.specialist.token, seed.desks[0].token]) {
      const response = await api(server.url, '/sync/conflicts', { token });
      expect(response.status).toBe(403);
    }
  });
});
