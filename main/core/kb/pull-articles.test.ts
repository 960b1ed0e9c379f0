import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArticleHit, ArticleView } from '../../../shared/contract/kb';
import type { Agent } from '../../../shared/domain';
import { STARTER_ARTICLES, type ArticleFields } from '../../../shared/domain/kb';
import { openTestDesk, type TestDesk } from '../../../test/helpers/desk';
import { seedTenant, SERVER_START_TIMEOUT_MS, startTestServer, type SeededDesk, type SeededTenant, type TestServer } from '../../../test/helpers/server';
import type { DeskState } from '../desk-session';
import type { ReferenceSession } from '../sync/reference-data';
import { ServerApi } from '../sync/server-api';
import { writeSyncSettings } from '../sync/sync-store';
import { readKbState } from './article-store';
import { pullArticles } from './pull-articles';

/**
 * Two desks of one city against a real server: a lead edits at D01 with a city sign-in, D02 pulls.
 */
let server: TestServer;
let city: SeededTenant;
let editing: TestDesk;
let reading: TestDesk;
let lead: Agent;
let requests: string[];

const fields: ArticleFields = {
  title: 'Snow angels volunteer program',
  body: 'Volunteers clear **sidewalks** for seniors and residents with disabilities after each snowfall.',
  keywords: ['snow angels', 'volunteer', 'shovelling'],
  departmentCode: 'roads_snow',
  serviceCodes: ['snow-ice-removal'],
  owner: 'Roads & Snow — community programs',
  reviewBy: '2027-10-01',
};

function sessionFor(desk: TestDesk, seeded: SeededDesk): ReferenceSession {
  const serverApi = new ServerApi(server.url, (url, init) => {
    requests.push(`${init.method} ${new URL(url).pathname}${new URL(url).search}`);
    return fetch(url, init);
  });
  return { db: desk.db, get: (path, schema) => serverApi.getReference(seeded.token, path, schema), isStopped: () => false };
}

async function call<T>(desk: TestDesk, name: 'saveArticle' | 'retireArticle' | 'getArticle' | 'searchArticles', input: Record<string, unknown>): Promise<T> {
  const result = await desk.call(name, input);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}
/** The desk's state as the console handlers see it (the test desk's deps are that object). */
const stateOf = (desk: TestDesk): DeskState => desk.deps;
const titles = async (desk: TestDesk, query: string) => (await call<{ hits: ArticleHit[] }>(desk, 'searchArticles', { query })).hits.map((h) => h.title);

beforeAll(async () => {
  server = await startTestServer();
  city = await seedTenant(server);
  lead = { id: city.lead.user.id, name: 'Lee Lead', role: 'lead' };
  editing = openTestDesk({ deskCode: 'D01', agent: lead, now: Date.now() });
  reading = openTestDesk({ deskCode: 'D02', now: Date.now() });
  for (const [desk, seeded] of [
    [editing, city.desks[0]],
    [reading, city.desks[1]],
  ] as const) {
    writeSyncSettings(desk.db, { serverUrl: server.url, tenant: city.tenant, deskSecret: seeded.secret });
  }
  stateOf(editing).serverSession = { agentId: lead.id, token: city.lead.token, expiresAt: new Date(Date.now() + 600_000).toISOString() };
}, SERVER_START_TIMEOUT_MS);
afterAll(async () => {
  editing?.close();
  reading?.close();
  await server?.close();
});

describe('pullArticles', () => {
  it("replaces the starter copy with the server's on the first pull, in pages", async () => {
    requests = [];
    expect(readKbState(reading.db).cursor).toBeNull();
    const changed = await pullArticles(sessionFor(reading, city.desks[1]), 20);
    expect(changed).toBe(STARTER_ARTICLES.length);
    expect(requests).toEqual([0, 20, 40].map((from) => `GET /kb/pull?cursor=${from}&limit=20`));
    expect(readKbState(reading.db).cursor).toBe(STARTER_ARTICLES.length);
    expect(reading.db.prepare('SELECT count(*) FROM kb_articles WHERE version > 0').pluck().get()).toBe(STARTER_ARTICLES.length);
  });

  it('costs one request and changes nothing when the server has nothing new', async () => {
    requests = [];
    const generation = readKbState(reading.db).generation;
    expect(await pullArticles(sessionFor(reading, city.desks[1]))).toBe(0);
    expect(requests).toHaveLength(1);
    expect(readKbState(reading.db).generation).toBe(generation);
  });

  it("brings a lead's new article, its change and its retirement to the other desk, and applies a page twice harmlessly", async () => {
    const saved = await call<ArticleView>(editing, 'saveArticle', { article: fields });
    expect(saved).toMatchObject({ title: fields.title, departmentName: 'Roads & Snow', stale: false, updatedBy: 'Lee Lead' });
    // The editing desk has it at once, before any sync.
    expect((await titles(editing, 'snow angels'))[0]).toBe(fields.title);
    expect(await titles(reading, 'snow angels')).not.toContain(fields.title);

    requests = [];
    expect(await pullArticles(sessionFor(reading, city.desks[1]))).toBe(1);
    expect(requests).toEqual([`GET /kb/pull?cursor=${STARTER_ARTICLES.length}&limit=500`]);
    expect((await titles(reading, 'snow angels'))[0]).toBe(fields.title);

    const changed = await call<ArticleView>(editing, 'saveArticle', { id: saved.id, expectedVersion: saved.version, article: { ...fields, title: 'Snow angels: help for seniors' } });
    expect(changed.version).toBeGreaterThan(saved.version);
    expect(await pullArticles(sessionFor(reading, city.desks[1]))).toBe(1);
    expect(await call<ArticleView>(reading, 'getArticle', { id: saved.id })).toMatchObject({ title: 'Snow angels: help for seniors', version: changed.version });

    await call(editing, 'retireArticle', { id: saved.id });
    expect(await titles(editing, 'snow angels')).not.toContain('Snow angels: help for seniors');
    expect(await pullArticles(sessionFor(reading, city.desks[1]))).toBe(1);
    const gone = await reading.call('getArticle', { id: saved.id });
    expect(gone.ok ? null : gone.error.code).toBe('not_found');

    // The editing desk pulls its own changes back: nothing it does not already have.
    await pullArticles(sessionFor(editing, city.desks[0]));
    expect(await titles(editing, 'snow angels')).not.toContain('Snow angels: help for seniors');
    expect(editing.db.prepare('SELECT count(*) FROM kb_articles').pluck().get()).toBe(reading.db.prepare('SELECT count(*) FROM kb_articles').pluck().get());
  });

  it('refuses a save over a newer change, naming who made it, and leaves the desk copy alone', async () => {
    const saved = await call<ArticleView>(editing, 'saveArticle', { article: { ...fields, title: 'Ice rinks in parks' } });
    await call(editing, 'saveArticle', { id: saved.id, expectedVersion: saved.version, article: { ...fields, title: 'Outdoor ice rinks' } });
    const late = await editing.call('saveArticle', { id: saved.id, expectedVersion: saved.version, article: { ...fields, title: 'Old title' } });
    expect(late.ok ? null : late.error).toMatchObject({ code: 'conflict', message: expect.stringContaining('was changed by Lee Lead since you opened it') });
    expect(await call<ArticleView>(editing, 'getArticle', { id: saved.id })).toMatchObject({ title: 'Outdoor ice rinks' });
  });

  it('says editing needs the sync server when it cannot be reached or the city sign-in is missing', async () => {
    writeSyncSettings(editing.db, { serverUrl: 'http://127.0.0.1:9', tenant: city.tenant, deskSecret: city.desks[0].secret });
    const offline = await editing.call('saveArticle', { article: fields });
    writeSyncSettings(editing.db, { serverUrl: server.url, tenant: city.tenant, deskSecret: city.desks[0].secret });
    expect(offline.ok ? null : offline.error).toMatchObject({ code: 'offline', message: expect.stringMatching(/^Editing articles needs the sync server, which cannot be reached at http:\/\/127\.0\.0\.1:9/) });

    const session = stateOf(editing).serverSession;
    stateOf(editing).serverSession = null;
    const signedOut = await editing.call('saveArticle', { article: fields });
    stateOf(editing).serverSession = session;
    expect(signedOut.ok ? null : signedOut.error).toMatchObject({ code: 'unauthorized', message: expect.stringContaining('sign in with your city account') });
  });

  it('passes on the server’s field errors for the editor to show inline', async () => {
    const result = await editing.call('saveArticle', { article: { ...fields, serviceCodes: ['no-such-type'] } });
    expect(result.ok ? null : result.error).toMatchObject({ code: 'invalid_input', issues: [{ field: 'serviceCodes.0', message: "there is no service type 'no-such-type' in the catalog" }] });
  });
});
