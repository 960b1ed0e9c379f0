import { z } from 'zod';
import type { AsyncOperationName, OperationOutput, ParsedInput } from '../../../shared/contract';
import type { ArticleView, kbOperations } from '../../../shared/contract/kb';
import { newId, type Agent } from '../../../shared/domain';
import { ArticleSchema, isPastReview, unknownCatalogCodes, type Article } from '../../../shared/domain/kb';
import type { WritableDb } from '../db/connection';
import { localDay, type DeskState } from '../desk-session';
import { DomainError, notFound } from '../errors';
import { loadStarterArticles, markKbChanged, readKbState, readArticle, removeArticle, storeArticle } from './article-store';
import { sendArticleChange } from './kb-client';
import { searchArticles } from './search-articles';

type KbOperation = keyof typeof kbOperations;

/** Reads answer at once from the desk's copy; edits wait on the server. */
export type KbHandlers = { [K in KbOperation]: (input: ParsedInput<K>) => K extends AsyncOperationName ? Promise<OperationOutput<K>> : OperationOutput<K> };

function signedIn(state: DeskState): Agent {
  const agent = state.session.agent;
  if (!agent) throw new DomainError('not_signed_in', 'Sign in at this desk first');
  return agent;
}

function editor(state: DeskState): Agent {
  const agent = signedIn(state);
  if (agent.role !== 'lead' && agent.role !== 'admin') throw new DomainError('forbidden', `Only team leads and admins edit articles; you are signed in as ${agent.role}`);
  return agent;
}

const today = (state: DeskState) => localDay(state.now(), state.session.timeZone);

function view(state: DeskState, article: Article): ArticleView {
  const department = state.catalog.departments.find((d) => d.code === article.departmentCode);
  return { ...article, departmentName: department?.name ?? article.departmentCode, stale: isPastReview(article.reviewBy, today(state)) };
}

const SavedSchema = z.object({ article: ArticleSchema });
const RetiredSchema = z.object({ id: z.string(), version: z.number().int() });

/** The console's knowledge-base operations: search and read the desk's copy; leads and admins edit on the server. */
export function createKbHandlers(db: WritableDb, state: DeskState): KbHandlers {
  // A desk that never synced still answers, from the starter set it ships with.
  loadStarterArticles(db);
  return {
    searchArticles: (input) => {
      signedIn(state);
      return { hits: searchArticles(db, state.catalog, today(state), input) };
    },
    getArticle: (input) => {
      signedIn(state);
      const article = readArticle(db, input.id);
      if (!article) throw notFound('article', input.id);
      return view(state, article);
    },
    saveArticle: async (input) => {
      editor(state);
      const known = { departments: new Set(state.catalog.departments.map((d) => d.code)), serviceTypes: new Set(state.catalog.serviceTypes.map((t) => t.code)) };
      const issues = unknownCatalogCodes(input.article, known);
      if (issues.length > 0) throw new DomainError('invalid_input', `The article was not saved: ${issues.map((i) => `${i.field}: ${i.message}`).join('; ')}`, issues);
      const { article } =
        input.id === undefined
          ? await sendArticleChange(db, state, '/kb/articles', { id: newId(), ...input.article }, SavedSchema)
          : await sendArticleChange(db, state, '/kb/articles/update', { id: input.id, expectedVersion: input.expectedVersion ?? 0, article: input.article }, SavedSchema);
      db.transaction(() => {
        // A pull that ran meanwhile may already hold this save, or a later retirement of the article: it wins.
        const pulledTo = readKbState(db).cursor;
        if (pulledTo !== null && pulledTo >= article.version) return;
        if (storeArticle(db, article)) markKbChanged(db);
      })();
      return view(state, article);
    },
    retireArticle: async (input) => {
      editor(state);
      const retired = await sendArticleChange(db, state, '/kb/articles/retire', { id: input.id }, RetiredSchema);
      db.transaction(() => {
        if (removeArticle(db, retired.id)) markKbChanged(db);
      })();
      return { id: input.id, retired: true as const };
    },
  };
}
