import { markdownToPlainText, STARTER_ARTICLES, STARTER_UPDATED_AT, starterFields, type Article } from '../../../shared/domain/kb';
import type { ReadableDb, WritableDb } from '../db/connection';
import { statement } from '../db/statements';

/**
 * The desk's copy of the knowledge base: articles, their search entries and their service types,
 * always written together. Callers run these inside their own transaction and finish it with
 * `markKbChanged`, which tells the search its word list is out of date.
 */

interface ArticleRow {
  seq: number;
  id: string;
  title: string;
  body: string;
  keywords: string;
  department_code: string;
  service_codes: string;
  owner: string;
  review_by: string;
  updated_at: string;
  updated_by: string | null;
  version: number;
}

export interface KbState {
  /** The server's version this desk has pulled up to; null until the first pull (the desk holds the starter set). */
  cursor: number | null;
  generation: number;
  starterLoaded: boolean;
}

export function readKbState(db: ReadableDb): KbState {
  const row = statement(db, 'SELECT cursor, generation, starter_loaded FROM kb_state WHERE id = 1').get() as { cursor: number | null; generation: number; starter_loaded: number };
  return { cursor: row.cursor, generation: row.generation, starterLoaded: row.starter_loaded === 1 };
}

const articleOf = (row: ArticleRow): Article => ({
  id: row.id,
  title: row.title,
  body: row.body,
  keywords: JSON.parse(row.keywords) as string[],
  departmentCode: row.department_code,
  serviceCodes: JSON.parse(row.service_codes) as string[],
  owner: row.owner,
  reviewBy: row.review_by,
  updatedAt: row.updated_at,
  updatedBy: row.updated_by,
  version: row.version,
});

export function readArticle(db: ReadableDb, id: string): Article | null {
  const row = statement(db, 'SELECT * FROM kb_articles WHERE id = ?').get(id) as ArticleRow | undefined;
  return row ? articleOf(row) : null;
}

/**
 * Writes an article unless the desk already holds it at this version or a later one (a pull
 * bringing back a save this desk made itself). Returns whether anything changed.
 */
export function storeArticle(db: WritableDb, article: Article): boolean {
  const existing = statement(db, 'SELECT seq, version FROM kb_articles WHERE id = ?').get(article.id) as { seq: number; version: number } | undefined;
  if (existing && existing.version >= article.version && article.version > 0) return false;
  const values = {
    id: article.id,
    title: article.title,
    body: article.body,
    keywords: JSON.stringify(article.keywords),
    department_code: article.departmentCode,
    service_codes: JSON.stringify(article.serviceCodes),
    owner: article.owner,
    review_by: article.reviewBy,
    updated_at: article.updatedAt,
    updated_by: article.updatedBy,
    version: article.version,
  };
  let seq: number;
  if (existing) {
    seq = existing.seq;
    statement(
      db,
      `UPDATE kb_articles SET title = @title, body = @body, keywords = @keywords, department_code = @department_code, service_codes = @service_codes,
         owner = @owner, review_by = @review_by, updated_at = @updated_at, updated_by = @updated_by, version = @version WHERE seq = @seq`,
    ).run({ ...values, seq });
    statement(db, 'DELETE FROM kb_search WHERE rowid = ?').run(seq);
    statement(db, 'DELETE FROM kb_article_services WHERE seq = ?').run(seq);
  } else {
    seq = Number(
      statement(
        db,
        `INSERT INTO kb_articles (id, title, body, keywords, department_code, service_codes, owner, review_by, updated_at, updated_by, version)
         VALUES (@id, @title, @body, @keywords, @department_code, @service_codes, @owner, @review_by, @updated_at, @updated_by, @version)`,
      ).run(values).lastInsertRowid,
    );
  }
  statement(db, 'INSERT INTO kb_search (rowid, title, keywords, body) VALUES (?, ?, ?, ?)').run(seq, article.title, article.keywords.join(' · '), markdownToPlainText(article.body));
  for (const code of new Set(article.serviceCodes)) statement(db, 'INSERT INTO kb_article_services (service_code, seq) VALUES (?, ?)').run(code, seq);
  return true;
}

/** Removes a retired article; returns whether the desk had it. */
export function removeArticle(db: WritableDb, id: string): boolean {
  const existing = statement(db, 'SELECT seq FROM kb_articles WHERE id = ?').get(id) as { seq: number } | undefined;
  if (!existing) return false;
  statement(db, 'DELETE FROM kb_search WHERE rowid = ?').run(existing.seq);
  statement(db, 'DELETE FROM kb_articles WHERE seq = ?').run(existing.seq);
  return true;
}

/** Drops every article: the starter copy, before the server's own copy replaces it on the first pull. */
export function removeAllArticles(db: WritableDb): void {
  statement(db, 'DELETE FROM kb_article_services').run();
  statement(db, 'DELETE FROM kb_articles').run();
  statement(db, 'DELETE FROM kb_search').run();
}

export function markKbChanged(db: WritableDb, cursor?: number): void {
  if (cursor === undefined) statement(db, 'UPDATE kb_state SET generation = generation + 1 WHERE id = 1').run();
  else statement(db, 'UPDATE kb_state SET generation = generation + 1, cursor = ? WHERE id = 1').run(cursor);
}

/**
 * A desk that has never pulled answers from the starter set, so it is written once, at the first
 * start after this migration. A desk that has pulled keeps the server's copy, even an empty one.
 */
export function loadStarterArticles(db: WritableDb): boolean {
  const state = readKbState(db);
  if (state.starterLoaded || state.cursor !== null) return false;
  db.transaction(() => {
    for (const starter of STARTER_ARTICLES) {
      storeArticle(db, { ...starterFields(starter), id: starter.id, version: 0, updatedAt: STARTER_UPDATED_AT, updatedBy: null });
    }
    statement(db, 'UPDATE kb_state SET starter_loaded = 1, generation = generation + 1 WHERE id = 1').run();
  })();
  return true;
}
