import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../shared/domain';
import { DigestResponseSchema, SyncErrorSchema } from '../../shared/sync';
import { api, digestOf, foldRows, pullAll, push, type SeededTenant, seedTenant, SERVER_START_TIMEOUT_MS, startTestServer, type TestServer } from '../../test/helpers/server';
import { addNote, createCase, deleteCase, makeCase, makeNote, pushed, updateCase } from '../testing/fixtures';

let server: TestServer;
let city: SeededTenant;
let other: SeededTenant;

beforeAll(async () => {
  server = await startTestServer();
  city = await seedTenant(server, { tenant: 'lethbridge' });
  other = await seedTenant(server, { tenant: 'medicine-hat', deskCodes: ['D01', 'M02'] });
  const [north, south] = city.desks;
  // 30 cases from one desk, edits and notes from the other, a delete by the lead: rows rewritten across pushes.
  const cases = Array.from({ length: 30 }, (_, i) => makeCase(north.code, i + 1));
  await push(server, north, cases.map((c, i) => pushed(i + 1, createCase(c))));
  await push(server, south, [
    ...cases.slice(0, 10).map((c, i) => pushed(i + 1, updateCase(c.id, { priority: 'normal' }, { priority: 'high' }))),
    ...cases.slice(0, 5).map((c, i) => pushed(i + 11, addNote(makeNote(c.id, `note ${i}`)))),
    pushed(16, deleteCase(cases[29]!.id), { actorId: city.lead.user.id }),
  ]);
  // The other tenant, with a desk of the same code, pushes its own case.
  await push(server, other.desks[0], [pushed(1, createCase(makeCase('D01', 1, { description: 'Medicine Hat only' })))]);
}, SERVER_START_TIMEOUT_MS);
afterAll(() => server?.close());

describe('pull', () => {
  it('pages with a small limit: every row exactly once, cursors only moving forward', async () => {
    const paged = await pullAll(server, city.desks[0], { limit: 7 });
    const versions = paged.rows.map((row) => row.version);
    expect(new Set(versions).size).toBe(versions.length);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    for (let i = 1; i < paged.cursors.length; i++) expect(paged.cursors[i]).toBeGreaterThanOrEqual(paged.cursors[i - 1]!);
    expect(paged.cursors.length).toBeGreaterThan(5);
    // The same rows as one big page.
    const whole = await pullAll(server, city.desks[0]);
    expect(paged.rows).toEqual(whole.rows);
    const { cases, notes, events } = foldRows(whole.rows);
    expect([cases.size, notes.size, events.size]).toEqual([30, 5, 46]);
    expect(whole.rows.filter((row) => row.type === 'case')).toHaveLength(30); // a rewritten case is pulled once, at its latest version
  });

  it('includes tombstones, and edits from another desk', async () => {
    const { cases } = foldRows((await pullAll(server, city.desks[1])).rows);
    const rows = [...cases.values()];
    expect(rows.filter((row) => row.deleted)).toHaveLength(1);
    expect(rows.filter((row) => row.case.priority === 'high')).toHaveLength(10);
  });

  it('answers a cursor at the end with no rows and the same cursor', async () => {
    const { cursor, lastMutationId } = await pullAll(server, city.desks[1]);
    const response = await api(server.url, `/sync/pull?cursor=${cursor}`, { token: city.desks[1].token });
    expect(response.body).toEqual({ rows: [], cursor, hasMore: false, lastMutationId });
    expect(lastMutationId).toBe(16);
  });

  it('answers limit=0 with the desk’s last applied mutation id and no rows, the cursor where it was', async () => {
    const response = await api(server.url, '/sync/pull?cursor=0&limit=0', { token: city.desks[1].token });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ rows: [], cursor: 0, lastMutationId: 16 });
  });

  it('names a bad cursor or limit with 400', async () => {
    for (const query of ['', '?cursor=-1', '?cursor=abc', '?cursor=0&limit=999999', '?cursor=0&limit=-1']) {
      const response = await api(server.url, `/sync/pull${query}`, { token: city.desks[0].token });
      expect(response.status, query).toBe(400);
      expect(SyncErrorSchema.parse(response.body).error.issues?.[0]?.path).toMatch(/cursor|limit/);
    }
  });

  it('never shows another tenant’s data', async () => {
    const mine = foldRows((await pullAll(server, city.desks[0])).rows);
    const theirs = foldRows((await pullAll(server, other.desks[0])).rows);
    expect([...theirs.cases.values()].map((row) => row.case.description)).toEqual(['Medicine Hat only']);
    expect([...mine.cases.values()].some((row) => row.case.description === 'Medicine Hat only')).toBe(false);
    expect((await pullAll(server, other.desks[0])).lastMutationId).toBe(1);
  });
});

describe('digest', () => {
  it('equals sha256 of digestLines over what a desk pulled, for desks and leads alike', async () => {
    const pulled = await pullAll(server, city.desks[0]);
    const fromDesk = DigestResponseSchema.parse((await api(server.url, '/sync/digest', { token: city.desks[1].token })).body);
    expect(fromDesk).toEqual({ digest: digestOf(pulled.rows), cases: 30, notes: 5, events: 46 });
    expect((await api(server.url, '/sync/digest', { token: city.lead.token })).body).toEqual(fromDesk);
  });

  it('covers only the tenant in the token', async () => {
    const theirs = DigestResponseSchema.parse((await api(server.url, '/sync/digest', { token: other.admin.token })).body);
    expect(theirs).toEqual({ digest: digestOf((await pullAll(server, other.desks[0])).rows), cases: 1, notes: 0, events: 1 });
  });

  it('is refused to a specialist (403) and to a caller without a token (401)', async () => {
    expect((await api(server.url, '/sync/digest', { token: city.specialist.token })).status).toBe(403);
    expect((await api(server.url, '/sync/digest')).status).toBe(401);
  });
});

describe('a desk one schema version behind', () => {
  it('keeps pulling: the event types it cannot store (contacts, article links) are left out of its pages', async () => {
    const [north, south] = city.desks;
    const { rows } = await pullAll(server, north);
    const target = [...foldRows(rows).cases.values()].find((row) => !row.deleted)!.case;
    const contact = { id: newId(), caseId: target.id, channel: 'phone', caller: { anonymous: true }, reason: 'repeat_contact', agentId: 'agent-ana', deskCode: south.code, at: new Date().toISOString(), handleTime: { talkMs: 1_000, holdMs: 0, wrapUpMs: 0 } } as const;
    const answer = await push(server, south, [pushed(17, { name: 'addContact', args: { contact } })]);
    expect(answer.results).toEqual([expect.objectContaining({ mutationId: 17, outcome: 'applied' })]);
    const types = async (schema: number) => (await pullAll(server, north, { schema })).rows.flatMap((row) => (row.type === 'event' ? [row.event.type] : []));
    expect(await types(2)).toContain('contact_added');
    const old = await types(1);
    expect(old).not.toContain('contact_added');
    expect(old.length).toBe((await types(2)).length - 1);
  });
});

