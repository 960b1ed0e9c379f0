import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArticleHit, ArticleView } from '../../../shared/contract/kb';
import { newId } from '../../../shared/domain';
import { STARTER_ARTICLES, type Article } from '../../../shared/domain/kb';
import { LEAD, openTestDesk, type TestDesk } from '../../../test/helpers/desk';
import { markKbChanged, storeArticle } from './article-store';

let desk: TestDesk;
beforeEach(() => {
  desk = openTestDesk();
});
afterEach(() => desk.close());

async function search(query: string, extra: Record<string, unknown> = {}): Promise<ArticleHit[]> {
  const result = await desk.call('searchArticles', { query, ...extra });
  if (!result.ok) throw new Error(result.error.message);
  return (result.value as { hits: ArticleHit[] }).hits;
}
const titles = async (query: string, extra: Record<string, unknown> = {}) => (await search(query, extra)).map((h) => h.title);

function article(fields: Partial<Article>): Article {
  return {
    id: newId(),
    title: 'An article',
    body: 'Nothing much.',
    keywords: [],
    departmentCode: 'general_info',
    serviceCodes: [],
    owner: '311 supervisor',
    reviewBy: '2030-01-01',
    updatedAt: '2026-11-01T00:00:00.000Z',
    updatedBy: 'Lee Lead',
    version: 100,
    ...fields,
  };
}
function store(...articles: Article[]): void {
  desk.db.transaction(() => {
    for (const a of articles) storeArticle(desk.db, a);
    markKbChanged(desk.db);
  })();
}

describe('searchArticles on a desk that never synced', () => {
  it('answers from the starter set it ships with', async () => {
    const count = desk.db.prepare('SELECT count(*) FROM kb_articles').pluck().get();
    expect(count).toBe(STARTER_ARTICLES.length);
    expect((await titles('dog licence'))[0]).toBe('Dog licences: who needs one, fees and renewal');
  });

  it('matches the word being typed as a prefix', async () => {
    expect((await titles('large it'))[0]).toBe('Large item pickup: booking, limits and fees');
    expect(await titles('recyc')).toContain('Blue cart recycling: what goes in and what stays out');
    expect((await titles('mattr'))[0]).toBe('Large item pickup: booking, limits and fees');
  });

  it('tolerates one typo per word, finished or still being typed', async () => {
    expect((await titles('dog licnece'))[0]).toBe('Dog licences: who needs one, fees and renewal');
    expect((await titles('christmas tre '))[0]).toBe('Christmas tree collection');
    expect((await titles('mattres pickup'))[0]).toBe('Large item pickup: booking, limits and fees');
    expect(await titles('recucl')).toContain('Blue cart recycling: what goes in and what stays out');
  });

  it('finds the article for a caller’s whole question, stop words and all', async () => {
    expect((await titles('How do I pay my water bill?')).slice(0, 3)).toContain('Paying a utility bill');
    expect((await titles('when is my garbage picked up')).slice(0, 3)).toContain('Collection days: finding a household’s garbage, recycling and organics day');
  });

  it('marks the matched words in a snippet of the body', async () => {
    const [hit] = await search('freon');
    expect(hit?.snippet.filter((p) => p.match).map((p) => p.text.toLowerCase())).toEqual(['freon']);
    expect(hit?.snippet.map((p) => p.text).join('')).toContain('Freon removal tag');
  });

  it('returns nothing for words no article has, and lists articles by title for an empty query', async () => {
    expect(await search('xylophone quartet')).toEqual([]);
    const listed = await titles('', { limit: 3 });
    expect(listed).toEqual([...STARTER_ARTICLES.map((a) => a.title)].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })).slice(0, 3));
  });
});

describe('ranking', () => {
  it('puts an article with the words in its title above one with them only in its body', async () => {
    const inBody = article({ title: 'Rink schedules', body: 'The zamboni floods the ice every hour. ' + 'Skating is free on Sundays. '.repeat(3) });
    const inTitle = article({ title: 'Zamboni rides at the arena', body: 'Children ride on the resurfacer during intermissions at the arena, on weekends.' });
    store(inBody, inTitle);
    expect(await titles('zamboni')).toEqual(['Zamboni rides at the arena', 'Rink schedules']);
  });

  it('ranks the case’s service type first and lists its articles before any word is typed', async () => {
    const general = article({ title: 'Rink hours', body: 'Curling hours change in spring.' });
    const forType = article({ title: 'Arena bookings', body: 'Book ice time and curling sheets online.', serviceCodes: ['recreation-program-inquiry'], departmentCode: 'recreation_culture' });
    store(general, forType);
    expect((await titles('curling', { serviceCode: 'recreation-program-inquiry' }))[0]).toBe('Arena bookings');
    const listed = await titles('', { serviceCode: 'dog-licence' });
    expect(listed).toEqual(['Cat licences', 'Dog licences: who needs one, fees and renewal']);
  });
});

describe('articles past their review date', () => {
  it('are flagged in hits and in the article, and listed for review', async () => {
    // The desk's clock says 2026-11-27.
    const stale = article({ title: 'Snowflake festival parking', body: 'Parking at the festival grounds is free.', reviewBy: '2026-11-26' });
    const fresh = article({ title: 'Snowflake festival hours', body: 'The festival opens at noon.', reviewBy: '2026-11-27' });
    store(stale, fresh);
    const hits = await search('snowflake festival');
    expect(hits.map((h) => [h.title, h.stale])).toEqual(
      expect.arrayContaining([
        ['Snowflake festival parking', true],
        ['Snowflake festival hours', false],
      ]),
    );
    const view = await desk.call('getArticle', { id: stale.id });
    expect(view.ok && (view.value as ArticleView)).toMatchObject({ stale: true, reviewBy: '2026-11-26', departmentName: 'General Information' });
    expect(await titles('', { staleOnly: true })).toEqual(['Snowflake festival parking']);
  });
});

describe('operation boundary', () => {
  it('refuses a search before anyone signs in and a malformed input with the field named', async () => {
    const result = await desk.call('searchArticles', { query: 'x', limit: 0 });
    expect(result.ok ? null : result.error).toMatchObject({ code: 'invalid_input', message: expect.stringContaining('limit') });
    const missing = await desk.call('getArticle', { id: newId() });
    expect(missing.ok ? null : missing.error.code).toBe('not_found');
  });

  it('refuses edits from a specialist before asking the server', async () => {
    const result = await desk.call('retireArticle', { id: STARTER_ARTICLES[0]!.id });
    expect(result.ok ? null : result.error).toMatchObject({ code: 'forbidden' });
    desk.signIn(LEAD);
    const offline = await desk.call('retireArticle', { id: STARTER_ARTICLES[0]!.id });
    expect(offline.ok ? null : offline.error).toMatchObject({ code: 'not_configured', message: expect.stringContaining('Editing articles needs the sync server') });
  });
});
