import { z } from 'zod';
import { IdSchema } from '../domain';
import { ArticleFieldsSchema, ArticleSchema } from '../domain/kb';
import { networkOp, op, type Operation } from './operation';

export { ArticleFieldsSchema, ArticleSchema, type Article, type ArticleFields } from '../domain/kb';

/** An article as the console shows it: with its department's name and whether its review is overdue. */
export const ArticleViewSchema = ArticleSchema.extend({
  departmentName: z.string(),
  /** Its review date has passed (on the centre's calendar): the console flags it. */
  stale: z.boolean(),
});
export type ArticleView = z.infer<typeof ArticleViewSchema>;

/** Part of a snippet; `match` parts are the words the search found. */
export const SnippetPartSchema = z.object({ text: z.string(), match: z.boolean() });
export type SnippetPart = z.infer<typeof SnippetPartSchema>;

export const ArticleHitSchema = z.object({
  id: IdSchema,
  title: z.string(),
  /** From the body, around the words found (the body's start when only the title matched). */
  snippet: z.array(SnippetPartSchema),
  departmentCode: z.string(),
  departmentName: z.string(),
  serviceCodes: z.array(z.string()),
  reviewBy: z.string(),
  stale: z.boolean(),
});
export type ArticleHit = z.infer<typeof ArticleHitSchema>;

export const SearchArticlesInputSchema = z
  .object({
    /** What the specialist typed, or the caller's question; may be empty (then: the service type's articles, or all by title). */
    query: z.string().max(500, 'must be at most 500 characters'),
    /** The case's service type: its articles rank higher, and are the answer to an empty query. */
    serviceCode: z.string().max(64).nullable().optional(),
    /** Only articles whose review date has passed (a lead's review list). */
    staleOnly: z.boolean().default(false),
    limit: z.number().int().min(1, 'must be at least 1').max(100, 'must be at most 100').default(10),
  })
  .strict();

export const SaveArticleInputSchema = z
  .object({
    /** Absent for a new article. */
    id: IdSchema.optional(),
    /** The version the editor opened (required with id): a save over someone else's newer change is refused. */
    expectedVersion: z.number().int().min(0).optional(),
    article: ArticleFieldsSchema,
  })
  .strict()
  .refine((input) => input.id === undefined || input.expectedVersion !== undefined, { message: 'is required when changing an article', path: ['expectedVersion'] });

/** The knowledge base's console operations (spread into consoleApi). */
export const kbOperations = {
  /** Offline, from the desk's copy: full-text with prefix matching and typo tolerance, title matches first. */
  searchArticles: op(SearchArticlesInputSchema, z.object({ hits: z.array(ArticleHitSchema) }), false),
  getArticle: op(z.object({ id: IdSchema }).strict(), ArticleViewSchema, false),
  /** Leads and admins, against the sync server with their city sign-in; the desk's copy changes at once. */
  saveArticle: networkOp(SaveArticleInputSchema, ArticleViewSchema, true),
  /** Leads and admins: the article leaves every desk at its next sync, and this desk at once. */
  retireArticle: networkOp(z.object({ id: IdSchema }).strict(), z.object({ id: IdSchema, retired: z.literal(true) }), true),
} as const satisfies Record<string, Operation>;
