import { describe, expect, it } from 'vitest';
import type { CaseSummary } from '../../../../shared/contract';
import { MAX_PAGES, PAGE_SIZE, addPage, cursorFor, emptyBook, nextPageToFetch, rowAt, type PageBook } from './case-pages';

const summary = (n: number): CaseSummary => ({
  id: `case-${n}`,
  reference: `D01-260101-${String(n + 1).padStart(4, '0')}`,
  status: 'open',
  kind: 'information',
  channel: 'phone',
  serviceCode: 'billing-inquiry',
  departmentCode: 'utility_billing',
  priority: 'normal',
  callerName: null,
  callerPhone: null,
  addressText: null,
  summary: '',
  createdAt: '2026-01-01T12:00:00.000Z',
});

/** A desk with `total` rows; page p's next cursor is "after-p". */
function answer(page: number, total: number) {
  const first = page * PAGE_SIZE;
  const items = Array.from({ length: Math.max(0, Math.min(PAGE_SIZE, total - first)) }, (_, i) => summary(first + i));
  return { items, nextCursor: first + PAGE_SIZE < total ? `after-${page}` : null, total };
}

/** Fetches what rows first..last need, the way the list does, and returns the pages it asked for. */
function scrollTo(book: PageBook, first: number, last: number, total: number): { book: PageBook; asked: number[] } {
  const asked: number[] = [];
  for (let page = nextPageToFetch(book, first, last); page !== null; page = nextPageToFetch(book, first, last)) {
    expect(cursorFor(book, page)).toBe(page === 0 ? undefined : `after-${page - 1}`);
    asked.push(page);
    book = addPage(book, page, answer(page, total), Math.floor(first / PAGE_SIZE));
  }
  return { book, asked };
}

describe('case pages', () => {
  it('fetches the first page, then only what the visible rows need', () => {
    let { book, asked } = scrollTo(emptyBook(), 0, 20, 1_000);
    expect(asked).toEqual([0]);
    expect(book.total).toBe(1_000);
    expect(rowAt(book, 20)?.id).toBe('case-20');
    ({ book, asked } = scrollTo(book, PAGE_SIZE - 10, PAGE_SIZE + 30, 1_000));
    expect(asked).toEqual([1]);
    expect(rowAt(book, PAGE_SIZE + 30)?.id).toBe(`case-${PAGE_SIZE + 30}`);
  });

  it('walks the keyset pages in order to reach a row far ahead', () => {
    const { book, asked } = scrollTo(scrollTo(emptyBook(), 0, 10, 10_000).book, 5_000, 5_020, 10_000);
    const pageOfRow5020 = Math.floor(5_020 / PAGE_SIZE);
    expect(asked).toEqual(Array.from({ length: pageOfRow5020 }, (_, i) => i + 1));
    expect(rowAt(book, 5_010)?.id).toBe('case-5010');
  });

  it('keeps at most MAX_PAGES pages and fetches a dropped page again by its cursor', () => {
    const total = (MAX_PAGES + 20) * PAGE_SIZE;
    let { book } = scrollTo(emptyBook(), 0, 10, total);
    ({ book } = scrollTo(book, total - 10, total - 1, total));
    expect(book.pages.size).toBe(MAX_PAGES);
    expect(rowAt(book, 5)).toBeUndefined();
    const again = scrollTo(book, 0, 10, total);
    expect(again.asked).toEqual([0]);
    expect(rowAt(again.book, 5)?.id).toBe('case-5');
  });

  it('stops at the last page and counts exactly what it held', () => {
    const total = PAGE_SIZE + 30;
    const { book, asked } = scrollTo(emptyBook(), 0, PAGE_SIZE * 2.25, total);
    expect(asked).toEqual([0, 1]);
    expect(book.lastPage).toBe(1);
    expect(book.total).toBe(total);
    expect(nextPageToFetch(book, PAGE_SIZE * 1.5, PAGE_SIZE * 4.5)).toBeNull();
  });

  it('settles an empty result after one request', () => {
    const { book, asked } = scrollTo(emptyBook(), 0, 20, 0);
    expect(asked).toEqual([0]);
    expect(book.total).toBe(0);
  });
});

describe('a desk that only says "at least"', () => {
  it('lets the list grow a page past what has loaded until the last page arrives', () => {
    const page = (p: number, last: boolean) => ({
      items: Array.from({ length: PAGE_SIZE }, (_, i) => ({ id: `${p}-${i}` }) as never),
      nextCursor: last ? null : `after-${p}`,
      total: 5 * PAGE_SIZE,
      totalIsExact: false,
    });
    let book = addPage(emptyBook(), 0, page(0, false), 0);
    expect(book.total).toBe(5 * PAGE_SIZE);
    expect(book.reported).toEqual({ total: 5 * PAGE_SIZE, exact: false });
    for (let p = 1; p <= 5; p++) book = addPage(book, p, page(p, false), p);
    expect(book.total).toBe(7 * PAGE_SIZE);
    book = addPage(book, 6, page(6, true), 6);
    expect(book.total).toBe(7 * PAGE_SIZE);
    expect(book.reported).toEqual({ total: 7 * PAGE_SIZE, exact: true });
  });
});
