import type { ArticleHit, SnippetPart } from '../../../shared/contract/kb';
import type { Catalog } from '../../../shared/domain';
import { foldText, isPastReview, queryWords } from '../../../shared/domain/kb';
import type { ReadableDb } from '../db/connection';
import { statement } from '../db/statements';
import { hasPrefix, numberForms, typoAlternatives, typoPrefixes, vocabulary, type Vocabulary } from './kb-vocabulary';

export interface ArticleSearch {
  query: string;
  serviceCode?: string | null | undefined;
  staleOnly: boolean;
  limit: number;
}

/** Title, keywords, body: a word in the title counts ten times one in the body. */
const RANK = 'bm25(kb_search, 10.0, 4.0, 1.0)';
/** An article about the case's service type ranks as if it matched half again as well. */
const SERVICE_BOOST = 1.5;

interface HitRow {
  seq: number;
  score?: number;
  id: string;
  title: string;
  department_code: string;
  service_codes: string;
  review_by: string;
}

/** What the words of a query match: FTS5 groups (one per word, its spellings OR-ed), and the spellings for highlighting. */
interface Matcher {
  groups: string[];
  /** Per group, the spellings and prefixes it matches, to see which groups a title covers. */
  spellings: { words: string[]; prefixes: string[] }[];
  words: Set<string>;
  prefixes: string[];
}

/**
 * One group per word of the query: the word and the spellings the index holds one edit away (when
 * the word itself is not indexed) or its singular/plural; the word still being typed matches as a
 * prefix. A word nothing in the index can match is left out rather than emptying the result.
 */
export function matcherFor(vocab: Vocabulary, query: string): Matcher {
  const { words, partial } = queryWords(query);
  const matcher: Matcher = { groups: [], spellings: [], words: new Set(), prefixes: [] };
  words.forEach((word, i) => {
    // One letter ("s" of "household’s", a word just begun) says nothing yet.
    if (word.length < 2) return;
    if (partial && i === words.length - 1) {
      const prefixes = [...(hasPrefix(vocab, word) ? [word] : []), ...typoPrefixes(vocab, word)];
      if (prefixes.length === 0) return;
      matcher.prefixes.push(...prefixes);
      matcher.groups.push(`(${prefixes.map((p) => `"${p}"*`).join(' OR ')})`);
      matcher.spellings.push({ words: [], prefixes });
      return;
    }
    const spellings = [...(vocab.docs.has(word) ? [word] : []), ...numberForms(vocab, word), ...typoAlternatives(vocab, word)];
    if (spellings.length === 0) return;
    for (const s of spellings) matcher.words.add(s);
    matcher.groups.push(`(${spellings.map((s) => `"${s}"`).join(' OR ')})`);
    matcher.spellings.push({ words: spellings, prefixes: [] });
  });
  return matcher;
}

const hitQuery = (db: ReadableDb) =>
  statement(
    db,
    `SELECT a.seq, a.id, a.title, a.department_code, a.service_codes, a.review_by,
       ${RANK} * CASE WHEN EXISTS (SELECT 1 FROM kb_article_services s WHERE s.service_code = @service AND s.seq = kb_search.rowid)
         THEN ${SERVICE_BOOST} ELSE 1.0 END AS score
     FROM kb_search JOIN kb_articles a ON a.seq = kb_search.rowid
     WHERE kb_search MATCH @match AND (@staleOnly = 0 OR a.review_by < @today)
     ORDER BY score LIMIT @limit`,
  );

/**
 * The articles that answer a query, best first: those matching every word, then (when fewer than
 * `limit`) those matching any — a caller's whole question rarely appears in one article. An empty
 * query lists the service type's articles, or all by title (by review date for the stale list).
 */
export function searchArticles(db: ReadableDb, catalog: Catalog, today: string, input: ArticleSearch): ArticleHit[] {
  const vocab = vocabulary(db);
  const matcher = matcherFor(vocab, input.query);
  const params = { service: input.serviceCode ?? '', staleOnly: input.staleOnly ? 1 : 0, today, limit: input.limit };
  let rows: HitRow[];
  if (matcher.groups.length === 0) {
    if (queryWords(input.query).words.some((w) => w.length >= 2)) return [];
    rows = listing(db, params);
  } else {
    const candidates = { ...params, limit: input.limit + RERANKED };
    rows = byTitleCoverage(hitQuery(db).all({ ...candidates, match: matcher.groups.join(' AND ') }) as HitRow[], matcher).slice(0, input.limit);
    if (rows.length < input.limit && matcher.groups.length > 1) {
      const seen = new Set(rows.map((r) => r.seq));
      const more = byTitleCoverage(hitQuery(db).all({ ...candidates, match: matcher.groups.join(' OR ') }) as HitRow[], matcher);
      rows = [...rows, ...more.filter((r) => !seen.has(r.seq))].slice(0, input.limit);
    }
  }
  const departments = new Map(catalog.departments.map((d) => [d.code, d.name]));
  const bodyOf = statement(db, 'SELECT body FROM kb_search WHERE rowid = ?').pluck();
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    snippet: snippet(String(bodyOf.get(row.seq) ?? ''), matcher),
    departmentCode: row.department_code,
    departmentName: departments.get(row.department_code) ?? row.department_code,
    serviceCodes: JSON.parse(row.service_codes) as string[],
    reviewBy: row.review_by,
    stale: isPastReview(row.review_by, today),
  }));
}

/**
 * BM25 gives a word being typed ("it" for "item") the weight of its every completion, which is
 * almost none for a short prefix; so among the best candidates, an article whose title holds more
 * of the query's words moves up: its score counts (1 + the share of words its title holds) times.
 */
const RERANKED = 20;

function byTitleCoverage(rows: HitRow[], matcher: Matcher): HitRow[] {
  const coverage = (title: string) => {
    const words = foldText(title).split(/[^\p{L}\p{N}]+/u);
    const covered = matcher.spellings.filter((g) => words.some((w) => g.words.includes(w) || g.prefixes.some((p) => w.startsWith(p))));
    return covered.length / matcher.spellings.length;
  };
  return rows
    .map((row) => ({ row, score: (row.score ?? 0) * (1 + coverage(row.title)) }))
    .sort((a, b) => a.score - b.score)
    .map((r) => r.row);
}

function listing(db: ReadableDb, params: { service: string; staleOnly: number; today: string; limit: number }): HitRow[] {
  const order = params.staleOnly ? 'a.review_by, a.title COLLATE NOCASE' : 'a.title COLLATE NOCASE';
  if (params.service) {
    return statement(
      db,
      `SELECT a.seq, a.id, a.title, a.department_code, a.service_codes, a.review_by
       FROM kb_article_services s JOIN kb_articles a ON a.seq = s.seq
       WHERE s.service_code = @service AND (@staleOnly = 0 OR a.review_by < @today) ORDER BY ${order} LIMIT @limit`,
    ).all(params) as HitRow[];
  }
  return statement(
    db,
    `SELECT a.seq, a.id, a.title, a.department_code, a.service_codes, a.review_by
     FROM kb_articles a WHERE (@staleOnly = 0 OR a.review_by < @today) ORDER BY ${order} LIMIT @limit`,
  ).all({ staleOnly: params.staleOnly, today: params.today, limit: params.limit }) as HitRow[];
}

const SNIPPET_WORDS = 28;
const WORDS_BEFORE = 6;

/** About SNIPPET_WORDS words of the body around its first match, the matched words marked. */
export function snippet(body: string, matcher: Pick<Matcher, 'words' | 'prefixes'>): SnippetPart[] {
  // Odd indexes are words, even ones the text between them.
  const pieces = body.replace(/\s+/g, ' ').split(/([\p{L}\p{N}]+)/u);
  const matches = (word: string) => {
    const folded = foldText(word);
    return matcher.words.has(folded) || matcher.prefixes.some((p) => folded.startsWith(p));
  };
  let first = pieces.findIndex((piece, i) => i % 2 === 1 && matches(piece));
  if (first < 0) first = 1;
  const start = Math.max(1, first - WORDS_BEFORE * 2);
  const end = Math.min(pieces.length, start + SNIPPET_WORDS * 2);
  const parts: SnippetPart[] = [];
  const push = (text: string, match: boolean) => {
    const last = parts.at(-1);
    if (last && last.match === match && !match) last.text += text;
    else if (text) parts.push({ text, match });
  };
  if (start > 1) push('… ', false);
  for (let i = start; i < end; i++) push(pieces[i]!, i % 2 === 1 && matches(pieces[i]!));
  if (end < pieces.length) push(' …', false);
  return parts;
}
