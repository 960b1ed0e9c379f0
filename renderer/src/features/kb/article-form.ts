import { ArticleFieldsSchema, type Article, type ArticleFields, type SnippetPart } from '../../../../shared/contract/kb';

/** The editor's fields as typed: keywords as one comma-separated line. */
export interface ArticleDraft {
  title: string;
  body: string;
  keywords: string;
  departmentCode: string;
  serviceCodes: string[];
  owner: string;
  reviewBy: string;
}

/** A new article's review date: a year from today (YYYY-MM-DD). */
export function defaultReviewBy(today: string): string {
  const [year, rest] = [Number(today.slice(0, 4)), today.slice(4)];
  return rest === '-02-29' ? `${year + 1}-02-28` : `${year + 1}${rest}`;
}

export function emptyDraft(today: string): ArticleDraft {
  return { title: '', body: '', keywords: '', departmentCode: '', serviceCodes: [], owner: '', reviewBy: defaultReviewBy(today) };
}

export function draftOf(article: Article): ArticleDraft {
  return {
    title: article.title,
    body: article.body,
    keywords: article.keywords.join(', '),
    departmentCode: article.departmentCode,
    serviceCodes: [...article.serviceCodes],
    owner: article.owner,
    reviewBy: article.reviewBy,
  };
}

/** Keywords split on commas, trimmed, without blanks or repeats (case-insensitive). */
export function keywordsOf(text: string): string[] {
  const seen = new Set<string>();
  return text
    .split(',')
    .map((k) => k.trim())
    .filter((k) => {
      const key = k.toLowerCase();
      if (!k || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** The draft as the contract wants it, or the message for each field that is wrong (keyed like the desk's issues: `serviceCodes.0`). */
export function checkDraft(draft: ArticleDraft): { ok: true; fields: ArticleFields } | { ok: false; errors: Record<string, string> } {
  const parsed = ArticleFieldsSchema.safeParse({ ...draft, keywords: keywordsOf(draft.keywords) });
  if (parsed.success) return { ok: true, fields: parsed.data };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path.map(String).join('.') || 'article';
    const message = field === 'departmentCode' && draft.departmentCode === '' ? 'choose the department' : issue.message;
    errors[field] ??= message;
  }
  return { ok: false, errors };
}

/** An error the server or desk named for a field, as the editor names it (keywords.3 → keywords). */
export const editorField = (field: string): string => field.replace(/^article\./, '').replace(/^(keywords)\.\d+$/, '$1');

/** "27 November 2026" for a YYYY-MM-DD date, without the renderer's time zone moving it a day. */
export function formatReviewDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  if (!y || !m || !d) return date;
  return new Intl.DateTimeFormat('en-CA', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, d));
}

/** A snippet as one line of plain text, for screen readers and titles. */
export const snippetText = (parts: readonly SnippetPart[]): string => parts.map((p) => p.text).join('');
