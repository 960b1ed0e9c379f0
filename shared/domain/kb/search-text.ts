/**
 * Text handling shared by the desk's article search and the console: the same word splitting as
 * the FTS5 index (unicode61, diacritics removed), the plain text of a Markdown body, and the
 * one-edit comparison behind typo tolerance.
 */

/** Words that carry no meaning in a caller's question ("when is my garbage picked up"). */
const STOPWORDS = new Set(
  (
    'a an and are as at be been but by can could did do does for from get got had has have how i if in into is it its me my no not of on or our ' +
    'please so than that the their them then there these they this to too was we were what when where which who why will with would you your'
  ).split(' '),
);

/** Lower case without accents, as FTS5's unicode61 tokenizer with remove_diacritics 2 sees it. */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** The words of a query, folded, without stop words; `partial` says whether the last one is still being typed. */
export function queryWords(query: string): { words: string[]; partial: boolean } {
  const folded = foldText(query);
  const all = folded.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
  const partial = all.length > 0 && /[\p{L}\p{N}]$/u.test(folded);
  const words: string[] = [];
  all.forEach((word, i) => {
    const last = i === all.length - 1;
    // A stop word being typed may be the start of a real word ("whe" → "wheelchair").
    if (STOPWORDS.has(word) && !(last && partial)) return;
    if (!words.includes(word)) words.push(word);
  });
  const lastKept = words.at(-1);
  return { words, partial: partial && lastKept === all.at(-1) };
}

/** Whether `a` becomes `b` by at most one insertion, deletion, substitution or swap of neighbours. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/**
 * The words of a Markdown body as a reader sees them: no heading marks, emphasis, link targets,
 * list bullets or table pipes. Indexed for search and shown in snippets.
 */
export function markdownToPlainText(markdown: string): string {
  return markdown
    .replace(/```[^\n]*\n([\s\S]*?)```/g, '$1')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/<(https?:[^>]+)>/g, '$1')
    .replace(/^\s{0,3}#{1,6}\s+/gm, '')
    .replace(/^\s{0,3}>\s?/gm, '')
    .replace(/^\s*(?:[-*+]|\d+[.)])\s+/gm, '')
    .replace(/^\s*\|?(?:\s*:?-{3,}:?\s*\|)+\s*:?-*:?\s*$/gm, '')
    .replace(/\|/g, ' ')
    .replace(/(\*\*|__|\*|_|`|~~)(?=\S)([\s\S]*?\S)\1/g, '$2')
    .replace(/[ \t]+/g, ' ')
    .replace(/\n{2,}/g, '\n')
    .trim();
}
