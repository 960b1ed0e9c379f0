import { KB_PULL_PAGE_DEFAULT, KbPullResponseSchema, type KbPullResponse } from '../../../shared/domain/kb';
import type { WritableDb } from '../db/connection';
import type { ReferenceSession } from '../sync/reference-data';
import { markKbChanged, readKbState, removeAllArticles, removeArticle, storeArticle } from './article-store';

/**
 * Brings the desk's copy of the knowledge base up to date; returns how many articles changed.
 * Pages through GET /kb/pull from the desk's cursor, each page in one transaction with the cursor
 * it reaches, so a desk stopped midway resumes where it was. With nothing new it costs one small
 * request. The first pull replaces the starter copy with the server's.
 */
export async function pullArticles(session: ReferenceSession, pageLimit = KB_PULL_PAGE_DEFAULT): Promise<number> {
  let changed = 0;
  for (;;) {
    if (session.isStopped()) return changed;
    const from = readKbState(session.db).cursor;
    const page = await session.get(`/kb/pull?cursor=${from ?? 0}&limit=${pageLimit}`, KbPullResponseSchema);
    if (page.cursor < (from ?? 0)) throw new Error(`knowledge base: the server answered cursor ${from ?? 0} with cursor ${page.cursor}; a cursor never moves back`);
    changed += applyArticlePage(session.db, from, page);
    if (!page.hasMore) return changed;
  }
}

/**
 * Applies one page pulled from cursor `from`, unless another pull has moved the cursor meanwhile
 * (then this page is old news and the loop asks again from the new cursor).
 */
export function applyArticlePage(db: WritableDb, from: number | null, page: KbPullResponse): number {
  return db.transaction(() => {
    if (readKbState(db).cursor !== from) return 0;
    let changed = 0;
    if (from === null) removeAllArticles(db);
    for (const row of page.rows) {
      const did = row.retired ? removeArticle(db, row.id) : storeArticle(db, row.article);
      if (did) changed += 1;
    }
    if (from === null || changed > 0 || page.cursor !== from) markKbChanged(db, page.cursor);
    return changed;
  })();
}
