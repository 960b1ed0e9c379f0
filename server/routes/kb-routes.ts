import { z } from 'zod';
import { IdSchema } from '../../shared/domain';
import { ArticleFieldsSchema, KB_PULL_PAGE_DEFAULT, KB_PULL_PAGE_MAX, type KbPullResponse } from '../../shared/domain/kb';
import type { Route } from '../http/router';
import { createArticle, getArticle, listArticles, pullArticleChanges, retireArticle, updateArticle } from '../kb/articles';
import type { RouteDeps } from './deps';

const EDITORS = ['lead', 'admin'] as const;
const READERS = ['specialist', 'lead', 'admin'] as const;

const ListQuerySchema = z.object({ includeRetired: z.enum(['true', 'false']).default('false') }).strict();
const IdQuerySchema = z.object({ id: IdSchema }).strict();
const CreateSchema = ArticleFieldsSchema.extend({ id: IdSchema });
const UpdateSchema = z.object({ id: IdSchema, expectedVersion: z.number().int().min(0, 'must be 0 or more'), article: ArticleFieldsSchema }).strict();
const RetireSchema = z.object({ id: IdSchema }).strict();
const PullQuerySchema = z
  .object({
    cursor: z.coerce.number().int().min(0, 'must be 0 or more'),
    limit: z.coerce.number().int().min(1, 'must be at least 1').max(KB_PULL_PAGE_MAX, `must be at most ${KB_PULL_PAGE_MAX}`).default(KB_PULL_PAGE_DEFAULT),
  })
  .strict();

/**
 * Knowledge-base articles (docs/knowledge-base.md): anyone signed in reads, leads and admins edit,
 * desks pull changes since their cursor. Every query is scoped to the tenant in the token.
 */
export const kbRoutes = ({ db }: RouteDeps): Route[] => [
  {
    method: 'GET',
    path: '/kb/articles',
    async handle(ctx) {
      const user = ctx.requireUser(READERS);
      const query = ctx.query(ListQuerySchema);
      const articles = await listArticles(db, user.tenant, query.includeRetired === 'true');
      return { body: { articles: articles.map(({ article, retired }) => ({ ...article, retired })) } };
    },
  },
  {
    method: 'GET',
    path: '/kb/article',
    async handle(ctx) {
      const user = ctx.requireUser(READERS);
      const { article, retired } = await getArticle(db, user.tenant, ctx.query(IdQuerySchema).id);
      return { body: { article, retired } };
    },
  },
  {
    method: 'POST',
    path: '/kb/articles',
    async handle(ctx) {
      const user = ctx.requireUser(EDITORS);
      const { id, ...fields } = await ctx.body(CreateSchema, 'The article');
      const { article, created } = await createArticle(db, user.tenant, user.sub, id, fields);
      return { status: created ? 201 : 200, body: { article } };
    },
  },
  {
    method: 'POST',
    path: '/kb/articles/update',
    async handle(ctx) {
      const user = ctx.requireUser(EDITORS);
      const input = await ctx.body(UpdateSchema, 'The change');
      return { body: { article: await updateArticle(db, user.tenant, user.sub, input.id, input.expectedVersion, input.article) } };
    },
  },
  {
    method: 'POST',
    path: '/kb/articles/retire',
    async handle(ctx) {
      const user = ctx.requireUser(EDITORS);
      const input = await ctx.body(RetireSchema, 'The request');
      return { body: await retireArticle(db, user.tenant, input.id) };
    },
  },
  {
    method: 'GET',
    path: '/kb/pull',
    async handle(ctx) {
      const desk = ctx.requireDesk();
      const query = ctx.query(PullQuerySchema);
      return { body: (await pullArticleChanges(db, desk.tenant, query.cursor, query.limit)) satisfies KbPullResponse };
    },
  },
];
