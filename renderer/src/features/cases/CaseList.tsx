import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Button } from 'react-aria-components';
import { Keys } from '../../components/Kbd';
import { useShortcuts } from '../../components/use-shortcuts';
import { hasFilters, rememberPlace, rememberedPlace, toCaseFilters, type FilterState } from './case-filters';
import { PAGE_SIZE } from './case-pages';
import { CaseFilterBar } from './CaseFilterBar';
import { CaseColumns, CaseRow, PlaceholderRow, ROW_HEIGHT, optionId } from './CaseRow';
import { formatCount, formatNumber } from './format';
import { prefetchFirstPage, useCasePages } from './use-case-pages';
import { useCatalog } from '../../components/use-catalog';

/** Rows past the visible ones whose page is fetched ahead, so scrolling rarely meets a placeholder. */
const PREFETCH_ROWS = PAGE_SIZE / 2;
const rowHeight = () => ROW_HEIGHT;
const clamp = (n: number, low: number, high: number) => Math.max(low, Math.min(high, n));

/** Every case on this desk, newest first: search, filters and a virtual list that pages as it scrolls. */
export function CaseList({ onOpen }: { onOpen: (id: string) => void }) {
  const [start] = useState(rememberedPlace);
  const [filterState, setFilterState] = useState<FilterState>(start.filters);
  // No debounce: the desk answers a search in a few milliseconds, the first page is asked for from
  // the keystroke itself (prefetchFirstPage), and answers to queries already typed past are dropped.
  const query = useMemo(() => toCaseFilters(filterState), [filterState]);
  const pages = useCasePages(query.filters);
  const filtersNow = useRef(filterState);
  filtersNow.current = filterState;
  const prefetchText = useCallback((typed: string) => {
    const next = toCaseFilters({ ...filtersNow.current, text: typed });
    if (next.filters) prefetchFirstPage(next.filters);
  }, []);
  const { catalog, serviceName } = useCatalog();
  const [activeIndex, setActiveIndex] = useState(start.activeIndex);
  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const active = clamp(activeIndex, 0, Math.max(0, pages.count - 1));

  // The active row is always rendered, even when scrolled out of view, so aria-activedescendant
  // always names an element that exists.
  const activeRef = useRef(active);
  activeRef.current = active;
  const rangeExtractor = useCallback((range: Range) => {
    const indexes = defaultRangeExtractor(range);
    const keep = activeRef.current;
    if (range.count === 0 || indexes.includes(keep)) return indexes;
    return [...indexes, keep].sort((a, b) => a - b);
  }, []);

  const virtualizer = useVirtualizer({
    count: pages.count,
    getScrollElement: () => listRef.current,
    estimateSize: rowHeight,
    overscan: 12,
    rangeExtractor,
    useFlushSync: false,
  });
  const rows = virtualizer.getVirtualItems();
  const firstShown = virtualizer.range?.startIndex ?? 0;
  const lastShown = virtualizer.range?.endIndex ?? 0;
  const { showRows } = pages;
  useEffect(() => showRows(firstShown, lastShown + PREFETCH_ROWS), [firstShown, lastShown, showRows]);

  // A new query starts at its first row; the first query of this visit goes back to where the agent was.
  const queryKey = JSON.stringify(query.filters);
  const firstQuery = useRef(queryKey);
  useEffect(() => {
    if (queryKey === firstQuery.current || query.filters === null) return;
    firstQuery.current = '';
    setActiveIndex(0);
    virtualizer.scrollToOffset(0);
  }, [queryKey, query.filters, virtualizer]);
  const restored = useRef(false);
  useEffect(() => {
    if (restored.current || pages.total === null || pages.stale) return;
    restored.current = true;
    if (firstQuery.current !== '' && start.scrollOffset > 0) virtualizer.scrollToOffset(start.scrollOffset);
  }, [pages.total, pages.stale, start.scrollOffset, virtualizer]);

  useEffect(() => rememberPlace({ filters: filterState, activeIndex: active, scrollOffset: virtualizer.scrollOffset ?? 0 }));
  useEffect(() => listRef.current?.focus({ preventScroll: true }), []);

  const focusList = useCallback(() => listRef.current?.focus(), []);
  const focusSearch = () => {
    searchRef.current?.focus();
    searchRef.current?.select();
  };
  useShortcuts({ '/': focusSearch });
  // The window shortcut stays out of every input; a status checkbox takes no text, so / works there too.
  const onScreenKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === '/' && event.target instanceof HTMLInputElement && event.target.type === 'checkbox') {
      event.preventDefault();
      focusSearch();
    }
  };

  const moveTo = (index: number) => {
    if (pages.count === 0) return;
    const next = clamp(index, 0, pages.count - 1);
    setActiveIndex(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };
  const open = (index: number) => {
    const row = pages.rowAt(index);
    if (row) onOpen(row.id);
  };
  // Stable, so the memoised rows are not re-rendered by every render of the list.
  const openRef = useRef(open);
  openRef.current = open;
  const pick = useCallback((index: number) => {
    setActiveIndex(index);
    openRef.current(index);
  }, []);

  const onListKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const perPage = Math.max(1, Math.floor((listRef.current?.clientHeight ?? ROW_HEIGHT) / ROW_HEIGHT) - 1);
    const moves: Record<string, () => void> = {
      ArrowDown: () => moveTo(active + 1),
      ArrowUp: () => moveTo(active - 1),
      PageDown: () => moveTo(active + perPage),
      PageUp: () => moveTo(active - perPage),
      Home: () => moveTo(0),
      End: () => moveTo(pages.count - 1),
      Enter: () => open(active),
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    move();
  };

  const filtered = hasFilters(filterState);
  const empty = pages.total === 0 && !pages.stale;
  const busy = pages.total === null || pages.stale;

  return (
    <div className="cases-screen" onKeyDown={onScreenKey}>
      <div className="cases-title">
        <h1>Cases</h1>
        <p className="case-count" data-testid="case-count" role="status">
          {pages.total === null ? 'Loading cases…' : pages.totalIsExact ? formatCount(pages.total, 'case', 'cases') : `${formatNumber(pages.total)}+ cases`}
        </p>
        {pages.stale && <span className="muted">Searching…</span>}
      </div>
      <CaseFilterBar
        value={filterState}
        onChange={setFilterState}
        catalog={catalog}
        problem={query.problem}
        searchRef={searchRef}
        onLeaveSearch={focusList}
        onSearchTyped={prefetchText}
      />
      {pages.error && (
        <div role="alert" className="banner error row">
          <span>The cases could not be loaded: {pages.error}</span>
          <Button className="btn" onPress={pages.retry}>
            Try again
          </Button>
        </div>
      )}
      <div className="case-table">
        <CaseColumns />
        {empty ? (
          <div className="case-empty">
            <p>{filtered ? 'No cases match these filters.' : 'No cases on this desk yet.'}</p>
            {filtered && <p className="muted">Try fewer words or clear a filter.</p>}
          </div>
        ) : (
          <div
            ref={listRef}
            role="listbox"
            aria-label={`Cases, newest first${pages.total === null ? '' : `, ${formatNumber(pages.total)}${pages.totalIsExact ? '' : ' or more'} in all`}`}
            aria-activedescendant={pages.count > 0 ? optionId(active) : undefined}
            aria-busy={busy}
            tabIndex={0}
            className="case-scroller"
            onKeyDown={onListKey}
          >
            <div role="presentation" className="case-sizer" style={{ height: `${virtualizer.getTotalSize()}px` }}>
              {rows.map((row) => {
                const summary = pages.rowAt(row.index);
                const common = { index: row.index, count: pages.count, start: row.start, active: row.index === active, onPick: pick };
                return summary ? (
                  <CaseRow key={row.key} {...common} summary={summary} serviceName={serviceName(summary.serviceCode)} />
                ) : (
                  <PlaceholderRow key={row.key} {...common} />
                );
              })}
            </div>
          </div>
        )}
      </div>
      <p className="case-hints muted">
        {firstShown > pages.reached && !pages.error && (
          <span className="case-walk">
            Cases load newest first: {formatNumber(pages.reached)} of {formatNumber(firstShown + 1)} so far.
          </span>
        )}
        <Keys combo="/" /> search <span aria-hidden>·</span> <Keys combo="↑" /> <Keys combo="↓" /> move <span aria-hidden>·</span>{' '}
        <Keys combo="Enter" /> open <span aria-hidden>·</span> <Keys combo="PageUp" /> <Keys combo="PageDown" /> page{' '}
        <span aria-hidden>·</span> <Keys combo="Home" /> <Keys combo="End" /> first and last
      </p>
    </div>
  );
}
