import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { Button } from 'react-aria-components';
import type { CaseSummary } from '../../../../shared/contract';
import { request } from '../../api/api';
import { Keys } from '../../components/Kbd';
import { useCatalog } from '../../components/use-catalog';
import { CaseColumns, CaseRow, ROW_HEIGHT, optionId } from '../cases/CaseRow';
import type { Drill } from './drill';
import { formatCases, formatCount } from './report-format';

const PAGE = 100;
/** Rows the list shows before it scrolls. */
const VISIBLE_ROWS = 14;
const clamp = (n: number, low: number, high: number) => Math.max(low, Math.min(high, n));

interface Props {
  drill: Drill;
  /** The reports screen is on screen (not hidden behind a case opened from this list). */
  active: boolean;
  onOpenCase: (id: string) => void;
  onClose: () => void;
}

/** The cases behind one figure, newest first, in the case list's rows: ↑ ↓ Enter open one, Esc goes back. */
export function DrillDownList({ drill, active, onOpenCase, onClose }: Props) {
  const [items, setItems] = useState<CaseSummary[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [problem, setProblem] = useState<string | null>(null);
  const [activeIndex, setActiveIndex] = useState(0);
  const { serviceName } = useCatalog();
  const listRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const load = useCallback(
    async (after: string | null) => {
      setLoading(true);
      try {
        const page = await request('reportCases', { window: drill.window, scope: drill.scope, filter: drill.filter, limit: PAGE, ...(after ? { cursor: after } : {}) });
        setItems((earlier) => (after ? [...earlier, ...page.items] : page.items));
        setCursor(page.nextCursor);
        setProblem(null);
      } catch (error) {
        setProblem(error instanceof Error ? error.message : String(error));
      } finally {
        setLoading(false);
      }
    },
    [drill],
  );
  useEffect(() => {
    void load(null);
  }, [load]);

  const firstLoad = loading && items.length === 0;
  const hasRows = items.length > 0;
  // Focus goes to the list once it has rows (so ↓ and Enter work at once), else to the title; and
  // back there when the agent returns from a case opened here.
  useEffect(() => {
    if (!active || firstLoad) return;
    if (hasRows) listRef.current?.focus({ preventScroll: true });
    else headingRef.current?.focus({ preventScroll: true });
  }, [active, firstLoad, hasRows]);

  const moveTo = (index: number) => {
    if (items.length === 0) return;
    const next = clamp(index, 0, items.length - 1);
    setActiveIndex(next);
    const list = listRef.current;
    if (list) {
      const top = next * ROW_HEIGHT;
      if (top < list.scrollTop) list.scrollTop = top;
      else if (top + ROW_HEIGHT > list.scrollTop + list.clientHeight) list.scrollTop = top + ROW_HEIGHT - list.clientHeight;
    }
    if (next === items.length - 1 && cursor && !loading) void load(cursor);
  };
  const open = (index: number) => {
    const row = items[index];
    if (row) onOpenCase(row.id);
  };
  const onListKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const perPage = VISIBLE_ROWS - 1;
    const moves: Record<string, () => void> = {
      ArrowDown: () => moveTo(activeIndex + 1),
      ArrowUp: () => moveTo(activeIndex - 1),
      PageDown: () => moveTo(activeIndex + perPage),
      PageUp: () => moveTo(activeIndex - perPage),
      Home: () => moveTo(0),
      End: () => moveTo(items.length - 1),
      Enter: () => open(activeIndex),
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    move();
  };
  const onScreenKey = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    onClose();
  };
  const pick = useCallback(
    (index: number) => {
      setActiveIndex(index);
      const row = items[index];
      if (row) onOpenCase(row.id);
    },
    [items, onOpenCase],
  );

  const shownRows = clamp(items.length, 3, VISIBLE_ROWS);
  return (
    <section className="stack drill" aria-labelledby="drill-title" onKeyDown={onScreenKey} data-testid="drill-down">
      <div className="row">
        <Button className="btn" onPress={onClose}>
          ← Back to the report <Keys combo="Esc" />
        </Button>
      </div>
      <div className="report-heading">
        <h2 id="drill-title" ref={headingRef} tabIndex={-1}>
          {drill.title}
        </h2>
        <p className="muted">
          {drill.context} · {formatCases(drill.count)} in the report
        </p>
      </div>
      {drill.scope.source === 'team' && (
        <p className="banner info">A team figure: the list shows the team's cases this desk holds as of its last sync, so it may be shorter.</p>
      )}
      {problem && (
        <div role="alert" className="banner error row">
          <span>The cases could not be listed: {problem}</span>
          <Button className="btn" onPress={() => void load(items.length > 0 ? cursor : null)}>
            Try again
          </Button>
        </div>
      )}
      <div className="case-table drill-table" style={{ height: shownRows * ROW_HEIGHT + 36, flex: 'none' }}>
        <CaseColumns />
        {!firstLoad && items.length === 0 && !problem ? (
          <div className="case-empty">
            <p>No cases behind this figure.</p>
          </div>
        ) : (
          <div
            ref={listRef}
            role="listbox"
            aria-label={`Cases: ${drill.title}, newest first`}
            aria-activedescendant={items.length > 0 ? optionId(activeIndex) : undefined}
            aria-busy={loading}
            tabIndex={0}
            className="case-scroller"
            onKeyDown={onListKey}
          >
            <div role="presentation" className="case-sizer" style={{ height: `${items.length * ROW_HEIGHT}px` }}>
              {items.map((summary, index) => (
                <CaseRow
                  key={summary.id}
                  summary={summary}
                  serviceName={serviceName(summary.serviceCode)}
                  index={index}
                  count={items.length}
                  start={index * ROW_HEIGHT}
                  active={index === activeIndex}
                  onPick={pick}
                  timeZone={drill.timeZone}
                />
              ))}
            </div>
          </div>
        )}
      </div>
      <p className="case-hints muted">
        <span data-testid="drill-count" role="status">
          {firstLoad ? 'Loading the cases…' : `${formatCount(items.length)}${cursor ? ' so far' : ''} listed`}
        </span>
        {cursor && (
          <Button className="btn" isDisabled={loading} onPress={() => void load(cursor)}>
            Load more
          </Button>
        )}
        <span aria-hidden>·</span> <Keys combo="↑" /> <Keys combo="↓" /> move <span aria-hidden>·</span> <Keys combo="Enter" /> open <span aria-hidden>·</span>{' '}
        <Keys combo="Esc" /> back to the report
      </p>
    </section>
  );
}
