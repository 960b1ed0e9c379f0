import { useCallback, useEffect, useRef, useState } from 'react';
import type { CaseFilters, CaseSummary } from '../../../../shared/contract';
import { request } from '../../api/api';
import { PAGE_SIZE, addPage, cursorFor, emptyBook, nextPageToFetch, pageOf, rowAt, type PageBook } from './case-pages';

export interface CasePages {
  /** Rows the list can show: the desk's count, or 0 before the first page. */
  count: number;
  /** The desk's count, or null before the first page has arrived. */
  total: number | null;
  /** False when the desk gave a lower bound ("1,000+"), for a broad search. */
  totalIsExact: boolean;
  rowAt: (index: number) => CaseSummary | undefined;
  /** Tells the pager which rows are on screen; it fetches what they need, one page at a time. */
  showRows: (first: number, last: number) => void;
  /** Rows walked so far in keyset order; rows past this cannot be fetched until the walk reaches them. */
  reached: number;
  /** A new query was asked and its first page has not arrived yet; the rows shown are the old query's. */
  stale: boolean;
  loading: boolean;
  error: string | null;
  retry: () => void;
}

type FirstPage = Promise<Awaited<ReturnType<typeof request<'listCases'>>>>;
/** First pages asked for from the keystroke's own handler, before React has re-rendered the list. */
const early = new Map<string, FirstPage>();

/**
 * Asks for a query's first page at once. The list asks for the same page after it re-renders; it
 * takes this answer instead, so the desk's work overlaps the render rather than following it.
 */
export function prefetchFirstPage(filters: CaseFilters): void {
  const key = JSON.stringify(filters);
  if (early.has(key)) return;
  early.clear(); // only the latest query's answer can still be wanted
  const answer = request('listCases', { filters, limit: PAGE_SIZE });
  answer.catch(() => undefined);
  early.set(key, answer);
}

function firstPage(filters: CaseFilters): FirstPage {
  const key = JSON.stringify(filters);
  const answer = early.get(key);
  early.delete(key);
  return answer ?? request('listCases', { filters, limit: PAGE_SIZE });
}

interface Shown {
  book: PageBook;
  /** The query generation the book belongs to, and that query. */
  generation: number;
  key: string | null;
}

/**
 * listCases for a virtual list: fetches the pages the visible rows need, in keyset order. The rows
 * of the previous query stay on screen until the new query's first page replaces them, so typing in
 * the search box never flashes an empty list. `filters` null (an invalid query) keeps them too.
 */
export function useCasePages(filters: CaseFilters | null): CasePages {
  const key = filters === null ? null : JSON.stringify(filters);
  const [shown, setShown] = useState<Shown>(() => ({ book: emptyBook(), generation: 0, key: null }));
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [visible, setVisible] = useState<[number, number]>([0, 0]);
  const generation = useRef(0);
  const query = useRef<CaseFilters | null>(null);
  const inFlight = useRef(false);

  useEffect(() => {
    if (key === null) return;
    generation.current += 1;
    query.current = filters;
    inFlight.current = false;
    setError(null);
  }, [key]);

  useEffect(() => {
    const filtersNow = query.current;
    if (inFlight.current || error !== null || filtersNow === null) return;
    const asked = generation.current;
    const fresh = shown.generation !== asked;
    const [first, last] = visible;
    const page = fresh ? 0 : nextPageToFetch(shown.book, first, last);
    if (page === null) return;
    const cursor = fresh ? undefined : cursorFor(shown.book, page);
    inFlight.current = true;
    setLoading(true);
    (cursor === undefined && page === 0 ? firstPage(filtersNow) : request('listCases', { filters: filtersNow, limit: PAGE_SIZE, ...(cursor === undefined ? {} : { cursor }) })).then(
      (result) => {
        if (asked !== generation.current) return;
        inFlight.current = false;
        setLoading(false);
        setShown((current) => ({
          book: addPage(current.generation === asked ? current.book : emptyBook(), page, result, pageOf((first + last) / 2)),
          generation: asked,
          key: JSON.stringify(filtersNow),
        }));
      },
      (failure: unknown) => {
        if (asked !== generation.current) return;
        inFlight.current = false;
        setLoading(false);
        setError(failure instanceof Error ? failure.message : String(failure));
      },
    );
  }, [key, shown, visible, error]);

  const showRows = useCallback((first: number, last: number) => {
    setVisible((current) => (current[0] === first && current[1] === last ? current : [first, last]));
  }, []);

  const { book } = shown;
  return {
    count: book.total ?? 0,
    total: book.reported?.total ?? null,
    totalIsExact: book.reported?.exact ?? true,
    rowAt: (index) => rowAt(book, index),
    showRows,
    reached: book.lastPage === null ? book.cursors.length * PAGE_SIZE : (book.total ?? 0),
    stale: key !== null && shown.key !== key,
    loading,
    error,
    retry: () => setError(null),
  };
}
