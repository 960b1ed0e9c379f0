import type { CaseSummary } from '../../../../shared/contract';

/**
 * Rows per request. A little more than a 1080p screen holds: the first page after a keystroke is
 * what the specialist waits for, and every row of it is queried, sent, parsed and diffed.
 */
export const PAGE_SIZE = 50;
/** Pages kept in memory (10,000 rows); the rest are dropped and fetched again by their cursor. */
export const MAX_PAGES = 50;

/**
 * The rows of one listCases query, a page at a time. listCases pages by keyset cursor, so a page's
 * cursor is known only once the page before it has arrived: scrolling far ahead walks the pages in
 * order, and every cursor seen is kept, so a page dropped from memory can be fetched again directly.
 */
export interface PageBook {
  pages: Map<number, CaseSummary[]>;
  /** cursors[i] fetches page i + 1; page 0 needs no cursor. */
  cursors: string[];
  /** The final page's index, once a page came back without a next cursor. */
  lastPage: number | null;
  /** Rows the list spans: the desk's count, or — when the desk only says "at least" — what has loaded plus a page. */
  total: number | null;
  /** The desk's own count, and whether it is exact or a lower bound (a broad search says "1,000+"). */
  reported: { total: number; exact: boolean } | null;
}

export const emptyBook = (): PageBook => ({ pages: new Map(), cursors: [], lastPage: null, total: null, reported: null });

export const pageOf = (index: number): number => Math.floor(index / PAGE_SIZE);

export function rowAt(book: PageBook, index: number): CaseSummary | undefined {
  return book.pages.get(pageOf(index))?.[index % PAGE_SIZE];
}

export function cursorFor(book: PageBook, page: number): string | undefined {
  return page === 0 ? undefined : book.cursors[page - 1];
}

/** The page to fetch next so rows first..last can show, or null when they are all loaded. */
export function nextPageToFetch(book: PageBook, first: number, last: number): number | null {
  const reachable = book.cursors.length; // the highest page whose cursor is known
  for (let page = pageOf(Math.max(0, first)); page <= pageOf(Math.max(0, last)); page++) {
    if (book.lastPage !== null && page > book.lastPage) return null;
    if (book.total !== null && page * PAGE_SIZE >= book.total && book.total > 0) return null;
    if (!book.pages.has(page)) return Math.min(page, reachable);
  }
  return null;
}

/** Files a page the desk returned and drops the pages furthest from `focusPage` beyond MAX_PAGES. */
export function addPage(
  book: PageBook,
  page: number,
  result: { items: CaseSummary[]; nextCursor: string | null; total: number; totalIsExact?: boolean },
  focusPage: number,
): PageBook {
  const pages = new Map(book.pages).set(page, result.items);
  let { cursors, lastPage } = book;
  const exact = result.totalIsExact ?? true;
  let total = result.total;
  let reported = { total: result.total, exact };
  if (result.nextCursor === null) {
    lastPage = page;
    total = page * PAGE_SIZE + result.items.length;
    reported = { total, exact: true };
  } else {
    if (cursors.length === page) cursors = [...cursors, result.nextCursor];
    // A lower bound: let the list reach one page past what has loaded, so scrolling keeps fetching.
    if (!exact) total = Math.max(result.total, book.total ?? 0, (page + 2) * PAGE_SIZE);
  }
  if (pages.size > MAX_PAGES) {
    const furthest = [...pages.keys()].sort((a, b) => Math.abs(b - focusPage) - Math.abs(a - focusPage));
    for (const drop of furthest.slice(0, pages.size - MAX_PAGES)) pages.delete(drop);
  }
  return { pages, cursors, lastPage, total, reported };
}
