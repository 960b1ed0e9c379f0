import { z } from 'zod';
import { changePageSchema } from '../change-page';
import { IsoTimeSchema } from '../case';
import { IdSchema } from '../ids';

/** Department and service type codes, spelled as the catalog spells them (checked against it where one is at hand). */
const CatalogCodeSchema = z.string().regex(/^[a-z0-9][a-z0-9_-]{1,63}$/, 'must be a catalog code: lower-case letters, digits, _ or -');

/** YYYY-MM-DD (its own schema: the reports' one brings luxon along). */
const ReviewDateSchema = z.iso.date({ message: 'must be a date like 2027-06-30 (YYYY-MM-DD)' });

const KeywordSchema = z.string().trim().min(1, 'must not be empty').max(60, 'must be at most 60 characters');

/** What a lead or admin writes: the article itself, without who saved it when. */
export const ArticleFieldsSchema = z
  .object({
    title: z.string().trim().min(3, 'must be at least 3 characters').max(200, 'must be at most 200 characters'),
    /** Markdown; rendered without raw HTML. */
    body: z.string().trim().min(1, 'must not be empty').max(50_000, 'must be at most 50,000 characters'),
    keywords: z.array(KeywordSchema).max(30, 'at most 30 keywords'),
    departmentCode: CatalogCodeSchema,
    /** Service types the article answers questions about: the intake suggests it for them. */
    serviceCodes: z.array(CatalogCodeSchema).max(20, 'at most 20 service types'),
    /** Who keeps it correct: a person or a role, e.g. "Waste & Recycling — customer service lead". */
    owner: z.string().trim().min(1, 'must not be empty').max(120, 'must be at most 120 characters'),
    /** The local date by which someone must check it again; after it the article is flagged. */
    reviewBy: ReviewDateSchema,
  })
  .strict();
export type ArticleFields = z.infer<typeof ArticleFieldsSchema>;

/** An article as the server keeps it and desks copy it. */
export const ArticleSchema = ArticleFieldsSchema.extend({
  id: IdSchema,
  /** The server's per-tenant knowledge-base version of its last change; 0 for the starter copy a desk ships with. */
  version: z.number().int().min(0),
  updatedAt: IsoTimeSchema,
  /** The name of who saved it last; null for the starter set. */
  updatedBy: z.string().nullable(),
});
export type Article = z.infer<typeof ArticleSchema>;

/** One change a desk pulls: an article as it now is, or the tombstone of a retired one. */
export const KbPullRowSchema = z.discriminatedUnion('retired', [
  z.object({ retired: z.literal(false), version: z.number().int().min(1), article: ArticleSchema }),
  z.object({ retired: z.literal(true), version: z.number().int().min(1), id: IdSchema }),
]);
export type KbPullRow = z.infer<typeof KbPullRowSchema>;

/** GET /kb/pull?cursor=N: changes with version > N in version order; `cursor` is the last one's. */
export const KbPullResponseSchema = changePageSchema(KbPullRowSchema);
export type KbPullResponse = z.infer<typeof KbPullResponseSchema>;

export const KB_PULL_PAGE_DEFAULT = 500;
export const KB_PULL_PAGE_MAX = 2_000;

/** Whether an article's review date has passed on `today` (a local date, YYYY-MM-DD). */
export const isPastReview = (reviewBy: string, today: string): boolean => reviewBy < today;

/** Catalog codes an article names that the catalog lacks, as field issues. */
export function unknownCatalogCodes(
  fields: Pick<ArticleFields, 'departmentCode' | 'serviceCodes'>,
  known: { departments: ReadonlySet<string>; serviceTypes: ReadonlySet<string> },
): { field: string; message: string }[] {
  const issues: { field: string; message: string }[] = [];
  if (!known.departments.has(fields.departmentCode)) issues.push({ field: 'departmentCode', message: `there is no department '${fields.departmentCode}' in the catalog` });
  fields.serviceCodes.forEach((code, i) => {
    if (!known.serviceTypes.has(code)) issues.push({ field: `serviceCodes.${i}`, message: `there is no service type '${code}' in the catalog` });
  });
  return issues;
}
