import { defaultCatalog } from '../../shared/domain';
import { ArticleSchema, unknownCatalogCodes, type Article, type ArticleFields, type KbPullResponse, type KbPullRow } from '../../shared/domain/kb';
import type { Database, Queryable } from '../db/database';
import { ApiError } from '../http/api-error';
import { ensureKnowledgeBase, seedIfNew } from './starter-set';

/** A tenant's articles: every query names the tenant, every change takes the next number of its counter. */

interface ArticleRow {
  data: string;
  retired: boolean;
  version: string | number;
}

export interface StoredArticle {
  article: Article;
  retired: boolean;
}

const stored = (row: ArticleRow): StoredArticle => ({ article: { ...(JSON.parse(row.data) as Article), version: Number(row.version) }, retired: row.retired });

export async function listArticles(db: Database, tenant: string, includeRetired: boolean): Promise<StoredArticle[]> {
  await ensureKnowledgeBase(db, tenant);
  const rows = await db.query<ArticleRow>(
    `SELECT data, retired, version FROM kb_articles WHERE tenant = $1 AND ($2 OR NOT retired) ORDER BY lower(title), id`,
    [tenant, includeRetired],
  );
  return rows.map(stored);
}

export async function getArticle(db: Database, tenant: string, id: string): Promise<StoredArticle> {
  await ensureKnowledgeBase(db, tenant);
  const [row] = await db.query<ArticleRow>('SELECT data, retired, version FROM kb_articles WHERE tenant = $1 AND id = $2', [tenant, id]);
  if (!row) throw new ApiError('not_found', `there is no article ${id} in tenant '${tenant}'`);
  return stored(row);
}

/** Departments and service types the tenant's catalog has: the catalog every desk ships with, plus those an import added. */
async function checkCatalogCodes(tx: Queryable, tenant: string, fields: ArticleFields): Promise<void> {
  const added = await tx.query<{ code: string; department_code: string }>('SELECT code, department_code FROM catalog_additions WHERE tenant = $1', [tenant]);
  const known = {
    departments: new Set([...defaultCatalog.departments.map((d) => d.code), ...added.map((a) => a.department_code)]),
    serviceTypes: new Set([...defaultCatalog.serviceTypes.map((t) => t.code), ...added.map((a) => a.code)]),
  };
  const issues = unknownCatalogCodes(fields, known).map((issue) => ({ path: issue.field, message: issue.message }));
  if (issues.length > 0) throw new ApiError('invalid_input', `The article is not valid: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues);
}

/** The next version of the tenant's knowledge base; the counter row stays locked until the transaction ends. */
async function nextVersion(tx: Queryable, tenant: string): Promise<number> {
  const [row] = await tx.query<{ version: string | number }>('UPDATE kb_counters SET version = version + 1 WHERE tenant = $1 RETURNING version', [tenant]);
  if (!row) throw new Error(`kb_counters has no row for tenant '${tenant}'`);
  return Number(row.version);
}

async function lockArticle(tx: Queryable, tenant: string, id: string): Promise<StoredArticle | null> {
  const [row] = await tx.query<ArticleRow>('SELECT data, retired, version FROM kb_articles WHERE tenant = $1 AND id = $2 FOR UPDATE', [tenant, id]);
  return row ? stored(row) : null;
}

async function writeArticle(tx: Queryable, tenant: string, article: Article, retired: boolean): Promise<void> {
  await tx.query(
    `INSERT INTO kb_articles (tenant, id, title, data, retired, version) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (tenant, id) DO UPDATE SET title = excluded.title, data = excluded.data, retired = excluded.retired, version = excluded.version`,
    [tenant, article.id, article.title, JSON.stringify(article), retired, article.version],
  );
}

async function nameOf(tx: Queryable, tenant: string, userId: string): Promise<string> {
  const [row] = await tx.query<{ name: string }>('SELECT name FROM users WHERE tenant = $1 AND id = $2', [tenant, userId]);
  return row?.name ?? userId;
}

const sameFields = (a: ArticleFields, b: ArticleFields): boolean =>
  JSON.stringify([a.title, a.body, a.keywords, a.departmentCode, a.serviceCodes, a.owner, a.reviewBy]) ===
  JSON.stringify([b.title, b.body, b.keywords, b.departmentCode, b.serviceCodes, b.owner, b.reviewBy]);

/**
 * A new article with the id the desk chose. The same request sent again (its answer was lost)
 * gets the article back instead of a conflict.
 */
export async function createArticle(db: Database, tenant: string, userId: string, id: string, fields: ArticleFields): Promise<{ article: Article; created: boolean }> {
  return db.transaction(async (tx) => {
    await seedIfNew(tx, tenant);
    await checkCatalogCodes(tx, tenant, fields);
    const existing = await lockArticle(tx, tenant, id);
    if (existing) {
      if (!existing.retired && sameFields(existing.article, fields)) return { article: existing.article, created: false };
      throw new ApiError('conflict', `an article with id ${id} already exists ("${existing.article.title}"); save changes to it as an update`);
    }
    const article = ArticleSchema.parse({ ...fields, id, version: await nextVersion(tx, tenant), updatedAt: new Date().toISOString(), updatedBy: await nameOf(tx, tenant, userId) });
    await writeArticle(tx, tenant, article, false);
    return { article, created: true };
  });
}

/** Changes an article the editor read at `expectedVersion`; refuses if someone saved it since. */
export async function updateArticle(db: Database, tenant: string, userId: string, id: string, expectedVersion: number, fields: ArticleFields): Promise<Article> {
  return db.transaction(async (tx) => {
    await seedIfNew(tx, tenant);
    await checkCatalogCodes(tx, tenant, fields);
    const existing = await lockArticle(tx, tenant, id);
    if (!existing) throw new ApiError('not_found', `there is no article ${id} in tenant '${tenant}'`);
    if (existing.retired) throw new ApiError('conflict', `the article "${existing.article.title}" has been retired; it can no longer be changed`);
    // A desk that has only its starter copy (version 0) edits the tenant's seeded article unseen.
    if (existing.article.version !== expectedVersion && expectedVersion !== 0) {
      throw new ApiError('conflict', `"${existing.article.title}" was changed by ${existing.article.updatedBy ?? 'someone else'} since you opened it (version ${existing.article.version}, yours ${expectedVersion}): reopen it and make your change again`);
    }
    if (expectedVersion === 0 && existing.article.updatedBy !== null) {
      throw new ApiError('conflict', `"${existing.article.title}" was changed by ${existing.article.updatedBy} since the starter set: sync this desk, reopen it and make your change again`);
    }
    if (sameFields(existing.article, fields)) return existing.article;
    const article = ArticleSchema.parse({ ...fields, id, version: await nextVersion(tx, tenant), updatedAt: new Date().toISOString(), updatedBy: await nameOf(tx, tenant, userId) });
    await writeArticle(tx, tenant, article, false);
    return article;
  });
}

/** Soft delete: the row stays, marked retired with a new version, so desks drop their copy. Retiring twice is harmless. */
export async function retireArticle(db: Database, tenant: string, id: string): Promise<{ id: string; version: number }> {
  return db.transaction(async (tx) => {
    await seedIfNew(tx, tenant);
    const existing = await lockArticle(tx, tenant, id);
    if (!existing) throw new ApiError('not_found', `there is no article ${id} in tenant '${tenant}'`);
    if (existing.retired) return { id, version: existing.article.version };
    const article = { ...existing.article, version: await nextVersion(tx, tenant) };
    await writeArticle(tx, tenant, article, true);
    return { id, version: article.version };
  });
}

/** One page of changes after `cursor`, in version order; a retired article comes as its tombstone. */
export async function pullArticleChanges(db: Database, tenant: string, cursor: number, limit: number): Promise<KbPullResponse> {
  await ensureKnowledgeBase(db, tenant);
  const rows = await db.query<ArticleRow & { id: string }>(
    'SELECT id, data, retired, version FROM kb_articles WHERE tenant = $1 AND version > $2 ORDER BY version LIMIT $3',
    [tenant, cursor, limit + 1],
  );
  const page = rows.slice(0, limit);
  const changes: KbPullRow[] = page.map((row) => {
    const version = Number(row.version);
    return row.retired ? { retired: true, version, id: row.id } : { retired: false, version, article: stored(row).article };
  });
  return { rows: changes, cursor: changes.at(-1)?.version ?? cursor, hasMore: rows.length > limit };
}
