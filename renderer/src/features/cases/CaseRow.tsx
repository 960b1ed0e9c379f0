import { memo, type CSSProperties } from 'react';
import type { CaseSummary } from '../../../../shared/contract';
import { formatShortDateTime, formatShortDateTimeIn } from './format';
import { CHANNEL_LABELS, KIND_LABELS, STATUS_LABELS } from '../../components/labels';

/** Fixed row height: 1,000,000 rows × 32 px stays under Chromium's 33,554,431 px layout limit. */
export const ROW_HEIGHT = 32;

export const optionId = (index: number): string => `case-option-${index}`;

/** Column titles over the list; each row's text already reads in this order, so they are decoration. */
export function CaseColumns() {
  return (
    <div className="case-columns" aria-hidden>
      <span>Reference</span>
      <span>Created</span>
      <span>Channel</span>
      <span>Kind</span>
      <span>Service type</span>
      <span>Caller</span>
      <span>Status</span>
      <span>Summary</span>
    </div>
  );
}

interface RowProps {
  index: number;
  count: number;
  start: number;
  active: boolean;
  onPick: (index: number) => void;
}

const place = (start: number): CSSProperties => ({ transform: `translateY(${start}px)`, height: ROW_HEIGHT });

/** What every row of the listbox carries, loaded or not: its place, its option semantics, the click. */
const optionProps = ({ index, count, start, active, onPick }: RowProps) => ({
  role: 'option',
  id: optionId(index),
  'aria-selected': active,
  'aria-setsize': count,
  'aria-posinset': index + 1,
  style: place(start),
  onClick: () => onPick(index),
});

/** Memoised: a keystroke in the search box or a scroll frame re-renders only the rows that changed. */
export const CaseRow = memo(function CaseRow({
  summary,
  serviceName,
  index,
  count,
  start,
  active,
  onPick,
  timeZone,
}: RowProps & { summary: CaseSummary; serviceName: string; /** Show times on this zone's clock instead of the browser's. */ timeZone?: string }) {
  const caller = summary.callerName ?? summary.callerPhone;
  return (
    <div {...optionProps({ index, count, start, active, onPick })} className="case-row" data-testid="case-row" data-reference={summary.reference}>
      <span className="mono case-ref">{summary.reference}</span>
      <span className="case-num">{timeZone ? formatShortDateTimeIn(summary.createdAt, timeZone) : formatShortDateTime(summary.createdAt)}</span>
      <span>{CHANNEL_LABELS[summary.channel]}</span>
      <span>{KIND_LABELS[summary.kind]}</span>
      <span title={serviceName}>{serviceName}</span>
      <span title={[summary.callerName, summary.callerPhone].filter(Boolean).join(' · ')}>
        {caller ?? <span className="muted">Anonymous</span>}
        {summary.callerName && summary.callerPhone && <span className="muted case-num"> · {summary.callerPhone}</span>}
      </span>
      <span>
        <span className={`badge status-${summary.status}`}>{STATUS_LABELS[summary.status]}</span>
      </span>
      <span className="muted" title={summary.summary}>
        {summary.summary || '—'}
      </span>
    </div>
  );
});

/** A row whose page has not arrived yet. */
export function PlaceholderRow(props: RowProps) {
  return (
    <div {...optionProps(props)} aria-busy className="case-row case-row-loading">
      <span className="case-skeleton">Loading…</span>
    </div>
  );
}
