import { STARTER_ARTICLES, STARTER_UPDATED_AT, starterFields, type Article } from '../../shared/domain/kb';
import type { Database, Queryable } from '../db/database';

/**
 * A tenant's knowledge base starts as the starter set (shared/domain/kb/starter), given on first use:
 * the first request of any knowledge-base endpoint for a tenant without a counter row creates the
 * row and the articles in one transaction. Nothing to run by hand, and a tenant whose leads retired
 * every article is not given them again (its counter row stays).
 */
export async function ensureKnowledgeBase(db: Database, tenant: string): Promise<void> {
  const rows = await db.query('SELECT 1 FROM kb_counters WHERE tenant = $1', [tenant]);
  if (rows.length === 0) await db.transaction((tx) => seedIfNew(tx, tenant));
}

/**
 * Inside a transaction: creates the tenant's counter row with the starter set if there is none.
 * Two first requests at once both insert; the second waits on the first's row and then finds it.
 */
export async function seedIfNew(tx: Queryable, tenant: string): Promise<boolean> {
  const created = await tx.query('INSERT INTO kb_counters (tenant, version) VALUES ($1, $2) ON CONFLICT (tenant) DO NOTHING RETURNING tenant', [tenant, STARTER_ARTICLES.length]);
  if (created.length === 0) return false;
  const rows = STARTER_ARTICLES.map((starter, i) => {
    const article: Article = { ...starterFields(starter), id: starter.id, version: i + 1, updatedAt: STARTER_UPDATED_AT, updatedBy: null };
    return { id: article.id, title: article.title, data: JSON.stringify(article), version: article.version };
  });
  await tx.query(
    `INSERT INTO kb_articles (tenant, id, title, data, retired, version)
     SELECT $1, r.id, r.title, r.data, false, r.version FROM json_to_recordset($2::json) AS r (id text, title text, data text, version bigint)`,
    [tenant, JSON.stringify(rows)],
  );
  return true;
}
