import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../shared/domain';
import { KbPullResponseSchema, STARTER_ARTICLES, type Article, type ArticleFields } from '../../shared/domain/kb';
import { api, seedTenant, SERVER_START_TIMEOUT_MS, startTestServer, type SeededTenant, type TestServer } from '../../test/helpers/server';

let server: TestServer;
let city: SeededTenant;
let other: SeededTenant;

beforeAll(async () => {
  server = await startTestServer();
  city = await seedTenant(server, { tenant: 'lethbridge' });
  other = await seedTenant(server, { tenant: 'medicine-hat', deskCodes: ['D51', 'D52'] });
}, SERVER_START_TIMEOUT_MS);
afterAll(async () => {
  await server?.close();
});

const fields: ArticleFields = {
  title: 'Spray park hours',
  body: 'Spray parks open **10 a.m. to 8 p.m.** from June to Labour Day.',
  keywords: ['splash pad', 'water park'],
  departmentCode: 'parks_trees',
  serviceCodes: ['park-maintenance'],
  owner: 'Parks — summer programs',
  reviewBy: '2027-05-01',
};

async function create(token: string, body: ArticleFields & { id?: string } = fields) {
  return api<{ article: Article }>(server.url, '/kb/articles', { token, body: { id: newId(), ...body } });
}

describe('reading articles', () => {
  it('gives a tenant the starter set on first use, each with its own version', async () => {
    const response = await api<{ articles: (Article & { retired: boolean })[] }>(server.url, '/kb/articles', { token: city.specialist.token });
    expect(response.status).toBe(200);
    expect(response.body.articles.length).toBeGreaterThanOrEqual(STARTER_ARTICLES.length);
    const versions = response.body.articles.map((a) => a.version);
    expect(new Set(versions).size).toBe(versions.length);
    const one = await api<{ article: Article }>(server.url, `/kb/article?id=${STARTER_ARTICLES[0]!.id}`, { token: city.specialist.token });
    expect(one.body.article.title).toBe(STARTER_ARTICLES[0]!.title);
  });

  it('asks for a sign-in (401) and names a malformed id (400)', async () => {
    expect((await api(server.url, '/kb/articles')).status).toBe(401);
    const bad = await api<{ error: { message: string } }>(server.url, '/kb/article?id=42', { token: city.lead.token });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe('The query string is not valid: id: must be a UUIDv7 id');
  });
});

describe('editing articles', () => {
  it('lets leads and admins create, update and retire; each change takes a newer version', async () => {
    const created = await create(city.lead.token);
    expect(created.status).toBe(201);
    expect(created.body.article).toMatchObject({ ...fields, updatedBy: 'Lee Lead' });
    const { id, version } = created.body.article;
    const updated = await api<{ article: Article }>(server.url, '/kb/articles/update', {
      token: city.admin.token,
      body: { id, expectedVersion: version, article: { ...fields, title: 'Spray park hours and locations' } },
    });
    expect(updated.status).toBe(200);
    expect(updated.body.article).toMatchObject({ title: 'Spray park hours and locations', updatedBy: 'Ada Admin' });
    expect(updated.body.article.version).toBeGreaterThan(version);

    const stale = await api<{ error: { code: string; message: string } }>(server.url, '/kb/articles/update', { token: city.lead.token, body: { id, expectedVersion: version, article: fields } });
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toContain('was changed by Ada Admin since you opened it');

    const retired = await api<{ id: string; version: number }>(server.url, '/kb/articles/retire', { token: city.lead.token, body: { id } });
    expect(retired.status).toBe(200);
    expect(retired.body.version).toBeGreaterThan(updated.body.article.version);
    const listed = await api<{ articles: Article[] }>(server.url, '/kb/articles', { token: city.lead.token });
    expect(listed.body.articles.map((a) => a.id)).not.toContain(id);
  });

  it('answers a create sent twice with the same article', async () => {
    const id = newId();
    const first = await create(city.lead.token, { ...fields, id });
    const again = await create(city.lead.token, { ...fields, id });
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.body.article).toEqual(first.body.article);
  });

  it('refuses specialists and desks (403)', async () => {
    const specialist = await create(city.specialist.token);
    expect(specialist.status).toBe(403);
    expect(JSON.stringify(specialist.body)).toContain('this needs the lead or admin role; you are signed in as specialist');
    expect((await create(city.desks[0].token)).status).toBe(403);
  });

  it('names every malformed field (400), including catalog codes the city does not have', async () => {
    const bad = await api<{ error: { message: string; issues: { path: string }[] } }>(server.url, '/kb/articles', {
      token: city.lead.token,
      body: { id: newId(), ...fields, title: '', reviewBy: '2027-13-01' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues.map((i) => i.path)).toEqual(['title', 'reviewBy']);
    const unknown = await create(city.lead.token, { ...fields, departmentCode: 'space_program', serviceCodes: ['rocket-launch'] });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body)).toContain("departmentCode: there is no department 'space_program' in the catalog");
  });
});

describe('tenant isolation', () => {
  it("never shows or changes another city's article", async () => {
    const { article } = (await create(city.lead.token, { ...fields, title: 'Only in Lethbridge' })).body;
    const read = await api(server.url, `/kb/article?id=${article.id}`, { token: other.lead.token });
    expect(read.status).toBe(404);
    const change = await api(server.url, '/kb/articles/update', { token: other.lead.token, body: { id: article.id, expectedVersion: article.version, article: fields } });
    expect(change.status).toBe(404);
    expect((await api(server.url, '/kb/articles/retire', { token: other.admin.token, body: { id: article.id } })).status).toBe(404);
    const theirs = await api<{ articles: Article[] }>(server.url, '/kb/articles', { token: other.specialist.token });
    expect(theirs.body.articles.map((a) => a.title)).not.toContain('Only in Lethbridge');
    const pulled = KbPullResponseSchema.parse((await api(server.url, '/kb/pull?cursor=0&limit=2000', { token: other.desks[0].token })).body);
    expect(pulled.rows.length).toBe(STARTER_ARTICLES.length);
  });
});

describe('GET /kb/pull', () => {
  it('is for desks: a person gets 403, a bad cursor 400', async () => {
    expect((await api(server.url, '/kb/pull?cursor=0', { token: city.admin.token })).status).toBe(403);
    const bad = await api<{ error: { message: string } }>(server.url, '/kb/pull?cursor=-1', { token: city.desks[0].token });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe('The query string is not valid: cursor: must be 0 or more');
  });

  it('pages through changes in version order, tombstones included', async () => {
    const all = [];
    let cursor = 0;
    for (;;) {
      const page = KbPullResponseSchema.parse((await api(server.url, `/kb/pull?cursor=${cursor}&limit=7`, { token: city.desks[1].token })).body);
      expect(page.rows.length).toBeLessThanOrEqual(7);
      all.push(...page.rows);
      expect(page.cursor).toBeGreaterThanOrEqual(cursor);
      cursor = page.cursor;
      if (!page.hasMore) break;
    }
    const versions = all.map((r) => r.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(all.some((r) => r.retired)).toBe(true);
    const again = KbPullResponseSchema.parse((await api(server.url, `/kb/pull?cursor=${cursor}`, { token: city.desks[1].token })).body);
    expect(again).toEqual({ rows: [], cursor, hasMore: false });
  });
});
