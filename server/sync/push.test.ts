import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCEPTED_SCHEMA_VERSIONS, MAX_BODY_BYTES, MUTATION_SCHEMA_VERSION, SyncErrorSchema } from '../../shared/sync';
import { createDesk } from '..';
import { api, foldRows, pullAll, push, type SeededDesk, type SeededTenant, seedTenant, SERVER_START_TIMEOUT_MS, signInDesk, startTestServer, type TestServer } from '../../test/helpers/server';
import { newId } from '../../shared/domain';
import { addNote, createCase, makeCase, makeEvent, makeNote, pushed, pushRequest, transition } from '../testing/fixtures';

let server: TestServer;
let seed: SeededTenant;
/** Each test pushes as its own fresh desk, so mutation ids start at 1 and tests stay independent. */
let deskCounter = 0;

beforeAll(async () => {
  server = await startTestServer();
  seed = await seedTenant(server);
}, SERVER_START_TIMEOUT_MS);
afterAll(() => server?.close());

async function freshDesk(): Promise<SeededDesk> {
  const code = `P${String(++deskCounter).padStart(2, '0')}`;
  const desk = await createDesk(server.server.db, seed.tenant, { code, team: 'north' });
  return { code, team: 'north', secret: desk.secret, token: await signInDesk(server.url, seed.tenant, code, desk.secret) };
}

const errorOf = (body: unknown) => SyncErrorSchema.parse(body).error;
const casesOf = async (desk: SeededDesk) => foldRows((await pullAll(server, desk)).rows).cases;

describe('push', () => {
  it('applies a batch and acknowledges every id', async () => {
    const desk = await freshDesk();
    const cases = [makeCase(desk.code, 1), makeCase(desk.code, 2)];
    const response = await push(server, desk, [pushed(1, createCase(cases[0]!)), pushed(2, createCase(cases[1]!)), pushed(3, addNote(makeNote(cases[0]!.id, 'called back')))]);
    expect(response).toEqual({
      lastMutationId: 3,
      gapAt: null,
      results: [1, 2, 3].map((mutationId) => ({ mutationId, outcome: 'applied', conflicts: 0 })),
    });
    const pulled = foldRows((await pullAll(server, desk)).rows);
    expect(pulled.cases.get(cases[0]!.id)?.case.reference).toBe(cases[0]!.reference);
    expect(pulled.cases.get(cases[0]!.id)?.case).not.toHaveProperty('version');
    expect(pulled.notes.size).toBe(1);
  });

  it('is idempotent: the same batch twice gives duplicates and one case', async () => {
    const desk = await freshDesk();
    const batch = [pushed(1, createCase(makeCase(desk.code, 1)))];
    await push(server, desk, batch);
    const again = await push(server, desk, batch);
    expect(again).toEqual({ lastMutationId: 1, gapAt: null, results: [{ mutationId: 1, outcome: 'duplicate', conflicts: 0 }] });
    expect([...(await casesOf(desk)).values()].filter((row) => row.case.deskCode === desk.code)).toHaveLength(1);
  });

  it('stops at a gap and applies nothing from it on', async () => {
    const desk = await freshDesk();
    const first = makeCase(desk.code, 1);
    const later = makeCase(desk.code, 3);
    const response = await push(server, desk, [pushed(1, createCase(first)), pushed(3, createCase(later)), pushed(4, createCase(makeCase(desk.code, 4)))]);
    expect(response.gapAt).toBe(3);
    expect(response.lastMutationId).toBe(1);
    expect(response.results.map((r) => r.mutationId)).toEqual([1]);
    const cases = await casesOf(desk);
    expect(cases.has(first.id)).toBe(true);
    expect(cases.has(later.id)).toBe(false);
  });

  it('records a permanent rejection with its reason and still advances the id', async () => {
    const desk = await freshDesk();
    const stranger = makeCase('D77', 1);
    const missing = makeCase(desk.code, 9);
    const response = await push(server, desk, [
      pushed(1, createCase(stranger)),
      pushed(2, addNote(makeNote(missing.id, 'no such case'))),
      pushed(3, createCase(makeCase(desk.code, 3))),
    ]);
    expect(response.lastMutationId).toBe(3);
    expect(response.results).toEqual([
      { mutationId: 1, outcome: 'rejected', reason: expect.stringContaining('belongs to desk D77'), conflicts: 0 },
      { mutationId: 2, outcome: 'rejected', reason: `case ${missing.id} does not exist`, conflicts: 0 },
      { mutationId: 3, outcome: 'applied', conflicts: 0 },
    ]);
    const recorded = await server.server.db.query<{ mutation_id: number; reason: string }>(
      'SELECT mutation_id, reason FROM rejected_mutations WHERE tenant = $1 AND desk_code = $2 ORDER BY mutation_id',
      [seed.tenant, desk.code],
    );
    expect(recorded.map((r) => r.mutation_id)).toEqual([1, 2]);
    // Pushing them again is a duplicate, not a second rejection.
    expect((await push(server, desk, [pushed(1, createCase(stranger))])).results[0]?.outcome).toBe('duplicate');
    expect((await pullAll(server, desk)).lastMutationId).toBe(3);
  });

  it('rejects a contact or an article link that does not carry its own event, which is all it records', async () => {
    const desk = await freshDesk();
    const theCase = makeCase(desk.code, 1);
    const contact = { id: newId(), caseId: theCase.id, channel: 'phone', caller: { anonymous: true }, reason: 'repeat_contact', agentId: 'agent-ana', deskCode: desk.code, at: '2026-11-27T15:00:00.000Z', handleTime: { talkMs: 1, holdMs: 0, wrapUpMs: 0 } } as const;
    const link = { caseId: theCase.id, articleId: 'kb-1', title: 'Collection days' };
    const response = await push(server, desk, [
      pushed(1, createCase(theCase)),
      pushed(2, { name: 'addContact', args: { contact } }, { event: null }),
      pushed(3, { name: 'addContact', args: { contact } }, { event: makeEvent(theCase.id, 'contact_added', 'agent-ana', contact.at) }),
      pushed(4, { name: 'linkArticle', args: link }, { event: makeEvent(theCase.id, 'note_added', 'agent-ana', contact.at) }),
      pushed(5, { name: 'addContact', args: { contact } }),
      pushed(6, { name: 'linkArticle', args: link }),
    ]);
    expect(response.results.map((r) => [r.mutationId, r.outcome])).toEqual([
      [1, 'applied'],
      [2, 'rejected'],
      [3, 'rejected'],
      [4, 'rejected'],
      [5, 'applied'],
      [6, 'applied'],
    ]);
    expect(response.results[1]?.reason).toMatch(/must carry its contact_added event/);
    expect(response.results[3]?.reason).toMatch(/must carry its article_linked event/);
  });

  it('takes the role from the signed-in user who made the change', async () => {
    const desk = await freshDesk();
    const c = makeCase(desk.code, 1, { status: 'resolved', statusRank: 3, resolutionNote: 'done' });
    const close = transition(c.id, 'CLOSE', ['resolved', 0, 3], ['closed', 0, 4]);
    const response = await push(server, desk, [
      pushed(1, createCase(c)),
      pushed(2, close, { actorId: seed.specialist.user.id }),
      pushed(3, close, { actorId: seed.lead.user.id }),
    ]);
    expect(response.results.map((r) => r.outcome)).toEqual(['applied', 'rejected', 'applied']);
    expect(response.results[1]?.reason).toMatch(/lead role/);
    expect((await casesOf(desk)).get(c.id)?.case.status).toBe('closed');
  });
});

describe('push refusals', () => {
  const rowCount = async () => (await server.server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM cases WHERE tenant = $1', [seed.tenant]))[0]!.n;

  it('refuses a desk pushing as another desk with 403, applying nothing', async () => {
    const [north, south] = seed.desks;
    const before = await rowCount();
    const response = await api(server.url, '/sync/push', { token: north.token, body: pushRequest(south.code, [pushed(1, createCase(makeCase(south.code, 1)))]) });
    expect(response.status).toBe(403);
    expect(errorOf(response.body).message).toContain(`belongs to desk ${north.code}`);
    expect(await rowCount()).toBe(before);
  });

  it('refuses a user token with 403', async () => {
    const response = await api(server.url, '/sync/push', { token: seed.admin.token, body: pushRequest(seed.desks[0].code, []) });
    expect(response.status).toBe(403);
  });

  it('answers a schema version it does not accept with 426 update_required naming the accepted ones', async () => {
    const desk = seed.desks[0];
    const future = MUTATION_SCHEMA_VERSION + 1;
    // Shaped like nothing this server knows: the version is checked before the body's shape.
    const response = await api(server.url, '/sync/push', { token: desk.token, body: { deskCode: desk.code, schemaVersion: future, mutations: [{ mutationId: 1, schemaVersion: future, whatever: true }] } });
    expect(response.status).toBe(426);
    const error = errorOf(response.body);
    expect(error.code).toBe('update_required');
    expect(error.message).toContain(`version ${future}`);
    expect(error.message).toContain(`accepts only version ${ACCEPTED_SCHEMA_VERSIONS.join(' and ')}`);
  });

  it('refuses a body that is not JSON with 400, applying nothing', async () => {
    const desk = seed.desks[0];
    const before = await rowCount();
    const response = await api(server.url, '/sync/push', { token: desk.token, body: '{"deskCode": "D01", "mutations": [' });
    expect(response.status).toBe(400);
    expect(errorOf(response.body).message).toMatch(/^the request body is not valid JSON/);
    expect(await rowCount()).toBe(before);
  });

  it('names each invalid field of a batch with 400 and applies none of it', async () => {
    const desk = await freshDesk();
    const good = pushed(1, createCase(makeCase(desk.code, 1)));
    const bad = pushed(2, createCase({ ...makeCase(desk.code, 2), reference: 'not-a-reference' }));
    const alsoBad = { ...pushed(3, createCase(makeCase(desk.code, 3))), mutationId: 0 };
    const before = await rowCount();
    const response = await api(server.url, '/sync/push', { token: desk.token, body: pushRequest(desk.code, [good, bad, alsoBad]) });
    expect(response.status).toBe(400);
    const error = errorOf(response.body);
    expect(error.code).toBe('invalid_input');
    expect(error.issues?.map((i) => i.path)).toEqual(['mutations.1.mutation.args.case.reference', 'mutations.2.mutationId']);
    expect(error.message).toContain('mutations.1.mutation.args.case.reference: must look like D07-261127-0042');
    expect(await rowCount()).toBe(before);
    expect((await pullAll(server, desk)).lastMutationId).toBe(0);
  });

  it('refuses an oversized body with 413 by its length and by counting, applying nothing', async () => {
    const desk = seed.desks[0];
    const before = await rowCount();
    const huge = JSON.stringify({ ...pushRequest(desk.code, [pushed(1, createCase(makeCase(desk.code, 1, { description: 'x'.repeat(MAX_BODY_BYTES) })))]) });
    const declared = await api(server.url, '/sync/push', { token: desk.token, body: huge });
    expect(declared.status).toBe(413);
    expect(errorOf(declared.body)).toMatchObject({ code: 'too_large', message: expect.stringContaining('8,388,608 bytes') });
    // Without a Content-Length (chunked): refused once the bytes counted pass the limit.
    const chunked = await fetch(`${server.url}/sync/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${desk.token}`, 'content-type': 'application/json' },
      body: new Blob([huge]).stream(),
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
    expect(await rowCount()).toBe(before);
  });
});
