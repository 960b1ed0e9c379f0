import { describe, expect, it } from 'vitest';
import { defaultCatalog } from '../default-catalog';
import { ArticleFieldsSchema, unknownCatalogCodes } from './article';
import { IdSchema } from '../ids';
import { STARTER_ARTICLES, starterFields } from './starter';

describe('the starter knowledge base', () => {
  const known = { departments: new Set(defaultCatalog.departments.map((d) => d.code)), serviceTypes: new Set(defaultCatalog.serviceTypes.map((t) => t.code)) };

  it('has at least 40 articles with distinct UUIDv7 ids and titles', () => {
    expect(STARTER_ARTICLES.length).toBeGreaterThanOrEqual(40);
    expect(new Set(STARTER_ARTICLES.map((a) => a.id)).size).toBe(STARTER_ARTICLES.length);
    expect(new Set(STARTER_ARTICLES.map((a) => a.title)).size).toBe(STARTER_ARTICLES.length);
    for (const article of STARTER_ARTICLES) expect(IdSchema.safeParse(article.id).success, article.id).toBe(true);
  });

  it.each(STARTER_ARTICLES.map((a) => [a.title, a] as const))('%s: valid, and names only departments and service types of the default catalog', (_title, article) => {
    const parsed = ArticleFieldsSchema.safeParse(starterFields(article));
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
    expect(unknownCatalogCodes(article, known)).toEqual([]);
  });

  it('covers every department of the default catalog', () => {
    expect(new Set(STARTER_ARTICLES.map((a) => a.departmentCode))).toEqual(known.departments);
  });
});
